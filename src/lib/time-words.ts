/*
 * Times put in words, with no dependency: the build formats with the verifier's clock and the
 * reader's browser with Intl, and both must say "Sun 29 Nov 2026, 02:00–04:00 UTC" alike.
 */

export const DAY = 86_400_000;

/** An instant as a wall clock in a zone. */
export interface WallClock {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM, 24-hour */
  time: string;
}

export type Clock = (instant: number, zone: string) => WallClock;

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "UTC", "Nairobi", "Buenos Aires": a zone as people name it in a sentence. */
export function zoneLabel(zone: string): string {
  if (zone === 'UTC' || zone === 'Etc/UTC') return 'UTC';
  return zone.slice(zone.lastIndexOf('/') + 1).replaceAll('_', ' ');
}

export function isUtc(zone: string): boolean {
  return zoneLabel(zone) === 'UTC';
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
