import { createFeedWriter, type FeedWriter } from '../feeds/feed.ts';
import type { ScheduledWindow } from '../feeds/schedule.ts';
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

/** A side's feeds: each feed's occurrences by UID, and the writer that writes an event when both sides have it. */
interface SideFeeds {
  feeds: Map<string, Map<string, ScheduledWindow>>;
  writer: FeedWriter;
}

/**
 * Each feed's events by UID, written as the site writes them. The stamps that change with every
 * commit (DTSTAMP, SEQUENCE) are held fixed so that only what a subscriber would see counts.
 * Only an event both sides have is written, once for all the feeds it is in, and compared byte
 * for byte: 1,200 new daily windows are half a million events in each of three feeds, which,
 * every one written and kept as text, took minutes and gigabytes.
 */
function feedEvents(corpus: Corpus, settings: FeedSettings): SideFeeds {
  const writer = createFeedWriter({ siteUrl: 'https://almanac.invalid', dtstamp: 0, sequenceOf: () => 0, pageHrefOf: (runbook) => `/${runbook.id}/` });
  return { writer, feeds: new Map(feedSets(corpus, new TimeEngine(feedHorizon(settings.today, settings.days))).map((set) => [set.path, writer.occurrences(set)])) };
}

/** The feeds whose content the change alters: new feeds, feeds that go, feeds with other events. */
export function feedChanges(before: Corpus, after: Corpus, settings: FeedSettings): FeedChange[] {
  const [a, b] = [feedEvents(before, settings), feedEvents(after, settings)];
  const changes: FeedChange[] = [];
  for (const feed of [...new Set([...a.feeds.keys(), ...b.feeds.keys()])].sort()) {
    const [old, now] = [a.feeds.get(feed), b.feeds.get(feed)];
    const events = { added: 0, removed: 0, changed: 0 };
    for (const [uid, window] of now ?? []) {
      const was = old?.get(uid);
      if (was === undefined) events.added++;
      else if (Buffer.compare(a.writer.eventBytes(was), b.writer.eventBytes(window)) !== 0) events.changed++;
    }
    for (const uid of old?.keys() ?? []) if (!now?.has(uid)) events.removed++;
    const status = !old ? 'added' : !now ? 'removed' : 'changed';
    if (status !== 'changed' || events.added + events.removed + events.changed > 0) changes.push({ feed, status, events });
  }
  return changes;
}
