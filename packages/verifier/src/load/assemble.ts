import type { Corpus, OwnersRegistry } from './corpus.ts';
import { parseRunbookFile, type ParseOptions } from './parse-file.ts';

/**
 * Adds one runbook file, already read, to a corpus: a runbook, a page, or findings. load-tree
 * calls it for every file source (the disk, the base of `almanac diff` read from git objects),
 * so both sides of a diff are judged by the same parse.
 */
export function addRunbookFile(
  corpus: Corpus,
  file: string,
  bytes: Uint8Array,
  registry: OwnersRegistry,
  options: ParseOptions = {},
): void {
  corpus.fileCount++;
  corpus.filesRead.push(file);
  const parsed = parseRunbookFile(file, bytes, registry, options);
  if (parsed.runbook) corpus.runbooks.push(parsed.runbook);
  if (parsed.page) corpus.pages.push(parsed.page);
  corpus.loadReports.push(...parsed.reports);
}
