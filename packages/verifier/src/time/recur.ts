/*
 * RFC 5545 §3.3.10 recurrence expansion in floating wall time (epoch milliseconds of UTC digits),
 * for every part the RRULE reader accepts. Written for Almanac instead of using rrule.js, which
 * loops for ever on an HOURLY or MINUTELY rule whose INTERVAL never reaches its BYHOUR or
 * BYMINUTE and gives wrong times for MINUTELY with an INTERVAL that does not divide an hour
 * (NOTES.md). Each call walks the days of the range asked, never more: a sub-daily rule is
 * expanded day by day, its times of day found by arithmetic, so no rule costs more than a fixed
 * amount of work per day, and a hard budget ends anything else with a message.
 */

import { DAY, HOUR, MINUTE } from './units.ts';

export const FREQS = ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY', 'MINUTELY'] as const;
export type Freq = (typeof FREQS)[number];

/** A weekday 0 (MO) to 6 (SU), with the ordinal of a numbered BYDAY (1SU, -1SU), 0 for every one. */
export interface ByDay {
  weekday: number;
  n: number;
}

/** An RRULE read into lists; an empty list is a part the rule does not have. */
export interface Recur {
  freq: Freq;
  interval: number;
  byMonth: number[];
  byWeekNo: number[];
  byYearDay: number[];
  byMonthDay: number[];
  byDay: ByDay[];
  byHour: number[];
  byMinute: number[];
  bySetPos: number[];
  /** Weekday the week starts on, 0 (MO) to 6. */
  wkst: number;
}

export type Expanded = { ok: true; walls: number[] } | { ok: false; message: string };

/** Days and candidate times one expansion may look at: far more than 400 years of a daily rule. */
export const WORK_BUDGET = 5_000_000;

const mod = (a: number, n: number) => ((a % n) + n) % n;
const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
const weekdayOf = (day: number) => mod(day + 3, 7); // 1970-01-01 was a Thursday (3)

interface DayFacts {
  year: number;
  month: number; // 1-12
  dom: number;
  monthLength: number;
  doy: number; // 1-366
  yearLength: number;
  weekday: number;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** A day's calendar facts by arithmetic (days from civil, H. Hinnant): the never-occurs search asks for 146,097 of them. */
function factsOf(day: number): DayFacts {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const dayOfMarchYear = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * dayOfMarchYear + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const dom = dayOfMarchYear - Math.floor((153 * mp + 2) / 5) + 1;
  const leap = isLeap(year);
  return {
    year,
    month,
    dom,
    monthLength: month === 2 && leap ? 29 : MONTH_LENGTHS[month - 1]!,
    doy: DAYS_BEFORE_MONTH[month - 1]! + (month > 2 && leap ? 1 : 0) + dom,
    yearLength: leap ? 366 : 365,
    weekday: weekdayOf(day),
  };
}

const matchesSigned = (list: readonly number[], value: number, length: number) =>
  list.some((n) => n === value || (n < 0 && n + length + 1 === value));

/** The week of `day` counted RFC 5545's way from WKST (week 1 has at least four days of its year), with the number of weeks of that week-year. */
function weekNumber(day: number, wkst: number): { week: number; weeks: number } {
  // The week's start; the week belongs to the year its fourth day (start + 3) is in.
  const weekStart = day - mod(weekdayOf(day) - wkst, 7);
  const weekYear = new Date((weekStart + 3) * DAY).getUTCFullYear();
  const firstWeekStart = (year: number) => {
    const jan4 = Date.UTC(year, 0, 4) / DAY;
    return jan4 - mod(weekdayOf(jan4) - wkst, 7);
  };
  const first = firstWeekStart(weekYear);
  return { week: (weekStart - first) / 7 + 1, weeks: (firstWeekStart(weekYear + 1) - first) / 7 };
}

/** The rule with RFC 5545's defaults from DTSTART filled in, as every implementation since rrule.py reads them. */
function withDefaults(rule: Recur, dtstart: number): Recur {
  const facts = factsOf(Math.floor(dtstart / DAY));
  const r = { ...rule };
  if (!r.byWeekNo.length && !r.byYearDay.length && !r.byMonthDay.length && !r.byDay.length) {
    if (r.freq === 'YEARLY') {
      if (!r.byMonth.length) r.byMonth = [facts.month];
      r.byMonthDay = [facts.dom];
    } else if (r.freq === 'MONTHLY') r.byMonthDay = [facts.dom];
    else if (r.freq === 'WEEKLY') r.byDay = [{ weekday: facts.weekday, n: 0 }];
  }
  return r;
}

function dayFilter(r: Recur): (day: number, f?: DayFacts) => boolean {
  const plain = new Set(r.byDay.filter((d) => d.n === 0).map((d) => d.weekday));
  const numbered = r.byDay.filter((d) => d.n !== 0);
  // A numbered weekday counts within the month in a MONTHLY rule or a YEARLY one with BYMONTH, else within the year.
  const inMonth = r.freq === 'MONTHLY' || r.byMonth.length > 0;
  return (day, f = factsOf(day)) => {
    if (r.byMonth.length && !r.byMonth.includes(f.month)) return false;
    if (r.byYearDay.length && !matchesSigned(r.byYearDay, f.doy, f.yearLength)) return false;
    if (r.byMonthDay.length && !matchesSigned(r.byMonthDay, f.dom, f.monthLength)) return false;
    if (r.byWeekNo.length) {
      const { week, weeks } = weekNumber(day, r.wkst);
      if (!matchesSigned(r.byWeekNo, week, weeks)) return false;
    }
    if (r.byDay.length && !plain.has(f.weekday)) {
      const [index, length] = inMonth ? [f.dom, f.monthLength] : [f.doy, f.yearLength];
      const nth = Math.ceil(index / 7);
      const fromEnd = -(Math.floor((length - index) / 7) + 1);
      if (!numbered.some((d) => d.weekday === f.weekday && (d.n === nth || d.n === fromEnd))) return false;
    }
    return true;
  };
}

/**
 * The most instances one FREQ period can hold before BYSETPOS picks among them: a position
 * beyond it never picks one, so it is dropped before expanding (a 732-value BYSETPOS costs no
 * more per period than the period's own set) and a rule left with none never occurs.
 */
export function largestSet(rule: Recur): number {
  const times = (rule.byHour.length || 1) * (rule.byMinute.length || 1);
  switch (rule.freq) {
    case 'MINUTELY':
      return 1;
    case 'HOURLY':
      return rule.byMinute.length || 1;
    case 'DAILY':
      return times;
    case 'WEEKLY':
      return 7 * times;
    case 'MONTHLY':
      return 31 * times;
    case 'YEARLY':
      return 366 * times;
  }
}

/** BYSETPOS over one period's sorted candidates. */
function setPositions(candidates: number[], positions: readonly number[]): number[] {
  if (!positions.length) return candidates;
  if (positions.length === 1) {
    const p = positions[0]!;
    const value = candidates[p > 0 ? p - 1 : candidates.length + p];
    return value === undefined ? [] : [value];
  }
  const picked = new Set<number>();
  for (const p of positions) {
    const value = candidates[p > 0 ? p - 1 : candidates.length + p];
    if (value !== undefined) picked.add(value);
  }
  return [...picked].sort((a, b) => a - b);
}

/**
 * Why a sub-daily rule can never reach its BYHOUR and BYMINUTE, decided before expanding:
 * counted in steps of INTERVAL from DTSTART, the times of day reached are DTSTART's plus every
 * multiple of gcd(step, 24 h), and no allowed time may be among them.
 */
export function unreachableTime(rule: Recur, dtstart: number): string | undefined {
  const most = largestSet(rule);
  if (rule.bySetPos.length && rule.bySetPos.every((p) => Math.abs(p) > most)) {
    const unit = { MINUTELY: 'minute', HOURLY: 'hour', DAILY: 'day', WEEKLY: 'week', MONTHLY: 'month', YEARLY: 'year' }[
      rule.freq
    ];
    return `never occurs: each ${unit} of ${rule.freq === 'HOURLY' ? 'an' : 'a'} ${rule.freq} rule holds at most ${most} instance${most === 1 ? '' : 's'} for BYSETPOS to pick from, so BYSETPOS=${rule.bySetPos.join(',')} never picks one`;
  }
  if (rule.freq !== 'HOURLY' && rule.freq !== 'MINUTELY') return undefined;
  if (!rule.byHour.length && !rule.byMinute.length) return undefined;
  const tod = mod(dtstart, DAY);
  const step = rule.interval * (rule.freq === 'HOURLY' ? HOUR : MINUTE);
  const grain = gcd(step, DAY);
  // An HOURLY rule keeps DTSTART's minute unless BYMINUTE spreads it over the hour.
  const hours = rule.byHour.length ? rule.byHour : Array.from({ length: 24 }, (_, h) => h);
  const minutes = rule.byMinute.length
    ? rule.byMinute
    : rule.freq === 'HOURLY'
      ? [new Date(dtstart).getUTCMinutes()]
      : Array.from({ length: 60 }, (_, m) => m);
  const periodStart = rule.freq === 'HOURLY' ? tod - mod(tod, HOUR) : tod;
  for (const h of hours)
    for (const m of minutes)
      if (mod(h * HOUR + (rule.freq === 'HOURLY' ? 0 : m * MINUTE) - periodStart, grain) === 0) return undefined;
  const unit = rule.freq === 'HOURLY' ? 'hours' : 'minutes';
  const parts = [
    rule.byHour.length ? `BYHOUR=${rule.byHour.join(',')}` : '',
    rule.byMinute.length ? `BYMINUTE=${rule.byMinute.join(',')}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  return `never occurs: counted every ${rule.interval} ${unit} from its start, it never reaches ${parts}`;
}

/**
 * The rule's wall times in [from, to] from DTSTART (none before it), at most `limit + 1` of them
 * (one more than the limit says there are too many), or why it cannot be expanded.
 */
export function expandBetween(rule: Recur, dtstart: number, from: number, to: number, limit: number): Expanded {
  const never = unreachableTime(rule, dtstart);
  if (never) return { ok: false, message: never };
  const r = withDefaults(rule, dtstart);
  const most = largestSet(r);
  r.bySetPos = r.bySetPos.filter((p) => Math.abs(p) <= most);
  const matches = dayFilter(r);
  const out: number[] = [];
  const lo = Math.max(from, dtstart);
  if (lo > to) return { ok: true, walls: out };
  let work = 0;
  const overBudget: Expanded = {
    ok: false,
    message: `needs more than ${WORK_BUDGET.toLocaleString('en')} steps to expand; simplify it`,
  };
  /** Keeps a time in the range; false once the range or the limit is passed. */
  const emitOne = (t: number): boolean => {
    if (t < lo) return true;
    if (t > to || out.length > limit) return false;
    out.push(t);
    return true;
  };
  const emit = (times: readonly number[]): boolean => times.every(emitOne);
  const firstDay = Math.floor(lo / DAY);
  const lastDay = Math.floor(to / DAY);

  if (r.freq === 'HOURLY' || r.freq === 'MINUTELY') {
    const hourly = r.freq === 'HOURLY';
    const unit = hourly ? HOUR : MINUTE;
    const dtPeriod = Math.floor(dtstart / unit);
    const minutes = hourly
      ? r.byMinute.length
        ? [...r.byMinute].sort((a, b) => a - b)
        : [new Date(dtstart).getUTCMinutes()]
      : [];
    const hourSet = r.byHour.length ? new Set(r.byHour) : undefined;
    const minuteSet = !hourly && r.byMinute.length ? new Set(r.byMinute) : undefined;
    const perDay = DAY / unit;
    // MINUTELY with BYHOUR or BYMINUTE: the allowed times of a day tested for phase, when fewer than the day's steps.
    const allowed =
      hourly || (!hourSet && !minuteSet)
        ? undefined
        : (r.byHour.length ? [...hourSet!] : Array.from({ length: 24 }, (_, h) => h))
            .sort((a, b) => a - b)
            .flatMap((h) =>
              (r.byMinute.length ? [...minuteSet!].sort((a, b) => a - b) : Array.from({ length: 60 }, (_, m) => m)).map(
                (m) => h * 60 + m,
              ),
            );
    const useAllowed = allowed !== undefined && allowed.length < perDay / r.interval;
    for (let day = firstDay; day <= lastDay; day++) {
      if (++work > WORK_BUDGET) return overBudget;
      if (!matches(day)) continue;
      const firstPeriod = day * perDay;
      if (useAllowed) {
        for (const minute of allowed) {
          work++;
          if (mod(firstPeriod + minute - dtPeriod, r.interval) === 0 && !emitOne((firstPeriod + minute) * unit))
            return { ok: true, walls: out };
        }
        continue;
      }
      for (let p = firstPeriod + mod(dtPeriod - firstPeriod, r.interval); p < firstPeriod + perDay; p += r.interval) {
        work++;
        const start = p * unit;
        const hour = Math.floor((p - firstPeriod) / (perDay / 24));
        if (hourSet && !hourSet.has(hour)) continue;
        if (hourly) {
          // An hour's set holds its minutes: with one, BYSETPOS=1 or -1 keeps it and no other position does.
          const inHour =
            minutes.length === 1 && !r.bySetPos.length
              ? emitOne(start + minutes[0]! * MINUTE)
              : emit(
                  setPositions(
                    minutes.map((m) => start + m * MINUTE),
                    r.bySetPos,
                  ),
                );
          if (!inHour) return { ok: true, walls: out };
        } else {
          if (minuteSet && !minuteSet.has(mod(p, 60))) continue;
          if (!emitOne(start)) return { ok: true, walls: out };
        }
      }
      if (work > WORK_BUDGET) return overBudget;
    }
    return { ok: true, walls: out };
  }

  // Day-level rules: the days in phase with DTSTART's period, times of day within them, and with BYSETPOS the period's whole set.
  const dtFacts = factsOf(Math.floor(dtstart / DAY));
  const hours = r.byHour.length ? [...new Set(r.byHour)].sort((a, b) => a - b) : [Math.floor(mod(dtstart, DAY) / HOUR)];
  const minutes = r.byMinute.length
    ? [...new Set(r.byMinute)].sort((a, b) => a - b)
    : [new Date(dtstart).getUTCMinutes()];
  const times = hours.flatMap((h) => minutes.map((m) => h * HOUR + m * MINUTE));
  const whole = r.bySetPos.length > 0;
  const period = (first: number, last: number): boolean => {
    const candidates: number[] = [];
    for (let day = first; day <= last; day++) if (matches(day)) for (const t of times) candidates.push(day * DAY + t);
    // Every candidate counts: BYHOUR and BYMINUTE make a year's set up to 527,040 long.
    work += last - first + 1 + candidates.length;
    return emit(setPositions(candidates, r.bySetPos));
  };
  const yearOf = (day: number) => factsOf(day).year;
  const monthIndex = (day: number) => {
    const f = factsOf(day);
    return f.year * 12 + f.month - 1;
  };
  const dtDay = Math.floor(dtstart / DAY);
  const weekOf = (day: number) => Math.floor((day + 3 - r.wkst) / 7);
  const dtWeek = weekOf(dtDay);
  const dtMonth = dtFacts.year * 12 + dtFacts.month - 1;

  if (!whole) {
    // Without BYSETPOS each day stands alone: the range's days in one pass, each tested for phase and parts.
    for (let day = firstDay; day <= lastDay; day++) {
      if (++work > WORK_BUDGET) return overBudget;
      const f = factsOf(day);
      const periods =
        r.freq === 'DAILY'
          ? day - dtDay
          : r.freq === 'WEEKLY'
            ? weekOf(day) - dtWeek
            : r.freq === 'MONTHLY'
              ? f.year * 12 + f.month - 1 - dtMonth
              : f.year - dtFacts.year;
      if (mod(periods, r.interval) !== 0) {
        // Out of phase: on to the last day of this period (the never-occurs search crosses 400 years).
        day +=
          r.freq === 'DAILY'
            ? 0
            : r.freq === 'WEEKLY'
              ? 6 - mod(f.weekday - r.wkst, 7)
              : r.freq === 'MONTHLY'
                ? f.monthLength - f.dom
                : f.yearLength - f.doy;
        continue;
      }
      if (!matches(day, f)) continue;
      for (const t of times) if (!emitOne(day * DAY + t)) return { ok: true, walls: out };
    }
    return { ok: true, walls: out };
  }
  if (r.freq === 'DAILY') {
    for (
      let day = dtDay + Math.max(0, Math.ceil((firstDay - dtDay) / r.interval)) * r.interval;
      day <= lastDay;
      day += r.interval
    ) {
      if (!period(day, day)) break;
      if (work > WORK_BUDGET) return overBudget;
    }
  } else if (r.freq === 'WEEKLY') {
    for (
      let week = dtWeek + Math.max(0, Math.ceil((weekOf(firstDay) - dtWeek) / r.interval)) * r.interval;
      week <= weekOf(lastDay);
      week += r.interval
    ) {
      const first = week * 7 - 3 + r.wkst;
      if (!period(first, first + 6)) break;
      if (work > WORK_BUDGET) return overBudget;
    }
  } else {
    const months = r.freq === 'MONTHLY' ? r.interval : 12 * r.interval;
    const dtPeriod = r.freq === 'MONTHLY' ? dtMonth : dtFacts.year * 12;
    const startMonth = r.freq === 'MONTHLY' ? monthIndex(firstDay) : yearOf(firstDay) * 12;
    for (
      let m = dtPeriod + Math.max(0, Math.ceil((startMonth - dtPeriod) / months)) * months;
      m <= monthIndex(lastDay);
      m += months
    ) {
      const length = r.freq === 'MONTHLY' ? 1 : 12;
      const first = Date.UTC(Math.floor(m / 12), m % 12, 1) / DAY;
      const last = Date.UTC(Math.floor(m / 12), (m % 12) + length, 1) / DAY - 1;
      if (!period(first, last)) break;
      if (work > WORK_BUDGET) return overBudget;
    }
  }
  return { ok: true, walls: out };
}
