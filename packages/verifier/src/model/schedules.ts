import type { Task, Window } from '../schema/runbook.ts';
import type { TimeEngine } from '../time/engine.ts';
import type { Occurrence } from '../time/expand.ts';
import type { Corpus, Item, Runbook } from './corpus.ts';
import { zoneOf } from './zones.ts';

export interface Scheduled<T> {
  runbook: Runbook;
  item: Item<T>;
  zone: string;
  occurrences: Occurrence[];
}

type Lists = { windows: Window; tasks: Task };

/**
 * The items of a list that have a usable zone and a valid RRULE, with their occurrences.
 * Items without are skipped here: timezone-*, rrule-invalid and schema say why.
 */
export function* scheduled<K extends keyof Lists>(corpus: Corpus, time: TimeEngine, list: K): Generator<Scheduled<Lists[K]>> {
  for (const runbook of corpus.runbooks) {
    for (const item of runbook[list] as Array<Item<Lists[K]>>) {
      const zone = zoneOf(runbook, item.value);
      if (!zone) continue;
      const expansion = time.expand(item.value, zone);
      if (expansion.ok) yield { runbook, item, zone, occurrences: expansion.occurrences };
    }
  }
}
