import { zoneOf } from '../model/zones.ts';
import { groupBy } from '../model/group-by.ts';
import { placeOf } from './report-helpers.ts';
import type { Rule } from './rule.ts';

export const scheduleConflict: Rule = {
  id: 'schedule-conflict',
  meta: {
    description: 'Tasks of one system that describe the same activity on different schedules',
    severity: 'error',
    docs: `Plans often state one activity twice: a "quarterly full restore" in one section and a
"disaster recovery test in Q3" in another. Tasks that are the same activity say so with the same
\`activity\`; they must then agree on \`rrule\`, \`start\` and zone, or the plan contradicts itself.

Incorrect:

\`\`\`yaml
tasks:
  - { id: full-restore, activity: full-restore-test, rrule: FREQ=MONTHLY;INTERVAL=3, ... }
  - { id: dr-test, activity: full-restore-test, rrule: FREQ=YEARLY;BYMONTH=7, ... }
\`\`\`

Correct (one schedule for the activity; or two activities):

\`\`\`yaml
tasks:
  - { id: full-restore, activity: full-restore-test, rrule: FREQ=MONTHLY;INTERVAL=3, ... }
  - { id: dr-test, activity: dr-exercise, rrule: FREQ=YEARLY;BYMONTH=7, ... }
\`\`\``,
  },
  check({ corpus, report }) {
    const all = corpus.runbooks.flatMap((runbook) => runbook.tasks.filter((t) => t.value.activity).map((item) => ({ runbook, item })));
    const schedule = ({ runbook, item }: (typeof all)[number]) =>
      `${item.value.rrule.replace(/\s/g, '').toUpperCase()} at ${item.value.start ?? 'any time'} ${item.value.timezone ?? runbook.timezone ?? ''}`.trim();
    for (const [first, ...rest] of groupBy(all, ({ runbook, item }) => `${runbook.system}\u0000${item.value.activity}`).values()) {
      for (const other of rest) {
        if (schedule(other) === schedule(first!) && zoneOf(other.runbook, other.item.value) === zoneOf(first!.runbook, first!.item.value)) continue;
        report({
          source: other.runbook.source,
          path: [...other.item.path, 'activity'],
          message: `Task '${other.item.value.id}' is activity '${other.item.value.activity}' on ${schedule(other)}, but task '${first!.item.value.id}' at ${placeOf(first!.runbook, first!.item.path)} is the same activity on ${schedule(first!)}`,
          related: [{ source: first!.runbook.source, path: [...first!.item.path, 'activity'], message: `task '${first!.item.value.id}'` }],
        });
      }
    }
  },
};
