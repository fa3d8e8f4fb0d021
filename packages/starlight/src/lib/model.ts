import { createHash } from 'node:crypto';
import { lstatSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import options from 'virtual:@almanac/starlight/options';
import {
  groupBy,
  loadCorpus,
  loadOptionsOf,
  modelTimes,
  todayUtc,
  verifyWithConfig,
  type AlmanacConfig,
  type Corpus,
  type Finding,
  type Runbook,
  type TimeEngine,
  type VerifyResult,
} from '@almanac/verifier/internal';
import { siteConfig } from '../options.ts';

export interface SiteModel {
  config: AlmanacConfig;
  /** Where the site is published, without a trailing slash. */
  siteUrl: string;
  corpus: Corpus;
  result: VerifyResult;
  /** The feeds' and the alerting files' engine: a view of the checks' (`result.time`) over the feeds' days (`modelTimes`). */
  feedTime: TimeEngine;
  /** Runbooks by their file path relative to the project root, as Astro's entries carry it. */
  byFile: Map<string, Runbook>;
  /** The runbook files the verifier read, valid or not (`Corpus.filesRead`). */
  filesRead: Set<string>;
  /** Findings by file, in the verifier's order; a file without findings has none here. */
  findingsByFile: Map<string, Finding[]>;
  /** When the site was built, epoch milliseconds: SOURCE_DATE_EPOCH (seconds) for a reproducible build, else now. */
  builtAt: number;
}

/** The runbook tree, relative to the project root (the plugin's `runbooks` option): the docs collection's files too. */
const RUNBOOKS = options.runbooks;

let cached: { key: string; model: SiteModel } | undefined;

/**
 * The verifier's model of runbooks/, read and checked with the same config as `almanac verify`,
 * and shared by every page and feed, so no page parses frontmatter again. ALMANAC_NOW fixes
 * "today" (YYYY-MM-DD). A build reads it once; the dev server reads it again when what it is
 * built from has changed since (see `inputsKey`), so an edited runbook shows everywhere.
 * Only src/middleware.ts and the endpoints' getStaticPaths call this: pages and components read
 * the request's model from `Astro.locals.model`.
 */
export function getModel(): SiteModel {
  // Nothing changes under a build, and statting every runbook once per page would make a build of n runbooks O(n²): a minute more for 1,000.
  if (cached && !import.meta.env.DEV) return cached.model;
  const { root } = options;
  const { config, siteUrl } = siteConfig(options);
  const key = inputsKey(root, config);
  if (cached?.key === key) return cached.model;
  const corpus = loadCorpus([RUNBOOKS], root, loadOptionsOf(config));
  const today = process.env.ALMANAC_NOW || todayUtc();
  const times = modelTimes(today, config);
  const result = verifyWithConfig(corpus, config, today, times.checks);
  const model = {
    config,
    siteUrl,
    corpus,
    result,
    feedTime: times.feeds,
    byFile: new Map(corpus.runbooks.map((runbook) => [runbook.source.file, runbook])),
    filesRead: new Set(corpus.filesRead),
    findingsByFile: groupBy(result.findings, (finding) => finding.file),
    builtAt: process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) * 1000 : Date.now(),
  };
  cached = { key, model };
  return model;
}

/**
 * The runbook of the page Astro's loader made from `filePath`; undefined for a file the verifier
 * read but could not make a runbook of (its page shows the text, the report the findings). A file
 * the verifier refused to read (a link out of the tree or to a folder, a special file, one too
 * large) the loader would publish unverified, as a bare `astro build` does without `almanac
 * verify` before it: that stops the build, with the verifier's reason.
 */
export function runbookOfPage(
  model: Pick<SiteModel, 'corpus' | 'byFile' | 'filesRead'>,
  filePath: string,
): Runbook | undefined {
  // Starlight's own pages (its 404) come from no file under runbooks/.
  if (filePath.startsWith(`${RUNBOOKS}/`) && !model.filesRead.has(filePath)) {
    const refusal = model.corpus.loadReports.find(
      ({ source }) => source.file === filePath || filePath.startsWith(`${source.file}/`),
    );
    throw new Error(
      `${filePath} is not published: the verifier did not read it (${refusal ? `${refusal.source.file}: ${refusal.message}` : 'no finding says why'}). Run \`npm run verify\`.`,
    );
  }
  return model.byFile.get(filePath);
}

/** `derive` worked out once per model: a cache of what comes from the model goes stale with it, never after it. */
export function perModel<T>(derive: (model: SiteModel) => T): (model: SiteModel) => T {
  const derived = new WeakMap<SiteModel, T>();
  return (model) => {
    if (!derived.has(model)) derived.set(model, derive(model));
    return derived.get(model)!;
  };
}

/**
 * A digest of what the model is built from: the config, "today" (a dev server left running
 * overnight moves on with the date), and the path, size and modification time of every entry
 * under runbooks/ and of the owners and Prometheus rules files the config names. On the loaded
 * two-core machine it took 3 ms for the shipped runbooks/ and 57 ms for 1,000 runbooks: per
 * request in the dev server, where reading and checking them again would take far longer.
 */
function inputsKey(root: string, config: AlmanacConfig): string {
  const tree = join(root, RUNBOOKS);
  const named = [config.owners, ...(config.prometheusRules ?? [])].flatMap((file) =>
    file ? [resolve(root, file)] : [],
  );
  const files = [...readdirSync(tree, { recursive: true, encoding: 'utf8' }).map((name) => join(tree, name)), ...named];
  const hash = createHash('sha256')
    .update(JSON.stringify(config))
    .update(`\0${process.env.ALMANAC_NOW || new Date().toDateString()}`);
  for (const file of files) {
    const stat = lstatSync(file, { throwIfNoEntry: false });
    hash.update(`\0${file}\0${stat ? `${stat.size}\0${stat.mtimeMs}` : 'missing'}`);
  }
  return hash.digest('hex');
}
