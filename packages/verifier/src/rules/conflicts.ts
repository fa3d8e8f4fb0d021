import type { Corpus, Item, Runbook } from '../load/corpus.ts';
import { statementsBySystem, type Statement } from '../schedule/statements.ts';
import type { DataPath } from '../load/yaml-locate.ts';
import type { RuleReport } from './rule.ts';

/**
 * Conflicts a pairwise rule lists for one system; past this, one finding says how many more
 * there are. A system with hundreds of copies of one window or metric needs its first conflicts
 * fixed, not every pair: listed in full they were millions of findings and 100 MB of JSON.
 */
export const CONFLICTS_PER_SYSTEM = 20;

/** "3 more places": how many conflicts a closing finding stands for. */
export function morePlaces(count: number): string {
  return `${count} more place${count === 1 ? '' : 's'}`;
}

/**
 * A rule's reports of one kind of conflict, bounded per system: the first CONFLICTS_PER_SYSTEM
 * of each system are reported, the rest counted; `close` then reports, where the first left out
 * was, one finding with message `more`, given `system`, `more` ("3 more places") and `budget`.
 */
export function perSystemBudget(
  report: (report: RuleReport) => void,
  more: string,
): { report(system: string, finding: RuleReport): void; close(): void } {
  const systems = new Map<string, { reported: number; first?: RuleReport }>();
  return {
    report(system, finding) {
      let seen = systems.get(system);
      if (!seen) systems.set(system, (seen = { reported: 0 }));
      if (seen.reported++ < CONFLICTS_PER_SYSTEM) report(finding);
      else seen.first ??= finding;
    },
    close() {
      for (const [system, { reported, first }] of systems) {
        if (!first) continue;
        report({
          source: first.source,
          path: first.path,
          messageId: more,
          data: { system, more: morePlaces(reported - CONFLICTS_PER_SYSTEM), budget: CONFLICTS_PER_SYSTEM },
        });
      }
    },
  };
}

type Lists = { [K in 'objectives' | 'thresholds' | 'tasks']: Runbook[K][number]['value'] };

/**
 * Items that state the same thing for one system (a scenario, a metric, an activity), each
 * later statement paired with the first: the conflict rules report the later one and name the
 * first, so that a value stated three times gives two findings, not three. Items whose key is
 * undefined state nothing to compare.
 */
export function* restatements<K extends keyof Lists>(
  corpus: Corpus,
  list: K,
  keyOf: (value: Lists[K]) => string | undefined,
): Generator<{ first: Statement<Lists[K]>; other: Statement<Lists[K]> }> {
  const all = corpus.runbooks.flatMap((runbook) =>
    (runbook[list] as Array<Item<Lists[K]>>).map((item) => ({ runbook, item })),
  );
  for (const [first, ...rest] of statementsBySystem(all, keyOf)) {
    for (const other of rest) yield { first: first!, other };
  }
}

/** The first statement as a conflict finding's `related` location, at one of its fields. */
export function relatedTo(
  first: Statement<unknown>,
  field: string,
  message: string,
): Array<{ source: Runbook['source']; path: DataPath; message: string }> {
  return [{ source: first.runbook.source, path: [...first.item.path, field], message }];
}

/** "runbooks/a.mdx:31": where another runbook's item is, for messages about conflicts. */
export function placeOf(runbook: Runbook, path: ReadonlyArray<string | number>): string {
  return `${runbook.source.file}:${runbook.source.positionOf(path).line}`;
}
