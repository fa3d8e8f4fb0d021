import { zoneOf, type Runbook, type Task, type TimeEngine, type Window } from '@almanac/verifier';
import { formatDuration, formatInOtherZone, formatLocalTimes, isUtc, zoneLabel } from './format.ts';
import { describeRrule } from './recurrence.ts';

/** The same times in another zone, from the item's real occurrences (so with daylight saving time). */
function elsewhere(item: Window | Task, zone: string, other: string | undefined, time: TimeEngine): string | undefined {
  if (!other || !item.start) return undefined;
  const expansion = time.expand(item, zone);
  return expansion.ok ? formatInOtherZone(expansion.occurrences, item.start, other) : undefined;
}

/**
 * "Every Sunday, 02:00–04:00 UTC (05:00–07:00 Nairobi)": a window in its own zone and in one
 * other, UTC for a window in a local zone, the runbook's zone for a UTC window.
 */
export function windowInWords(runbook: Runbook, window: Window, time: TimeEngine): string {
  const zone = zoneOf(runbook, window);
  if (!zone) return `${describeRrule(window.rrule, window.start)}, ${window.start} in no usable time zone`;
  const fileZone = zoneOf(runbook, {});
  const other = !isUtc(zone) ? 'UTC' : fileZone && !isUtc(fileZone) ? fileZone : undefined;
  const also = elsewhere(window, zone, other, time);
  return `${describeRrule(window.rrule, window.start)}, ${formatLocalTimes(window.start, window.duration, zone)}${also ? ` (${also})` : ''}`;
}

/** A task's time of day in its zone and in UTC: "05:30–06:30 Nairobi (02:30–03:30 UTC)", or "any time that day" for a task due on a day at no set hour. */
export function taskTimeInWords(runbook: Runbook, task: Task, time: TimeEngine): string {
  const zone = zoneOf(runbook, task);
  if (!zone) return task.start ? `${task.start} in no usable time zone` : 'any time that day';
  if (!task.start) return `any time that day${isUtc(zone) ? '' : ` (${zoneLabel(zone)} time)`}${task.duration ? `, takes ${formatDuration(task.duration)}` : ''}`;
  const also = elsewhere(task, zone, isUtc(zone) ? undefined : 'UTC', time);
  return `${formatLocalTimes(task.start, task.duration, zone)}${also ? ` (${also})` : ''}`;
}
