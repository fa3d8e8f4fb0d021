import {
  DAY,
  isSubDaily,
  recurrenceInWords,
  zoneOf,
  type Runbook,
  type Task,
  type TimeEngine,
  type Window,
} from '@almanac/verifier/internal';
import {
  formatDuration,
  formatInOtherZone,
  isUtc,
  listInWords,
  localTimesInWords,
  noStartInWords,
  wallClock,
  zoneLabel,
} from '../format.ts';

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
  if (!zone)
    return `${recurrenceInWords(window.rrule, { start: window.start, style: 'sentence' })}, ${window.start} in no usable time zone`;
  const fileZone = zoneOf(runbook, {});
  const other = !isUtc(zone) ? 'UTC' : fileZone && !isUtc(fileZone) ? fileZone : undefined;
  const also = elsewhere(window, zone, other, time);
  return `${recurrenceInWords(window.rrule, { start: window.start, style: 'sentence' })}, ${localTimesInWords(window.start, window.duration, zoneLabel(zone))}${also ? ` (${also})` : ''}`;
}

/**
 * A task's time of day in its zone and in UTC: "05:30–06:30 Nairobi (02:30–03:30 UTC)"; every
 * time for a task run several times a day ("04:00, 08:00 and 12:00 Nairobi (01:00, 05:00 and
 * 09:00 UTC)"); "any time that day (Nairobi time)" for a task due on a day at no set hour.
 */
export function taskTimeInWords(runbook: Runbook, task: Task, time: TimeEngine): string {
  const zone = zoneOf(runbook, task);
  if (!zone)
    return task.start
      ? `${task.start} in no usable time zone`
      : noStartInWords(undefined, { subDaily: isSubDaily(task.rrule) });
  if (!task.start)
    return noStartInWords(zoneLabel(zone), { subDaily: isSubDaily(task.rrule), duration: task.duration });
  const several = severalTimes(task, zone, time);
  if (several) return several;
  const also = elsewhere(task, zone, isUtc(zone) ? undefined : 'UTC', time);
  return `${localTimesInWords(task.start, task.duration, zoneLabel(zone))}${also ? ` (${also})` : ''}`;
}

/**
 * The times of a task that runs more than once a day, in its zone and in UTC, from its runs on
 * its second day in the horizon (the first may be cut short where the horizon begins).
 */
function severalTimes(task: Task, zone: string, time: TimeEngine): string | undefined {
  const expansion = time.expand(task, zone);
  if (!expansion.ok || expansion.occurrences.length < 2) return undefined;
  const days = [...new Set(expansion.occurrences.map((o) => Math.floor(o.wall / DAY)))];
  const chosen = days[1] ?? days[0];
  const day = expansion.occurrences.filter((o) => Math.floor(o.wall / DAY) === chosen);
  if (day.length < 2) return undefined;
  const local = listInWords(day.map((o) => wallClock(o.start, zone).time));
  const each = task.duration ? `, each taking ${formatDuration(task.duration)}` : '';
  if (isUtc(zone)) return `${local} UTC${each}`;
  return `${local} ${zoneLabel(zone)} (${listInWords(day.map((o) => wallClock(o.start, 'UTC').time))} UTC)${each}`;
}
