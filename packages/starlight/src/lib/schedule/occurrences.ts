import {
  feedSets,
  groupBy,
  type TimeEngine,
  windowOccurrences,
  zoneOf,
  type FeedSet,
  type Occurrence,
  type Runbook,
  type ScheduledWindow,
  type Task,
  type WindowOccurrence,
} from '@almanac/verifier/internal';
import { perModel } from '../model.ts';

/**
 * Midnight UTC of the build's "today" (the verifier's, which ALMANAC_NOW fixes): "upcoming"
 * starts there on every page, so pages and tests agree whatever the hour of the build.
 */
export function startOfToday(today: string): number {
  return Date.parse(`${today}T00:00:00Z`);
}

const occurrencesByEngine = new WeakMap<TimeEngine, WeakMap<Runbook, readonly WindowOccurrence[]>>();

/** A runbook's window occurrences, worked out once per engine: its page, its owners' pages and the home page each ask for them. */
function windowOccurrencesOf(runbook: Runbook, time: TimeEngine): readonly WindowOccurrence[] {
  let byRunbook = occurrencesByEngine.get(time);
  if (!byRunbook) occurrencesByEngine.set(time, (byRunbook = new WeakMap()));
  let occurrences = byRunbook.get(runbook);
  if (!occurrences) byRunbook.set(runbook, (occurrences = windowOccurrences(runbook, time)));
  return occurrences;
}

/** A runbook's window occurrences that start at or after `from`, soonest first. */
export function upcomingWindows(
  runbook: Runbook,
  time: TimeEngine,
  from: number,
  count = Number.POSITIVE_INFINITY,
): WindowOccurrence[] {
  return windowOccurrencesOf(runbook, time)
    .filter((o) => o.start >= from)
    .slice(0, count);
}

/** A task's first run from `from` on, when it has a time of day and a usable zone: a reader sees it in their own zone. */
export function nextTaskRun(
  runbook: Runbook,
  task: Task,
  time: TimeEngine,
  from: number,
): { occurrence: Occurrence; zone: string } | undefined {
  const zone = zoneOf(runbook, task);
  if (!zone || task.start === undefined) return undefined;
  const expansion = time.expand(task, zone);
  const occurrence = expansion.ok ? expansion.occurrences.find((o) => o.start >= from) : undefined;
  return occurrence && { occurrence, zone };
}

/** The soonest upcoming window occurrence of any of these runbooks. */
export function nextWindow(runbooks: readonly Runbook[], time: TimeEngine, from: number): WindowOccurrence | undefined {
  return runbooks.flatMap((runbook) => upcomingWindows(runbook, time, from, 1)).sort((a, b) => a.start - b.start)[0];
}

/**
 * The occurrences of the checks' horizon filed as the feeds file theirs (`feedSets`): all of them,
 * and each owner's, whose tasks an occurrence holds or whose runbook it is. Worked out once per
 * model, for what the pages say is in maintenance now and next.
 */
const scheduledSets = perModel(
  (model) => new Map<string, FeedSet>(feedSets(model.corpus, model.result.time).map((set) => [set.path, set])),
);

/** Every runbook's window occurrences over the checks' horizon, each with the task runs it holds. */
export const scheduledByRunbook = perModel((model) =>
  groupBy(scheduledSets(model).get('all')!.windows, (window) => window.runbook),
);

/** The window occurrences that concern an owner, over the checks' horizon, in order. */
export function scheduledForOwner(
  model: Parameters<typeof scheduledSets>[0],
  owner: string,
): readonly ScheduledWindow[] {
  return scheduledSets(model).get(`owner/${owner}`)?.windows ?? [];
}
