import { durationMs, humanizeDuration } from '../time/duration.ts';
import { perSystemBudget, placeOf, relatedTo, restatements } from './conflicts.ts';
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
id: database
title: Database operations
system: billing
owners: [ops]
objectives:
  - { scenario: database-failure, rto: PT4H, rpo: PT24H, procedure: Restore from the nightly backup }
# runbooks/dr.mdx, same system
id: disaster-recovery
title: Disaster recovery
system: billing
owners: [ops]
objectives:
  - { scenario: database-failure, rto: PT2H, rpo: PT24H, procedure: Fail over to the DR site }
\`\`\`

Correct (one value, stated in one place or in both alike):

\`\`\`yaml
# runbooks/db.mdx
id: database
title: Database operations
system: billing
owners: [ops]
objectives:
  - { scenario: database-failure, rto: PT2H, rpo: PT24H, procedure: Restore from the nightly backup }
# runbooks/dr.mdx, same system
id: disaster-recovery
title: Disaster recovery
system: billing
owners: [ops]
objectives:
  - { scenario: database-failure, rto: PT2H, rpo: PT24H, procedure: Fail over to the DR site }
\`\`\``,
    howToFix: `Agree on one RTO and one RPO per system and scenario and write the same values in every runbook that states them, or name the scenarios differently if they are different failures.`,
    messages: {
      differs:
        "Scenario '{{scenario}}' of system '{{system}}' has {{objective}} {{mine}} here but {{theirs}} at {{place}}",
      more: "Recovery objectives of system '{{system}}' conflict in {{more}} not listed: only the first {{budget}} conflicts of a system are; fix those and verify again",
    },
  },
  check({ corpus, report }) {
    const bounded = perSystemBudget(report, 'more');
    for (const { first, other } of restatements(corpus, 'objectives', (objective) => objective.scenario)) {
      for (const field of ['rto', 'rpo'] as const) {
        const mine = other.item.value[field];
        const theirs = first.item.value[field];
        if (durationMs(mine) === durationMs(theirs)) continue;
        bounded.report(other.runbook.system, {
          source: other.runbook.source,
          path: [...other.item.path, field],
          messageId: 'differs',
          data: {
            scenario: other.item.value.scenario,
            system: other.runbook.system,
            objective: field.toUpperCase(),
            mine: humanizeDuration(mine),
            theirs: humanizeDuration(theirs),
            place: placeOf(first.runbook, [...first.item.path, field]),
          },
          related: relatedTo(first, field, `${field.toUpperCase()} ${humanizeDuration(theirs)}`),
        });
      }
    }
    bounded.close();
  },
};
