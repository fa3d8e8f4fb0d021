import {
  clockTimes,
  instantWithUtc,
  isUtc,
  spanInWords,
  spanWithUtc as spanWithUtcOn,
  WEEKDAYS,
  type OffsetClock,
} from './time-words.ts';
import { DAY, MINUTE } from './units.ts';
import { ZoneTimeline } from './zone.ts';

const SHORT_WEEKDAYS = WEEKDAYS.map((day) => day.slice(0, 3));
const YEAR = 365 * DAY;
const timelines = new Map<string, ZoneTimeline>();

/**
 * A zone's offset at an instant. Pages and feeds ask for hundreds of thousands of instants, and
 * Intl's formatting costs microseconds each: the zone's transitions are read once, around the
 * first instant asked (a few years either side), and searched. Outside that span the timeline
 * asks Temporal, so the answer never depends on which instant came first, only the speed does.
 */
export function offsetIn(zone: string, instant: number): number {
  if (isUtc(zone)) return 0;
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
    weekday: SHORT_WEEKDAYS[shown.getUTCDay()]!,
    time: `${pad(shown.getUTCHours())}:${pad(shown.getUTCMinutes())}`,
  };
}

/*
 * The time words (time-words.ts) on the engine's clock, as findings and feeds write them.
 */
const offsetClock: OffsetClock = (instant, zone) => ({ ...clock(instant, zone), offset: offsetAt(instant, zone) });

/** "Sun 02:00 Africa/Nairobi = Sat 23:00 UTC", or "Sun 02:00 UTC" when the zone is UTC. */
export const bothZones = (instant: number, zone: string): string => instantWithUtc(instant, zone, clock);

/** A span in its zone and, when that is not UTC, in UTC too: "Sun 02:00–04:00 Europe/London = Sun 01:00–03:00 UTC". */
export const spanWithUtc = (start: number, end: number, zone: string): string => spanWithUtcOn(start, end, zone, clock);

/** "Sun 2026-03-29 02:30–04:30 Europe/London (UTC+01:00)": a span in a feed or report, with its offset. */
export const localSpan = (start: number, end: number, zone: string): string =>
  spanInWords(start, end, zone, 'feed', offsetClock);

/** "02:00" or "02:00–03:00": a task's run as the window's zone shows it. */
export const localTimes = (start: number, end: number, zone: string): string => clockTimes(start, end, zone, clock);

const abbreviations = new Map<string, Intl.DateTimeFormat>();

/**
 * What a zone's clocks are called at an instant, as people in Britain say it (BST, CET, EDT),
 * with the offset: "BST (UTC+01:00)". Where the zone has no letters in use, the offset alone.
 */
export function zoneTimeName(zone: string, instant: number): string {
  let format = abbreviations.get(zone);
  if (!format)
    abbreviations.set(zone, (format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'short' })));
  const name = format.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? '';
  const offset = offsetAt(instant, zone);
  return /^[A-Z]{2,5}$/.test(name) && name !== 'UTC' ? `${name} (${offset})` : offset;
}
