import { execFileSync } from 'node:child_process';
import { feedHorizon, feedSets, renderFeed, TimeEngine, type FeedOptions, type FeedSet, type Runbook } from '@almanac/verifier';
import { getModel } from '../../lib/model.ts';
import { pageHrefs } from '../../lib/pages.ts';

/*
 * The I/O the pure feed code leaves out: the model, the pages' URLs, and the times that make
 * SEQUENCE and DTSTAMP. Files starting with `_` are not routes, so this serves the endpoints.
 */

interface Feeds {
  sets: Map<string, FeedSet>;
  options: FeedOptions;
}

let feeds: Promise<Feeds> | undefined;

/** The feeds of this build, worked out once for every calendar endpoint. */
function getFeeds(): Promise<Feeds> {
  return (feeds ??= build());
}

async function build(): Promise<Feeds> {
  const { corpus, config, result, siteUrl } = getModel();
  // Its own engine: the feeds' horizon (30 days back, 400 ahead) is not the checks' one.
  const time = new TimeEngine(feedHorizon(result.today, config.feeds));
  const hrefs = await pageHrefs();
  const sequences = new Map<Runbook, number>();
  const options: FeedOptions = {
    siteUrl,
    dtstamp: (sourceDateEpoch() ?? commitSeconds([]) ?? 0) * 1000,
    sequenceOf(runbook) {
      let sequence = sequences.get(runbook);
      if (sequence === undefined) sequences.set(runbook, (sequence = lastChange(runbook)));
      return sequence;
    },
    pageHrefOf(runbook) {
      const href = hrefs.get(runbook.source.file);
      if (href === undefined) throw new Error(`${runbook.source.file} has no page in the docs collection, so its feed events would link nowhere`);
      return href;
    },
  };
  return { sets: new Map(feedSets(corpus, time).map((set) => [set.path, set])), options };
}

/**
 * SEQUENCE must only grow: the last commit of the runbook or of its owners registry (whose names
 * and contacts the events carry), in seconds. A shallow clone gives every file HEAD's time,
 * which still grows. Untracked, it falls back to SOURCE_DATE_EPOCH, else 0.
 */
function lastChange(runbook: Runbook): number {
  const files = [runbook.source.file, ...(runbook.registry.source ? [runbook.registry.file] : [])];
  return commitSeconds(files) ?? sourceDateEpoch() ?? 0;
}

/** `git log -1 --format=%ct` over some paths (none: HEAD); undefined outside git or for untracked files. */
function commitSeconds(paths: string[]): number | undefined {
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%ct', '--', ...paths], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return /^\d+$/.test(out) ? Number(out) : undefined;
  } catch {
    return undefined;
  }
}

/** The reproducible-builds convention for "the time of this build", in seconds. */
function sourceDateEpoch(): number | undefined {
  const value = process.env.SOURCE_DATE_EPOCH;
  return value && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** The ids of one kind of feed, for getStaticPaths: `system` gives every system with a feed. */
export async function feedIds(kind: 'system' | 'owner'): Promise<string[]> {
  const prefix = `${kind}/`;
  return [...(await getFeeds()).sets.keys()].filter((path) => path.startsWith(prefix)).map((path) => path.slice(prefix.length));
}

export async function feedResponse(path: string): Promise<Response> {
  const { sets, options } = await getFeeds();
  const set = sets.get(path);
  if (!set) return new Response(null, { status: 404 });
  return new Response(renderFeed(set, options), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}
