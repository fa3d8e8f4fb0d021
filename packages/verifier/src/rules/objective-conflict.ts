import type { Item, Runbook } from '../model/corpus.ts';
import type { Objective } from '../schema/runbook.ts';
import { durationMs, humanizeDuration } from '../time/duration.ts';
import { groupBy } from '../model/group-by.ts';
import { placeOf } from './report-helpers.ts';
import type { Rule } from './rule.ts';

export const objectiveConflict: Rule = {
  id: 'objective-conflict',
  meta: {
    description: 'The same system and scenario with different RTO or RPO in different places',
    severity: 'error',
    docs: `A recovery objective is a promise: for one system and scenario there is one RTO and one
RPO. When two places (two runbooks, or one runbook twice) state different values, staff cannot
tell which holds. The finding is on the later statement and names the first.

Incorrect:

\`\`\`yaml
# runbooks/db.mdx
objectives: [{ scenario: database-failure, rto: PT4H, rpo: PT24H, ... }]
# runbooks/dr.mdx, same system
objectives: [{ scenario: database-failure, rto: PT2H, rpo: PT24H, ... }]
\`\`\`

Correct (one value, stated in one place or in both alike):

\`\`\`yaml
# runbooks/db.mdx
objectives: [{ scenario: database-failure, rto: PT2H, rpo: PT24H, ... }]
# runbooks/dr.mdx, same system
objectives: [{ scenario: database-failure, rto: PT2H, rpo: PT24H, ... }]
\`\`\``,
  },
  check({ corpus, report }) {
    const all = corpus.runbooks.flatMap((runbook) => runbook.objectives.map((item) => ({ runbook, item })));
    for (const group of groupBy(all, ({ runbook, item }) => `${runbook.system}\u0000${item.value.scenario}`).values()) {
      const [first, ...rest] = group as Array<{ runbook: Runbook; item: Item<Objective> }>;
      for (const other of rest) {
        for (const field of ['rto', 'rpo'] as const) {
          const mine = other.item.value[field];
          const theirs = first!.item.value[field];
          if (durationMs(mine) === durationMs(theirs)) continue;
          report({
            source: other.runbook.source,
            path: [...other.item.path, field],
            message: `Scenario '${other.item.value.scenario}' of system '${other.runbook.system}' has ${field.toUpperCase()} ${humanizeDuration(mine)} here but ${humanizeDuration(theirs)} at ${placeOf(first!.runbook, [...first!.item.path, field])}`,
            related: [{ source: first!.runbook.source, path: [...first!.item.path, field], message: `${field.toUpperCase()} ${humanizeDuration(theirs)}` }],
          });
        }
      }
    }
  },
};
