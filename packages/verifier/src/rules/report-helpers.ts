import type { Runbook } from '../model/corpus.ts';

/** "runbooks/a.mdx:31": where another runbook's item is, for messages about conflicts. */
export function placeOf(runbook: Runbook, path: ReadonlyArray<string | number>): string {
  return `${runbook.source.file}:${runbook.source.positionOf(path).line}`;
}

