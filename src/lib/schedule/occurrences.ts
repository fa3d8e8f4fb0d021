import { windowOccurrences, type Runbook, type TimeEngine, type WindowOccurrence } from '@almanac/verifier';

/**
 * Midnight UTC of the build's "today" (the verifier's, which ALMANAC_NOW fixes): "upcoming"
 * starts there on every page, so pages and tests agree whatever the hour of the build.
 */
export function startOfToday(today: string): number {
  return Date.parse(`${today}T00:00:00Z`);
}

const occurrencesByEngine = new WeakMap<TimeEngine, WeakMap<Runbook, readonly WindowOccurrence[]>>();

/** A runbook's window occurrences, worked out once per engine: its page and the home page each ask for them. */
export function windowOccurrencesOf(runbook: Runbook, time: TimeEngine): readonly WindowOccurrence[] {
  let byRunbook = occurrencesByEngine.get(time);
  if (!byRunbook) occurrencesByEngine.set(time, (byRunbook = new WeakMap()));
  let occurrences = byRunbook.get(runbook);
  if (!occurrences) byRunbook.set(runbook, (occurrences = windowOccurrences(runbook, time)));
  return occurrences;
}

/** A runbook's window occurrences that start at or after `from`, soonest first. */
export function upcomingWindows(runbook: Runbook, time: TimeEngine, from: number, count = Number.POSITIVE_INFINITY): WindowOccurrence[] {
  return windowOccurrencesOf(runbook, time)
    .filter((o) => o.start >= from)
    .slice(0, count);
}

/** The soonest upcoming window occurrence of any of these runbooks. */
export function nextWindow(runbooks: readonly Runbook[], time: TimeEngine, from: number): WindowOccurrence | undefined {
  return runbooks
    .flatMap((runbook) => upcomingWindows(runbook, time, from, 1))
    .sort((a, b) => a.start - b.start)[0];
}
