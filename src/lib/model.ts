import { loadCorpus, verify, type Corpus, type Runbook, type VerifyResult } from '@almanac/verifier';

export interface SiteModel {
  corpus: Corpus;
  result: VerifyResult;
  /** Runbooks by their file path relative to the project root, as Astro's entries carry it. */
  byFile: Map<string, Runbook>;
  byId: Map<string, Runbook>;
}

let model: SiteModel | undefined;

/**
 * The verifier's model of runbooks/, read and checked once per build and shared by every page
 * and feed, so no page parses frontmatter again. ALMANAC_NOW fixes "today" (YYYY-MM-DD).
 */
export function getModel(): SiteModel {
  if (model) return model;
  const corpus = loadCorpus(['runbooks'], process.cwd());
  const result = verify(corpus, { today: process.env.ALMANAC_NOW || undefined });
  model = {
    corpus,
    result,
    byFile: new Map(corpus.runbooks.map((runbook) => [runbook.source.file, runbook])),
    byId: new Map(corpus.runbooks.map((runbook) => [runbook.id, runbook])),
  };
  return model;
}
