import ICAL from 'ical.js';
import { expect } from 'vitest';
import { stringify } from 'yaml';
import {
  createFeedWriter,
  MAX_LINE_OCTETS,
  addRunbookFile,
  parseOwnersFile,
  type Corpus,
  type FeedOptions,
  type FeedWriter,
} from '@almanac/verifier/internal';

/*
 * What a subscribing client sees of a feed: ical.js (Thunderbird's parser) reads the events, and
 * the raw bytes are held to the RFC 5545 rules that ical.js forgives.
 */

export interface ClientEvent {
  uid: string;
  start: number;
  end: number;
  summary: string;
  description: string;
  url: string;
  categories: string[];
  sequence: number;
  alarms: string[];
  /** An instance of a recurring VEVENT. */
  recurring: boolean;
}

/**
 * The events a client shows: a recurring VEVENT (RRULE, EXDATE, DTSTART in a VTIMEZONE's zone)
 * expanded by ical.js into one event per instance, each with the series' UID and text.
 */
export function parseFeed(text: string): { calendar: ICAL.Component; events: ClientEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  // ical.js finds a TZID's zone in its registry, not in the calendar: register the feed's own.
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone);
  const events = calendar.getAllSubcomponents('vevent').flatMap((vevent) => {
    const event = new ICAL.Event(vevent);
    const common = {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      url: String(vevent.getFirstPropertyValue('url')),
      categories: vevent.getAllProperties('categories').flatMap((p) => p.getValues().map(String)),
      sequence: Number(vevent.getFirstPropertyValue('sequence')),
      alarms: vevent.getAllSubcomponents('valarm').map((alarm) => String(alarm.getFirstPropertyValue('trigger'))),
      recurring: event.isRecurring(),
    };
    if (!event.isRecurring())
      return [{ ...common, start: event.startDate.toUnixTime() * 1000, end: event.endDate.toUnixTime() * 1000 }];
    const instances: ClientEvent[] = [];
    // Every series has an UNTIL: the iterator ends.
    const iterator = event.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) {
      const { startDate, endDate } = event.getOccurrenceDetails(next);
      instances.push({ ...common, start: startDate.toUnixTime() * 1000, end: endDate.toUnixTime() * 1000 });
    }
    return instances;
  });
  return { calendar, events };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** RFC 5545 on the raw bytes: CRLF only, lines of at most 75 octets, folds that split no character, required properties once. */
export function expectRfc5545(bytes: Uint8Array): void {
  const text = utf8.decode(bytes);
  expect(text.endsWith('\r\n'), 'ends with CRLF').toBe(true);
  expect(/\r(?!\n)|(?<!\r)\n/.test(text), 'a bare CR or LF').toBe(false);
  const physical = splitBytes(bytes);
  for (const line of physical) {
    expect(line.length, `line over ${MAX_LINE_OCTETS} octets: ${utf8.decode(line)}`).toBeLessThanOrEqual(
      MAX_LINE_OCTETS,
    );
    // A fold inside a character would leave an incomplete UTF-8 sequence at a line's end or start.
    expect(() => utf8.decode(line)).not.toThrow();
  }
  const lines = text.slice(0, -2).split('\r\n');
  expect(
    lines.every((line, i) => i === 0 || !line.startsWith('\t')),
    'folds use one space',
  ).toBe(true);
  const unfolded = text.replace(/\r\n /g, '').slice(0, -2).split('\r\n');
  expect(unfolded[0]).toBe('BEGIN:VCALENDAR');
  expect(unfolded.at(-1)).toBe('END:VCALENDAR');
  const calendarProps = unfolded.slice(
    1,
    unfolded.findIndex((line, i) => i > 0 && line.startsWith('BEGIN:')),
  );
  expect(calendarProps.filter((l) => l.startsWith('VERSION:'))).toEqual(['VERSION:2.0']);
  expect(calendarProps.filter((l) => l.startsWith('PRODID:'))).toHaveLength(1);
  expect(unfolded.some((l) => l.startsWith('METHOD:'))).toBe(false);
  // At least one component: RFC 5545's grammar has no empty calendar.
  expect(unfolded.some((l) => /^BEGIN:V(EVENT|TIMEZONE)$/.test(l))).toBe(true);
  for (const event of componentsOf(unfolded, 'VEVENT')) {
    const own = topLevel(event);
    const series = own.some((l) => l.startsWith('RRULE:'));
    for (const name of ['UID', 'DTSTAMP'])
      expect(
        own.filter((l) => l.startsWith(`${name}:`)),
        name,
      ).toHaveLength(1);
    // Never both DTEND and DURATION; a series has DURATION, an occurrence DTEND, each at most once.
    expect(own.filter((l) => l.startsWith(series ? 'DURATION:' : 'DTEND:')).length).toBeLessThanOrEqual(1);
    expect(own.some((l) => l.startsWith(series ? 'DTEND' : 'DURATION'))).toBe(false);
    if (series) {
      expect(own.filter((l) => l.startsWith('DTSTART;TZID='))).toHaveLength(1);
      const tzids = new Set(own.flatMap((l) => /^[A-Z]+;TZID=([^:;]+)/.exec(l)?.[1] ?? []));
      for (const tzid of tzids) expect(unfolded, `a VTIMEZONE for ${tzid}`).toContain(`TZID:${tzid}`);
    } else {
      expect(
        own.filter((l) => l.startsWith('DTSTART:')),
        'DTSTART',
      ).toHaveLength(1);
      for (const l of own.filter((x) => /^(DTSTART|DTEND|DTSTAMP):/.test(x)))
        expect(l).toMatch(/^[A-Z]+:\d{8}T\d{6}Z$/);
    }
  }
}

function splitBytes(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let from = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
      lines.push(bytes.subarray(from, i));
      from = i + 2;
    }
  }
  return lines;
}

function componentsOf(lines: string[], name: string): string[][] {
  const found: string[][] = [];
  let open = -1;
  lines.forEach((line, i) => {
    if (line === `BEGIN:${name}`) open = i;
    if (line === `END:${name}`) found.push(lines.slice(open + 1, i));
  });
  return found;
}

/** A component's own properties, without those of its subcomponents (a VALARM's DESCRIPTION). */
function topLevel(lines: string[]): string[] {
  let depth = 0;
  return lines.filter((line) => {
    if (line.startsWith('BEGIN:')) depth++;
    const own = depth === 0;
    if (line.startsWith('END:')) depth--;
    return own;
  });
}

/**
 * An in-memory corpus as the loader would build it from files: runbooks given as frontmatter
 * objects, parsed by the verifier itself. Fails on any load finding, so a fixture is valid.
 */
export function corpusOf(runbooks: Record<string, Record<string, unknown>>, owners: Record<string, unknown>): Corpus {
  const encode = (text: string) => new TextEncoder().encode(text);
  const parsedOwners = parseOwnersFile('runbooks/owners.yaml', encode(stringify(owners)));
  const corpus: Corpus = {
    runbooks: [],
    pages: [],
    registries: [parsedOwners.registry],
    fileCount: 0,
    filesRead: [],
    loadReports: [...parsedOwners.reports],
  };
  for (const [file, data] of Object.entries(runbooks)) {
    addRunbookFile(corpus, file, encode(`---\n${stringify(data)}---\n\n# Procedure\n`), parsedOwners.registry);
  }
  expect(corpus.loadReports.map((r) => r.message)).toEqual([]);
  return corpus;
}

export const SITE = 'https://almanac.example.org';

/** A writer of one build's feeds, with options as the endpoints make them and fixed times. */
export function testWriter(overrides: Partial<FeedOptions> = {}): FeedWriter {
  return createFeedWriter({
    siteUrl: SITE,
    dtstamp: Date.UTC(2026, 1, 1, 12),
    sequenceOf: () => 1_767_225_600,
    pageHrefOf: (runbook) =>
      `/${runbook.source.file
        .replace(/^runbooks\//, '')
        .replace(/\.mdx?$/, '')
        .toLowerCase()}/`,
    ...overrides,
  });
}
