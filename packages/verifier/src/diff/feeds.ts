import { createFeedWriter } from '../outputs/feeds/feed.ts';
import { feedHeads, feedSets, type FeedHead } from '../outputs/feeds/feed-sets.ts';
import type { Corpus, Runbook } from '../load/corpus.ts';
import { ownerIdsOf, ownerOf } from '../schedule/owners.ts';
import { pageHref } from '../schedule/page-path.ts';
import type { TimeEngine } from '../time/engine.ts';

/** A published feed whose events differ, by UID: how many come, go, or change. */
export interface FeedChange {
  /** `all`, `system/<system>`, `owner/<owner>`. */
  feed: string;
  status: 'added' | 'removed' | 'changed';
  events: { added: number; removed: number; changed: number };
}

/** A side's runbooks, and the engine its feeds expand with (`ModelTimes.feeds`). */
interface FeedSide {
  corpus: Corpus;
  feedTime: TimeEngine;
}

/** Where the feeds are published, as almanac.config and the paths given say. */
export interface FeedPublishing {
  /** Where the site is published (`siteUrlOf`): every event's URL and UID hold it. */
  siteUrl: string;
  /** The runbook trees as given, from which the site routes their pages (`pageHref`). */
  trees?: readonly string[];
}

/** A side's feeds: each feed's events by UID, each written only when asked for (when both sides have it). */
type SideFeeds = Map<string, Map<string, () => Uint8Array>>;

/**
 * All that a runbook's events are made of: its frontmatter, its page's path, and the registry
 * entries of the owners they name. Equal at both sides, its events are equal, and so is the
 * list of feeds they are in (its system's, its owners', its tasks' owners').
 */
function eventSource(runbook: Runbook, trees: FeedPublishing['trees']): string {
  const owners = [...ownerIdsOf(runbook)].sort().map((id) => [id, ownerOf(runbook, id) ?? null]);
  return JSON.stringify([pageHref(runbook, trees), runbook.source.yamlText, owners]);
}

/** The runbooks by id; a second runbook with one id is a duplicate-id finding, and the first is the one compared. */
export function runbooksById(corpus: Corpus): Map<string, Runbook> {
  const runbooks = new Map<string, Runbook>();
  for (const runbook of corpus.runbooks) if (!runbooks.has(runbook.id)) runbooks.set(runbook.id, runbook);
  return runbooks;
}

/**
 * The events of some runbooks, by feed and UID, as the site's feed builder makes them with the
 * site's URL and page paths. DTSTAMP and SEQUENCE, which change with every commit, are held
 * fixed so that only what a subscriber would see counts. Nothing is written here: an event both
 * sides have is written once and compared byte for byte (1,200 new daily windows are half a
 * million events in each of three feeds, which, every one written and kept as text, took
 * minutes and gigabytes).
 */
function feedEvents(runbooks: Runbook[], side: FeedSide, publishing: FeedPublishing): SideFeeds {
  const writer = createFeedWriter({
    siteUrl: publishing.siteUrl,
    dtstamp: 0,
    sequenceOf: () => 0,
    pageHrefOf: (runbook) => pageHref(runbook, publishing.trees),
  });
  const feeds = feedSets({ runbooks, registries: side.corpus.registries }, side.feedTime);
  return new Map(feeds.map((set) => [set.path, writer.events(set)]));
}

const headText = (head: FeedHead) => `${head.name}\n${head.description}`;

/**
 * The feed files whose content the change alters, DTSTAMP aside: feeds that come or go, feeds
 * whose head or events differ. Compared by data: only the runbooks whose events could differ
 * (`eventSource`) are expanded, on each side; every other runbook's events are the
 * same in the same feeds at both sides.
 */
export function feedChanges(sideA: FeedSide, sideB: FeedSide, publishing: FeedPublishing): FeedChange[] {
  const [before, after] = [sideA.corpus, sideB.corpus];
  const [old, now] = [runbooksById(before), runbooksById(after)];
  const touched = [...new Set([...old.keys(), ...now.keys()])].filter((id) => {
    const [x, y] = [old.get(id), now.get(id)];
    return !x || !y || eventSource(x, publishing.trees) !== eventSource(y, publishing.trees);
  });
  const of = (runbooks: Map<string, Runbook>) => touched.flatMap((id) => runbooks.get(id) ?? []);
  const [a, b] = [feedEvents(of(old), sideA, publishing), feedEvents(of(now), sideB, publishing)];
  const [headsA, headsB] = [
    new Map(feedHeads(before).map((head) => [head.path, headText(head)])),
    new Map(feedHeads(after).map((head) => [head.path, headText(head)])),
  ];
  const changes: FeedChange[] = [];
  for (const feed of [...new Set([...headsA.keys(), ...headsB.keys()])].sort()) {
    const [was, is] = [a.get(feed), b.get(feed)];
    const events = { added: 0, removed: 0, changed: 0 };
    for (const [uid, bytes] of is ?? []) {
      const then = was?.get(uid);
      if (then === undefined) events.added++;
      else if (Buffer.compare(then(), bytes()) !== 0) events.changed++;
    }
    for (const uid of was?.keys() ?? []) if (!is?.has(uid)) events.removed++;
    const status = !headsA.has(feed) ? 'added' : !headsB.has(feed) ? 'removed' : 'changed';
    if (
      status !== 'changed' ||
      events.added + events.removed + events.changed > 0 ||
      headsA.get(feed) !== headsB.get(feed)
    )
      changes.push({ feed, status, events });
  }
  return changes;
}
