import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  feedHorizon,
  feedSets,
  isPortableRule,
  loadConfig,
  loadCorpus,
  MAX_EXDATES,
  MAX_INSTANCES,
  parseRruleBody,
  TimeEngine,
  type Corpus,
} from '@almanac/verifier/internal';
import { parseFeed, testWriter } from './client.ts';
import { fixtureCorpus, fixtureTime } from './fixtures.ts';

/*
 * Three independent readers expand every feed, series and single events alike: ical.js
 * (Thunderbird's), python icalendar + recurring_ical_events, and libical (Evolution's, through
 * libical-glib). Each must give exactly the time engine's occurrences, instant for instant.
 */

const root = new URL('../../', import.meta.url).pathname;
const EXPAND = join(root, 'test/feeds/expand-feeds.py');
const dir = mkdtempSync(join(tmpdir(), 'almanac-feeds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function shipped(): { corpus: Corpus; time: TimeEngine } {
  const { config } = loadConfig(root);
  return {
    corpus: loadCorpus(['runbooks'], root, { ownersFile: config.owners }),
    time: new TimeEngine(feedHorizon('2026-11-23', config.feeds)),
  };
}

const spans = (pairs: Array<[number, number]>) =>
  pairs.map(([start, end]) => `${new Date(start).toISOString()}/${(end - start) / 60_000}m`).sort();

/** The content lines of a feed, unfolded. */
const linesOf = (text: string) => text.replace(/\r\n /g, '').split('\r\n');

describe.each([
  ['the shipped runbooks', shipped],
  ['the test fixtures', () => ({ corpus: fixtureCorpus(), time: fixtureTime() })],
])('feeds of %s, as three calendar libraries expand them', (name, load) => {
  const { corpus, time } = load();
  const sets = feedSets(corpus, time);
  const writer = testWriter();
  const feeds = sets.map((set, i) => {
    const file = join(dir, `${name.replace(/\W+/g, '-')}-${i}.ics`);
    const text = writer.text(set);
    writeFileSync(file, text);
    return { set, file, text, expected: spans(set.windows.map((o) => [o.start, o.end])) };
  });

  it('gives the engine’s occurrences in every feed, in ical.js, python and libical', () => {
    const { from, to } = time.horizon;
    const out = JSON.parse(
      execFileSync('/usr/bin/python3', [EXPAND, String(from), String(to), ...feeds.map((f) => f.file)], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      }),
    ) as Record<string, Record<'python' | 'libical', Array<[number, number]>>>;
    for (const { set, file, text, expected } of feeds) {
      expect(spans(parseFeed(text).events.map((e) => [e.start, e.end])), `ical.js, ${set.path}`).toEqual(expected);
      expect(spans(out[file]!.python), `python, ${set.path}`).toEqual(expected);
      expect(spans(out[file]!.libical), `libical, ${set.path}`).toEqual(expected);
    }
  });

  it('writes series only in the portable subset, FREQ first, with few EXDATEs and a VTIMEZONE for every TZID', () => {
    let series = 0;
    for (const { set, text } of feeds) {
      const lines = linesOf(text);
      const zones = new Set(lines.filter((l) => l.startsWith('TZID:')).map((l) => l.slice(5)));
      for (const line of lines) {
        const tzid = /^[A-Z-]+;TZID=([^:;]+)/.exec(line)?.[1];
        if (tzid) expect(zones, `${set.path}: ${line}`).toContain(tzid);
        if (!line.startsWith('RRULE:')) continue;
        series++;
        const body = line.slice('RRULE:'.length);
        expect(body).toMatch(/^FREQ=/);
        const parsed = parseRruleBody(body);
        expect(parsed.ok && isPortableRule(parsed.rule), body).toBe(true);
      }
      for (const line of lines.filter((l) => l.startsWith('EXDATE')))
        expect(line.split(',').length).toBeLessThanOrEqual(MAX_EXDATES);
    }
    expect(series).toBeGreaterThan(0);
    // Instances per series: the Google Calendar API's cap.
    for (const { text } of feeds)
      for (const count of countsBySeries(text)) expect(count).toBeLessThanOrEqual(MAX_INSTANCES);
  });
});

function countsBySeries(text: string): number[] {
  const counts = new Map<string, number>();
  for (const event of parseFeed(text).events.filter((e) => e.recurring))
    counts.set(event.uid, (counts.get(event.uid) ?? 0) + 1);
  return [...counts.values()];
}

describe('which windows are series', () => {
  const writer = testWriter();
  const all = feedSets(fixtureCorpus(), fixtureTime()).find((set) => set.path === 'all')!;
  const uids = linesOf(writer.text(all))
    .filter((l) => l.startsWith('UID:'))
    .map((l) => l.slice(4).replace(/@.*/, ''));

  it('makes one VEVENT of each window whose rule and times clients agree on', () => {
    for (const window of [
      'desk-plan-mornings',
      'desk-plan-fortnightly',
      'desk-plan-quarterly',
      'core-ops-weekly',
      'core-ops-monthly',
      'mvono-plan-saturday-night',
    ])
      expect(uids).toContain(window);
  });

  it('keeps a window expanded, with its occurrence UIDs, when its rule is outside the templates or it starts in a DST gap or overlap', () => {
    // BYMONTHDAY=-1: Outlook misreads it.
    expect(uids.filter((uid) => uid.startsWith('desk-plan-month-end')).every((uid) => /-\d{8}T\d{6}Z$/.test(uid))).toBe(
      true,
    );
    expect(uids.filter((uid) => uid.startsWith('desk-plan-month-end')).length).toBeGreaterThan(10);
    // 01:30 London is skipped in March and repeated in October.
    expect(
      uids.filter((uid) => uid.startsWith('ledger-maintenance-weekly')).every((uid) => /-\d{8}T\d{6}Z$/.test(uid)),
    ).toBe(true);
  });
});
