import { timedItems } from '../schedule/timed-items.ts';
import type { Rule } from './rule.ts';

export const timezoneMissing: Rule = {
  id: 'timezone-missing',
  meta: {
    description: 'A time with no zone to interpret it in',
    severity: 'error',
    docs: `A \`start\` time is read in the item's own \`timezone\`, else the runbook's. There is no
implicit zone: "02:00" in Nairobi and "02:00" in UTC are three hours apart, and a guess would
put a window in everyone's calendar at the wrong hour.

Incorrect:

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
# no timezone anywhere in the runbook
windows:
  - id: weekly
    title: Weekly maintenance
    rrule: FREQ=WEEKLY;BYDAY=SU
    start: "02:00"
    duration: PT2H
    impact: minimal
\`\`\`

Correct:

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: Africa/Nairobi
windows:
  - id: weekly
    title: Weekly maintenance
    rrule: FREQ=WEEKLY;BYDAY=SU
    start: "02:00"
    duration: PT2H
    impact: minimal
    timezone: UTC   # optional: overrides the runbook's zone
\`\`\``,
    howToFix: `Add \`timezone:\` to the runbook (it serves every window and task) or to the item whose clock differs. Tasks take \`timezone\` as windows do.`,
    messages: {
      missing:
        "{{noun}} '{{item}}' starts at {{start}} in no time zone; add 'timezone:' to the {{list}} or to the runbook",
    },
  },
  check({ corpus, report }) {
    for (const { runbook, noun, item } of timedItems(
      corpus.runbooks.filter((runbook) => runbook.timezone === undefined),
    )) {
      if (item.value.start === undefined || item.value.timezone !== undefined) continue;
      report({
        source: runbook.source,
        path: [...item.path, 'start'],
        messageId: 'missing',
        data: { noun, item: item.value.id, start: item.value.start, list: noun.toLowerCase() },
      });
    }
  },
};
