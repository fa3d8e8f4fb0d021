import type { Threshold } from '../schema/runbook.ts';
import { humanizeDuration } from '../time/duration.ts';
import { perSystemBudget, placeOf, relatedTo, restatements } from './conflicts.ts';
import type { Rule } from './rule.ts';

/** "> 70 for 10 minutes": a level as people read it. */
function describeLevels(t: Threshold): string {
  const level = (name: string, l: Threshold['warning']) =>
    l ? `${name} ${t.comparator} ${l.value}${l.for ? ` for ${humanizeDuration(l.for)}` : ''}` : `no ${name}`;
  return `${level('warning', t.warning)}, ${level('critical', t.critical)}`;
}

export const thresholdConflict: Rule = {
  id: 'threshold-conflict',
  meta: {
    description: 'The same system and metric with different levels in different places',
    severity: 'error',
    docs: `Alerting has one set of levels per system and metric. Two runbooks (or two entries of
one) that give the same metric different warning or critical levels, comparators or durations
leave the on-call engineer guessing which alert is real.

Incorrect:

\`\`\`yaml
# runbooks/app.mdx
id: application
title: Application operations
system: billing
owners: [ops]
thresholds:
  - { metric: error_rate, comparator: ">", warning: { value: 1 }, critical: { value: 5 }, response: Page the on-call engineer }
# runbooks/ops.mdx, same system
id: operations
title: Operations handbook
system: billing
owners: [ops]
thresholds:
  - { metric: error_rate, comparator: ">", warning: { value: 2 }, critical: { value: 5 }, response: Page the on-call engineer }
\`\`\`

Correct (one set of levels, stated alike wherever it appears):

\`\`\`yaml
# runbooks/app.mdx
id: application
title: Application operations
system: billing
owners: [ops]
thresholds:
  - { metric: error_rate, comparator: ">", warning: { value: 2 }, critical: { value: 5 }, response: Page the on-call engineer }
# runbooks/ops.mdx, same system
id: operations
title: Operations handbook
system: billing
owners: [ops]
thresholds:
  - { metric: error_rate, comparator: ">", warning: { value: 2 }, critical: { value: 5 }, response: Page the on-call engineer }
\`\`\``,
    howToFix: `Write the same levels for the metric in every runbook of the system, or keep the threshold in one runbook only.`,
    messages: {
      differs: "Metric '{{metric}}' of system '{{system}}' has {{mine}} here but {{theirs}} at {{place}}",
      more: "Metric levels of system '{{system}}' conflict in {{more}} not listed: only the first {{budget}} conflicts of a system are; fix those and verify again",
    },
  },
  check({ corpus, report }) {
    const bounded = perSystemBudget(report, 'more');
    for (const { first, other } of restatements(corpus, 'thresholds', (threshold) => threshold.metric)) {
      const mine = describeLevels(other.item.value);
      const theirs = describeLevels(first.item.value);
      if (mine === theirs) continue;
      bounded.report(other.runbook.system, {
        source: other.runbook.source,
        path: [...other.item.path, 'metric'],
        messageId: 'differs',
        data: {
          metric: other.item.value.metric,
          system: other.runbook.system,
          mine,
          theirs,
          place: placeOf(first.runbook, first.item.path),
        },
        related: relatedTo(first, 'metric', theirs),
      });
    }
    bounded.close();
  },
};
