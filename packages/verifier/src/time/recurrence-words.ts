import { durationMs } from './duration.ts';
import { ANCHOR_WEEKDAY, type Recurrence } from './expand.ts';
import type { ByDay, Recur } from './recur.ts';
import { parseRruleBody } from './rrule-body.ts';
import { listInWords, localTimesInWords, MONTHS, noStartInWords, ordinal, untilInWords } from './time-words.ts';

/*
 * Recurrences in words, for the site's pages and the CLI's reports alike, from the rule as the
 * verifier reads it. Runbooks carry no DTSTART: every rule is anchored at 2000-01-01, a Saturday,
 * so a rule that does not say its day falls on the anchor's (a weekly rule on Saturdays, a
 * monthly one on the 1st, a yearly one on 1 January, every INTERVAL of months counted from
 * January). A rule the words cannot say exactly is given as written.
 */

/** Weekdays as rules number them, 0 (MO) to 6 (SU). */
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const NTH = ['first', 'second', 'third', 'fourth', 'fifth'];

/**
 * `phrase` (the default) goes inside a sentence: "every Sunday, 02:00–04:00 UTC". `sentence`
 * stands alone, as a table cell or the start of a line: "Every Sunday".
 */
export type RecurrenceStyle = 'phrase' | 'sentence';

export interface RecurrenceWordsOptions {
  /** "HH:MM": the minute of a rule that names only hours, and where an hourly INTERVAL counts from. */
  start?: string;
  style?: RecurrenceStyle;
}

/** "first", "last", "second to last", "6th". */
function nth(n: number): string {
  if (n === -1) return 'last';
  if (n < 0) return `${nth(-n)} to last`;
  return NTH[n - 1] ?? ordinal(n);
}

/** "Sunday", "last Sunday", "second Tuesday". */
function weekdayInWords(day: ByDay): string {
  return day.n ? `${nth(day.n)} ${DAYS[day.weekday]}` : DAYS[day.weekday]!;
}

function weekdaysInWords(days: readonly ByDay[]): string {
  if (days.length === 5 && days.every((d) => !d.n) && [0, 1, 2, 3, 4].every((w) => days.some((d) => d.weekday === w)))
    return 'weekday (Monday to Friday)';
  // "second, third and fourth Sunday" rather than naming Sunday three times.
  const weekday = days[0]?.weekday;
  if (days.length > 1 && days.every((d) => d.n && d.weekday === weekday))
    return `${listInWords(days.map((d) => nth(d.n)))} ${DAYS[weekday!]}`;
  return listInWords(days.map(weekdayInWords));
}

function monthsInWords(months: readonly number[]): string {
  return listInWords(months.map((m) => MONTHS[m - 1]!));
}

/** Which day of a month: "last Sunday", "1st", "1st and 15th", "last day". */
function dayOfMonth(rule: Recur): string {
  if (rule.byDay.length) return weekdaysInWords(rule.byDay);
  const days = rule.byMonthDay.length ? rule.byMonthDay : [1];
  return listInWords(days.map((d) => (d === -1 ? 'last day' : ordinal(d))));
}

const pad = (n: number) => String(n).padStart(2, '0');

const every = (n: number, unit: string) => (n === 1 ? `every ${unit}` : `every ${n} ${unit}s`);

/**
 * "every day at 04:00, 08:00 and 12:00": a daily or hourly rule that names its hours. Undefined
 * when the words would not be exact: several minutes, or hours an hourly INTERVAL never reaches
 * from the item's start.
 */
function atHours(rule: Recur, start: string | undefined): string | undefined {
  const [startHour, startMinute] = (start ?? '00:00').split(':').map(Number) as [number, number];
  const n = rule.interval;
  const minutes = rule.byMinute.length ? rule.byMinute : [startMinute];
  const hours = [...rule.byHour].sort((a, b) => a - b);
  if (minutes.length !== 1) return undefined;
  if (rule.freq === 'HOURLY' && hours.some((h) => (((h - startHour) % n) + n) % n !== 0)) return undefined;
  const days = rule.byDay.length
    ? `every ${weekdaysInWords(rule.byDay)}`
    : rule.freq === 'DAILY' && n > 1
      ? `every ${n} days`
      : 'every day';
  return `${days} at ${listInWords(hours.map((h) => `${pad(h)}:${pad(minutes[0]!)}`))}`;
}

/** The words of a rule the parts of which they cover, without UNTIL; undefined for any other. */
function ruleInWords(rule: Recur, start: string | undefined): string | undefined {
  if (rule.bySetPos.length || rule.byYearDay.length || rule.byWeekNo.length) return undefined;
  // Parts that narrow each other (Friday the 13th, Sundays in June of a weekly rule) have no words here.
  if (rule.byDay.length && rule.byMonthDay.length) return undefined;
  if ((rule.byMonth.length || rule.byMonthDay.length) && rule.freq !== 'MONTHLY' && rule.freq !== 'YEARLY')
    return undefined;
  const n = rule.interval;
  if (rule.byHour.length && (rule.freq === 'HOURLY' || rule.freq === 'DAILY')) return atHours(rule, start);
  if (rule.byHour.length || rule.byMinute.length) return undefined;
  const onDays = rule.byDay.length ? ` on ${weekdaysInWords(rule.byDay)}` : '';
  switch (rule.freq) {
    case 'MINUTELY':
      return `${every(n, 'minute')}${onDays}`;
    case 'HOURLY':
      return `${every(n, 'hour')}${onDays}`;
    case 'DAILY':
      return rule.byDay.length && n === 1 ? `every ${weekdaysInWords(rule.byDay)}` : `${every(n, 'day')}${onDays}`;
    case 'WEEKLY': {
      const days = weekdaysInWords(rule.byDay.length ? rule.byDay : [{ weekday: ANCHOR_WEEKDAY, n: 0 }]);
      return n === 1 ? `every ${days}` : `${every(n, 'week')} on ${days}`;
    }
    case 'MONTHLY': {
      // INTERVAL counts months from January, the anchor's; BYMONTH keeps some of those.
      const stepped = n > 1 && 12 % n === 0 ? Array.from({ length: 12 / n }, (_, i) => 1 + i * n) : undefined;
      if (n > 1 && !stepped && rule.byMonth.length) return undefined;
      const months =
        stepped && rule.byMonth.length
          ? stepped.filter((m) => rule.byMonth.includes(m))
          : (stepped ?? (rule.byMonth.length ? rule.byMonth : undefined));
      if (months && !months.length) return undefined;
      const of = months ? monthsInWords(months) : undefined;
      if (rule.byDay.length && rule.byDay.every((d) => !d.n))
        return n > 1 && !stepped ? undefined : `every ${weekdaysInWords(rule.byDay)}${of ? ` in ${of}` : ''}`;
      const day = dayOfMonth(rule);
      if (stepped && !rule.byMonth.length) return `${day} of ${of} (every ${n} months)`;
      return `${day} of ${of ?? (n === 1 ? 'every month' : `every ${n} months`)}`;
    }
    case 'YEARLY': {
      if (rule.byMonthDay.length && !rule.byMonth.length) return undefined;
      if (rule.byDay.length && rule.byDay.every((d) => !d.n))
        return n === 1
          ? `every ${weekdaysInWords(rule.byDay)}${rule.byMonth.length ? ` in ${monthsInWords(rule.byMonth)}` : ''}`
          : undefined;
      // A numbered weekday without BYMONTH counts through the year (-1MO, the year's last Monday).
      if (rule.byDay.length && !rule.byMonth.length) return undefined;
      const months = rule.byMonth.length ? rule.byMonth : [1];
      const days = rule.byMonthDay.length ? rule.byMonthDay : [1];
      const on = rule.byDay.length
        ? `the ${dayOfMonth(rule)} of ${monthsInWords(months)}`
        : listInWords(
            months.flatMap((m) =>
              days.map((d) => (d === -1 ? `the last day of ${MONTHS[m - 1]}` : `${d} ${MONTHS[m - 1]}`)),
            ),
          );
      return `${every(n, 'year')} on ${on}`;
    }
  }
}

/**
 * "every Sunday", "last Sunday of every month", "1st of January, April, July and October (every
 * 3 months)", "every year on 15 March", "every day at 04:00 and 16:00", "every 6 hours";
 * "repeats by the rule …" when the words would not be exact, or the rule is not valid.
 */
export function recurrenceInWords(rrule: string, options: RecurrenceWordsOptions = {}): string {
  const parsed = parseRruleBody(rrule);
  const rule = parsed.ok ? ruleInWords(parsed.rule, options.start) : undefined;
  const words =
    parsed.ok && rule
      ? `${rule}${parsed.until ? `, ${untilInWords(parsed.until, 'page')}` : ''}`
      : `repeats by the rule ${rrule}`;
  return options.style === 'sentence' ? words.charAt(0).toUpperCase() + words.slice(1) : words;
}

/** Whether a rule falls more than once a day: an item of it with no start is due at no set minute. */
export function isSubDaily(rrule: string): boolean {
  const parsed = parseRruleBody(rrule);
  return parsed.ok && (parsed.rule.freq === 'HOURLY' || parsed.rule.freq === 'MINUTELY');
}

/**
 * A recurring item as people say it, with its zone: "every Sunday, 02:00–04:00 UTC", "every day
 * at 02:00 Africa/Nairobi", "1st of every month, 22:00 Europe/London for 2 days", "every day,
 * any time that day (Africa/Nairobi time)".
 */
export function scheduleInWords(item: Recurrence, zone: string): string {
  const when = recurrenceInWords(item.rrule, { start: item.start });
  if (item.start === undefined)
    return `${when}, ${noStartInWords(zone, { subDaily: isSubDaily(item.rrule), duration: item.duration })}`;
  const lasts = item.duration !== undefined && durationMs(item.duration) > 0;
  return `${when}${lasts ? ', ' : ' at '}${localTimesInWords(item.start, item.duration, zone)}`;
}
