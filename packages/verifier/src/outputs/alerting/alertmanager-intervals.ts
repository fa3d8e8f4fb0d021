import { isMap, isSeq } from 'yaml';
import type { Item, Runbook } from '../../load/corpus.ts';
import { windowOccurrences } from '../../schedule/windows.ts';
import { zoneOf } from '../../schedule/zones.ts';
import type { Window } from '../../schema/runbook.ts';
import { durationMs } from '../../time/duration.ts';
import type { TimeEngine } from '../../time/engine.ts';
import type { Horizon, Occurrence } from '../../time/expand.ts';
import { clock } from '../../time/format.ts';
import { groupBy } from '../../schedule/group-by.ts';
import { parseRruleBody } from '../../time/rrule-body.ts';
import { DAY, MINUTE } from '../../time/units.ts';
import { MONTHS, recurrenceDayFields, type DayFields } from './recurrence-fields.ts';
import { commentText, toolYaml } from './yaml-out.ts';

/** One entry of an Alertmanager time interval: the fields Alertmanager 0.25 reads, all ANDed. */
export interface TimeIntervalEntry extends DayFields {
  times?: Array<{ start_time: string; end_time: string }>;
  years?: string[];
  location?: string;
}

/** A window as an Alertmanager time interval, `<runbook>-<window>`, and how it was written. */
export interface MuteInterval {
  name: string;
  runbook: Runbook;
  window: Item<Window>;
  zone: string;
  /** Undefined when the entries repeat as the window does; else why they are dated over the horizon. */
  datedBecause?: string;
  time_intervals: TimeIntervalEntry[];
}

const MINUTES_PER_DAY = 1440;

/**
 * Every window that silences alerts (all but `impact: none`) as a time interval: its recurrence
 * in its own zone where Alertmanager's fields say exactly what the time engine says, and dated
 * entries over the horizon where they cannot: a window past midnight, a rule with INTERVAL=2,
 * a window replaced on some days by another (`supersedes`), or one that meets a daylight-saving
 * change, where Alertmanager reads wall-clock minutes and the engine moves or keeps instants.
 */
export function muteIntervals(runbooks: readonly Runbook[], time: TimeEngine): MuteInterval[] {
  const out: MuteInterval[] = [];
  const names = new Set<string>();
  // A zone's changes are looked up for each of its windows: found once per zone.
  const changesByZone = new Map<string, Change[]>();
  const changesIn = (zone: string) => {
    let changes = changesByZone.get(zone);
    if (!changes) changesByZone.set(zone, (changes = transitions(zone, time)));
    return changes;
  };
  for (const runbook of runbooks) {
    const superseded = new Map(
      runbook.windows.flatMap((w) => (w.value.supersedes ?? []).map((id) => [id, w.value.id] as const)),
    );
    let occurrences: ReturnType<typeof windowOccurrences> | undefined;
    for (const window of runbook.windows) {
      const zone = zoneOf(runbook, window.value);
      // No zone, or a rule that does not expand: their own rules report them, and there is nothing exact to write.
      if (window.value.impact === 'none' || !zone || !time.expand(window.value, zone).ok) continue;
      // Runbook `a-b` with window `c` and runbook `a` with window `b-c` would share a name; the second is numbered, never dropped.
      let name = `${runbook.id}-${window.value.id}`;
      for (let n = 2; names.has(name); n++) name = `${runbook.id}-${window.value.id}-${n}`;
      names.add(name);
      const replacedBy = superseded.get(window.value.id);
      const recurring = replacedBy
        ? { reason: `window '${replacedBy}' replaces it on some days` }
        : recurringEntries(window.value, zone, changesIn(zone));
      if (Array.isArray(recurring)) {
        out.push({ name, runbook, window, zone, time_intervals: recurring });
        continue;
      }
      occurrences ??= windowOccurrences(runbook, time);
      const mine = occurrences.filter((o) => o.window === window);
      out.push({
        name,
        runbook,
        window,
        zone,
        datedBecause: recurring.reason,
        time_intervals: datedEntries(mine, zone, changesIn(zone), time),
      });
    }
  }
  return out;
}

function recurringEntries(
  window: Window,
  zone: string,
  changes: readonly Change[],
): TimeIntervalEntry[] | { reason: string } {
  const rule = parseRruleBody(window.rrule);
  if (!rule.ok) return { reason: 'its RRULE does not parse' };
  const [h, m] = window.start.split(':').map(Number) as [number, number];
  const start = h * 60 + m;
  const minutes = Math.ceil(durationMs(window.duration) / MINUTE);
  if (minutes === 0) return [];
  if (start + minutes > MINUTES_PER_DAY) return { reason: 'it runs past midnight' };
  const change = transitionWithin(changes, start, start + minutes);
  if (change) return { reason: `it meets the daylight-saving change of ${change} ${zone}` };
  const days = recurrenceDayFields(rule);
  if (!Array.isArray(days)) return days;
  const times = [{ start_time: hhmm(start), end_time: hhmm(start + minutes) }];
  return days.map((fields) => ({ times, ...fields, location: zone }));
}

/** A daylight-saving change: the wall-clock minutes it skips or repeats, from `wall` (minutes since 1970 on the wall clock). */
interface Change {
  date: string;
  wall: number;
  minutes: number;
}

/**
 * A daylight-saving change of the zone in the horizon whose skipped or repeated wall-clock
 * minutes meet [from, to) minutes of the day, as its date; undefined when none does.
 */
function transitionWithin(changes: readonly Change[], from: number, to: number): string | undefined {
  for (const change of changes) {
    const lo = ((change.wall % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
    for (const shift of [-MINUTES_PER_DAY, 0, MINUTES_PER_DAY]) {
      if (lo + shift < to && lo + change.minutes + shift > from) return change.date;
    }
  }
  return undefined;
}

/** A zone's offset changes in the engine's horizon (and a day either side), from the engine's timeline of the zone. */
function transitions(zone: string, time: TimeEngine): Change[] {
  const { horizon } = time;
  return time
    .zone(zone)
    .changes()
    .transitions.filter(({ at }) => at > horizon.from - DAY && at <= horizon.to + DAY)
    .map(({ at, from, to }) => {
      const before = from / MINUTE;
      const after = to / MINUTE;
      // The change's instant read with the earlier offset of the two: the first affected wall minute.
      return {
        date: new Date(at + to).toISOString().slice(0, 10),
        wall: at / MINUTE + Math.min(before, after),
        minutes: Math.abs(after - before),
      };
    });
}

/**
 * Occurrences as dated entries, each in the window's zone unless its wall-clock span meets
 * minutes that a daylight-saving change skips or repeats (then in UTC, where every minute exists
 * once). Days with the same times in one month share an entry.
 */
function datedEntries(
  occurrences: readonly Occurrence[],
  zone: string,
  changes: readonly Change[],
  time: TimeEngine,
): TimeIntervalEntry[] {
  // location → year-month → day → minute spans
  const byDay = new Map<string, Map<number, Array<[number, number]>>>();
  for (const o of occurrences) {
    const end = o.start + Math.ceil((o.end - o.start) / MINUTE) * MINUTE;
    if (end === o.start) continue;
    const wallFrom = o.start / MINUTE + offsetMinutes(time, zone, o.start);
    const wallTo = wallFrom + (end - o.start) / MINUTE;
    const location = changes.some((c) => c.wall < wallTo && c.wall + c.minutes > wallFrom) ? 'UTC' : zone;
    const offset = offsetMinutes(time, location, o.start) * MINUTE;
    let days = byDay.get(location);
    if (!days) byDay.set(location, (days = new Map()));
    // Split at the location's midnights.
    for (let from = o.start + offset; from < end + offset;) {
      const midnight = Math.floor(from / DAY) * DAY;
      const to = Math.min(end + offset, midnight + DAY);
      let spans = days.get(midnight);
      if (!spans) days.set(midnight, (spans = []));
      spans.push([(from - midnight) / MINUTE, (to - midnight) / MINUTE]);
      from = to;
    }
  }
  const entries: TimeIntervalEntry[] = [];
  for (const [location, days] of byDay) {
    const groups = new Map<
      string,
      { year: number; month: number; times: TimeIntervalEntry['times']; days: number[] }
    >();
    for (const [midnight, spans] of [...days].sort(([a], [b]) => a - b)) {
      const date = new Date(midnight);
      const times = spans.sort((a, b) => a[0] - b[0]).map(([a, b]) => ({ start_time: hhmm(a), end_time: hhmm(b) }));
      const key = `${date.getUTCFullYear()}-${date.getUTCMonth()}-${JSON.stringify(times)}`;
      let group = groups.get(key);
      if (!group)
        groups.set(key, (group = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, times, days: [] }));
      group.days.push(date.getUTCDate());
    }
    for (const group of groups.values()) {
      entries.push({
        times: group.times,
        days_of_month: dayRanges(group.days),
        months: [MONTHS[group.month - 1]!],
        years: [String(group.year)],
        location,
      });
    }
  }
  return entries;
}

/** A zone's offset in minutes, from the engine's timeline of it (which reads Temporal outside its span). */
function offsetMinutes(time: TimeEngine, zone: string, instant: number): number {
  return time.zone(zone).offsetAt(instant) / MINUTE;
}

/** [1, 2, 3, 5] → ['1:3', '5']. */
function dayRanges(days: readonly number[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < days.length;) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j]! + 1) j++;
    out.push(i === j ? String(days[i]) : `${days[i]}:${days[j]}`);
    i = j + 1;
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** Routes that mute each system's alerts (label `system`) during its windows: one per system. */
export function muteRoutes(
  intervals: readonly MuteInterval[],
): Array<{ matchers: string[]; mute_time_intervals: string[] }> {
  const bySystem = groupBy(intervals, (interval) => interval.runbook.system);
  return [...bySystem]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([system, named]) => ({
      matchers: [`system=${JSON.stringify(system)}`],
      mute_time_intervals: named.map((interval) => interval.name),
    }));
}

/** The `time_intervals` section for alertmanager.yml, each interval headed by what it is. */
export function alertmanagerTimeIntervalsYaml(intervals: readonly MuteInterval[], horizon: Horizon): string {
  const header = [
    "Alertmanager time intervals generated by Almanac from the runbooks' maintenance windows.",
    'Do not edit: change the runbook and rebuild. Copy time_intervals into alertmanager.yml',
    '(Alertmanager 0.25 or later reads "location"); alertmanager-route.yml mutes by system.',
    'Windows with impact: none are left out.',
  ];
  return toolYaml(
    { time_intervals: intervals.map(({ name, time_intervals }) => ({ name, time_intervals })) },
    header,
    (doc) => {
      const seq = doc.get('time_intervals');
      if (!isSeq(seq)) return;
      seq.items.forEach((node, i) => {
        const { window, zone, datedBecause } = intervals[i]!;
        const what = ` ${commentText(`${window.value.title}: ${window.value.rrule} at ${window.value.start} ${zone} for ${window.value.duration}`)}`;
        if (isMap(node))
          node.commentBefore = datedBecause
            ? `${what}\n dated up to ${clock(horizon.to, 'UTC').date} UTC, as ${datedBecause}`
            : what;
      });
    },
  );
}

/** The routes to put first under `route.routes` in alertmanager.yml. */
export function alertmanagerRouteYaml(intervals: readonly MuteInterval[]): string {
  const header = [
    'Routes generated by Almanac: each mutes the alerts whose "system" label names a system during',
    'its maintenance windows (alertmanager-time-intervals.yml). Put them first under route.routes;',
    "they take the parent route's receiver. If your routes already split by system, add the",
    'mute_time_intervals lists to those routes instead.',
  ];
  return toolYaml({ route: { routes: muteRoutes(intervals) } }, header);
}
