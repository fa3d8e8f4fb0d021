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
# no timezone anywhere in the runbook
windows:
  - id: weekly
    start: "02:00"
\`\`\`

Correct:

\`\`\`yaml
timezone: Africa/Nairobi
windows:
  - id: weekly
    start: "02:00"
    timezone: UTC   # optional: overrides the runbook's zone
\`\`\``,
  },
  check({ corpus, report }) {
    for (const runbook of corpus.runbooks) {
      if (runbook.timezone !== undefined) continue;
      for (const [list, noun] of [['windows', 'Window'], ['tasks', 'Task']] as const) {
        for (const item of runbook[list]) {
          if (item.value.start === undefined || item.value.timezone !== undefined) continue;
          report({
            source: runbook.source,
            path: [...item.path, 'start'],
            message: `${noun} '${item.value.id}' starts at ${item.value.start} in no time zone; add 'timezone:' to the ${noun.toLowerCase()} or to the runbook`,
          });
        }
      }
    }
  },
};
