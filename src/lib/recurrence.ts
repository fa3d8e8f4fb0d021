import { formatDate, listInWords, MONTHS, ordinal } from './format.ts';

/*
 * RRULE bodies in words. Runbooks carry no DTSTART: the verifier anchors every rule at
 * 2000-01-01, a Saturday, so a rule that does not say its day falls on that anchor's day (a
 * weekly rule on Saturdays, a monthly one on the 1st, a yearly one on 1 January, every INTERVAL
 * of months counted from January). The words here say the same.
 */

const WEEKDAYS: Record<string, string> = { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' };
const ANCHOR_WEEKDAY = 'SA';
/** Parts whose meaning the words below do not cover; a rule with one is shown as written. */
const UNDESCRIBED = ['BYSETPOS', 'BYYEARDAY', 'BYWEEKNO', 'COUNT'];
const NTH = ['first', 'second', 'third', 'fourth', 'fifth'];

type Parts = Record<string, string>;

function partsOf(rrule: string): Parts {
  const parts: Parts = {};
  for (const part of rrule.trim().replace(/^RRULE:/i, '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) parts[part.slice(0, eq).trim().toUpperCase()] = part.slice(eq + 1).trim().toUpperCase();
  }
  return parts;
}

function intervalOf(parts: Parts): number {
  const n = Number(parts.INTERVAL ?? 1);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

function numbers(list: string | undefined): number[] {
  return list ? list.split(',').map(Number) : [];
}

/** "first", "last", "second to last", "6th". */
function nth(n: number): string {
  if (n === -1) return 'last';
  if (n < 0) return `${nth(-n)} to last`;
  return NTH[n - 1] ?? ordinal(n);
}

/** "Sunday", "last Sunday", "second Tuesday". */
function weekdayInWords(day: string): string {
  const m = /^([+-]?\d+)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(day);
  if (!m) return day;
  const name = WEEKDAYS[m[2]!]!;
  return m[1] ? `${nth(Number(m[1]))} ${name}` : name;
}

function weekdaysInWords(byday: string): string {
  const days = byday.split(',');
  if (days.length === 5 && ['MO', 'TU', 'WE', 'TH', 'FR'].every((d) => days.includes(d))) return 'weekday (Monday to Friday)';
  // "second, third and fourth Sunday" rather than naming Sunday three times.
  const nths = days.map((d) => /^([+-]?\d+)(MO|TU|WE|TH|FR|SA|SU)$/.exec(d));
  const weekday = nths[0]?.[2];
  if (days.length > 1 && nths.every((m) => m && m[2] === weekday)) return `${listInWords(nths.map((m) => nth(Number(m![1]))))} ${WEEKDAYS[weekday!]}`;
  return listInWords(days.map(weekdayInWords));
}

function monthsInWords(months: number[]): string {
  return listInWords(months.map((m) => MONTHS[m - 1] ?? String(m)));
}

/** Which day of a month: "last Sunday", "1st", "1st and 15th", "last day". */
function dayOfMonth(parts: Parts): string {
  if (parts.BYDAY) return weekdaysInWords(parts.BYDAY);
  const days = numbers(parts.BYMONTHDAY ?? '1');
  return listInWords(days.map((d) => (d === -1 ? 'last day' : ordinal(d))));
}

function untilInWords(until: string | undefined): string {
  if (!until) return '';
  return `, until ${formatDate(`${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}`)}`;
}

function every(n: number, unit: string): string {
  return n === 1 ? `every ${unit}` : `every ${n} ${unit}s`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "Every day at 04:00, 08:00 and 12:00": a daily or hourly rule that names its hours. Undefined
 * when the words would not be exact: several minutes, or hours an hourly INTERVAL never reaches
 * from the item's start.
 */
function atHours(parts: Parts, n: number, start: string | undefined): string | undefined {
  const [startHour, startMinute] = (start ?? '00:00').split(':').map(Number) as [number, number];
  const minutes = numbers(parts.BYMINUTE ?? String(startMinute));
  const hours = numbers(parts.BYHOUR).sort((a, b) => a - b);
  if (minutes.length !== 1) return undefined;
  if (parts.FREQ === 'HOURLY' && hours.some((h) => (((h - startHour) % n) + n) % n !== 0)) return undefined;
  const days = parts.BYDAY ? `Every ${weekdaysInWords(parts.BYDAY)}` : parts.FREQ === 'DAILY' && n > 1 ? `Every ${n} days` : 'Every day';
  return `${days} at ${listInWords(hours.map((h) => `${pad(h)}:${pad(minutes[0]!)}`))}`;
}

/**
 * "Every Sunday", "Last Sunday of every month", "1st of January, April, July and October",
 * "Every year on 15 March", "Every 6 hours". `start` ("HH:MM") gives the minute of a rule that
 * names only hours. A rule the words cannot say exactly is shown as written.
 */
export function describeRrule(rrule: string, start?: string): string {
  const parts = partsOf(rrule);
  const n = intervalOf(parts);
  const asWritten = `Repeats by the rule ${rrule}`;
  if (UNDESCRIBED.some((key) => key in parts)) return asWritten;
  const until = untilInWords(parts.UNTIL);
  if (parts.BYHOUR && (parts.FREQ === 'HOURLY' || parts.FREQ === 'DAILY')) {
    const at = atHours(parts, n, start);
    return at ? `${at}${until}` : asWritten;
  }
  if (parts.BYHOUR || parts.BYMINUTE) return asWritten;
  const onDays = parts.BYDAY ? ` on ${weekdaysInWords(parts.BYDAY)}` : '';
  switch (parts.FREQ) {
    case 'MINUTELY':
      return `${capitalize(every(n, 'minute'))}${onDays}${until}`;
    case 'HOURLY':
      return `${capitalize(every(n, 'hour'))}${onDays}${until}`;
    case 'DAILY':
      if (parts.BYDAY && n === 1) return `Every ${weekdaysInWords(parts.BYDAY)}${until}`;
      return `${capitalize(every(n, 'day'))}${onDays}${until}`;
    case 'WEEKLY': {
      const days = weekdaysInWords(parts.BYDAY ?? ANCHOR_WEEKDAY);
      return `${n === 1 ? `Every ${days}` : `${capitalize(every(n, 'week'))} on ${days}`}${until}`;
    }
    case 'MONTHLY': {
      const day = capitalize(dayOfMonth(parts));
      if (parts.BYDAY && !/\d/.test(parts.BYDAY)) return `Every ${weekdaysInWords(parts.BYDAY)}${parts.BYMONTH ? ` in ${monthsInWords(numbers(parts.BYMONTH))}` : ''}${until}`;
      if (parts.BYMONTH) return `${day} of ${monthsInWords(numbers(parts.BYMONTH))}${until}`;
      if (n === 1) return `${day} of every month${until}`;
      if (12 % n === 0) {
        const months = Array.from({ length: 12 / n }, (_, i) => 1 + i * n);
        return `${day} of ${monthsInWords(months)} (every ${n} months)${until}`;
      }
      return `${day} of every ${n} months${until}`;
    }
    case 'YEARLY': {
      const months = numbers(parts.BYMONTH ?? '1');
      if (parts.BYMONTHDAY && !parts.BYMONTH) return asWritten;
      const on = parts.BYDAY ? `the ${dayOfMonth(parts)} of ${monthsInWords(months)}` : listInWords(months.flatMap((m) => numbers(parts.BYMONTHDAY ?? '1').map((d) => (d === -1 ? `the last day of ${MONTHS[m - 1]}` : `${d} ${MONTHS[m - 1]}`))));
      return `${capitalize(every(n, 'year'))} on ${on}${until}`;
    }
    default:
      return asWritten;
  }
}

export const CADENCES = ['daily', 'weekly', 'monthly', 'quarterly', 'annual', 'other'] as const;
export type Cadence = (typeof CADENCES)[number];

export const CADENCE_TITLES: Record<Cadence, string> = {
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  annual: 'Annual',
  other: 'Other schedules',
};

/** How often a task comes round, as runbooks group their checklists. */
export function cadenceOf(rrule: string): Cadence {
  const parts = partsOf(rrule);
  const n = intervalOf(parts);
  const byMonth = numbers(parts.BYMONTH).length;
  switch (parts.FREQ) {
    case 'DAILY':
      return n === 1 ? 'daily' : 'other';
    case 'WEEKLY':
      return n === 1 ? 'weekly' : 'other';
    case 'MONTHLY':
      if (byMonth) return byMonth === 4 && n === 1 ? 'quarterly' : byMonth === 1 && n === 1 ? 'annual' : 'other';
      return n === 1 ? 'monthly' : n === 3 ? 'quarterly' : n === 12 ? 'annual' : 'other';
    case 'YEARLY':
      if (n !== 1) return 'other';
      return byMonth === 4 ? 'quarterly' : byMonth === 12 ? 'monthly' : byMonth <= 1 ? 'annual' : 'other';
    default:
      return 'other';
  }
}
