import type { Item, Runbook } from '../../load/corpus.ts';
import { windowOccurrences, type WindowOccurrence } from '../../schedule/windows.ts';
import { zoneOf } from '../../schedule/zones.ts';
import type { Task } from '../../schema/runbook.ts';
import type { TimeEngine } from '../../time/engine.ts';

/** One occurrence of a task, inside a window occurrence. */
export interface TaskRun {
  task: Item<Task>;
  start: number;
  end: number;
}

/** A window occurrence that really happens, with the task runs it holds, sorted by start. */
export interface ScheduledWindow extends WindowOccurrence {
  tasks: TaskRun[];
}

/**
 * Every window occurrence of the runbooks over the engine's horizon, with its tasks, sorted by
 * start, then runbook and window id so that equal starts keep one order from build to build.
 */
export function scheduleWindows(runbooks: readonly Runbook[], time: TimeEngine): ScheduledWindow[] {
  const windows = runbooks.flatMap((runbook) => withTasks(windowOccurrences(runbook, time), taskRuns(runbook, time)));
  // Equal starts are the rule (every weekly window at 02:00), so the runbook and window ids that
  // break ties are ranked once per window, not compared as strings at every step of the sort.
  const byId = runbooks
    .flatMap((runbook) => runbook.windows.map((window) => [window, runbook] as const))
    .sort(([wa, ra], [wb, rb]) => compare(ra.id, rb.id) || compare(wa.value.id, wb.value.id));
  const rankOf = new Map(byId.map(([window], rank) => [window, rank]));
  const starts = Float64Array.from(windows, (o) => o.start);
  const ranks = Int32Array.from(windows, (o) => rankOf.get(o.window)!);
  return Array.from(windows.keys())
    .sort((i, j) => starts[i]! - starts[j]! || ranks[i]! - ranks[j]!)
    .map((i) => windows[i]!);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The runs of tasks that name a window; a task with no start cannot be placed in one (task-outside-window says so). */
function taskRuns(runbook: Runbook, time: TimeEngine): TaskRun[] {
  const runs: TaskRun[] = [];
  for (const task of runbook.tasks) {
    const zone = zoneOf(runbook, task.value);
    if (task.value.window === undefined || task.value.start === undefined || !zone) continue;
    const expansion = time.expand(task.value, zone);
    if (expansion.ok) runs.push(...expansion.occurrences.map(({ start, end }) => ({ task, start, end })));
  }
  return runs.sort((a, b) => a.start - b.start || compare(a.task.value.id, b.task.value.id));
}

/**
 * A task run belongs to a window occurrence it lies inside, if the task names that window or one
 * it supersedes: on a last Sunday, the weekly window's tasks run in the monthly window that
 * replaces it. "Inside" is as task-outside-window reads it, compared as instants.
 */
function withTasks(occurrences: readonly WindowOccurrence[], runs: TaskRun[]): ScheduledWindow[] {
  const acceptedBy = new Map<WindowOccurrence['window'], Set<string>>();
  return occurrences.map((occurrence) => {
    const { window } = occurrence;
    let accepted = acceptedBy.get(window);
    if (!accepted) acceptedBy.set(window, (accepted = new Set([window.value.id, ...(window.value.supersedes ?? [])])));
    const tasks: TaskRun[] = [];
    // Runs are sorted by start: only those starting inside the occurrence need a look.
    for (let i = firstFrom(runs, occurrence.start); i < runs.length && runs[i]!.start <= occurrence.end; i++) {
      const run = runs[i]!;
      if (accepted.has(run.task.value.window!) && Math.max(run.end, run.start) <= occurrence.end) tasks.push(run);
    }
    return { ...occurrence, tasks };
  });
}

/** The index of the first run starting at or after an instant. */
function firstFrom(runs: readonly TaskRun[], instant: number): number {
  let low = 0;
  let high = runs.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (runs[mid]!.start < instant) low = mid + 1;
    else high = mid;
  }
  return low;
}
