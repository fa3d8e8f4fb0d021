import { clock, offsetAt } from '../time/format.ts';

/**
 * A span as the zone's clocks show it, with the offset, so that a reader across a DST change
 * sees which hour is meant: "Sun 2026-03-29 02:30–04:30 Europe/London (UTC+01:00)". A span over
 * the change itself gives each end its own offset; the end's date is written only if it differs.
 */
export function localSpan(start: number, end: number, zone: string): string {
  const a = clock(start, zone);
  const b = clock(end, zone);
  const from = `${a.weekday} ${a.date} ${a.time}`;
  const to = `${b.date === a.date ? '' : `${b.weekday} ${b.date} `}${b.time}`;
  if (zone === 'UTC') return `${from}–${to} UTC`;
  const [startOffset, endOffset] = [offsetAt(start, zone), offsetAt(end, zone)];
  if (startOffset === endOffset) return `${from}–${to} ${zone} (${startOffset})`;
  return `${from} (${startOffset}) – ${to} (${endOffset}) ${zone}`;
}

/** "02:00" or "02:00–03:00": a task's run as the window's zone shows it. */
export function localTimes(start: number, end: number, zone: string): string {
  const from = clock(start, zone).time;
  return end > start ? `${from}–${clock(end, zone).time}` : from;
}

/** "01:30": the digits of a wall time, held as epoch milliseconds of the same digits in UTC. */
export function wallTime(wall: number): string {
  return new Date(wall).toISOString().slice(11, 16);
}
