import { execFileSync } from 'node:child_process';
import { createFeedWriter, feedSets, type FeedSet, type FeedWriter, type Runbook } from '@almanac/verifier';
import { perModel, type SiteModel } from '../../lib/model.ts';
import { pageHrefs } from '../../lib/pages.ts';

/*
 * The I/O the pure feed code leaves out: the model, the pages' URLs, and the times that make
 * SEQUENCE and DTSTAMP. Files starting with `_` are not routes, so this serves the endpoints.
 */

interface Feeds {
  sets: Map<string, FeedSet>;
  writer: FeedWriter;
}

/** The feeds of a model, worked out once for every calendar endpoint and page that reads it. */
const getFeeds = perModel(build);

async function build(model: SiteModel): Promise<Feeds> {
  const { corpus, siteUrl } = model;
  // The feeds' horizon (30 days back, 400 ahead) is not the checks' one.
  const time = model.feedTime;
  const hrefs = await pageHrefs();
  const commits = commitTimes();
  const writer = createFeedWriter({
    siteUrl,
    dtstamp: (sourceDateEpoch() ?? commits.head ?? 0) * 1000,
    sequenceOf: (runbook) => lastChange(runbook, commits.files),
    budget: model.config.feeds,
    // Astro prints a page's warnings among the build's lines; a feed cut to its budget is one.
    warn: (message) => console.warn(`[almanac] ${message}`),
    pageHrefOf(runbook) {
      const href = hrefs.get(runbook.source.file);
      if (href === undefined)
        throw new Error(
          `${runbook.source.file} has no page in the docs collection, so its feed events would link nowhere`,
        );
      return href;
    },
  });
  return { sets: new Map(feedSets(corpus, time).map((set) => [set.path, set])), writer };
}

/**
 * SEQUENCE must only grow: the last commit of the runbook or of its owners registry (whose names
 * and contacts the events carry), in seconds. A shallow clone gives every file HEAD's time,
 * which still grows. Untracked, it falls back to SOURCE_DATE_EPOCH, else 0.
 */
function lastChange(runbook: Runbook, commits: Map<string, number>): number {
  const times = [runbook.source.file, ...(runbook.registry.source ? [runbook.registry.file] : [])].map((file) =>
    commits.get(file),
  );
  const known = times.filter((time) => time !== undefined);
  return known.length ? Math.max(...known) : (sourceDateEpoch() ?? 0);
}

/**
 * HEAD's commit time and each file's last commit time (paths relative to the working directory,
 * as the model's are), in seconds, from one `git log` rather than one per runbook; empty outside git.
 */
function commitTimes(): { head?: number; files: Map<string, number> } {
  const files = new Map<string, number>();
  let head: number | undefined;
  try {
    const out = execFileSync('git', ['log', '--relative', '--format=%x00%ct', '--name-only'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 1 << 30,
    });
    for (const commit of out.split('\0').slice(1)) {
      const [time, ...names] = commit.split('\n');
      if (!/^\d+$/.test(time!)) continue;
      head ??= Number(time);
      // Newest first: a file's first appearance is its last change.
      for (const name of names) if (name && !files.has(name)) files.set(name, Number(time));
    }
  } catch {
    // Not a git checkout (or no git): SOURCE_DATE_EPOCH or 0, as for untracked files.
  }
  return { head, files };
}

/** The reproducible-builds convention for "the time of this build", in seconds. */
function sourceDateEpoch(): number | undefined {
  const value = process.env.SOURCE_DATE_EPOCH;
  return value && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** The ids of one kind of feed, for getStaticPaths: `system` gives every system with a feed. */
export async function feedIds(model: SiteModel, kind: 'system' | 'owner'): Promise<string[]> {
  const prefix = `${kind}/`;
  return [...(await getFeeds(model)).sets.keys()]
    .filter((path) => path.startsWith(prefix))
    .map((path) => path.slice(prefix.length));
}

/** Whether a feed (its path on the site, as src/lib/feeds.ts gives it) has no windows in its horizon. */
export async function feedIsEmpty(model: SiteModel, feed: string): Promise<boolean> {
  const set = (await getFeeds(model)).sets.get(feed.replace(/^\/calendars\//, '').replace(/\.ics$/, ''));
  if (!set) throw new Error(`${feed} is not one of the feeds this build writes`);
  return set.windows.length === 0;
}

export async function feedResponse(model: SiteModel, path: string): Promise<Response> {
  const { sets, writer } = await getFeeds(model);
  const set = sets.get(path);
  if (!set) return new Response(null, { status: 404 });
  // Bytes, not text: a large organisation's feed of all windows is longer than one string can be.
  // One buffer, as Astro writes a response whole; copied, never transferred, since other feeds share the pieces. A Blob of them took twice as long.
  return new Response(Buffer.concat(writer.bytes(set)), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
  });
}
