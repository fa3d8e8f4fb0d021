import rrule from 'rrule';
import { durationMs } from './duration.ts';
import { parseRruleBody } from './rrule-body.ts';
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

export type Expansion = { ok: true; occurrences: Occurrence[] } | { ok: false; message: string };

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

/**
 * Expands a recurrence over the horizon: the pattern runs in floating local time (rrule.js
 * with UTC digits and no tzid, so the machine's zone cannot leak in), then each local start
 * becomes an instant through the zone's timeline. A start in a DST gap moves forward, an
 * ambiguous one takes its first instant; both are kept and marked, never dropped.
 */
export function expand(recurrence: Recurrence, zone: ZoneTimeline, horizon: Horizon): Expansion {
  const parsed = parseRruleBody(recurrence.rrule);
  if (!parsed.ok) return parsed;
  const [hours, minutes] = (recurrence.start ?? '00:00').split(':').map(Number) as [number, number];
  const allDay = recurrence.start === undefined;
  const length = allDay ? DAY : recurrence.duration ? durationMs(recurrence.duration) : 0;

  // Wall times a day wider than the horizon on each side cover every zone's offset.
  const fromWall = horizon.from - DAY;
  const toWall = horizon.to + DAY;
  const anchor = ANCHOR + (hours * 60 + minutes) * MINUTE;
  const dtstart = anchorBefore(anchor, fromWall, parsed.freq, parsed.interval);
  // First, since a rule that never matches would make rrule.js search until year 9999 below.
  const probe = anchorBefore(anchor, Date.UTC(NEVER_PROBE_YEAR, 0, 1), parsed.freq, parsed.interval);
  if (new RRule({ ...parsed.options, dtstart: new Date(probe) }).all((_, count) => count < 1).length === 0) {
    return { ok: false, message: 'never occurs: no date matches all of its parts' };
  }
  const rule = new RRule({ ...parsed.options, dtstart: new Date(dtstart) });

  const dates = rule.between(new Date(fromWall), new Date(toWall), true, (_, count) => count <= MAX_OCCURRENCES);
  if (dates.length > MAX_OCCURRENCES) {
    return { ok: false, message: `occurs more than ${MAX_OCCURRENCES.toLocaleString('en')} times in the horizon; continuous or sub-hourly checks belong in 'monitors'` };
  }
  const occurrences: Occurrence[] = [];
  for (const date of dates) {
    const wall = date.getTime();
    const { instant, kind } = zone.resolve(wall);
    if (instant < horizon.from || instant >= horizon.to) continue;
    // A start moved out of a DST gap can land on the next occurrence (hourly rules): one instant, one occurrence.
    if (occurrences.at(-1)?.start === instant) continue;
    const end = allDay ? zone.resolve(wall + DAY).instant : instant + length;
    occurrences.push({ start: instant, end, wall, kind, allDay });
  }
  return { ok: true, occurrences };
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
