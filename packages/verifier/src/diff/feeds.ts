import { createFeedWriter } from '../feeds/feed.ts';
import { feedHorizon, feedSets } from '../feeds/feed-sets.ts';
import type { Corpus } from '../model/corpus.ts';
import { TimeEngine } from '../time/engine.ts';

/** A published feed whose events differ, by UID: how many come, go, or change. */
export interface FeedChange {
  /** `all`, `system/<system>`, `owner/<owner>`. */
  feed: string;
  status: 'added' | 'removed' | 'changed';
  events: { added: number; removed: number; changed: number };
}

/** The feeds' horizon and where they are published, as almanac.config sets them. */
export interface FeedSettings {
  today: string;
  days?: { daysBack?: number; daysAhead?: number };
}

/**
 * Each feed's events by UID, written as the site writes them. The stamps that change with every
 * commit (DTSTAMP, SEQUENCE) are held fixed so that only what a subscriber would see counts. An
 * occurrence is one event shared by the feeds it is in (all, its system's, its owners'), kept as
 * UTF-8 outside the heap and compared byte for byte: 1,200 daily windows are half a million
 * events in each of three feeds, which as text took minutes and gigabytes.
 */
function feedEvents(corpus: Corpus, settings: FeedSettings): Map<string, Map<string, Uint8Array>> {
  const writer = createFeedWriter({ siteUrl: 'https://almanac.invalid', dtstamp: 0, sequenceOf: () => 0, pageHrefOf: (runbook) => `/${runbook.id}/` });
  return new Map(feedSets(corpus, new TimeEngine(feedHorizon(settings.today, settings.days))).map((set) => [set.path, writer.events(set)]));
}

/** The feeds whose content the change alters: new feeds, feeds that go, feeds with other events. */
export function feedChanges(before: Corpus, after: Corpus, settings: FeedSettings): FeedChange[] {
  const [a, b] = [feedEvents(before, settings), feedEvents(after, settings)];
  const changes: FeedChange[] = [];
  for (const feed of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const [old, now] = [a.get(feed), b.get(feed)];
    const events = { added: 0, removed: 0, changed: 0 };
    for (const [uid, bytes] of now ?? []) {
      const was = old?.get(uid);
      if (was === undefined) events.added++;
      else if (Buffer.compare(was, bytes) !== 0) events.changed++;
    }
    for (const uid of old?.keys() ?? []) if (!now?.has(uid)) events.removed++;
    const status = !old ? 'added' : !now ? 'removed' : 'changed';
    if (status !== 'changed' || events.added + events.removed + events.changed > 0) changes.push({ feed, status, events });
  }
  return changes;
}
