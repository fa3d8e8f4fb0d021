import { durationMs, humanizeDuration } from './duration.ts';
import { DAY, MINUTE } from './units.ts';

/*
 * Times put in words for people, once for the CLI's reports, the feeds and the site. Nothing here
 * reads time zone data: the clock is passed in, so the build words times with the verifier's
 * clock and the reader's browser with Intl (src/scripts/reader-time.ts imports this module), and
 * both say "Sun 29 Nov 2026, 02:00–04:00 UTC" alike.
 */

/** An instant as a wall clock in a zone. */
export interface WallClock {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM, 24-hour */
  time: string;
}

export type Clock = (instant: number, zone: string) => WallClock;

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "UTC", "Nairobi", "Buenos Aires": a zone as people name it in a sentence. */
export function zoneLabel(zone: string): string {
  if (zone === 'UTC' || zone === 'Etc/UTC') return 'UTC';
  return zone.slice(zone.lastIndexOf('/') + 1).replaceAll('_', ' ');
}

export function isUtc(zone: string): boolean {
  return zoneLabel(zone) === 'UTC';
}

/** "1st", "2nd", "23rd", "last", "2nd to last". */
export function ordinal(n: number): string {
  if (n === -1) return 'last';
  if (n < 0) return `${ordinal(-n)} to last`;
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "Sun 29 Nov 2026" for a YYYY-MM-DD date; `long` gives "Sunday 29 November 2026". */
export function formatDate(date: string, style: 'short' | 'long' = 'short'): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!;
  const monthName = MONTHS[month - 1]!;
  return style === 'long' ? `${weekday} ${day} ${monthName} ${year}` : `${weekday.slice(0, 3)} ${day} ${monthName.slice(0, 3)} ${year}`;
}

/** Whole days from one YYYY-MM-DD date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** "02:00–04:00 UTC", "23:00–01:00 UTC", or with a day named where the span ends on a later day than the next. */
export function clockSpanWords(start: number, end: number, zone: string, clock: Clock): string {
  const a = clock(start, zone);
  if (end <= start) return `${a.time} ${zoneLabel(zone)}`;
  const b = clock(end, zone);
  const endsLater = daysBetween(a.date, b.date) > 1 || (daysBetween(a.date, b.date) === 1 && b.time >= a.time);
  return endsLater ? `${a.time} ${zoneLabel(zone)} to ${formatDate(b.date)}, ${b.time}` : `${a.time}–${b.time} ${zoneLabel(zone)}`;
}

/** "Sun 29 Nov 2026, 02:00–04:00 UTC"; an all-day occurrence is "Sun 29 Nov 2026 (the whole day, UTC)". */
export function occurrenceWords(occurrence: { start: number; end: number; allDay?: boolean }, zone: string, clock: Clock): string {
  const { date } = clock(occurrence.start, zone);
  if (occurrence.allDay) return `${formatDate(date)} (the whole day, ${zoneLabel(zone)})`;
  return `${formatDate(date)}, ${clockSpanWords(occurrence.start, occurrence.end, zone, clock)}`;
}

/** "02:30": a time of day ("HH:MM") some minutes later, round the clock. */
function addMinutes(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const total = (((h * 60 + m + minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/**
 * A recurring item's stated time of day with its zone as the caller names it: "02:00–04:00 UTC",
 * "23:00–02:00 London", "09:00 UTC" (no duration), "02:00 UTC for 2 days" (a day or more).
 */
export function localTimesInWords(start: string, duration: string | undefined, zoneName: string): string {
  const length = duration ? durationMs(duration) : 0;
  if (!length || Number.isNaN(length)) return `${start} ${zoneName}`;
  if (length >= DAY) return `${start} ${zoneName} for ${humanizeDuration(duration!)}`;
  return `${start}–${addMinutes(start, length / MINUTE)} ${zoneName}`;
}
