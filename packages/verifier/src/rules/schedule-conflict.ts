import { zoneOf } from '../schedule/zones.ts';
import type { Task } from '../schema/runbook.ts';
import { isSubDaily } from '../time/recurrence-words.ts';
import { noStartInWords } from '../time/time-words.ts';
import { clockChangeBetween } from './clock-change.ts';
import type { Statement } from '../schedule/statements.ts';
import { perSystemBudget, placeOf, relatedTo, restatements } from './conflicts.ts';
import type { Rule } from './rule.ts';

export const scheduleConflict: Rule = {
  id: 'schedule-conflict',
  meta: {
    description: 'Tasks of one system that describe the same activity on different schedules',
    severity: 'error',
    docs: `Plans often state one activity twice: a "quarterly full restore" in one section and a
"disaster recovery test in Q3" in another. Tasks that are the same activity say so with the same
\`activity\`; they must then fall on the same instants over the horizon, or the plan contradicts
itself. Rules are compared by the occurrences they give, not by their text: \`FREQ=WEEKLY;BYDAY=MO\`
and \`BYDAY=MO;FREQ=WEEKLY\` agree, and so do \`FREQ=MONTHLY;INTERVAL=3\` and
\`FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=1\` (rules count from 2000-01-01, so the quarterly one
falls on the 1st of January, April, July and October).

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
    howToFix: `Keep one task for the activity, or give both the same schedule. If they are different activities, give them different titles. Tasks of one activity kept in two time zones drift apart when one zone changes its clocks (the message names the change): give both one \`timezone\`.`,
    messages: {
      differs:
        "Task '{{task}}' is activity '{{activity}}' on {{mine}}, but task '{{first}}' at {{place}} is the same activity on {{theirs}}{{cause}}",
      more: "Task schedules of system '{{system}}' conflict in {{more}} not listed: only the first {{budget}} conflicts of a system are; fix those and verify again",
    },
  },
  check({ corpus, time, report }) {
    const bounded = perSystemBudget(report, 'more');
    const schedule = ({ runbook, item }: Statement<Task>) => {
      const zone = item.value.timezone ?? runbook.timezone;
      const rule = item.value.rrule.replace(/\s/g, '').toUpperCase();
      return item.value.start === undefined
        ? `${rule} ${noStartInWords(zone, { subDaily: isSubDaily(rule) })}`
        : `${rule} at ${item.value.start} ${zone ?? ''}`.trim();
    };
    /**
     * The instants a task falls on over the horizon, and whether at a set hour: what the schedule
     * means, however its rule is written. Undefined for a rule or zone that does not expand
     * (rrule-invalid and the timezone rules say why): then the text is compared.
     */
    const meaning = ({ runbook, item }: Statement<Task>): string | undefined => {
      const zone = zoneOf(runbook, item.value);
      if (zone === undefined) return undefined;
      const expansion = time.expand(item.value, zone);
      return expansion.ok
        ? `${item.value.start === undefined ? 'day' : 'time'} ${expansion.occurrences.map((o) => o.start).join(',')}`
        : undefined;
    };
    /**
     * For tasks kept in two zones that agree until a clock change in one of them: that change,
     * and the fix. Empty when they never agreed, or a zone's clocks are not the cause.
     */
    const clockCause = (a: Statement<Task>, b: Statement<Task>): string => {
      const [zoneA, zoneB] = [zoneOf(a.runbook, a.item.value), zoneOf(b.runbook, b.item.value)];
      if (!zoneA || !zoneB || zoneA === zoneB) return '';
      const [x, y] = [time.expand(a.item.value, zoneA), time.expand(b.item.value, zoneB)];
      if (!x.ok || !y.ok) return '';
      const split = x.occurrences.findIndex((o, i) => o.start !== y.occurrences[i]?.start);
      if (split <= 0) return '';
      const [before, after] = [x.occurrences[split - 1]!.start, x.occurrences[split]!.start];
      const change = clockChangeBetween(before, after, zoneA) ?? clockChangeBetween(before, after, zoneB);
      return change
        ? `; they agree until the clock change ${change}: keep both tasks in one time zone (timezone: ${zoneB})`
        : '';
    };
    const same = (a: Statement<Task>, b: Statement<Task>): boolean => {
      const [x, y] = [meaning(a), meaning(b)];
      return x !== undefined && y !== undefined
        ? x === y
        : schedule(a) === schedule(b) && zoneOf(a.runbook, a.item.value) === zoneOf(b.runbook, b.item.value);
    };
    for (const { first, other } of restatements(corpus, 'tasks', (task) => task.activity || undefined)) {
      if (same(other, first)) continue;
      bounded.report(other.runbook.system, {
        source: other.runbook.source,
        path: [...other.item.path, 'activity'],
        messageId: 'differs',
        data: {
          task: other.item.value.id,
          activity: other.item.value.activity!,
          mine: schedule(other),
          first: first.item.value.id,
          place: placeOf(first.runbook, first.item.path),
          theirs: schedule(first),
          cause: clockCause(other, first),
        },
        related: relatedTo(first, 'activity', `task '${first.item.value.id}'`),
      });
    }
    bounded.close();
  },
};
