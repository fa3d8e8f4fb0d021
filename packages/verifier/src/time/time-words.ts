import { durationMs, humanizeDuration } from './duration.ts';
import type { Until } from './rrule-body.ts';
import { DAY, MINUTE } from './units.ts';

/*
 * Every wording of times, zones, durations, notices and contacts, once for the CLI's reports, the
 * feeds, the site and the reader's browser, each in its named style (`SpanStyle`, `ZoneStyle`,
 * `HowLongStyle`); recurrences are worded in recurrence-words.ts, which needs the rule parser the
 * browser does not load. Nothing here reads time zone data: the clock is passed in, so the build
 * words times with the verifier's clock and the reader's browser with Intl
 * (src/scripts/reader-words.ts imports this module), and both say "Sun 29 Nov 2026, 02:00–04:00
 * UTC" alike.
 */

/** An instant as a wall clock in a zone. */
export interface WallClock {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM, 24-hour */
  time: string;
  /** "Sun": the clock's own reading, where it gives one; else worked out from the date. */
  weekday?: string;
}

export type Clock = (instant: number, zone: string) => WallClock;
/** A clock that also gives the zone's offset from UTC at the instant: "UTC+01:00". */
export type OffsetClock = (instant: number, zone: string) => WallClock & { offset: string };

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The names the IANA database gives UTC itself (its links to Etc/UTC that runbooks may use): each counts as UTC and reads "UTC". */
const UTC_NAMES: ReadonlySet<string> = new Set(['UTC', 'Etc/UTC', 'Etc/UCT', 'Etc/Universal', 'Etc/Zulu']);

export function isUtc(zone: string): boolean {
  return UTC_NAMES.has(zone);
}

/**
 * How a zone is named:
 * - `page`: as people name it in a sentence, "Nairobi", "Buenos Aires";
 * - `message` (findings, feeds): as the runbook spells it, "Africa/Nairobi", for its author to find.
 * UTC, under any of its names, is "UTC" in both.
 */
export type ZoneStyle = 'page' | 'message';

export function zoneName(zone: string, style: ZoneStyle): string {
  if (isUtc(zone)) return 'UTC';
  return style === 'message' ? zone : zone.slice(zone.lastIndexOf('/') + 1).replaceAll('_', ' ');
}

/** "UTC", "Nairobi", "Buenos Aires": a zone as people name it in a sentence. */
export function zoneLabel(zone: string): string {
  return zoneName(zone, 'page');
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
  return style === 'long'
    ? `${weekday} ${day} ${monthName} ${year}`
    : `${weekday.slice(0, 3)} ${day} ${monthName.slice(0, 3)} ${year}`;
}

/** "Sun" for a wall clock's date. */
function weekdayOf(wall: WallClock): string {
  if (wall.weekday) return wall.weekday;
  const [year, month, day] = wall.date.split('-').map(Number) as [number, number, number];
  return WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!.slice(0, 3);
}

/** Whole days from one YYYY-MM-DD date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/**
 * "02:00–04:00 UTC", "23:00–01:00 UTC", or with a day named where the span ends on a later day than the next.
 * `nextDay` marks a span that ends the next day, where a reader scans a day's list: "23:00–01:00 UTC (+1 day)".
 */
export function clockSpanWords(start: number, end: number, zone: string, clock: Clock, nextDay = false): string {
  const a = clock(start, zone);
  if (end <= start) return `${a.time} ${zoneLabel(zone)}`;
  const b = clock(end, zone);
  const days = daysBetween(a.date, b.date);
  const endsLater = days > 1 || (days === 1 && b.time >= a.time);
  if (endsLater) return `${a.time} ${zoneLabel(zone)} to ${formatDate(b.date)}, ${b.time}`;
  // Ending at midnight is the same evening to a reader.
  return `${a.time}–${b.time} ${zoneLabel(zone)}${nextDay && days === 1 && b.time !== '00:00' ? ' (+1 day)' : ''}`;
}

/** "Sun 29 Nov 2026, 02:00–04:00 UTC"; an all-day occurrence is "Sun 29 Nov 2026 (the whole day, UTC)"; `nextDay` as for `clockSpanWords`. */
export function occurrenceWords(
  occurrence: { start: number; end: number; allDay?: boolean },
  zone: string,
  clock: Clock,
  nextDay = false,
): string {
  const { date } = clock(occurrence.start, zone);
  if (occurrence.allDay) return `${formatDate(date)} (the whole day, ${zoneLabel(zone)})`;
  return `${formatDate(date)}, ${clockSpanWords(occurrence.start, occurrence.end, zone, clock, nextDay)}`;
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

/** "01:30": the digits of a wall time, held as epoch milliseconds of the same digits in UTC. */
export function wallTime(wall: number): string {
  return new Date(wall).toISOString().slice(11, 16);
}

/**
 * A rule's UNTIL in words, with its zone: UTC for a time with Z, else the item's own. A date alone
 * is worded as 00:00 that day, since `UNTIL=20271231` reads as inclusive though a 02:00 start on
 * 31 December is after it.
 * - `page` follows a recurrence's words: "until 00:00 on Fri 31 Dec 2027", "until 05:00 UTC on
 *   Mon 1 Mar 2027" (the words beside it name the item's zone);
 * - `message` quotes the rule for its author to find: "UNTIL=20270301T050000Z, 2027-03-01 05:00
 *   UTC", "UNTIL=20271231, 00:00 on 2027-12-31 in the item's zone, before its 02:00 start that
 *   day" when given the item's start.
 */
export function untilInWords(until: Until, style: 'page' | 'message', start?: string): string {
  const date = new Date(until.at).toISOString().slice(0, 10);
  const time = wallTime(until.at);
  if (style === 'page') return `until ${time}${until.kind === 'instant' ? ' UTC' : ''} on ${formatDate(date)}`;
  if (until.kind === 'instant') return `UNTIL=${until.text}, ${date} ${time} UTC`;
  if (!until.dateOnly) return `UNTIL=${until.text}, ${date} ${time} in the item's zone`;
  const later = start !== undefined && start !== '00:00' ? `, before its ${start} start that day` : '';
  return `UNTIL=${until.text}, 00:00 on ${date} in the item's zone${later}`;
}

/** "02:00" or "02:00–03:00": times of day alone, where the words around them give the zone. */
export function clockTimes(start: number, end: number, zone: string, clock: Clock): string {
  const from = clock(start, zone).time;
  return end > start ? `${from}–${clock(end, zone).time}` : from;
}

/**
 * How a span is written for each of its readers:
 * - `page`: the site, "Sun 29 Nov 2026, 02:00–04:00 Nairobi", the zone as people name it;
 * - `message`: a finding, "Sun 02:00–04:00 Europe/London", the weekday alone (the message gives
 *   the date) and the zone as the runbook spells it; the end's weekday only if it differs;
 * - `feed`: a calendar event, "Sun 2026-03-29 02:30–04:30 Europe/London (UTC+01:00)", with the
 *   offset so that a reader across a DST change sees which hour is meant. A span over the change
 *   gives each end its own offset; the end's date is written only if it differs.
 */
export type SpanStyle = 'page' | 'message' | 'feed';

export function spanInWords(start: number, end: number, zone: string, style: 'feed', clock: OffsetClock): string;
export function spanInWords(start: number, end: number, zone: string, style: 'page' | 'message', clock: Clock): string;
export function spanInWords(
  start: number,
  end: number,
  zone: string,
  style: SpanStyle,
  clock: Clock | OffsetClock,
): string {
  if (style === 'page') return occurrenceWords({ start, end }, zone, clock);
  if (style === 'message') return messageSpan(start, end, zone, clock);
  return feedSpan(start, end, zone, clock as OffsetClock);
}

function messageSpan(start: number, end: number, zone: string, clock: Clock): string {
  const a = clock(start, zone);
  const b = clock(end, zone);
  return `${weekdayOf(a)} ${a.time}–${b.date === a.date ? '' : `${weekdayOf(b)} `}${b.time} ${zoneName(zone, 'message')}`;
}

function feedSpan(start: number, end: number, zone: string, clock: OffsetClock): string {
  const a = clock(start, zone);
  const from = `${weekdayOf(a)} ${a.date} ${a.time}`;
  // An instant (a zero-length occurrence) is written as one: "Sun 2026-11-29 02:00 UTC".
  if (end <= start) return isUtc(zone) ? `${from} UTC` : `${from} ${zone} (${a.offset})`;
  const b = clock(end, zone);
  const to = `${b.date === a.date ? '' : `${weekdayOf(b)} ${b.date} `}${b.time}`;
  if (isUtc(zone)) return `${from}–${to} UTC`;
  if (a.offset === b.offset) return `${from}–${to} ${zone} (${a.offset})`;
  return `${from} (${a.offset}) – ${to} (${b.offset}) ${zone}`;
}

/** "Sun 02:00 Africa/Nairobi = Sat 23:00 UTC", or "Sun 02:00 UTC": an instant in a finding, in its zone and UTC. */
export function instantWithUtc(instant: number, zone: string, clock: Clock): string {
  const local = clock(instant, zone);
  if (isUtc(zone)) return `${weekdayOf(local)} ${local.time} UTC`;
  const utc = clock(instant, 'UTC');
  return `${weekdayOf(local)} ${local.time} ${zone} = ${weekdayOf(utc)} ${utc.time} UTC`;
}

/** A span in a finding, in its zone and, when that is not UTC, in UTC too: "Sun 02:00–04:00 Europe/London = Sun 01:00–03:00 UTC". */
export function spanWithUtc(start: number, end: number, zone: string, clock: Clock): string {
  const own = spanInWords(start, end, zone, 'message', clock);
  return isUtc(zone) ? own : `${own} = ${spanInWords(start, end, 'UTC', 'message', clock)}`;
}

/**
 * An occurrence in its zone and, where that is not UTC, in UTC: "Sun 29 Nov 2026, 05:00–07:00
 * Nairobi (02:00–04:00 UTC)"; the UTC half names its date where that is another day, "Sun 29 Nov
 * 2026, 02:00–04:00 Nairobi (Sat 28 Nov 2026, 23:00–01:00 UTC)".
 */
export function occurrenceBothZones(
  occurrence: { start: number; end: number; allDay?: boolean },
  zone: string,
  clock: Clock,
): string {
  const own = occurrenceWords(occurrence, zone, clock);
  if (isUtc(zone) || occurrence.allDay) return own;
  const sameDate = clock(occurrence.start, zone).date === clock(occurrence.start, 'UTC').date;
  return `${own} (${sameDate ? clockSpanWords(occurrence.start, occurrence.end, 'UTC', clock) : occurrenceWords(occurrence, 'UTC', clock)})`;
}

/** An ISO instant for `<time datetime>`, to the minute: "2026-11-29T02:00Z". */
export function isoInstant(instant: number): string {
  return new Date(instant).toISOString().replace(/:00\.000Z$/, 'Z');
}

/** A `<time>` element's attributes and text, written alike by the build and by the reader's browser. */
export interface TimeMarkup {
  datetime: string;
  /** data-end: absent for an instant alone ("until 04:00"). */
  end?: string;
  /** data-zone: the zone the reader's "runbook's zone" choice shows. */
  zone: string;
  /** data-zones: the zones the text names, which the reader's browser need not name again. */
  zones: string;
  /** data-all-day */
  allDay: boolean;
  text: string;
}

/**
 * The `<time>` of an occurrence (or, without an end, an instant) in its zone and UTC, the build's
 * (src/components/When.astro) and the reader's browser's (src/scripts/reader-words.ts) alike.
 * `runbookZone` is the zone the reader's "runbook's zone" choice shows, the occurrence's own by default.
 */
export function timeMarkup(
  occurrence: { start: number; end?: number | undefined; allDay?: boolean },
  zone: string,
  clock: Clock,
  runbookZone = zone,
): TimeMarkup {
  const { start, end, allDay = false } = occurrence;
  return {
    datetime: isoInstant(start),
    ...(end !== undefined && { end: isoInstant(end) }),
    zone: runbookZone,
    zones: [...new Set([zone, 'UTC'])].join(' '),
    allDay,
    text: occurrenceBothZones({ start, end: end ?? start, allDay }, zone, clock),
  };
}

/**
 * How far ahead people are told of a window, or a notification goes out: "24 hours ahead", "as it
 * starts" for a zero lead, "not stated in the runbook" for none given. The site says "Announced
 * 24 hours ahead", a feed "Notice: 24 hours ahead".
 */
export function noticeInWords(notice: string | undefined): string {
  if (notice === undefined) return 'not stated in the runbook';
  return durationMs(notice) === 0 ? 'as it starts' : `${humanizeDuration(notice)} ahead`;
}

/**
 * The time of an item due on its days at no set hour, with the zone (named as the caller names
 * it) whose day that is: "any time that day (Nairobi time)", "any time that day (UTC), taking 1
 * hour"; "at no set minute (…)" for one due several times a day. Without a zone, the words alone.
 */
export function noStartInWords(
  zoneName: string | undefined,
  options: { subDaily?: boolean; duration?: string | undefined } = {},
): string {
  const when = options.subDaily ? 'at no set minute' : 'any time that day';
  const whose = !zoneName ? '' : isUtc(zoneName) ? ' (UTC)' : ` (${zoneName} time)`;
  return `${when}${whose}${options.duration ? `, taking ${humanizeDuration(options.duration)}` : ''}`;
}

/**
 * A stretch of time measured on the clock, as a glance reads it:
 * - `countdown`: "40 min", "1 h 30 min", "3 days", at least a minute (the live status's "… left", "in …");
 * - `age`: "0 minutes", "3 hours", "2 days" (how old a build is, "… ago").
 */
export type HowLongStyle = 'countdown' | 'age';

export function howLongInWords(ms: number, style: HowLongStyle): string {
  if (style === 'age') {
    const minutes = Math.max(0, Math.round(ms / MINUTE));
    if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
    const hours = Math.round(minutes / 60);
    if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'}`;
    return `${Math.round(hours / 24)} days`;
  }
  const minutes = Math.max(1, Math.round(ms / MINUTE));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return `${Math.round(hours / 24)} days`;
}

/** A window's impact as a reader says it: "degraded service". */
export const IMPACT_WORDS = {
  none: 'no impact',
  minimal: 'minimal impact',
  degraded: 'degraded service',
  downtime: 'downtime',
} as const;

/** "[Name]", "[email]", "+254 7XX XXX XXX", "TBD": contact text that stands in for a real one. */
const PLACEHOLDER = /\[[^\]]*\]|<[^>]*>|XX|\bTBD\b|\bTODO\b/;

/** Whether contact text stands in for a real one: the owner-placeholder rule reports it, pages and feeds mark it. */
export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text);
}

/** An owner's contact fields, as owners.yaml gives them. */
export interface ContactDetails {
  email?: string | undefined;
  phone?: string | undefined;
  contact?: string | undefined;
  contacts?:
    | ReadonlyArray<{
        role?: string | undefined;
        name?: string | undefined;
        email?: string | undefined;
        phone?: string | undefined;
      }>
    | undefined;
}

export type ContactKind = 'phone' | 'email' | 'text';

export interface ContactWay {
  kind: ContactKind;
  value: string;
}

/** An owner's contacts: the owner's own, then each named person's (a team's primary, backup, lead). */
export interface OrderedContacts {
  ways: ContactWay[];
  people: Array<{ role?: string | undefined; name?: string | undefined; ways: ContactWay[] }>;
}

/**
 * An owner's contacts in the one order every reader gets them (the site, the live status, the
 * feeds): the owner's own before each person's, and in each the phone first, then email, then
 * free text. Contacts are looked up when something is under way: a phone reaches a person at
 * 3 a.m., and a calendar event is mostly read on a phone, where a number dials.
 */
export function contactsInOrder(owner: ContactDetails): OrderedContacts {
  const ways = (phone?: string, email?: string, text?: string): ContactWay[] => {
    const found: ContactWay[] = [];
    if (phone !== undefined) found.push({ kind: 'phone', value: phone });
    if (email !== undefined) found.push({ kind: 'email', value: email });
    if (text !== undefined) found.push({ kind: 'text', value: text });
    return found;
  };
  return {
    ways: ways(owner.phone, owner.email, owner.contact),
    people: (owner.contacts ?? []).map((person) => ({
      role: person.role,
      name: person.name,
      ways: ways(person.phone, person.email),
    })),
  };
}

/**
 * "Database Team (+254 711 000 000, dba@example.org; Primary: Jane, +254 722 000 000)": an owner
 * with every contact, in a line of text (a feed's event). A placeholder says so: nobody should
 * dial "+254 7XX XXX XXX" at 3 a.m. from a calendar entry.
 */
export function ownerInWords(owner: ContactDetails & { name: string }): string {
  const shown = (parts: Array<string | undefined>) =>
    parts.filter((part) => part !== undefined).map((part) => (isPlaceholder(part) ? `${part} (placeholder)` : part));
  const { ways, people } = contactsInOrder(owner);
  const reach = [
    shown(ways.map((way) => way.value)).join(', '),
    ...people.map((person) => {
      const reached = shown([person.name, ...person.ways.map((way) => way.value)]).join(', ');
      // A role with no one named and nothing to reach them by is no contact.
      return reached && `${person.role ? `${person.role}: ` : ''}${reached}`;
    }),
  ].filter(Boolean);
  return reach.length ? `${owner.name} (${reach.join('; ')})` : owner.name;
}
