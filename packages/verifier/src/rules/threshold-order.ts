import type { Rule } from './rule.ts';

export const thresholdOrder: Rule = {
  id: 'threshold-order',
  meta: {
    description: 'A warning level that is not less severe than its critical level',
    severity: 'error',
    docs: `A warning comes before the critical alert. With \`comparator: ">"\` (high is bad) the
warning value must be below the critical one; with \`"<"\` (low is bad, such as free disk) it must
be above. Equal or reversed levels mean the critical alert fires first or never.

Incorrect:

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: UTC
thresholds:
  - metric: cpu_utilization
    comparator: ">"
    warning: { value: 90 }
    critical: { value: 85 }
    response: Investigate the busiest process
\`\`\`

Correct:

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: UTC
thresholds:
  - metric: cpu_utilization
    comparator: ">"
    warning: { value: 70 }
    critical: { value: 85 }
    response: Investigate the busiest process
\`\`\``,
    howToFix: `Swap the two levels, or the \`comparator\`: with \`">"\` the warning is lower than the critical level, with \`"<"\` higher.`,
    messages: {
      misordered:
        'Threshold \'{{metric}}\': warning {{warning}} must be {{should}} critical {{critical}} when {{worse}} is worse (comparator "{{comparator}}")',
    },
  },
  check({ corpus, report }) {
    for (const runbook of corpus.runbooks) {
      for (const { value: t, path } of runbook.thresholds) {
        if (!t.warning || !t.critical) continue;
        const ordered = t.comparator === '>' ? t.warning.value < t.critical.value : t.warning.value > t.critical.value;
        if (ordered) continue;
        const should = t.comparator === '>' ? 'below' : 'above';
        report({
          source: runbook.source,
          path: [...path, 'warning', 'value'],
          messageId: 'misordered',
          data: {
            metric: t.metric,
            warning: t.warning.value,
            should,
            critical: t.critical.value,
            worse: t.comparator === '>' ? 'higher' : 'lower',
            comparator: t.comparator,
          },
        });
      }
    }
  },
};
