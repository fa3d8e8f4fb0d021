import type { Task, Window } from '../schema/runbook.ts';
import type { TimeEngine } from '../time/engine.ts';
import type { Occurrence } from '../time/expand.ts';
import type { Corpus, Item, Runbook } from '../load/corpus.ts';
import { zoneOf } from './zones.ts';

export interface Scheduled<T> {
  runbook: Runbook;
  item: Item<T>;
  zone: string;
  occurrences: Occurrence[];
  /** The occurrences moved or doubled by a DST change. */
  shifted: Occurrence[];
}

type Lists = { windows: Window; tasks: Task };

const memo = new WeakMap<TimeEngine, WeakMap<Corpus, Partial<Record<keyof Lists, Array<Scheduled<never>>>>>>();

/**
 * The items of a list that have a usable zone and a valid RRULE, with their occurrences.
 * Items without are skipped here: timezone-*, rrule-invalid and schema say why. Several rules
 * walk the same list: it is made once per engine and corpus (a corpus is not changed while it
 * is checked).
 */
export function scheduled<K extends keyof Lists>(
  corpus: Corpus,
  time: TimeEngine,
  list: K,
): ReadonlyArray<Scheduled<Lists[K]>> {
  let byCorpus = memo.get(time);
  if (!byCorpus) memo.set(time, (byCorpus = new WeakMap()));
  let lists = byCorpus.get(corpus);
  if (!lists) byCorpus.set(corpus, (lists = {}));
  const known = lists[list] as Array<Scheduled<Lists[K]>> | undefined;
  if (known) return known;
  const found: Array<Scheduled<Lists[K]>> = [];
  for (const runbook of corpus.runbooks) {
    for (const item of runbook[list] as Array<Item<Lists[K]>>) {
      const zone = zoneOf(runbook, item.value);
      if (!zone) continue;
      const expansion = time.expand(item.value, zone);
      if (expansion.ok)
        found.push({ runbook, item, zone, occurrences: expansion.occurrences, shifted: expansion.shifted });
    }
  }
  lists[list] = found as Array<Scheduled<never>>;
  return found;
}
