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
 * commit (DTSTAMP, SEQUENCE) are held fixed so that only what a subscriber would see counts.
 */
function feedEvents(corpus: Corpus, settings: FeedSettings): Map<string, Map<string, string>> {
  const writer = createFeedWriter({ siteUrl: 'https://almanac.invalid', dtstamp: 0, sequenceOf: () => 0, pageHrefOf: (runbook) => `/${runbook.id}/` });
  const feeds = new Map<string, Map<string, string>>();
  for (const set of feedSets(corpus, new TimeEngine(feedHorizon(settings.today, settings.days)))) {
    const events = new Map<string, string>();
    // Unfolded (RFC 5545 §3.1) so that a long UID is read whole.
    for (const event of writer.text(set).replace(/\r\n[ \t]/g, '').split('BEGIN:VEVENT').slice(1)) {
      events.set(/\r\nUID:([^\r\n]*)/.exec(event)?.[1] ?? event, event);
    }
    feeds.set(set.path, events);
  }
  return feeds;
}

/** The feeds whose content the change alters: new feeds, feeds that go, feeds with other events. */
export function feedChanges(before: Corpus, after: Corpus, settings: FeedSettings): FeedChange[] {
  const [a, b] = [feedEvents(before, settings), feedEvents(after, settings)];
  const changes: FeedChange[] = [];
  for (const feed of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const [old, now] = [a.get(feed), b.get(feed)];
    const events = { added: 0, removed: 0, changed: 0 };
    for (const [uid, text] of now ?? []) {
      const was = old?.get(uid);
      if (was === undefined) events.added++;
      else if (was !== text) events.changed++;
    }
    for (const uid of old?.keys() ?? []) if (!now?.has(uid)) events.removed++;
    const status = !old ? 'added' : !now ? 'removed' : 'changed';
    if (status !== 'changed' || events.added + events.removed + events.changed > 0) changes.push({ feed, status, events });
  }
  return changes;
}
