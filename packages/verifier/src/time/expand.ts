import { addToWall, nominalDuration, type NominalDuration } from './duration.ts';
import { parseRruleBody, type Until } from './rrule-body.ts';
import { expandBetween, type Recur } from './recur.ts';
import { clock } from './format.ts';
import { untilInWords } from './time-words.ts';
import { DAY, HOUR, MINUTE } from './units.ts';
import type { ZoneTimeline } from './zone.ts';

/** What expands: an item's recurrence in its zone. */
export interface Recurrence {
  rrule: string;
  /** "HH:MM"; absent for a task due on a day at no set hour. */
  start?: string;
  duration?: string;
}

export interface Occurrence {
  /** Epoch milliseconds, UTC. */
  start: number;
  end: number;
  /** The intended local wall time, as epoch milliseconds of the same digits in UTC. */
  wall: number;
  kind: 'exact' | 'gap' | 'ambiguous';
  allDay: boolean;
}

/**
 * More occurrences than this over the horizon is a monitor, not a task: sub-half-hourly checks
 * belong in `monitors`, and expanding them would cost more than the rest of a corpus.
 */
export const MAX_OCCURRENCES = 20_000;

/** No zone is more than 14 hours ahead of UTC: the latest wall time an instant can have. */
const MAX_AHEAD = 14 * HOUR;
/**
 * How far a rule with no occurrence in the horizon is searched before it is called one that
 * never occurs: the Gregorian calendar repeats every 400 years, weekdays and all.
 */
const NEVER_SEARCH = 146_097 * DAY;

/** `shifted`: the occurrences whose kind is not 'exact' (DST gaps and repeats), for the rules that look for only those. */
export type Expansion = { ok: true; occurrences: Occurrence[]; shifted: Occurrence[] } | { ok: false; message: string };

export interface Horizon {
  from: number;
  to: number;
}

/**
 * Runbooks carry no DTSTART, so every rule is anchored at one fixed wall time, 2000-01-01 at
 * the item's start: INTERVAL counts from there (FREQ=MONTHLY;INTERVAL=3 falls in January,
 * April, July and October) and a rule without BYxxx parts takes that day (the 1st of the month).
 */
export const ANCHOR = Date.UTC(2000, 0, 1);
/** The anchor's weekday, 0 (MO) to 6 (SU) as rules number them: a Saturday, the day of a WEEKLY rule without BYDAY. */
export const ANCHOR_WEEKDAY = (new Date(ANCHOR).getUTCDay() + 6) % 7;

/*
 * A recurrence expands over the horizon in three steps: the pattern runs in floating local time
 * (`recur.ts`, with UTC digits and no zone, so the machine's zone cannot leak in), then each local
 * start becomes an instant through the zone's timeline, then each instant gets its end. A start
 * in a DST gap moves forward, an ambiguous one takes its first instant; both are kept and marked,
 * never dropped. The steps are separate so that the TimeEngine can share each one: the wall times
 * depend on the rule and the start only, the instants on the zone too, and only the ends on the
 * duration.
 */

/**
 * The local wall times of a recurrence in the horizon (a day wider on each side), or why it has
 * none. `until`: an UNTIL instant, which cuts the occurrences once they are instants in a zone.
 */
export type Walls = { ok: true; walls: number[]; until?: number } | { ok: false; message: string };

/**
 * What wall-time expansions can share. A rule that runs at one time of day (FREQ of a day or
 * more, no BYHOUR, BYMINUTE or UNTIL) gives the same dates whatever that time is, so its dates
 * are expanded once, at midnight, and shifted to each start.
 */
export interface WallMemo {
  /** Rule → dates at midnight over the widened horizon, from a midnight anchor; null when too many. */
  days: Map<string, number[] | null>;
  /** Rule and start → why it has no occurrence anywhere, or '' when it has one outside the horizon. */
  never: Map<string, string>;
}

export function newWallMemo(): WallMemo {
  return { days: new Map(), never: new Map() };
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const tooMany = {
  ok: false,
  message: `occurs more than ${MAX_OCCURRENCES.toLocaleString('en')} times in the horizon; continuous or sub-hourly checks belong in 'monitors'`,
} as const;

/** The first step of `expand`: the rule's occurrences as wall times, zone-free. */
export function wallTimes(recurrence: Pick<Recurrence, 'rrule' | 'start'>, horizon: Horizon, memo: WallMemo): Walls {
  const parsed = parseRruleBody(recurrence.rrule);
  if (!parsed.ok) return parsed;
  const { rule, until } = parsed;
  const [hours, minutes] = (recurrence.start ?? '00:00').split(':').map(Number) as [number, number];
  const timeOfDay = (hours * 60 + minutes) * MINUTE;

  // Wall times a day wider than the horizon on each side cover every zone's offset.
  const fromWall = horizon.from - DAY;
  const toWall = horizon.to + DAY;
  const dtstart = ANCHOR + timeOfDay;
  // The last wall time UNTIL lets through: its own, or for an instant the latest any zone gives it.
  const lastWall = until === undefined ? Infinity : until.kind === 'wall' ? until.at : until.at + MAX_AHEAD;
  if (until !== undefined && (until.kind === 'instant' ? until.at < horizon.from : lastWall < fromWall)) {
    return {
      ok: false,
      message: `ended (${untilInWords(until, 'message', recurrence.start)}) before the checked dates begin on ${clock(horizon.from, 'UTC').date}; remove the item, or move UNTIL later`,
    };
  }

  // A sub-daily rule with nothing to thin it out is judged by arithmetic, not expanded to find out.
  const step = rule.freq === 'HOURLY' ? HOUR : rule.freq === 'MINUTELY' ? MINUTE : 0;
  const unthinned =
    step &&
    [
      rule.byMonth,
      rule.byWeekNo,
      rule.byYearDay,
      rule.byMonthDay,
      rule.byDay,
      rule.byHour,
      rule.byMinute,
      rule.bySetPos,
    ].every((part) => !part.length);
  if (unthinned && (Math.min(toWall, lastWall) - fromWall) / (step * rule.interval) > MAX_OCCURRENCES + 1)
    return tooMany;

  let dates: number[] | undefined;
  // A rule that keeps one time of day gives the same dates whatever that time is: expanded once, at midnight.
  const dayLevel = isDayLevel(rule, until) && HH_MM.test(recurrence.start ?? '00:00');
  if (dayLevel) {
    let days = memo.days.get(recurrence.rrule);
    if (days === undefined) {
      const found = expandBetween(rule, ANCHOR, fromWall - DAY, toWall, MAX_OCCURRENCES + 2);
      if (!found.ok) return found;
      days = found.walls.length > MAX_OCCURRENCES + 1 ? null : found.walls;
      memo.days.set(recurrence.rrule, days);
    }
    if (days === null) return tooMany;
    dates = [];
    for (const day of days) {
      const wall = day + timeOfDay;
      if (wall >= fromWall && wall <= toWall) dates.push(wall);
    }
  } else {
    const found = expandBetween(rule, dtstart, fromWall, Math.min(toWall, lastWall), MAX_OCCURRENCES);
    if (!found.ok) return found;
    dates = found.walls;
  }
  if (dates.length > MAX_OCCURRENCES) return tooMany;
  if (dates.length === 0) {
    // Whether a day-level rule occurs does not depend on its time of day either.
    const never = neverOccurs(
      rule,
      until,
      dtstart,
      toWall,
      lastWall,
      dayLevel ? recurrence.rrule : `${recurrence.rrule}\u0000${recurrence.start}`,
      memo,
    );
    if (never) return { ok: false, message: never };
  }
  return until?.kind === 'instant' ? { ok: true, walls: dates, until: until.at } : { ok: true, walls: dates };
}

/**
 * Why a rule with no occurrence in the horizon has none at all, or undefined when it has one
 * elsewhere: before its UNTIL (it has ended), or ahead (it is rare). Searched over 400 years.
 */
function neverOccurs(
  rule: Recur,
  until: Until | undefined,
  dtstart: number,
  toWall: number,
  lastWall: number,
  key: string,
  memo: WallMemo,
): string | undefined {
  let never = memo.never.get(key);
  if (never === undefined) {
    const [from, to] =
      until === undefined ? [toWall, toWall + NEVER_SEARCH] : [Math.max(dtstart, lastWall - NEVER_SEARCH), lastWall];
    const found = expandBetween(rule, dtstart, from, to, 0);
    never = !found.ok
      ? found.message
      : found.walls.length > 0
        ? ''
        : `never occurs: no date matches all of its parts${until === undefined ? '' : ` before its end (${untilInWords(until, 'message')})`}`;
    memo.never.set(key, never);
  }
  return never || undefined;
}

/**
 * Whether every occurrence is at DTSTART's time of day, so that moving DTSTART by a time of day
 * moves every occurrence by the same: a FREQ of a day or more, with no BYHOUR or BYMINUTE, and
 * no UNTIL (which cuts at an instant, not a date).
 */
function isDayLevel(rule: Recur, until: Until | undefined): boolean {
  return (
    rule.freq !== 'HOURLY' &&
    rule.freq !== 'MINUTELY' &&
    !rule.byHour.length &&
    !rule.byMinute.length &&
    until === undefined
  );
}

/** Wall times resolved in a zone: what of an expansion does not depend on the duration. */
export interface ResolvedWalls {
  allDay: boolean;
  starts: number[];
  walls: number[];
  kinds: Array<Occurrence['kind']>;
  /** For all-day occurrences: the instant the next local day starts. */
  ends?: number[];
}

/**
 * The second step of `expand`: wall times to instants in the horizon, one occurrence per instant.
 * A start moved forward out of a DST gap can land on a later start, not only the next one
 * (01:00–03:30 every half hour in New York on the spring-forward night gives 03:00 and 03:30
 * twice), or past one (every 15 minutes at Lord Howe's half-hour gap): RFC 5545 makes the
 * recurrence a set, so the instants are sorted and each kept once, the first in wall order.
 */
export function resolveWalls(
  walls: readonly number[],
  allDay: boolean,
  zone: ZoneTimeline,
  horizon: Horizon,
  until = Infinity,
): ResolvedWalls {
  const resolved = zone.resolveAll(walls);
  let out: ResolvedWalls = { allDay, starts: [], walls: [], kinds: [] };
  let ordered = true;
  for (let i = 0; i < walls.length; i++) {
    const instant = resolved.instants[i]!;
    if (instant < horizon.from || instant >= horizon.to || instant > until) continue;
    if (out.starts.length && instant <= out.starts[out.starts.length - 1]!) ordered = false;
    out.starts.push(instant);
    out.walls.push(walls[i]!);
    out.kinds.push(resolved.kinds[i]!);
  }
  if (!ordered) out = asSet(out);
  if (allDay) out.ends = zone.resolveAll(out.walls.map((wall) => wall + DAY)).instants;
  return out;
}

/** Only a clock change puts instants out of order: sorted, stably, so that the first in wall order is the one kept. */
function asSet(unordered: ResolvedWalls): ResolvedWalls {
  const { starts, walls, kinds } = unordered;
  const order = Array.from(starts.keys()).sort((a, b) => starts[a]! - starts[b]!);
  const out: ResolvedWalls = { allDay: unordered.allDay, starts: [], walls: [], kinds: [] };
  for (const i of order) {
    if (out.starts.length && starts[i] === out.starts[out.starts.length - 1]) continue;
    out.starts.push(starts[i]!);
    out.walls.push(walls[i]!);
    out.kinds.push(kinds[i]!);
  }
  return out;
}

/** The last step of `expand`: occurrences with their ends, a duration's days and weeks counted on the zone's wall clock. */
export function occurrencesOf(
  resolved: ResolvedWalls,
  recurrence: Pick<Recurrence, 'duration'>,
  zone: ZoneTimeline,
): Expansion {
  const { allDay, starts, walls, kinds } = resolved;
  const d = allDay || recurrence.duration === undefined ? undefined : nominalDuration(recurrence.duration);
  // Most durations are hours and minutes: their ends are the start plus the length, with no list made.
  const ends = allDay ? resolved.ends! : d && (d.months || d.days) ? nominalEnds(starts, d, zone) : undefined;
  const length = d?.exact ?? 0;
  const occurrences: Occurrence[] = new Array(starts.length);
  const shifted: Occurrence[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const occurrence: Occurrence = {
      start,
      end: ends ? ends[i]! : start + length,
      wall: walls[i]!,
      kind: kinds[i]!,
      allDay,
    };
    occurrences[i] = occurrence;
    if (occurrence.kind !== 'exact') shifted.push(occurrence);
  }
  return { ok: true, occurrences, shifted };
}

/**
 * Where each occurrence ends when its duration has days, weeks or months. P1D from 12:00 on the
 * Saturday before New York springs forward ends at 12:00 on Sunday, 23 hours later, as a calendar
 * client reads DURATION:P1D; PT24H ends at 13:00. The days are added to the wall time the start
 * shows (a start moved out of a gap counts from where it moved), an end in a gap moves forward as
 * a start does, and the hours and minutes are added after, exactly.
 */
function nominalEnds(starts: readonly number[], d: NominalDuration, zone: ZoneTimeline): number[] {
  const endWalls = starts.map((start) => addToWall(start + zone.offsetAt(start), d.months, d.days));
  return zone.resolveAll(endWalls).instants.map((end) => end + d.exact);
}
