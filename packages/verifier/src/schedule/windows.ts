import type { Window } from '../schema/runbook.ts';
import type { TimeEngine } from '../time/engine.ts';
import type { Occurrence } from '../time/expand.ts';
import { overlappingPairs } from '../time/intervals.ts';
import type { Item, Runbook } from '../load/corpus.ts';
import { zoneOf } from './zones.ts';

/** One occurrence of a window, with what it belongs to. */
export interface WindowOccurrence extends Occurrence {
  runbook: Runbook;
  window: Item<Window>;
  zone: string;
}

/**
 * The occurrences of a runbook's windows that really happen, sorted by start: where a window
 * `supersedes` another (the monthly window on last Sundays over the weekly one), an occurrence
 * of the superseded window that overlaps one of the superseding window is left out.
 * Windows with no usable zone or an invalid RRULE have no occurrences (their rules say why).
 * Made afresh at each call and not held: at 10,000 runbooks they are millions of objects, which
 * the CLI would keep to the end for nothing (the site keeps those its pages ask for again).
 */
export function windowOccurrences(runbook: Runbook, time: TimeEngine): WindowOccurrence[] {
  const byWindow = new Map<string, WindowOccurrence[]>();
  for (const window of runbook.windows) {
    const zone = zoneOf(runbook, window.value);
    if (!zone) continue;
    const expansion = time.expand(window.value, zone);
    if (!expansion.ok) continue;
    byWindow.set(
      window.value.id,
      expansion.occurrences.map((o) => ({ ...o, runbook, window, zone })),
    );
  }
  const dropped = new Set<WindowOccurrence>();
  for (const window of runbook.windows) {
    const superseding = byWindow.get(window.value.id) ?? [];
    for (const id of window.value.supersedes ?? []) {
      for (const [, replaced] of overlappingPairs(superseding, byWindow.get(id) ?? [])) dropped.add(replaced);
    }
  }
  return [...byWindow.values()]
    .flat()
    .filter((o) => !dropped.has(o))
    .sort((a, b) => a.start - b.start);
}
