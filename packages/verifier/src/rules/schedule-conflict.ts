import { zoneOf } from '../model/zones.ts';
import type { Task } from '../schema/runbook.ts';
import { perSystemBudget, placeOf, relatedTo, restatements, type Statement } from './conflicts.ts';
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
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: UTC
tasks:
  - { id: full-restore, title: Full restore test, kind: restore-test, activity: full-restore-test, rrule: FREQ=MONTHLY;INTERVAL=3, owner: ops }
  - { id: dr-test, title: Disaster recovery test, kind: restore-test, activity: full-restore-test, rrule: FREQ=YEARLY;BYMONTH=7, owner: ops }
\`\`\`

Correct (one schedule for the activity; or two activities):

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: UTC
tasks:
  - { id: full-restore, title: Full restore test, kind: restore-test, activity: full-restore-test, rrule: FREQ=MONTHLY;INTERVAL=3, owner: ops }
  - { id: dr-test, title: Disaster recovery test, kind: restore-test, activity: dr-exercise, rrule: FREQ=YEARLY;BYMONTH=7, owner: ops }
\`\`\``,
    howToFix: `Keep one task for the activity, or give both the same schedule. If they are different activities, give them different titles.`,
    messages: {
      differs: "Task '{{task}}' is activity '{{activity}}' on {{mine}}, but task '{{first}}' at {{place}} is the same activity on {{theirs}}",
      more: "Task schedules of system '{{system}}' conflict in {{more}} not listed: only the first {{budget}} conflicts of a system are; fix those and verify again",
    },
  },
  check({ corpus, report }) {
    const bounded = perSystemBudget(report, 'more');
    const schedule = ({ runbook, item }: Statement<Task>) => `${item.value.rrule.replace(/\s/g, '').toUpperCase()} at ${item.value.start ?? 'any time'} ${item.value.timezone ?? runbook.timezone ?? ''}`.trim();
    for (const { first, other } of restatements(corpus, 'tasks', (task) => task.activity || undefined)) {
      if (schedule(other) === schedule(first) && zoneOf(other.runbook, other.item.value) === zoneOf(first.runbook, first.item.value)) continue;
      bounded.report(other.runbook.system, {
        source: other.runbook.source,
        path: [...other.item.path, 'activity'],
        messageId: 'differs',
        data: { task: other.item.value.id, activity: other.item.value.activity!, mine: schedule(other), first: first.item.value.id, place: placeOf(first.runbook, first.item.path), theirs: schedule(first) },
        related: relatedTo(first, 'activity', `task '${first.item.value.id}'`),
      });
    }
    bounded.close();
  },
};
