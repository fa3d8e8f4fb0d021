import { DAY, scheduleWindows, type Runbook, type ScheduledWindow, type TimeEngine } from '@almanac/verifier/internal';
import { addDays, formatClockSpan, listInWords, plural, wallClock } from '../format.ts';

export interface AgendaEntry extends ScheduledWindow {
  /** Occurrences of other windows, of any system, that overlap this one. */
  overlaps: ScheduledWindow[];
}

export interface AgendaDay {
  /** YYYY-MM-DD in UTC */
  date: string;
  entries: AgendaEntry[];
}

export interface AgendaWeek {
  /** The Monday that starts the week, YYYY-MM-DD in UTC. */
  monday: string;
  days: AgendaDay[];
}

/**
 * Marks each occurrence with the occurrences it overlaps. Within a system that is a
 * window-overlap error, so what a passing build shows is windows of different systems at once:
 * staff who work on both, or a shared dependency, need to see it.
 */
function withOverlaps(occurrences: readonly ScheduledWindow[]): AgendaEntry[] {
  const entries = occurrences
    .map((o) => ({ ...o, overlaps: [] as ScheduledWindow[] }))
    .sort((a, b) => a.start - b.start);
  for (let i = 0; i < entries.length; i++) {
    const a = entries[i]!;
    for (let j = i + 1; j < entries.length && entries[j]!.start < a.end; j++) {
      const b = entries[j]!;
      a.overlaps.push(b);
      b.overlaps.push(a);
    }
  }
  return entries;
}

/**
 * "db: Weekly (02:00–04:00 UTC), web: Nightly (03:00–05:00 UTC) and 9 more windows": a few
 * overlaps by name, the rest counted. In a large organisation every night window overlaps
 * dozens of other systems', and naming them all would grow the calendar with their square.
 */
export function overlapsInWords(overlaps: readonly ScheduledWindow[], named = 3): string {
  const names = overlaps
    .slice(0, named)
    .map((o) => `${o.runbook.system}: ${o.window.value.title} (${formatClockSpan(o.start, o.end, 'UTC')})`);
  const rest = overlaps.length - names.length;
  return listInWords(rest > 0 ? [...names, plural(rest, 'more window', 'more windows')] : names);
}

function mondayOf(date: string): string {
  const back = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -back);
}

/**
 * Every window occurrence of these runbooks that starts in the `weeks` weeks from `from`, by
 * week (Monday to Sunday) and day in UTC, each with the windows it overlaps. Every
 * week is listed, also one without windows, so a quiet week reads as quiet, not as missing.
 * Past `maxEntries`, no further day is listed (one always is): a large organisation's eight
 * weeks are ten thousand windows, a page too heavy to open at 3 a.m.; its feeds hold the rest.
 */
export function agenda(
  runbooks: readonly Runbook[],
  time: TimeEngine,
  from: number,
  weeks: number,
  maxEntries = Number.POSITIVE_INFINITY,
): AgendaWeek[] {
  const to = from + weeks * 7 * DAY;
  // With their tasks, so that an entry names the owners of the tasks it really holds, as the owner feeds count them.
  const entries = withOverlaps(scheduleWindows(runbooks, time).filter((o) => o.start >= from && o.start < to));
  const result: AgendaWeek[] = [];
  for (let day = mondayOf(wallClock(from, 'UTC').date); Date.parse(`${day}T00:00:00Z`) < to; day = addDays(day, 7)) {
    result.push({ monday: day, days: [] });
  }
  for (const entry of entries) {
    const date = wallClock(entry.start, 'UTC').date;
    const week = result.find((w) => w.monday === mondayOf(date));
    if (!week) continue;
    let day = week.days.find((d) => d.date === date);
    if (!day) week.days.push((day = { date, entries: [] }));
    day.entries.push(entry);
  }
  // Cut after the day that reaches the limit: at 1,000 runbooks one week alone is too heavy a page.
  let listed = 0;
  for (const [w, week] of result.entries()) {
    for (const [d, day] of week.days.entries()) {
      listed += day.entries.length;
      if (listed >= maxEntries) return [...result.slice(0, w), { ...week, days: week.days.slice(0, d + 1) }];
    }
  }
  return result;
}
