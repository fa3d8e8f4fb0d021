import { ANCHOR_WEEKDAY } from '../../time/expand.ts';
import type { ParsedRrule } from '../../time/rrule-body.ts';

/** The day-selecting fields of an Alertmanager time interval entry; each present field must match. */
export interface DayFields {
  weekdays?: string[];
  days_of_month?: string[];
  months?: string[];
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * The days of a recurrence as Alertmanager entries (one entry per way the days are picked: an
 * entry's fields are ANDed, entries ORed), or why they cannot be: an INTERVAL other than a
 * divisor of 12 months, an UNTIL, a set position, sub-daily frequencies. Exact for what it
 * accepts, since RRULE's BYxxx parts limit days the same way Alertmanager's fields do.
 */
export function recurrenceDayFields(rule: Extract<ParsedRrule, { ok: true }>): DayFields[] | { reason: string } {
  const { freq, interval, byMonth, byMonthDay, byDay, byYearDay, byWeekNo, byHour, byMinute, bySetPos } = rule.rule;
  const unsupported = {
    UNTIL: rule.until ? [rule.until] : [],
    BYSETPOS: bySetPos,
    BYYEARDAY: byYearDay,
    BYWEEKNO: byWeekNo,
    BYHOUR: byHour,
    BYMINUTE: byMinute,
  };
  for (const [part, values] of Object.entries(unsupported))
    if (values.length) return { reason: `its ${part} has no Alertmanager equivalent` };
  if (freq === 'HOURLY' || freq === 'MINUTELY') return { reason: `it repeats ${freq.toLowerCase()}` };
  const monthly = freq === 'MONTHLY';
  if (interval !== 1 && !(monthly && 12 % interval === 0))
    return { reason: `its INTERVAL=${interval} has no Alertmanager equivalent` };

  // Every INTERVAL-th month from January, the anchor's month, within BYMONTH if it has one.
  let months = monthly && interval > 1 ? Array.from({ length: 12 / interval }, (_, i) => 1 + i * interval) : byMonth;
  if (monthly && interval > 1 && byMonth.length) months = months.filter((m) => byMonth.includes(m));
  if (!months.length && byMonth.length) return { reason: 'it never occurs' };
  const monthField = months.length ? { months: months.map((m) => MONTHS[m - 1]!) } : {};

  const plain = byDay.filter((day) => !day.n);
  const numbered = byDay.filter((day) => day.n);
  const days = byMonthDay.length ? { days_of_month: byMonthDay.map(String) } : {};
  // With no day part, a rule takes its anchor's: Saturday for WEEKLY, the 1st for MONTHLY, 1 January for YEARLY.
  if (!byDay.length && !byMonthDay.length) {
    if (freq === 'WEEKLY') return [{ weekdays: [WEEKDAYS[ANCHOR_WEEKDAY]!], ...monthField }];
    if (monthly) return [{ days_of_month: ['1'], ...monthField }];
    if (freq === 'YEARLY')
      return [{ days_of_month: ['1'], ...(months.length ? monthField : { months: [MONTHS[0]!] }) }];
    return [monthField];
  }
  if (!numbered.length)
    return [{ ...(plain.length ? { weekdays: plain.map((d) => WEEKDAYS[d.weekday]!) } : {}), ...days, ...monthField }];
  if (byMonthDay.length)
    return { reason: 'a numbered weekday together with BYMONTHDAY has no Alertmanager equivalent' };
  if (freq === 'YEARLY' && !byMonth.length)
    return { reason: 'a numbered weekday of the year has no Alertmanager equivalent' };
  const entries: DayFields[] = plain.length
    ? [{ weekdays: plain.map((d) => WEEKDAYS[d.weekday]!), ...monthField }]
    : [];
  for (const day of numbered) {
    const range = nthWeekdayDays(day.n!);
    if (!range) return { reason: `its BYDAY ${day.n} has no Alertmanager equivalent` };
    entries.push({ weekdays: [WEEKDAYS[day.weekday]!], days_of_month: [range], ...monthField });
  }
  return entries;
}

/** The days of the month the n-th weekday can fall on: 2nd → 8:14, last → -7:-1. */
function nthWeekdayDays(n: number): string | undefined {
  if (n >= 1 && n <= 5) return `${7 * n - 6}:${Math.min(7 * n, 31)}`;
  if (n <= -1 && n >= -4) return `${7 * n}:${7 * n + 6}`;
  return undefined;
}
