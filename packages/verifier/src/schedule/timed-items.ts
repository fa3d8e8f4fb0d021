import type { Task, Window } from '../schema/runbook.ts';
import type { Item, Runbook } from '../load/corpus.ts';

/** The lists whose items have a schedule and a start read in a zone, with what messages call an item of each. */
export const TIMED_LISTS = [
  ['windows', 'Window'],
  ['tasks', 'Task'],
] as const;

export type TimedList = (typeof TIMED_LISTS)[number][0];

export interface TimedItem {
  runbook: Runbook;
  list: TimedList;
  /** `Window` or `Task`, as a message starts. */
  noun: (typeof TIMED_LISTS)[number][1];
  item: Item<Window | Task>;
}

/** Every window and task of the runbooks, each runbook's windows before its tasks. */
export function* timedItems(runbooks: readonly Runbook[]): Generator<TimedItem> {
  for (const runbook of runbooks) {
    for (const [list, noun] of TIMED_LISTS) for (const item of runbook[list]) yield { runbook, list, noun, item };
  }
}
