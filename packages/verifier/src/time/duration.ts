import { DAY, HOUR, MINUTE } from './units.ts';

/** ISO 8601 durations as runbooks write them: `PT30M`, `PT4H`, `P1D`, `P3M`, `P1W`. */
export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export const DURATION_PATTERN =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

export function parseDuration(text: string): Duration | undefined {
  const m = DURATION_PATTERN.exec(text);
  if (!m) return undefined;
  const n = (i: number) => Number(m[i] ?? 0);
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

/**
 * Length in milliseconds, with a day as 24 hours, a month as 30 days and a year as 365 days:
 * good for comparing an RPO with a gap between backups, not for calendar arithmetic (an
 * occurrence's end is found with `nominalDuration`).
 */
export function durationMs(text: string): number {
  const d = parseDuration(text);
  if (!d) return Number.NaN;
  return (
    ((d.years * 365 + d.months * 30 + d.weeks * 7 + d.days) * 24 + d.hours) * HOUR +
    d.minutes * MINUTE +
    d.seconds * 1000
  );
}

/**
 * A duration as an end is found from a start, RFC 5545 §3.3.6: weeks and days are nominal, the
 * same wall-clock time so many days later (23 or 25 hours across a clock change), and hours,
 * minutes and seconds exact. Years and months, which iCalendar durations lack, are calendar
 * months on the wall clock too.
 */
export interface NominalDuration {
  months: number;
  days: number;
  /** Milliseconds added after the months and days. */
  exact: number;
}

export function nominalDuration(text: string): NominalDuration | undefined {
  const d = parseDuration(text);
  if (!d) return undefined;
  return {
    months: d.years * 12 + d.months,
    days: d.weeks * 7 + d.days,
    exact: d.hours * HOUR + d.minutes * MINUTE + d.seconds * 1000,
  };
}

/** A wall time (epoch milliseconds of the wall digits in UTC) so many calendar months and days later; the 31st one month on is the month's last day. */
export function addToWall(wall: number, months: number, days: number): number {
  if (months) {
    const date = new Date(wall);
    const month = date.getUTCMonth() + months;
    const lastDay = new Date(Date.UTC(date.getUTCFullYear(), month + 1, 0)).getUTCDate();
    wall = Date.UTC(
      date.getUTCFullYear(),
      month,
      Math.min(date.getUTCDate(), lastDay),
      date.getUTCHours(),
      date.getUTCMinutes(),
      date.getUTCSeconds(),
      date.getUTCMilliseconds(),
    );
  }
  return wall + days * DAY;
}

const UNITS: Array<[keyof Duration, string]> = [
  ['years', 'year'],
  ['months', 'month'],
  ['weeks', 'week'],
  ['days', 'day'],
  ['hours', 'hour'],
  ['minutes', 'minute'],
  ['seconds', 'second'],
];

/** "4 hours", "1 day 12 hours", "0 minutes" for PT0S: how people say a duration. */
export function humanizeDuration(text: string): string {
  const d = parseDuration(text);
  if (!d) return text;
  const parts = UNITS.filter(([key]) => d[key] > 0).map(([key, unit]) => `${d[key]} ${unit}${d[key] === 1 ? '' : 's'}`);
  return parts.length ? parts.join(' ') : '0 minutes';
}

/** Milliseconds as the largest units that divide it, for messages: 20 hours, 1 day 4 hours. */
export function humanizeMs(ms: number): string {
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  const minutes = Math.round((ms % HOUR) / MINUTE);
  const parts: string[] = [];
  if (days) parts.push(`${days} day${days === 1 ? '' : 's'}`);
  if (hours) parts.push(`${hours} hour${hours === 1 ? '' : 's'}`);
  if (minutes) parts.push(`${minutes} minute${minutes === 1 ? '' : 's'}`);
  return parts.length ? parts.join(' ') : '0 minutes';
}
