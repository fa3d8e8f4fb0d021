import type { Runbook } from '../model/corpus.ts';

/** "runbooks/a.mdx:31": where another runbook's item is, for messages about conflicts. */
export function placeOf(runbook: Runbook, path: ReadonlyArray<string | number>): string {
  return `${runbook.source.file}:${runbook.source.positionOf(path).line}`;
}

/** Groups items by a key in first-seen order. */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
