import type { Item, Runbook } from '../../load/corpus.ts';
import { IMPACTS, type Task, type Window } from '../../schema/runbook.ts';
import { durationMs, humanizeDuration } from '../../time/duration.ts';
import { ownerOf } from '../../schedule/owners.ts';
import { clock, localSpan, localTimes } from '../../time/format.ts';
import { isUtc, noticeInWords, ownerInWords, wallTime } from '../../time/time-words.ts';
import type { FeedSet } from './feed-sets.ts';
import {
  contentLine,
  escapeText,
  icalDuration,
  serializeLines,
  textListProperty,
  textProperty,
  utcDateTime,
} from './ical-text.ts';
import type { ScheduledWindow } from './schedule.ts';
import { localDateTime, seriesOf, vtimezoneLines, type Series } from './series.ts';
import type { ZoneTimeline } from '../../time/zone.ts';
import { scheduleInWords } from '../../time/recurrence-words.ts';

export interface FeedOptions {
  /** Where the site is published, without a trailing slash; its host ends every UID. */
  siteUrl: string;
  /** Every event's DTSTAMP, epoch ms: from the commit or SOURCE_DATE_EPOCH, never the clock, so builds repeat byte for byte. */
  dtstamp: number;
  /** SEQUENCE of a runbook's events: a whole number that grows with each change, such as its last commit time in seconds. */
  sequenceOf(runbook: Runbook): number;
  /** The runbook page's path on the site, as Starlight routes it: `/mvono/maintenance-plan/`. */
  pageHrefOf(runbook: Runbook): string;
  /** The feed budget (almanac.config's `feeds.maxBytes`, `feeds.maxEvents`); DEFAULT_FEED_BUDGET where unset. */
  budget?: Partial<FeedBudget>;
  /** Told, in a sentence that says what to do, of each feed cut to its budget. */
  warn?(message: string): void;
}

const PRODID = '-//Almanac//Maintenance runbooks//EN';

/** How large a feed may be: what calendar clients read (NOTES.md, "Feeds: size budget"). */
export interface FeedBudget {
  /** Bytes of the whole feed: Google Calendar stops reading a subscribed feed at about 1 MB. */
  maxBytes: number;
  /** VEVENTs: reports of Google Calendar dropping events past about 1,100. */
  maxEvents: number;
}

export const DEFAULT_FEED_BUDGET: FeedBudget = { maxBytes: 2 ** 20, maxEvents: 1000 };

/** How often clients should poll; Google ignores it and polls every 8–24 hours anyway. */
const REFRESH_INTERVAL = 'PT6H';

/**
 * RFC 5545 wants at least one component in a calendar. A feed with no windows in its horizon
 * still has to parse everywhere (a subscription must not break when windows come and go), so it
 * carries this unused UTC zone rather than nothing.
 */
const EMPTY_FEED_COMPONENT = [
  'BEGIN:VTIMEZONE',
  'TZID:UTC',
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0000',
  'TZNAME:UTC',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** Writes the feeds of one build (`createFeedWriter`). */
export interface FeedWriter {
  /** A feed as iCalendar text. */
  text(set: FeedSet): string;
  /**
   * The same feed as UTF-8, the form a file or a response takes, in pieces (the calendar's head,
   * each event, its end) to write one after another or copy into one buffer: the feed of every
   * window of 10,000 runbooks is longer than the longest string JavaScript can hold. Each
   * event's piece is shared with every other feed it is in: write or copy the pieces, never
   * change or transfer them.
   */
  bytes(set: FeedSet): Array<Uint8Array<ArrayBuffer>>;
  /**
   * The feed's events by UID, as `bytes` has them (a window's series or its occurrences), none
   * written yet: to compare feeds, call only the events both sides have. What the budget would
   * leave out is counted too: the comparison is of the windows' events, not of a cut feed.
   */
  events(set: FeedSet): Map<string, () => Uint8Array<ArrayBuffer>>;
}

const toUtf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

/**
 * An event as it is kept between the feeds it is in: as UTF-8, which lives outside the
 * JavaScript heap. Kept as text, a large organisation's gigabyte of events is copied by every
 * garbage collection that promotes it, and encoded again for every feed written.
 */
interface WrittenEvent {
  uid: string;
  bytes: Uint8Array<ArrayBuffer>;
  /** The last feed it went into, numbered from 1 by its writer. */
  feed: number;
}

/**
 * A writer of the feeds of one build, whose options fix the site, DTSTAMP and SEQUENCE. Each
 * occurrence is its own event with UTC DTSTART/DTEND rather than an RRULE with a TZID: clients
 * disagree on RRULE+TZID around DST changes and Outlook refuses a TZID without VTIMEZONE, while
 * UTC instants show the same in every client as on the site. No METHOD: a subscribed feed is a
 * published calendar, not a scheduling message.
 *
 * One occurrence is in several feeds (all, its system's, each owner's), so the writer keeps
 * every event it writes for the feeds after, and every UID it gives: two occurrences with one
 * UID, which clients would merge into one event, fail the build even when they are in
 * different feeds. A feed's bytes therefore depend only on its set and the options, whichever
 * feeds the writer wrote before; a new writer starts with nothing kept.
 */
export function createFeedWriter(options: FeedOptions): FeedWriter {
  const site = new URL(`${options.siteUrl.replace(/\/+$/, '')}/`);
  const constants: WriterConstants = { site, options, dtstamp: contentLine(`DTSTAMP:${utcDateTime(options.dtstamp)}`) };
  // Maps, not WeakMaps: a WeakMap of 100,000 events slows every garbage collection.
  /** Each occurrence's event, once written. */
  const events = new Map<ScheduledWindow, WrittenEvent>();
  /** Every UID given. */
  const uids = new Set<string>();
  /** What a runbook's events, and a window's, have in common, serialized once. */
  const runbooks: WrittenRunbooks = new Map();
  let feeds = 0;
  const budget = { ...DEFAULT_FEED_BUDGET, ...options.budget };

  /** Each window's series events, by what they hold: a feed with a subset of its occurrences has its own. */
  const seriesEvents = new Map<Item<Window>, Map<string, WrittenEvent>>();
  /** The window each series UID stands for. */
  const seriesUids = new Map<string, Item<Window>>();
  /** Each zone's VTIMEZONE, serialized, by the engine whose horizon it covers. */
  const zones = new Map<ZoneTimeline, string>();

  function occurrenceEvent(window: ScheduledWindow, feed: number): WrittenEvent {
    const event = eventOf(window);
    if (event.feed === feed)
      throw new Error(`two events would share ${event.uid}; the same window occurrence is in the feed twice`);
    event.feed = feed;
    return event;
  }

  function seriesEvent(series: Series, occurrences: readonly ScheduledWindow[], feed: number): WrittenEvent {
    const event = seriesEventOf(series, occurrences);
    if (event.feed === feed)
      throw new Error(`two events would share ${event.uid}; the same window is in the feed twice`);
    event.feed = feed;
    return event;
  }

  function seriesEventOf(series: Series, occurrences: readonly ScheduledWindow[]): WrittenEvent {
    const { window } = occurrences[0]!;
    let byContent = seriesEvents.get(window);
    if (!byContent) seriesEvents.set(window, (byContent = new Map()));
    const key = `${series.start} ${series.rrule} ${series.exdates.join(',')}`;
    let event = byContent.get(key);
    if (event === undefined) {
      const uid = seriesUid(occurrences[0]!);
      const owner = seriesUids.get(uid);
      if (uids.has(uid) || (owner !== undefined && owner !== window))
        throw new Error(`two events would share ${uid}; rename a runbook or window id so their UIDs differ`);
      seriesUids.set(uid, window);
      byContent.set(
        key,
        (event = {
          uid,
          bytes: toUtf8.encode(seriesText(series, occurrences, uid, partsOf(runbooks, occurrences[0]!, constants))),
          feed: 0,
        }),
      );
    }
    return event;
  }

  const seriesUid = ({ runbook, window }: ScheduledWindow) => `${runbook.id}-${window.value.id}@${site.host}`;

  /** Each window's occurrences in a feed, with the series that stands for them where one does. */
  function windowsOf(
    set: FeedSet,
  ): Array<{ occurrences: ScheduledWindow[]; series: Series | undefined; timeline: ZoneTimeline }> {
    // In the order the feed has them (by start).
    const byWindow = new Map<Item<Window>, ScheduledWindow[]>();
    for (const occurrence of set.windows) {
      let list = byWindow.get(occurrence.window);
      if (!list) byWindow.set(occurrence.window, (list = []));
      list.push(occurrence);
    }
    return [...byWindow.values()].map((occurrences) => {
      const timeline = set.time.zone(occurrences[0]!.zone);
      return { occurrences, timeline, series: seriesOf(occurrences, occurrences[0]!.window.value.rrule, timeline) };
    });
  }

  // A UID is checked once against every other (two occurrences), and an event once per feed (the same one twice, in occurrenceEvent).
  function eventOf(window: ScheduledWindow): WrittenEvent {
    let event = events.get(window);
    if (event === undefined) {
      const uid = eventUid(window, site.host);
      if (uids.has(uid))
        throw new Error(`two events would share ${uid}; rename a runbook or window id so their UIDs differ`);
      uids.add(uid);
      events.set(
        window,
        (event = { uid, bytes: toUtf8.encode(eventText(window, uid, partsOf(runbooks, window, constants))), feed: 0 }),
      );
    }
    return event;
  }

  function feedParts(set: FeedSet): { header: string; events: WrittenEvent[]; footer: string } {
    const feed = ++feeds;
    const placed: Placed[] = [];
    for (const { occurrences, series, timeline } of windowsOf(set)) {
      const impact = IMPACTS.indexOf(occurrences[0]!.window.value.impact);
      if (series)
        placed.push({ start: occurrences[0]!.start, impact, event: seriesEvent(series, occurrences, feed), timeline });
      else
        for (const occurrence of occurrences)
          placed.push({ start: occurrence.start, impact, event: occurrenceEvent(occurrence, feed) });
    }
    const vtimezoneOf = (timeline: ZoneTimeline) => {
      let text = zones.get(timeline);
      if (text === undefined) zones.set(timeline, (text = serializeLines(vtimezoneLines(timeline))));
      return text;
    };
    const kept = withinBudget(placed, budget, (entries) =>
      [...new Set(entries.flatMap((p) => p.timeline ?? []))].reduce(
        (n, timeline) => n + vtimezoneOf(timeline).length,
        0,
      ),
    );
    let description = set.description;
    if (kept.length < placed.length) {
      const bytes = placed.reduce((n, p) => n + p.event.bytes.length, 0);
      options.warn?.(
        `calendars/${set.path}.ics would be ${mib(bytes)} with ${placed.length.toLocaleString('en')} events, more than calendar clients read (this build's feed budget: ${mib(budget.maxBytes)}, ${budget.maxEvents.toLocaleString('en')} events; Google Calendar stops at about 1 MB). ` +
          `It keeps the ${kept.length.toLocaleString('en')} events of most impact, soonest first. Point subscribers to the system and owner feeds, shorten the horizon (feeds.daysAhead), or raise feeds.maxBytes and feeds.maxEvents in almanac.config.json.`,
      );
      description += ` It holds ${kept.length} of its ${placed.length} events, those of most impact first, to stay within what calendar clients read: the system and owner feeds have the rest.`;
    }
    // By first start, as before series: stable, so equal starts keep the feed's order.
    const inFeed = kept.sort((a, b) => a.start - b.start).map(({ event }) => event);
    const timelines = [...new Set(kept.flatMap((p) => p.timeline ?? []))];
    const vtimezones = timelines.sort((a, b) => (a.zone < b.zone ? -1 : a.zone > b.zone ? 1 : 0)).map(vtimezoneOf);
    const header =
      serializeLines([
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        `PRODID:${PRODID}`,
        'CALSCALE:GREGORIAN',
        textProperty('NAME', set.name),
        textProperty('X-WR-CALNAME', set.name),
        textProperty('DESCRIPTION', description),
        textProperty('X-WR-CALDESC', description),
        `SOURCE;VALUE=URI:${new URL(`calendars/${set.path}.ics`, site).href}`,
        `URL:${site.href}`,
        `REFRESH-INTERVAL;VALUE=DURATION:${REFRESH_INTERVAL}`,
        `X-PUBLISHED-TTL:${REFRESH_INTERVAL}`,
        ...(inFeed.length ? [] : EMPTY_FEED_COMPONENT),
      ]) + vtimezones.join('');
    return { header, events: inFeed, footer: serializeLines(['END:VCALENDAR']) };
  }

  return {
    text(set) {
      const { header, events: inFeed, footer } = feedParts(set);
      return header + inFeed.map((event) => fromUtf8.decode(event.bytes)).join('') + footer;
    },
    bytes(set) {
      const { header, events: inFeed, footer } = feedParts(set);
      return [toUtf8.encode(header), ...inFeed.map((event) => event.bytes), toUtf8.encode(footer)];
    },
    events(set) {
      const byUid = new Map<string, () => Uint8Array<ArrayBuffer>>();
      const add = (uid: string, bytes: () => Uint8Array<ArrayBuffer>) => {
        if (byUid.has(uid))
          throw new Error(`two events would share ${uid}; rename a runbook or window id so their UIDs differ`);
        byUid.set(uid, bytes);
      };
      for (const { occurrences, series } of windowsOf(set)) {
        if (series) add(seriesUid(occurrences[0]!), () => seriesEventOf(series, occurrences).bytes);
        else
          for (const occurrence of occurrences) add(eventUid(occurrence, site.host), () => eventOf(occurrence).bytes);
      }
      return byUid;
    },
  };
}

/** An event placed in a feed: when it starts, its window's impact (rank in IMPACTS), the zone of a series. */
interface Placed {
  start: number;
  impact: number;
  event: WrittenEvent;
  timeline?: ZoneTimeline;
}

/** Room for a feed's head, end, and a note on what it leaves out: a few kilobytes at most. */
const FEED_FRAME_BYTES = 4096;

/**
 * The events a feed keeps within its budget: all when they fit, else those of most impact,
 * soonest first, while the events, the VTIMEZONEs they need and the feed's frame fit.
 */
function withinBudget(placed: Placed[], budget: FeedBudget, zoneBytes: (entries: Placed[]) => number): Placed[] {
  const size = (entries: Placed[]) =>
    entries.reduce((n, p) => n + p.event.bytes.length, FEED_FRAME_BYTES + zoneBytes(entries));
  if (placed.length <= budget.maxEvents && size(placed) <= budget.maxBytes) return placed;
  const kept: Placed[] = [];
  let bytes = FEED_FRAME_BYTES;
  const zonesKept = new Set<ZoneTimeline>();
  for (const entry of [...placed].sort((a, b) => b.impact - a.impact || a.start - b.start)) {
    if (kept.length >= budget.maxEvents) break;
    const zone = entry.timeline && !zonesKept.has(entry.timeline) ? zoneBytes([entry]) : 0;
    if (bytes + entry.event.bytes.length + zone > budget.maxBytes) continue;
    bytes += entry.event.bytes.length + zone;
    if (entry.timeline) zonesKept.add(entry.timeline);
    kept.push(entry);
  }
  return kept;
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(bytes < 2 ** 20 ? 2 : 1)} MiB`;

/**
 * What every occurrence of a runbook's window has in common, escaped or serialized once: a
 * feed of a year of weekly windows writes each of these fifty times, and owner labels with
 * every contact are most of a description. Descriptions are escaped piece by piece, which is
 * the same as escaping them whole: a piece holds no break that a join could split.
 */
interface RunbookParts {
  /** SEQUENCE, serialized. */
  sequence: string;
  page: string;
  /** URL, serialized. */
  url: string;
  /** Escaped "Owners: …". */
  owners: string;
  /** Escaped ", owner: …)" and the rest of a task's line after its times, by task. */
  tasks: Map<Item<Task>, string>;
  windows: Map<Item<Window>, WindowParts>;
}

interface WindowParts {
  /** SUMMARY, serialized. */
  summary: string;
  /** Escaped "Impact: …" and "Notice: …". */
  impact: string;
  /** Escaped: the window's description, the runbook's title and page. */
  tail: string;
  /** CATEGORIES, serialized. */
  categories: string;
  /** The VALARM, serialized, or nothing. */
  alarm: string;
}

type WrittenRunbooks = Map<Runbook, RunbookParts>;

/** What a writer's every event shares. */
interface WriterConstants {
  site: URL;
  options: FeedOptions;
  /** DTSTAMP, serialized. */
  dtstamp: string;
}

interface EventParts {
  /** DTSTAMP, serialized. */
  dtstamp: string;
  runbook: RunbookParts;
  window: WindowParts;
}

function partsOf(
  runbooks: WrittenRunbooks,
  occurrence: ScheduledWindow,
  { site, options, dtstamp }: WriterConstants,
): EventParts {
  const { runbook, window } = occurrence;
  let ofRunbook = runbooks.get(runbook);
  if (!ofRunbook) {
    const sequence = options.sequenceOf(runbook);
    if (!Number.isSafeInteger(sequence) || sequence < 0)
      throw new Error(`SEQUENCE of ${runbook.id} must be a whole number of 0 or more, not ${sequence}`);
    // Relative to the site URL, which may itself have a path.
    const page = new URL(`.${options.pageHrefOf(runbook)}`, site).href;
    runbooks.set(
      runbook,
      (ofRunbook = {
        sequence: contentLine(`SEQUENCE:${sequence}`),
        page,
        url: contentLine(`URL:${page}`),
        owners: escapeText(`Owners: ${runbook.owners.map((id) => ownerLabel(runbook, id)).join('; ')}`),
        tasks: new Map(),
        windows: new Map(),
      }),
    );
  }
  let ofWindow = ofRunbook.windows.get(window);
  if (!ofWindow) {
    const summary = `${runbook.system}: ${window.value.title}`;
    const notice = window.value.notice;
    ofRunbook.windows.set(
      window,
      (ofWindow = {
        summary: contentLine(textProperty('SUMMARY', summary)),
        impact: escapeLines([`Impact: ${window.value.impact}`, `Notice: ${noticeInWords(notice)}`]),
        tail: escapeLines([
          ...(window.value.description ? ['', window.value.description] : []),
          '',
          `Runbook: ${runbook.title}`,
          ofRunbook.page,
        ]),
        categories: contentLine(textListProperty('CATEGORIES', [runbook.system, window.value.impact])),
        alarm: serializeLines([
          ...alarm(notice, summary),
          ...(window.value.remind_at_start ? startAlarm(summary) : []),
        ]),
      }),
    );
  }
  return { dtstamp, runbook: ofRunbook, window: ofWindow };
}

/** Lines of a TEXT value, escaped and joined by escaped line breaks. */
function escapeLines(lines: readonly string[]): string {
  return lines.map(escapeText).join('\\n');
}

/**
 * `<runbook>-<window>-<start in UTC>@<site host>`: the same occurrence keeps its UID from build to
 * build, so a client updates the event in place; a window moved to another hour is a new event.
 */
function eventUid(window: ScheduledWindow, host: string): string {
  return `${window.runbook.id}-${window.window.value.id}-${utcDateTime(window.start)}@${host}`;
}

/**
 * One occurrence's VEVENT, every line of it in the order written: its properties, then its
 * alarm, as RFC 5545 (3.6.1) wants a component's properties before the components it holds.
 */
function eventText(occurrence: ScheduledWindow, uid: string, parts: EventParts): string {
  return (
    'BEGIN:VEVENT\r\n' +
    contentLine(`UID:${uid}`) +
    parts.dtstamp +
    parts.runbook.sequence +
    `DTSTART:${utcDateTime(occurrence.start)}\r\n` +
    // DTEND must be later than DTSTART; a zero-length window ends where it starts without one.
    (occurrence.end > occurrence.start ? `DTEND:${utcDateTime(occurrence.end)}\r\n` : '') +
    parts.window.summary +
    contentLine(`DESCRIPTION:${eventDescription(occurrence, parts)}`) +
    parts.runbook.url +
    parts.window.categories +
    // Staff follow the feed to know, not to attend: a window must not mark them busy.
    'TRANSP:TRANSPARENT\r\n' +
    parts.window.alarm +
    'END:VEVENT\r\n'
  );
}

/** A reminder at the notice period, when there is one: that is when users are to be told. */
/**
 * A window's series VEVENT: DTSTART in its zone, an exact DURATION (the same for every
 * instance, as RFC 5545 reads a PT duration), the rule, and the dates it leaves out.
 */
function seriesText(series: Series, occurrences: readonly ScheduledWindow[], uid: string, parts: EventParts): string {
  const tzid = `;TZID=${series.zone}`;
  return (
    'BEGIN:VEVENT\r\n' +
    contentLine(`UID:${uid}`) +
    parts.dtstamp +
    parts.runbook.sequence +
    `DTSTART${tzid}:${localDateTime(series.start)}\r\n` +
    `DURATION:${icalDuration(series.length, { exact: true })}\r\n` +
    contentLine(`RRULE:${series.rrule}`) +
    (series.exdates.length ? contentLine(`EXDATE${tzid}:${series.exdates.map(localDateTime).join(',')}`) : '') +
    parts.window.summary +
    contentLine(`DESCRIPTION:${seriesDescription(occurrences, parts)}`) +
    parts.runbook.url +
    parts.window.categories +
    'TRANSP:TRANSPARENT\r\n' +
    parts.window.alarm +
    'END:VEVENT\r\n'
  );
}

/**
 * What a series' reader needs: its rule in words and the span it covers in this feed, impact and
 * notice, the tasks its occurrences hold, owners, the page. What differs from one occurrence to
 * the next (which tasks run in it, when) cannot be in a series: the runbook page the event
 * links to gives each task's schedule and the next occurrences.
 */
function seriesDescription(occurrences: readonly ScheduledWindow[], parts: EventParts): string {
  const { runbook, window, zone } = occurrences[0]!;
  const last = occurrences[occurrences.length - 1]!;
  const lines = [
    escapeText(`When: ${scheduleInWords(window.value, zone)}`),
    escapeText(
      `In this calendar: ${occurrences.length} occurrences, ${clock(occurrences[0]!.start, zone).date} to ${clock(last.start, zone).date}. The runbook page gives the next ones and each task's schedule.`,
    ),
    parts.window.impact,
  ];
  const tasks = new Set(occurrences.flatMap((occurrence) => occurrence.tasks.map(({ task }) => task)));
  if (tasks.size) {
    lines.push('Tasks in these windows:');
    for (const task of tasks) lines.push(`-${taskLabel(runbook, task, parts)}`);
  }
  lines.push(parts.runbook.owners, parts.window.tail);
  return lines.join('\\n');
}

/** " Title (kind; owner: …)", escaped, once per task. */
function taskLabel(runbook: Runbook, task: Item<Task>, parts: EventParts): string {
  let label = parts.runbook.tasks.get(task);
  if (label === undefined)
    parts.runbook.tasks.set(
      task,
      (label = escapeText(
        ` ${task.value.title} (${task.value.kind}; owner: ${ownerLabel(runbook, task.value.owner)})`,
      )),
    );
  return label;
}

function alarm(notice: string | undefined, summary: string): string[] {
  if (notice === undefined || !(durationMs(notice) > 0)) return [];
  return [
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    textProperty('DESCRIPTION', `In ${humanizeDuration(notice)}: ${summary}`),
    `TRIGGER:${icalDuration(-durationMs(notice))}`,
    'END:VALARM',
  ];
}

/** A second reminder as the window starts, for the staff who run it, where the runbook asks for one (`remind_at_start`). */
function startAlarm(summary: string): string[] {
  return [
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    textProperty('DESCRIPTION', `Starting now: ${summary}`),
    'TRIGGER:PT0S',
    'END:VALARM',
  ];
}

/**
 * What a reader needs without opening the runbook, escaped: local and UTC times, impact,
 * notice, tasks, owners, the page.
 */
function eventDescription(occurrence: ScheduledWindow, parts: EventParts): string {
  const { runbook, zone, tasks } = occurrence;
  const lines = [
    escapeText(`When: ${localSpan(occurrence.start, occurrence.end, zone)}`),
    ...(isUtc(zone) ? [] : [escapeText(`In UTC: ${localSpan(occurrence.start, occurrence.end, 'UTC')}`)]),
    ...shiftNote(occurrence).map(escapeText),
    parts.window.impact,
  ];
  if (tasks.length) {
    lines.push('Tasks in this window:');
    for (const { task, start, end } of tasks)
      lines.push(`- ${escapeText(localTimes(start, end, zone))}${taskLabel(runbook, task, parts)}`);
  }
  lines.push(parts.runbook.owners, parts.window.tail);
  return lines.join('\\n');
}

/** Why the window starts at another hour than the runbook says, on the days clocks change. */
function shiftNote({ kind, wall, start, zone }: ScheduledWindow): string[] {
  if (kind === 'gap')
    return [
      `${wallTime(wall)} does not exist in ${zone} that day (the clocks go forward), so the window starts at ${clock(start, zone).time}.`,
    ];
  if (kind === 'ambiguous')
    return [
      `${wallTime(wall)} happens twice in ${zone} that day (the clocks go back); the window starts at the first.`,
    ];
  return [];
}

/** An owner with every contact (`ownerInWords`), or the bare id of an owner not in the registry. */
function ownerLabel(runbook: Runbook, id: string): string {
  const owner = ownerOf(runbook, id);
  return owner ? ownerInWords(owner) : id;
}
