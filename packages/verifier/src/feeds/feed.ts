import type { Runbook } from '../model/corpus.ts';
import { durationMs, humanizeDuration } from '../time/duration.ts';
import { isPlaceholder } from '../rules/owner-placeholder.ts';
import { clock } from '../time/format.ts';
import type { FeedSet } from './feed-sets.ts';
import { icalDuration, serializeLines, textListProperty, textProperty, utcDateTime } from './ical-text.ts';
import { localSpan, localTimes, wallTime } from './local-time.ts';
import type { ScheduledWindow } from './schedule.ts';

export interface FeedOptions {
  /** Where the site is published, without a trailing slash; its host ends every UID. */
  siteUrl: string;
  /** Every event's DTSTAMP, epoch ms: from the commit or SOURCE_DATE_EPOCH, never the clock, so builds repeat byte for byte. */
  dtstamp: number;
  /** SEQUENCE of a runbook's events: a whole number that grows with each change, such as its last commit time in seconds. */
  sequenceOf(runbook: Runbook): number;
  /** The runbook page's path on the site, as Starlight routes it: `/mvono/maintenance-plan/`. */
  pageHrefOf(runbook: Runbook): string;
}

const PRODID = '-//Almanac//Maintenance runbooks//EN';

/** How often clients should poll; Google ignores it and polls every 8–24 hours anyway. */
const REFRESH_INTERVAL = 'PT6H';

/**
 * RFC 5545 wants at least one component in a calendar. A feed with no windows in its horizon
 * still has to parse everywhere (a subscription must not break when windows come and go), so it
 * carries this unused UTC zone rather than nothing.
 */
const EMPTY_FEED_COMPONENT = ['BEGIN:VTIMEZONE', 'TZID:UTC', 'BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+0000', 'TZOFFSETTO:+0000', 'TZNAME:UTC', 'END:STANDARD', 'END:VTIMEZONE'];

/**
 * A feed as iCalendar text. Each occurrence is its own event with UTC DTSTART/DTEND rather than
 * an RRULE with a TZID: clients disagree on RRULE+TZID around DST changes and Outlook refuses a
 * TZID without VTIMEZONE, while UTC instants show the same in every client as on the site.
 * No METHOD: a subscribed feed is a published calendar, not a scheduling message.
 */
export function renderFeed(set: FeedSet, options: FeedOptions): string {
  return renderFeedChunks(set, options).join('');
}

/**
 * The same text as `renderFeed`, in pieces (the calendar's head, each event, its end) to write
 * or stream one after another: the feed of every window of 10,000 runbooks is longer than the
 * longest string JavaScript can hold.
 */
export function renderFeedChunks(set: FeedSet, options: FeedOptions): string[] {
  const site = new URL(`${options.siteUrl.replace(/\/+$/, '')}/`);
  // One occurrence is in several feeds (all, its system's, each owner's): its event is written once.
  let written = writtenEvents.get(options);
  if (!written) writtenEvents.set(options, (written = { events: new Map(), pages: new Map() }));
  const { pages } = written;
  const events: string[] = [];
  const uids = new Set<string>();
  for (const window of set.windows) {
    let event = written.events.get(window);
    if (!event) {
      const uid = eventUid(window, site.host);
      let page = pages.get(window.runbook);
      // Relative to the site URL, which may itself have a path.
      if (page === undefined) pages.set(window.runbook, (page = new URL(`.${options.pageHrefOf(window.runbook)}`, site).href));
      written.events.set(window, (event = { uid, text: serializeLines(eventLines(window, uid, page, options)) }));
    }
    // Two events with one UID would merge in every client: fail the build instead of publishing that.
    if (uids.has(event.uid)) throw new Error(`two events would share ${event.uid}; rename a runbook or window id so their UIDs differ`);
    uids.add(event.uid);
    events.push(event.text);
  }
  const header = serializeLines([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    textProperty('NAME', set.name),
    textProperty('X-WR-CALNAME', set.name),
    textProperty('DESCRIPTION', set.description),
    textProperty('X-WR-CALDESC', set.description),
    `SOURCE;VALUE=URI:${new URL(`calendars/${set.path}.ics`, site).href}`,
    `URL:${site.href}`,
    `REFRESH-INTERVAL;VALUE=DURATION:${REFRESH_INTERVAL}`,
    `X-PUBLISHED-TTL:${REFRESH_INTERVAL}`,
    ...(events.length ? [] : EMPTY_FEED_COMPONENT),
  ]);
  return [header, ...events, serializeLines(['END:VCALENDAR'])];
}

/**
 * Each occurrence's UID and serialized VEVENT, and each runbook's page URL, per set of options
 * (which fix the site, DTSTAMP and SEQUENCE). Maps inside: a WeakMap of 100,000 events slows
 * every garbage collection.
 */
const writtenEvents = new WeakMap<FeedOptions, { events: Map<ScheduledWindow, { uid: string; text: string }>; pages: Map<Runbook, string> }>();

/**
 * `<runbook>-<window>-<start in UTC>@<site host>`: the same occurrence keeps its UID from build to
 * build, so a client updates the event in place; a window moved to another hour is a new event.
 */
function eventUid(window: ScheduledWindow, host: string): string {
  return `${window.runbook.id}-${window.window.value.id}-${utcDateTime(window.start)}@${host}`;
}

function eventLines(occurrence: ScheduledWindow, uid: string, page: string, options: FeedOptions): string[] {
  const { runbook, window } = occurrence;
  const summary = `${runbook.system}: ${window.value.title}`;
  const sequence = options.sequenceOf(runbook);
  if (!Number.isSafeInteger(sequence) || sequence < 0) throw new Error(`SEQUENCE of ${runbook.id} must be a whole number of 0 or more, not ${sequence}`);
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${utcDateTime(options.dtstamp)}`,
    `SEQUENCE:${sequence}`,
    `DTSTART:${utcDateTime(occurrence.start)}`,
    // DTEND must be later than DTSTART; a zero-length window ends where it starts without one.
    ...(occurrence.end > occurrence.start ? [`DTEND:${utcDateTime(occurrence.end)}`] : []),
    textProperty('SUMMARY', summary),
    textProperty('DESCRIPTION', eventDescription(occurrence, page)),
    `URL:${page}`,
    textListProperty('CATEGORIES', [runbook.system, window.value.impact]),
    // Staff follow the feed to know, not to attend: a window must not mark them busy.
    'TRANSP:TRANSPARENT',
    ...alarm(occurrence, summary),
    'END:VEVENT',
  ];
}

/** A reminder at the notice period, when there is one: that is when users are to be told. */
function alarm(occurrence: ScheduledWindow, summary: string): string[] {
  const notice = occurrence.window.value.notice;
  if (notice === undefined || !(durationMs(notice) > 0)) return [];
  return ['BEGIN:VALARM', 'ACTION:DISPLAY', textProperty('DESCRIPTION', `In ${humanizeDuration(notice)}: ${summary}`), `TRIGGER:${icalDuration(-durationMs(notice))}`, 'END:VALARM'];
}

/** What a reader needs without opening the runbook: local and UTC times, impact, notice, tasks, owners, the page. */
function eventDescription(occurrence: ScheduledWindow, page: string): string {
  const { runbook, window, zone, tasks } = occurrence;
  const notice = window.value.notice;
  const lines = [
    `When: ${localSpan(occurrence.start, occurrence.end, zone)}`,
    ...(zone === 'UTC' ? [] : [`In UTC: ${localSpan(occurrence.start, occurrence.end, 'UTC')}`]),
    ...shiftNote(occurrence),
    `Impact: ${window.value.impact}`,
    `Notice: ${notice === undefined ? 'not stated in the runbook' : durationMs(notice) > 0 ? `${humanizeDuration(notice)} ahead` : 'none'}`,
  ];
  if (tasks.length) {
    lines.push('Tasks in this window:');
    for (const { task, start, end } of tasks) lines.push(`- ${localTimes(start, end, zone)} ${task.value.title} (${task.value.kind}; owner: ${ownerLabel(runbook, task.value.owner)})`);
  }
  lines.push(`Owners: ${runbook.owners.map((id) => ownerLabel(runbook, id)).join('; ')}`);
  if (window.value.description) lines.push('', window.value.description);
  lines.push('', `Runbook: ${runbook.title}`, page);
  return lines.join('\n');
}

/** Why the window starts at another hour than the runbook says, on the days clocks change. */
function shiftNote({ kind, wall, start, zone }: ScheduledWindow): string[] {
  if (kind === 'gap') return [`${wallTime(wall)} does not exist in ${zone} that day (the clocks go forward), so the window starts at ${clock(start, zone).time}.`];
  if (kind === 'ambiguous') return [`${wallTime(wall)} happens twice in ${zone} that day (the clocks go back); the window starts at the first.`];
  return [];
}

/**
 * "Database Team (dba@example.org, +254 711 000 000; Primary: Jane, +254 722 000 000)", or the
 * bare id of an owner not in the registry. A placeholder contact says so: nobody should dial
 * "+254 7XX XXX XXX" at 3 a.m. from a calendar entry.
 */
function ownerLabel(runbook: Runbook, id: string): string {
  // Own keys only: `constructor` is a valid owner id.
  const owner = Object.hasOwn(runbook.registry.owners, id) ? runbook.registry.owners[id] : undefined;
  if (!owner) return id;
  const shown = (parts: Array<string | undefined>) => parts.filter((part) => part !== undefined).map((part) => (isPlaceholder(part) ? `${part} (placeholder)` : part));
  const reach = [
    shown([owner.email, owner.phone, owner.contact]).join(', '),
    ...(owner.contacts ?? []).map((person) => `${person.role ? `${person.role}: ` : ''}${shown([person.name, person.email, person.phone]).join(', ')}`),
  ].filter(Boolean);
  return reach.length ? `${owner.name} (${reach.join('; ')})` : owner.name;
}
