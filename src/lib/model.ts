import { groupBy, loadConfig, loadCorpus, loadOptionsOf, siteUrlOf, verifyWithConfig, type AlmanacConfig, type Corpus, type Finding, type Runbook, type VerifyResult } from '@almanac/verifier';

export interface SiteModel {
  config: AlmanacConfig;
  /** Where the site is published, without a trailing slash. */
  siteUrl: string;
  corpus: Corpus;
  result: VerifyResult;
  /** Runbooks by their file path relative to the project root, as Astro's entries carry it. */
  byFile: Map<string, Runbook>;
  /** Findings by file, in the verifier's order; a file without findings has none here. */
  findingsByFile: Map<string, Finding[]>;
  /** When the site was built, epoch milliseconds: SOURCE_DATE_EPOCH (seconds) for a reproducible build, else now. */
  builtAt: number;
}

let model: SiteModel | undefined;

/**
 * The verifier's model of runbooks/, read and checked once per build, with the same config as
 * `almanac verify`, and shared by every page and feed, so no page parses frontmatter again.
 * ALMANAC_NOW fixes "today" (YYYY-MM-DD).
 */
export function getModel(): SiteModel {
  if (model) return model;
  const root = process.cwd();
  const { config } = loadConfig(root);
  const corpus = loadCorpus(['runbooks'], root, loadOptionsOf(config));
  const result = verifyWithConfig(corpus, config, process.env.ALMANAC_NOW || undefined);
  model = {
    config,
    siteUrl: siteUrlOf(config),
    corpus,
    result,
    byFile: new Map(corpus.runbooks.map((runbook) => [runbook.source.file, runbook])),
    findingsByFile: groupBy(result.findings, (finding) => finding.file),
    builtAt: process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) * 1000 : Date.now(),
  };
  return model;
}
