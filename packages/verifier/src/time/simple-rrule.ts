import rrule from 'rrule';
import type { Options, Weekday } from 'rrule';

const { RRule } = rrule;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/**
 * The rules runbooks write most (daily, weekly on some days, the first Monday or the last Sunday
 * of the month, the 8th, quarterly, every n hours), expanded the way rrule.js expands them but
 * without its per-period machinery, which costs a millisecond per rule and year. Rules with any
 * other part (BYSETPOS, BYYEARDAY, BYWEEKNO, BYHOUR, BYMINUTE, UNTIL, BYDAY in a YEARLY rule)
 * return undefined: rrule.js expands those. Wall times are epoch milliseconds of UTC digits, as
 * rrule.js's floating dates are. Like rrule.js's `between` with an iterator `count <= limit`,
 * at most `limit + 1` dates are returned.
 */
export function simpleBetween(options: Partial<Options>, dtstart: number, from: number, to: number, limit: number): number[] | undefined {
  for (const key of Object.keys(options)) if (!SUPPORTED.has(key)) return undefined;
  const interval = options.interval ?? 1;
  if (!(Number.isSafeInteger(interval) && interval >= 1) || !Number.isFinite(dtstart) || !Number.isFinite(from) || !Number.isFinite(to)) return undefined;
  if (options.freq === RRule.HOURLY) return options.byweekday == null && options.bymonthday == null && options.bymonth == null && options.wkst == null ? hourly(dtstart, interval, from, to, limit) : undefined;
  if (options.freq === undefined || options.freq > RRule.DAILY || dtstart % DAY !== 0) return undefined;
  if (options.freq === RRule.YEARLY && options.byweekday != null) return undefined;
  return daily(options, interval, dtstart, from, to, limit);
}

const SUPPORTED = new Set(['freq', 'interval', 'byweekday', 'bymonthday', 'bymonth', 'wkst']);

function hourly(dtstart: number, interval: number, from: number, to: number, limit: number): number[] {
  const step = interval * HOUR;
  const out: number[] = [];
  let k = from > dtstart ? Math.ceil((from - dtstart) / step) : 0;
  for (let t = dtstart + k * step; t <= to && out.length <= limit; t = dtstart + ++k * step) out.push(t);
  return out;
}

const list = <T>(value: T | T[] | null | undefined): T[] => (value == null ? [] : Array.isArray(value) ? value : [value]);

/** Day-level rules, from a midnight DTSTART: each day of the range tested against the rule. */
function daily(options: Partial<Options>, interval: number, dtstart: number, from: number, to: number, limit: number): number[] | undefined {
  const start = new Date(dtstart);
  const freq = options.freq!;
  // The parts as rrule.js reads them (parseOptions): ordinals only count in a MONTHLY rule here.
  const weekdays: number[] = [];
  const nthWeekdays: Array<[number, number]> = [];
  for (const day of list(options.byweekday as Weekday | number | Array<Weekday | number> | null)) {
    if (typeof day === 'number') weekdays.push(day);
    else if (typeof day === 'object' && typeof day.weekday === 'number') {
      if (!day.n || freq > RRule.MONTHLY) weekdays.push(day.weekday);
      else nthWeekdays.push([day.weekday, day.n]);
    } else return undefined;
  }
  const monthDays = list(options.bymonthday);
  let months = list(options.bymonth);
  if (![...monthDays, ...months].every((n) => Number.isInteger(n))) return undefined;
  if (options.byweekday == null && options.bymonthday == null) {
    // A rule with no day parts takes them from DTSTART.
    if (freq === RRule.YEARLY) {
      if (!months.length) months = [start.getUTCMonth() + 1];
      monthDays.push(start.getUTCDate());
    } else if (freq === RRule.MONTHLY) monthDays.push(start.getUTCDate());
    else if (freq === RRule.WEEKLY) weekdays.push((start.getUTCDay() + 6) % 7);
  }
  const wkst = options.wkst == null ? 0 : typeof options.wkst === 'number' ? options.wkst : options.wkst.weekday;

  const startDay = dtstart / DAY;
  const startWeek = Math.floor((startDay + 3 - wkst) / 7);
  const startMonth = start.getUTCFullYear() * 12 + start.getUTCMonth();
  const out: number[] = [];
  const first = Math.max(startDay, Math.ceil(from / DAY));
  const last = Math.floor(to / DAY);
  for (let day = first; day <= last && out.length <= limit; day++) {
    const date = new Date(day * DAY);
    const month = date.getUTCFullYear() * 12 + date.getUTCMonth();
    // The period the day is in must be a whole number of INTERVALs from DTSTART's.
    const periods = freq === RRule.DAILY ? day - startDay : freq === RRule.WEEKLY ? Math.floor((day + 3 - wkst) / 7) - startWeek : freq === RRule.MONTHLY ? month - startMonth : date.getUTCFullYear() - start.getUTCFullYear();
    if (periods % interval !== 0) continue;
    if (months.length && !months.includes(date.getUTCMonth() + 1)) continue;
    const weekday = (date.getUTCDay() + 6) % 7;
    if (weekdays.length && !weekdays.includes(weekday)) continue;
    const dayOfMonth = date.getUTCDate();
    const monthLength = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
    if (nthWeekdays.length && !nthWeekdays.some(([wd, n]) => wd === weekday && (n > 0 ? Math.ceil(dayOfMonth / 7) === n : Math.floor((monthLength - dayOfMonth) / 7) + 1 === -n))) continue;
    if (monthDays.length && !monthDays.some((n) => (n > 0 ? n === dayOfMonth : n < 0 && monthLength + 1 + n === dayOfMonth))) continue;
    out.push(day * DAY);
  }
  return out;
}
