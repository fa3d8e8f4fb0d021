import type { Corpus } from '../load/corpus.ts';
import type { Finding } from '../load/finding.ts';
import { ownerIdsOf } from '../schedule/owners.ts';

export interface Scoped {
  /** The findings about what was asked: its files, and the registry entries of the owners they name. */
  findings: Finding[];
  /** Files asked about, as the summary counts them: runbooks (and pages), not registries. */
  files: number;
  /** Findings in the rest of the corpus, loaded for the cross-file rules but not asked about. */
  leftOut: { errors: number; warnings: number };
}

/**
 * Keeps the findings the author asked about, as ESLint reports the files it is given: a finding
 * in a file asked about or pointing at one (the other side of a duplicate), and a registry's
 * finding about an owner that a runbook asked about names, or about the whole registry.
 */
export function scopeFindings(findings: readonly Finding[], corpus: Corpus): Scoped {
  const asked = corpus.asked;
  const registryFiles = new Set(corpus.registries.map((r) => r.file));
  if (!asked) return { findings: [...findings], files: corpus.fileCount, leftOut: { errors: 0, warnings: 0 } };
  const ownersUsed = new Map<string, Set<string>>();
  for (const runbook of corpus.runbooks) {
    if (!asked.has(runbook.source.file)) continue;
    const used = ownersUsed.get(runbook.registry.file) ?? new Set();
    for (const id of ownerIdsOf(runbook)) used.add(id);
    ownersUsed.set(runbook.registry.file, used);
  }
  const isAsked = (f: Finding): boolean => {
    if (asked.has(f.file) || f.related?.some((r) => asked.has(r.file))) return true;
    const used = ownersUsed.get(f.file);
    if (!used) return false;
    // A registry's path starts with the owner id (a slug: no dots or brackets); no path is the whole file.
    const owner = f.path?.split(/[.[]/, 1)[0];
    return !owner || used.has(owner);
  };
  const kept: Finding[] = [];
  const leftOut = { errors: 0, warnings: 0 };
  for (const f of findings) {
    if (isAsked(f)) kept.push(f);
    else if (f.severity === 'error') leftOut.errors++;
    else leftOut.warnings++;
  }
  return { findings: kept, files: [...asked].filter((file) => !registryFiles.has(file)).length, leftOut };
}
