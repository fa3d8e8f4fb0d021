import { DAY, MINUTE } from './units.ts';
import { ZoneTimeline } from './zone.ts';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const YEAR = 365 * DAY;
const timelines = new Map<string, ZoneTimeline>();

/**
 * A zone's offset at an instant. Pages and feeds ask for hundreds of thousands of instants, and
 * Intl's formatting costs microseconds each: the zone's transitions are read once, around the
 * first instant asked (a few years either side), and searched. Outside that span the timeline
 * asks Temporal, so the answer never depends on which instant came first, only the speed does.
 */
export function offsetIn(zone: string, instant: number): number {
  if (zone === 'UTC') return 0;
  let timeline = timelines.get(zone);
  if (!timeline) timelines.set(zone, (timeline = new ZoneTimeline(zone, instant - 2 * YEAR, instant + 3 * YEAR)));
  return timeline.offsetAt(instant);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "UTC+01:00": a zone's offset at an instant. */
export function offsetAt(instant: number, zone: string): string {
  const minutes = Math.round(offsetIn(zone, instant) / MINUTE);
  const abs = Math.abs(minutes);
  return `UTC${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An instant as the clock in a zone shows it: { date: '2026-11-29', weekday: 'Sun', time: '02:00' }. */
export function clock(instant: number, zone: string): { date: string; weekday: string; time: string } {
  const shown = new Date(instant + offsetIn(zone, instant));
  return {
    date: `${String(shown.getUTCFullYear()).padStart(4, '0')}-${pad(shown.getUTCMonth() + 1)}-${pad(shown.getUTCDate())}`,
    weekday: WEEKDAYS[shown.getUTCDay()]!,
    time: `${pad(shown.getUTCHours())}:${pad(shown.getUTCMinutes())}`,
  };
}

/** "Sun 02:00 Africa/Nairobi = Sat 23:00 UTC", or "Sun 02:00 UTC" when the zone is UTC. */
export function bothZones(instant: number, zone: string): string {
  const local = clock(instant, zone);
  if (zone === 'UTC') return `${local.weekday} ${local.time} UTC`;
  const utc = clock(instant, 'UTC');
  return `${local.weekday} ${local.time} ${zone} = ${utc.weekday} ${utc.time} UTC`;
}

/** "Sun 02:00–04:00 UTC": a span as its zone shows it, with the end's weekday only if it differs. */
export function spanIn(start: number, end: number, zone: string): string {
  const a = clock(start, zone);
  const b = clock(end, zone);
  return `${a.weekday} ${a.time}–${b.date === a.date ? '' : `${b.weekday} `}${b.time} ${zone}`;
}

/** A span in its zone and, when that is not UTC, in UTC too: "Sun 02:00–04:00 Europe/London = Sun 01:00–03:00 UTC". */
export function spanWithUtc(start: number, end: number, zone: string): string {
  return zone === 'UTC' ? spanIn(start, end, zone) : `${spanIn(start, end, zone)} = ${spanIn(start, end, 'UTC')}`;
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
