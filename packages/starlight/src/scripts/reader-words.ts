import type { LiveOccurrence, LiveSchedule } from '../lib/live-schedule.ts';
import {
  clockSpanWords,
  howLongInWords,
  occurrenceWords,
  timeMarkup,
  zoneLabel,
  type Clock,
  type TimeMarkup,
} from '@almanac/verifier/time-words';

/*
 * What the reader's browser says, worked out without a page: src/scripts/reader-time.ts puts it
 * in the DOM, and the unit tests hold it to the build's words (the verifier's time-words module,
 * on the verifier's clock) for the same instant and zone.
 */

/** Which zone the reader chose to read times in: their own, UTC, or each runbook's. */
export type Mode = 'reader' | 'utc' | 'own';
export const MODES: readonly Mode[] = ['reader', 'utc', 'own'];

/** The zone the reader's browser is set to. */
export const READER = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The browser's clock: Intl's zone data, which is the reader's own. */
export const clock: Clock = (instant, zone) => {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, format);
  }
  const part = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return { date: `${part.year}-${part.month}-${part.day}`, time: `${part.hour}:${part.minute}` };
};

/** The zone a mode shows, for a time whose runbook is in `ownZone`. */
export const zoneOfMode = (mode: Mode, ownZone: string, reader = READER) =>
  mode === 'reader' ? reader : mode === 'utc' ? 'UTC' : ownZone;

/** "21:00–23:00 New York" without its date, when the text beside it already names that date; a span into the next day says "+1 day". */
function words(start: number, end: number, allDay: boolean, zone: string, shownDate: string | undefined): string {
  return !allDay && clock(start, zone).date === shownDate
    ? clockSpanWords(start, end, zone, clock, true)
    : occurrenceWords({ start, end, allDay }, zone, clock, true);
}

/** A `<time data-zone>` as the build wrote it, read back from its attributes. */
export interface ShownTime {
  start: number;
  end: number;
  allDay: boolean;
  /** data-zone: the runbook's. */
  ownZone: string;
  /** data-zones: the zones the build's text names. */
  zones: readonly string[];
  /** data-format="span": the time sits under a day heading, which names the chosen zone's date (the calendar). */
  spanOnly: boolean;
}

/**
 * A time in the chosen zone, then, dimmer (`extra`), in UTC and the runbook's zone, each with its
 * date where that is another day; zones are told apart by the name people know them by, so a
 * reader in Nairobi is not told Nairobi's time twice.
 */
export function timeInZones(time: ShownTime, chosen: string): { text: string; extra: string | undefined } {
  const chosenDate = clock(time.start, chosen).date;
  const text = words(time.start, time.end, time.allDay, chosen, time.spanOnly ? chosenDate : undefined);
  const others: string[] = [];
  const named = new Set([zoneLabel(chosen)]);
  for (const zone of ['UTC', time.ownZone, ...time.zones]) {
    if (!zone || named.has(zoneLabel(zone))) continue;
    named.add(zoneLabel(zone));
    others.push(words(time.start, time.end, time.allDay, zone, chosenDate));
  }
  return { text, extra: others.length ? ` · ${others.join(' · ')}` : undefined };
}

/** What the calendar says it groups by and shows, in each mode. */
export function agendaZoneWords(mode: Mode, reader = READER): string {
  if (mode === 'reader')
    return `by day in your time zone (${zoneLabel(reader)}); times in your zone, then UTC and the window's own`;
  return mode === 'utc'
    ? "by day in UTC; times in UTC, then the window's own time zone"
    : "by day in each runbook's time zone; times in it, then UTC";
}

/** The Monday of a YYYY-MM-DD date's week. */
export function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/** A `<time>` the browser writes for the live status: an occurrence, or without an end an instant ("until 04:00"), as the build writes one. */
export function liveTime(start: number, end: number | undefined, zone: string): TimeMarkup {
  return timeMarkup({ start, end }, zone, clock);
}

/**
 * The schedule's occurrences by runbook and by owner, in start order, picked out once: every
 * status on the page is worked out again each minute.
 */
export function grouped(schedule: LiveSchedule): {
  byRunbook: Map<string, LiveOccurrence[]>;
  byOwner: Map<string, LiveOccurrence[]>;
} {
  const byRunbook = new Map<string, LiveOccurrence[]>();
  const byOwner = new Map<string, LiveOccurrence[]>();
  const add = (groups: Map<string, LiveOccurrence[]>, key: string, occurrence: LiveOccurrence) => {
    const group = groups.get(key);
    if (group) group.push(occurrence);
    else groups.set(key, [occurrence]);
  };
  for (const occurrence of schedule.occurrences) {
    const window = schedule.windows[occurrence[2]]!;
    add(byRunbook, window.runbook, occurrence);
    for (const owner of new Set([...window.owners, ...(occurrence[3] ?? [])])) add(byOwner, owner, occurrence);
  }
  return { byRunbook, byOwner };
}

/** What is in maintenance at `now` and what comes next, among these occurrences (of one runbook, of one owner, or all). */
export function statusAt(schedule: LiveSchedule, now: number, mine: readonly LiveOccurrence[]) {
  return {
    current: mine.filter(([start, end]) => start <= now && now < end),
    // Past `until` only each window's first later occurrence is known, so which is next is not.
    next: now >= schedule.until ? undefined : mine.find(([start]) => start > now),
    stale: now >= schedule.until,
  };
}

/** "1 h 30 min left", "in 3 days": a countdown to `to`, as the live status shows it. */
export function countdownWords(to: number, now: number, words: 'left' | 'in'): string {
  const left = howLongInWords(to - now, 'countdown');
  return words === 'left' ? `${left} left` : `in ${left}`;
}

/** "3 hours ago", "2 days ago": how old the build is, beside its date. */
export function ageWords(builtAt: number, now: number): string {
  return `${howLongInWords(now - builtAt, 'age')} ago`;
}

/** Why the live status cannot say whether a window is under way: the page's list ends at `until`. */
export function staleWords(until: number): string {
  return `this page lists windows only until ${occurrenceWords({ start: until, end: until }, 'UTC', clock)}; the site needs a rebuild.`;
}
