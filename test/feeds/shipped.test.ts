import { describe, expect, it } from 'vitest';
import {
  feedHorizon,
  feedSets,
  loadConfig,
  loadCorpus,
  TimeEngine,
  windowOwners,
  windowOccurrences,
} from '@almanac/verifier/internal';
import { expectRfc5545, parseFeed, testWriter } from './client.ts';

/*
 * The feeds of the runbooks in runbooks/, whatever they are today: every one valid, and every
 * one holding exactly the occurrences the time engine gives for its runbooks.
 */

const root = new URL('../../', import.meta.url).pathname;
const { config } = loadConfig(root);
const corpus = loadCorpus(['runbooks'], root, { ownersFile: config.owners });
const time = new TimeEngine(feedHorizon('2026-11-23', config.feeds));
const sets = feedSets(corpus, time);
const writer = testWriter();
const rendered = new Map(sets.map((set) => [set.path, writer.text(set)]));

describe('feeds of the shipped runbooks', () => {
  it('has a feed for all, for each system and for each owner', () => {
    const paths = [...rendered.keys()];
    expect(paths[0]).toBe('all');
    for (const runbook of corpus.runbooks) {
      expect(paths).toContain(`system/${runbook.system}`);
      for (const owner of runbook.owners) expect(paths).toContain(`owner/${owner}`);
    }
  });

  it('writes each feed to the RFC 5545 rules, and ical.js reads it', () => {
    for (const [path, text] of rendered) {
      expectRfc5545(new TextEncoder().encode(text));
      expect(parseFeed(text).events.length, path).toBe(sets.find((s) => s.path === path)!.windows.length);
    }
  });

  it('publishes, one to one, the window occurrences of the time engine', () => {
    const expected = corpus.runbooks.flatMap((runbook) => windowOccurrences(runbook, time));
    const events = parseFeed(rendered.get('all')!).events;
    expect(events.map((e) => [e.start, e.end]).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!)).toEqual(
      expected.map((o) => [o.start, o.end]).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!),
    );
    // One VEVENT per UID: a series' instances share its UID.
    expect(new Set(events.map((e) => e.uid)).size).toBe(rendered.get('all')!.match(/\r\nBEGIN:VEVENT\r\n/g)!.length);
    for (const event of events) expect(event.summary).toMatch(/^[a-z0-9-]+: \S/);
  });

  it('puts each occurrence in its system feed and in the feed of every owner of it', () => {
    const all = sets.find((s) => s.path === 'all')!;
    for (const set of sets.filter((s) => s.path !== 'all')) {
      const [kind, id] = set.path.split('/') as ['system' | 'owner', string];
      const belongs = all.windows.filter((w) =>
        kind === 'system' ? w.runbook.system === id : windowOwners(w).has(id),
      );
      expect(set.windows, set.path).toEqual(belongs);
    }
  });

  it('marks placeholder contacts in event descriptions, and names a team’s people', () => {
    const smartmed = parseFeed(rendered.get('system/smartmed')!).events[0]!;
    expect(smartmed.description).toContain('[email] (placeholder)');
    const platform = parseFeed(rendered.get('system/platform')!).events[0]!;
    expect(platform.description).toMatch(/Primary: \[Name\] \(placeholder\)/);
  });

  it('writes the same bytes from a second load of the same files', () => {
    const again = loadCorpus(['runbooks'], root, { ownersFile: config.owners });
    const secondSets = feedSets(again, new TimeEngine(feedHorizon('2026-11-23', config.feeds)));
    const secondWriter = testWriter();
    for (const set of secondSets) expect(secondWriter.text(set), set.path).toBe(rendered.get(set.path));
  });
});
