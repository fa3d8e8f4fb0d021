import rrule from 'rrule';
import type { Options } from 'rrule';
import { durationMs } from './duration.ts';
import { parseRruleBody } from './rrule-body.ts';
import { simpleBetween } from './simple-rrule.ts';
import { clock } from './format.ts';
import type { ZoneTimeline } from './zone.ts';

const { RRule } = rrule;
const MINUTE = 60_000;
const DAY = 86_400_000;

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

/**
 * rrule.js stops looking for a match only at year 9999, which takes seconds for a rule that
 * never matches. Probing from about 9970, in the same INTERVAL phase as the anchor, asks the
 * same question over the last 29 years or so: weekdays and leap years repeat every 28.
 */
const NEVER_PROBE_YEAR = 9970;
/** The years from the probe to 9999, in days: what a rule that ends with UNTIL is probed over. */
const NEVER_PROBE_DAYS = 30 * 366;


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

/*
 * A recurrence expands over the horizon in three steps: the pattern runs in floating local time
 * (rrule.js with UTC digits and no tzid, so the machine's zone cannot leak in), then each local
 * start becomes an instant through the zone's timeline, then each instant gets its end. A start
 * in a DST gap moves forward, an ambiguous one takes its first instant; both are kept and marked,
 * never dropped. The steps are separate so that the TimeEngine can share each one: the wall times
 * depend on the rule and the start only, the instants on the zone too, and only the ends on the
 * duration.
 */

/** The local wall times of a recurrence in the horizon (a day wider on each side), or why it has none. */
export type Walls = { ok: true; walls: number[] } | { ok: false; message: string };

/**
 * What wall-time expansions can share. A rule that runs at one time of day (FREQ of a day or
 * more, no BYHOUR, BYMINUTE or UNTIL) gives the same dates whatever that time is, so its dates
 * are expanded once, at midnight, and shifted to each start.
 */
export interface WallMemo {
  /** Rule and midnight DTSTART → dates at midnight over the widened horizon; null when too many. */
  days: Map<string, number[] | null>;
  /** Rule and midnight probe → whether it never occurs. */
  never: Map<string, boolean>;
}

export function newWallMemo(): WallMemo {
  return { days: new Map(), never: new Map() };
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The first step of `expand`: the rule's occurrences as wall times, zone-free. */
export function wallTimes(recurrence: Pick<Recurrence, 'rrule' | 'start'>, horizon: Horizon, memo: WallMemo): Walls {
  const parsed = parseRruleBody(recurrence.rrule);
  if (!parsed.ok) return parsed;
  const [hours, minutes] = (recurrence.start ?? '00:00').split(':').map(Number) as [number, number];

  // Wall times a day wider than the horizon on each side cover every zone's offset.
  const fromWall = horizon.from - DAY;
  const toWall = horizon.to + DAY;
  const anchor = ANCHOR + (hours * 60 + minutes) * MINUTE;
  const dtstart = anchorBefore(anchor, fromWall, parsed.freq, parsed.interval);
  const until = parsed.options.until?.getTime();
  if (until !== undefined && until < horizon.from) {
    return { ok: false, message: `ended on ${clock(until, 'UTC').date} (its UNTIL), before the checked dates begin on ${clock(horizon.from, 'UTC').date}; remove the item, or move UNTIL later` };
  }
  // First, since a rule that never matches would make rrule.js search until year 9999 below.
  // A rule with UNTIL stops there, so it is probed over the same span of years before its UNTIL
  // (or from the horizon, when that is nearer).
  const probeBefore = until === undefined ? Date.UTC(NEVER_PROBE_YEAR, 0, 1) : Math.min(Date.UTC(NEVER_PROBE_YEAR, 0, 1), until - NEVER_PROBE_DAYS * DAY);
  const probe = Math.max(dtstart, anchorBefore(anchor, probeBefore, parsed.freq, parsed.interval));

  // The time of day, when the dates do not depend on it: DTSTART and probe minus it are midnights.
  const shift = isDayLevel(parsed.options) && HH_MM.test(recurrence.start ?? '00:00') ? (hours * 60 + minutes) * MINUTE : undefined;

  const neverKey = shift === undefined ? undefined : `${recurrence.rrule}\u0000${probe - shift}`;
  let never = neverKey === undefined ? undefined : memo.never.get(neverKey);
  if (never === undefined) {
    never = new RRule({ ...parsed.options, dtstart: new Date(shift === undefined ? probe : probe - shift) }).all((_, count) => count < 1).length === 0;
    if (neverKey !== undefined) memo.never.set(neverKey, never);
  }
  if (never) return { ok: false, message: `never occurs: no date matches all of its parts${until === undefined ? '' : ` before its UNTIL (${clock(until, 'UTC').date})`}` };

  let dates: number[] | undefined;
  if (shift !== undefined) {
    const daysKey = `${recurrence.rrule}\u0000${dtstart - shift}`;
    let days = memo.days.get(daysKey);
    if (days === undefined) {
      // Midnight dates from a day before the horizon's first wall time: every start lands on or after it.
      // Up to two dates beyond the exact range, so that a truncated list is known to be too long.
      const found = between(parsed.options, dtstart - shift, fromWall - DAY, toWall, MAX_OCCURRENCES + 2);
      days = found.length > MAX_OCCURRENCES + 2 ? null : found;
      memo.days.set(daysKey, days);
    }
    if (days) {
      dates = [];
      for (const day of days) {
        const wall = day + shift;
        if (wall >= fromWall && wall <= toWall) dates.push(wall);
      }
    }
  }
  if (!dates) dates = between(parsed.options, dtstart, fromWall, toWall, MAX_OCCURRENCES);
  if (dates.length > MAX_OCCURRENCES) {
    return { ok: false, message: `occurs more than ${MAX_OCCURRENCES.toLocaleString('en')} times in the horizon; continuous or sub-hourly checks belong in 'monitors'` };
  }
  return { ok: true, walls: dates };
}

/** rrule.js's `between(from, to, inclusive)` from a DTSTART, at most `limit + 1` dates; the common rules without rrule.js. */
function between(options: Partial<Options>, dtstart: number, from: number, to: number, limit: number): number[] {
  const simple = simpleBetween(options, dtstart, from, to, limit);
  if (simple) return simple;
  const rule = new RRule({ ...options, dtstart: new Date(dtstart) });
  return rule.between(new Date(from), new Date(to), true, (_, count) => count <= limit).map((date) => date.getTime());
}

/**
 * Whether rrule.js gives every occurrence at the DTSTART's time of day, so that moving the
 * DTSTART by a time of day moves every occurrence by the same: a FREQ of a day or more, with
 * no BYHOUR, BYMINUTE or BYSECOND, and no UNTIL (which cuts at an instant, not a date).
 */
function isDayLevel(options: Partial<Options>): boolean {
  return options.freq !== undefined && options.freq <= RRule.DAILY && options.byhour == null && options.byminute == null && options.bysecond == null && options.until == null && options.dtstart == null && options.count == null && options.byeaster == null;
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

/** The second step of `expand`: wall times to instants in the horizon, one occurrence per instant. */
export function resolveWalls(walls: readonly number[], allDay: boolean, zone: ZoneTimeline, horizon: Horizon): ResolvedWalls {
  const resolved = zone.resolveAll(walls);
  const out: ResolvedWalls = { allDay, starts: [], walls: [], kinds: [] };
  let last: number | undefined;
  for (let i = 0; i < walls.length; i++) {
    const instant = resolved.instants[i]!;
    if (instant < horizon.from || instant >= horizon.to) continue;
    // A start moved out of a DST gap can land on the next occurrence (hourly rules): one instant, one occurrence.
    if (last === instant) continue;
    last = instant;
    out.starts.push(instant);
    out.walls.push(walls[i]!);
    out.kinds.push(resolved.kinds[i]!);
  }
  if (allDay) out.ends = zone.resolveAll(out.walls.map((wall) => wall + DAY)).instants;
  return out;
}

/** The last step of `expand`: occurrences with their ends. */
export function occurrencesOf(resolved: ResolvedWalls, recurrence: Pick<Recurrence, 'duration'>): Expansion {
  const { allDay, starts, walls, kinds, ends } = resolved;
  const length = allDay ? DAY : recurrence.duration ? durationMs(recurrence.duration) : 0;
  const occurrences: Occurrence[] = new Array(starts.length);
  const shifted: Occurrence[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const occurrence: Occurrence = { start, end: allDay ? ends![i]! : start + length, wall: walls[i]!, kind: kinds[i]!, allDay };
    occurrences[i] = occurrence;
    if (occurrence.kind !== 'exact') shifted.push(occurrence);
  }
  return { ok: true, occurrences, shifted };
}

/**
 * Moves the anchor forward by whole periods to just before the horizon, so rrule.js does not
 * walk every day since 2000, while every INTERVAL keeps the phase it has from the anchor.
 */
function anchorBefore(anchor: number, fromWall: number, freq: string, interval: number): number {
  const fixed: Record<string, number> = { DAILY: DAY, WEEKLY: 7 * DAY, HOURLY: 3_600_000, MINUTELY: MINUTE };
  const unit = fixed[freq];
  if (unit) {
    const period = unit * interval;
    const periods = Math.floor((fromWall - anchor) / period) - 1;
    return periods > 0 ? anchor + periods * period : anchor;
  }
  const a = new Date(anchor);
  const f = new Date(fromWall);
  const months = freq === 'MONTHLY' ? interval : 12 * interval;
  const elapsed = (f.getUTCFullYear() - a.getUTCFullYear()) * 12 + f.getUTCMonth() - a.getUTCMonth();
  const periods = Math.floor(elapsed / months) - 1;
  if (periods <= 0) return anchor;
  return Date.UTC(a.getUTCFullYear(), a.getUTCMonth() + periods * months, a.getUTCDate(), a.getUTCHours(), a.getUTCMinutes());
}
