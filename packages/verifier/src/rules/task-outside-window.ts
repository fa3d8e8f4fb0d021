import { scheduled } from '../schedule/schedules.ts';
import type { Occurrence } from '../time/expand.ts';
import { bothZones, clock, spanWithUtc } from '../time/format.ts';
import { clockChangeBetween } from './clock-change.ts';
import type { Rule } from './rule.ts';

/**
 * Task occurrences not contained in any window occurrence. Both lists are sorted by start, so
 * one pass with a pointer into the windows answers for every task occurrence.
 */
export function outside(
  tasks: readonly Occurrence[],
  windows: ReadonlyArray<{ start: number; end: number }>,
): Occurrence[] {
  const misses: Occurrence[] = [];
  let w = 0;
  for (const task of tasks) {
    while (w < windows.length && windows[w]!.end < task.start) w++;
    let inside = false;
    for (let k = w; k < windows.length && windows[k]!.start <= task.start; k++) {
      if (windows[k]!.end >= Math.max(task.end, task.start)) inside = true;
    }
    if (!inside) misses.push(task);
  }
  return misses;
}

/**
 * When a task falls outside its window only from some date on: that date, and the clock change
 * that moved one of the two when they are kept in different zones, with its fix.
 */
function partialMiss(
  occurrences: readonly Occurrence[],
  miss: Occurrence,
  taskZone: string,
  windowZone: string,
): string {
  const before = occurrences[occurrences.indexOf(miss) - 1];
  const change =
    before &&
    (clockChangeBetween(before.start, miss.start, taskZone) ??
      clockChangeBetween(before.start, miss.start, windowZone));
  return change && taskZone !== windowZone
    ? `${change}; keep the task in the window's time zone (${windowZone})`
    : `on ${clock(miss.start, taskZone).date}`;
}

export const taskOutsideWindow: Rule = {
  id: 'task-outside-window',
  meta: {
    description: 'A task occurrence that, in UTC, does not lie inside its window',
    severity: 'error',
    docs: `A task with \`window:\` must start and end inside an occurrence of that window (or of a
window that supersedes it), compared as instants: 02:00 in Nairobi is 23:00 UTC the day before,
so it misses a 02:00–04:00 UTC window entirely. Every occurrence over the horizon is checked.

Incorrect:

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: Africa/Nairobi
windows:
  - { id: weekly, title: Weekly maintenance, rrule: FREQ=WEEKLY;BYDAY=SU, start: "02:00", duration: PT2H, timezone: UTC, impact: minimal }
tasks:
  - { id: db-optimization, title: Database optimization, kind: optimization, rrule: FREQ=WEEKLY;BYDAY=SU, start: "02:00", duration: PT1H, owner: ops, window: weekly }
\`\`\`

Correct (the task starts at 05:00 Africa/Nairobi, 02:00 UTC; or it says \`timezone: UTC\`):

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: Africa/Nairobi
windows:
  - { id: weekly, title: Weekly maintenance, rrule: FREQ=WEEKLY;BYDAY=SU, start: "02:00", duration: PT2H, timezone: UTC, impact: minimal }
tasks:
  - { id: db-optimization, title: Database optimization, kind: optimization, rrule: FREQ=WEEKLY;BYDAY=SU, start: "05:00", duration: PT1H, owner: ops, window: weekly }
\`\`\``,
    howToFix: `Move the task's \`start\` (or shorten its \`duration\`) so that it runs inside the window, compared in UTC: a task and its window in different zones drift apart when one of the zones changes its clocks, so keep them in the same \`timezone\`. A task that need not run in the window drops its \`window:\`.`,
    messages: {
      noStart: "Task '{{task}}' has no start time, so it cannot be placed inside window '{{window}}'; give it a start",
      outside: "Task '{{task}}' ({{when}}) is outside window '{{window}}'{{windowText}}: {{count}}",
    },
  },
  check({ corpus, time, report }) {
    const windows = new Map<string, { zone: string; occurrences: Occurrence[] }>();
    for (const { runbook, item, zone, occurrences } of scheduled(corpus, time, 'windows'))
      windows.set(`${runbook.source.file}#${item.value.id}`, { zone, occurrences });

    // The occurrences a window's tasks may fall in, shared by its tasks.
    const allowedIn = new Map<string, Occurrence[]>();
    for (const { runbook, item, zone, occurrences } of scheduled(corpus, time, 'tasks')) {
      const name = item.value.window;
      if (name === undefined) continue;
      const key = (id: string) => `${runbook.source.file}#${id}`;
      const target = windows.get(key(name));
      if (!target) continue;
      if (item.value.start === undefined) {
        report({
          source: runbook.source,
          path: [...item.path, 'window'],
          messageId: 'noStart',
          data: { task: item.value.id, window: name },
        });
        continue;
      }
      let allowed = allowedIn.get(key(name));
      if (!allowed) {
        allowed = runbook.windows
          .filter((w) => w.value.id === name || w.value.supersedes?.includes(name))
          .flatMap((w) => windows.get(key(w.value.id))?.occurrences ?? [])
          .sort((a, b) => a.start - b.start);
        allowedIn.set(key(name), allowed);
      }
      const misses = outside(occurrences, allowed);
      if (misses.length === 0) continue;
      const miss = misses[0]!;
      const near = allowed.find((w) => clock(w.start, 'UTC').date === clock(miss.start, 'UTC').date) ?? allowed[0];
      // The window in UTC as well when it is kept in a local zone: the comparison is made in instants.
      const windowText = near
        ? ` (${spanWithUtc(near.start, near.end, target.zone)})`
        : ' (which has no occurrences in the horizon)';
      const count =
        misses.length === occurrences.length
          ? 'every occurrence'
          : `${misses.length} of ${occurrences.length} occurrences, first ${partialMiss(occurrences, miss, zone, target.zone)}`;
      report({
        source: runbook.source,
        path: [...item.path, 'start'],
        messageId: 'outside',
        data: { task: item.value.id, when: bothZones(miss.start, zone), window: name, windowText, count },
      });
    }
  },
};
