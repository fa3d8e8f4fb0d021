import { clock, DAY, humanizeDuration, MINUTE, offsetIn, type Occurrence } from '@almanac/verifier/internal';
import { clockSpanWords, daysBetween, type WallClock } from '@almanac/verifier/time-words';

/*
 * Every date and time on the site is formatted here, in the verifier's words (its time-words
 * module, which the reader's browser uses too) and always with an explicit zone: a page built in
 * Nairobi must read the same as one built in London, whatever the reader's zone.
 */

export {
  daysBetween,
  formatDate,
  isoInstant,
  isPlaceholder,
  isUtc,
  listInWords,
  localTimesInWords,
  noStartInWords,
  noticeInWords,
  zoneLabel,
  type WallClock,
} from '@almanac/verifier/time-words';

/** The verifier's clock, so pages show the instants exactly as findings and feeds do. */
export function wallClock(instant: number, zone: string): WallClock {
  const { date, time } = clock(instant, zone);
  return { date, time };
}

/** A YYYY-MM-DD date some whole days later (or earlier, for a negative count). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** "02:00–04:00 UTC", "23:00–01:00 UTC" ("23:00–01:00 UTC (+1 day)" with `nextDay`), or with a day named where the span ends on a later day than the next. */
export function formatClockSpan(start: number, end: number, zone: string, nextDay = false): string {
  return clockSpanWords(start, end, zone, wallClock, nextDay);
}

const SHIFT: Record<string, string> = { '-1': ', the day before', '1': ', the day after' };

/**
 * A recurring start time ("HH:MM") in another zone, with its span, read from the real
 * occurrences so that daylight saving time is accounted for: "05:00–07:00 Nairobi", "23:00–01:00
 * UTC, the day before", or "21:00–00:00 UTC or 22:00–01:00 UTC, with daylight saving time".
 */
export function formatInOtherZone(
  occurrences: readonly Pick<Occurrence, 'start' | 'end' | 'wall'>[],
  start: string,
  other: string,
): string | undefined {
  const variants: string[] = [];
  const [hours, minutes] = start.split(':').map(Number) as [number, number];
  const stated = (hours * 60 + minutes) * MINUTE;
  // At one stated time, the words depend only on how far the other zone's clock is from the
  // wall time at the start and at the end, and on whether the span has a length: a year of
  // occurrences has two or three such shapes, and only one occurrence of each is put in words.
  const shapes = new Set<string>();
  for (const occurrence of occurrences) {
    // An hourly rule's later hours are not other variants of its stated start time.
    if (occurrence.wall % DAY !== stated) continue;
    const length = occurrence.end - occurrence.start;
    const shape = `${occurrence.start + offsetIn(other, occurrence.start) - occurrence.wall},${occurrence.end + offsetIn(other, occurrence.end) - occurrence.wall},${length > 0}`;
    if (shapes.has(shape)) continue;
    shapes.add(shape);
    const ownDate = new Date(occurrence.wall).toISOString().slice(0, 10);
    const shift = daysBetween(ownDate, wallClock(occurrence.start, other).date);
    const text = `${formatClockSpan(occurrence.start, occurrence.end, other)}${SHIFT[String(shift)] ?? (shift ? `, ${shift} days apart` : '')}`;
    if (!variants.includes(text)) variants.push(text);
  }
  if (variants.length <= 1) return variants[0];
  return `${variants.join(' or ')}, with daylight saving time`;
}

/** "4 hours", "30 minutes": an ISO 8601 duration as people say it; never the raw `PT4H`. */
export function formatDuration(duration: string): string {
  return humanizeDuration(duration);
}

/** A threshold level: "above 70 % for 10 minutes", "below 20 %", "above 10 per minute". */
export function formatLevel(
  level: { value: number; for?: string },
  threshold: { unit?: string; comparator: '>' | '<' },
): string {
  const unit = threshold.unit?.trim();
  const amount = !unit
    ? `${level.value}`
    : unit === 'percent' || unit === '%'
      ? `${level.value} %`
      : `${level.value} ${unit}`;
  const direction = threshold.comparator === '>' ? 'above' : 'below';
  return `${direction} ${amount}${level.for ? ` for ${humanizeDuration(level.for)}` : ''}`;
}

/** "1 finding", "3 findings". */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}
