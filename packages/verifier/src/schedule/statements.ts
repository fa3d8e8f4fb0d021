import type { Item, Runbook } from '../load/corpus.ts';
import { groupBy } from './group-by.ts';

/** One place an item is stated. */
export interface Statement<T> {
  runbook: Runbook;
  item: Item<T>;
}

/**
 * Statements of one thing for one system (a scenario, a metric, an activity), grouped in the
 * order their first statement comes, each group in corpus order: the first statement is the one
 * that holds, for the conflict rules (which report the later ones) and for the alerts (exported
 * once, from the first). Items whose key is undefined state nothing to compare and are left out.
 */
export function statementsBySystem<T>(
  statements: ReadonlyArray<Statement<T>>,
  keyOf: (value: T) => string | undefined,
): Array<Array<Statement<T>>> {
  const stated = statements.filter(({ item }) => keyOf(item.value) !== undefined);
  return [...groupBy(stated, ({ runbook, item }) => `${runbook.system}\u0000${keyOf(item.value)}`).values()];
}
