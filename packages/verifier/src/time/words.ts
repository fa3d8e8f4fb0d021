import { durationMs, humanizeDuration } from './duration.ts';
import { offsetAt } from './format.ts';
import { parseRruleBody } from './rrule-body.ts';
import type { Recurrence } from './expand.ts';

/*
 * Schedules in words for the verifier's reports (`almanac diff`). Runbooks carry no DTSTART:
 * every rule is anchored at 2000-01-01, a Saturday, so a weekly rule without BYDAY falls on
 * Saturdays, a monthly one on the 1st, and INTERVAL months count from January. A rule the words
 * cannot say exactly is given as written.
 */

const DAYS: Record<string, string> = { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' };
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Parts the words do not cover. */
const AS_WRITTEN = ['BYSETPOS', 'BYYEARDAY', 'BYWEEKNO', 'BYHOUR', 'BYMINUTE', 'COUNT', 'UNTIL'];

/** "a, b and c". */
function listInWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function ordinal(n: number): string {
  if (n === -1) return 'last';
  if (n < 0) return `${ordinal(-n)} to last`;
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

const NTH = ['first', 'second', 'third', 'fourth', 'fifth'];

/** "Sunday", "first Sunday", "last Friday", "2nd to last Monday". */
function weekday(day: string): string {
  const match = /^([+-]?\d+)?([A-Z]{2})$/.exec(day)!;
  if (!match[1]) return DAYS[match[2]!]!;
  const n = Number(match[1]);
  return `${NTH[n - 1] ?? ordinal(n)} ${DAYS[match[2]!]}`;
}

const every = (n: number, unit: string) => (n === 1 ? `every ${unit}` : `every ${n} ${unit}s`);

/**
 * "every Sunday", "every 2 weeks on Monday", "the last Sunday of every month", "the 1st of
 * January, April, July and October", "every 6 hours"; "by the rule …" when words would not be exact.
 */
export function recurrenceInWords(rrule: string): string {
  const parsed = parseRruleBody(rrule);
  const asWritten = `by the rule ${rrule}`;
  if (!parsed.ok) return asWritten;
  const parts = new Map(rrule.trim().replace(/^RRULE:/i, '').split(';').map((part) => part.toUpperCase().split('=') as [string, string]));
  if (AS_WRITTEN.some((key) => parts.has(key))) return asWritten;
  const n = parsed.rule.interval;
  const byDay = parts.get('BYDAY')?.split(',');
  const byMonth = parts.get('BYMONTH')?.split(',').map((m) => MONTHS[Number(m) - 1]!);
  const byMonthDay = parts.get('BYMONTHDAY')?.split(',').map((d) => (d === '-1' ? 'last day' : ordinal(Number(d))));
  const days = byDay && listInWords(byDay.map(weekday));
  switch (parsed.rule.freq) {
    case 'MINUTELY':
    case 'HOURLY':
      return `${every(n, parsed.rule.freq === 'HOURLY' ? 'hour' : 'minute')}${days ? ` on ${days}` : ''}`;
    case 'DAILY':
      return days && n === 1 ? `every ${days}` : `${every(n, 'day')}${days ? ` on ${days}` : ''}`;
    case 'WEEKLY':
      return n === 1 ? `every ${days ?? 'Saturday'}` : `${every(n, 'week')} on ${days ?? 'Saturday'}`;
    case 'MONTHLY': {
      const day = days ?? listInWords(byMonthDay ?? ['1st']);
      if (byMonth) return `the ${day} of ${listInWords(byMonth)}`;
      if (n > 1 && 12 % n === 0) return `the ${day} of ${listInWords(Array.from({ length: 12 / n }, (_, i) => MONTHS[i * n]!))}`;
      return `the ${day} of ${n === 1 ? 'every month' : `every ${n} months`}`;
    }
    case 'YEARLY': {
      const day = days ?? listInWords(byMonthDay ?? ['1st']);
      return `${every(n, 'year')} on the ${day} of ${listInWords(byMonth ?? ['January'])}`;
    }
    default:
      return asWritten;
  }
}

function addClock(start: string, ms: number): string {
  const [h, m] = start.split(':').map(Number) as [number, number];
  const minutes = (((h * 60 + m + Math.round(ms / 60_000)) % 1440) + 1440) % 1440;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * A recurring item as people say it, with its zone: "every Sunday, 02:00–04:00 UTC", "every day
 * at 02:00 Africa/Nairobi", "the 1st of every month, 22:00 Europe/London for 2 days", "every day,
 * at no set hour (Africa/Nairobi)".
 */
export function scheduleInWords(item: Recurrence, zone: string): string {
  const when = recurrenceInWords(item.rrule);
  if (item.start === undefined) return `${when}, at no set hour (${zone})${item.duration ? `, taking ${humanizeDuration(item.duration)}` : ''}`;
  const length = item.duration ? durationMs(item.duration) : 0;
  if (!length) return `${when} at ${item.start} ${zone}`;
  if (length >= 86_400_000) return `${when}, ${item.start} ${zone} for ${humanizeDuration(item.duration!)}`;
  return `${when}, ${item.start}–${addClock(item.start, length)} ${zone}`;
}

const abbreviations = new Map<string, Intl.DateTimeFormat>();

/**
 * What a zone's clocks are called at an instant, as people in Britain say it (BST, CET, EDT),
 * with the offset: "BST (UTC+01:00)". Where the zone has no letters in use, the offset alone.
 */
export function zoneTimeName(zone: string, instant: number): string {
  let format = abbreviations.get(zone);
  if (!format) abbreviations.set(zone, (format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'short' })));
  const name = format.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? '';
  const offset = offsetAt(instant, zone);
  return /^[A-Z]{2,5}$/.test(name) && name !== 'UTC' ? `${name} (${offset})` : offset;
}
