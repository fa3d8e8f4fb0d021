import type { Threshold } from '../schema/runbook.ts';
import { humanizeDuration } from '../time/duration.ts';
import { groupBy } from '../model/group-by.ts';
import { placeOf } from './report-helpers.ts';
import type { Rule } from './rule.ts';

/** "> 70 for 10 minutes": a level as people read it. */
function describeLevels(t: Threshold): string {
  const level = (name: string, l: Threshold['warning']) => (l ? `${name} ${t.comparator} ${l.value}${l.for ? ` for ${humanizeDuration(l.for)}` : ''}` : `no ${name}`);
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
- { metric: error_rate, comparator: ">", warning: { value: 1 }, critical: { value: 5 } }
# runbooks/ops.mdx, same system
- { metric: error_rate, comparator: ">", warning: { value: 2 }, critical: { value: 5 } }
\`\`\`

Correct (one set of levels, stated alike wherever it appears):

\`\`\`yaml
# runbooks/app.mdx
- { metric: error_rate, comparator: ">", warning: { value: 2 }, critical: { value: 5 } }
# runbooks/ops.mdx, same system
- { metric: error_rate, comparator: ">", warning: { value: 2 }, critical: { value: 5 } }
\`\`\``,
  },
  check({ corpus, report }) {
    const all = corpus.runbooks.flatMap((runbook) => runbook.thresholds.map((item) => ({ runbook, item })));
    for (const [first, ...rest] of groupBy(all, ({ runbook, item }) => `${runbook.system}\u0000${item.value.metric}`).values()) {
      for (const other of rest) {
        const mine = describeLevels(other.item.value);
        const theirs = describeLevels(first!.item.value);
        if (mine === theirs) continue;
        report({
          source: other.runbook.source,
          path: [...other.item.path, 'metric'],
          message: `Metric '${other.item.value.metric}' of system '${other.runbook.system}' has ${mine} here but ${theirs} at ${placeOf(first!.runbook, first!.item.path)}`,
          related: [{ source: first!.runbook.source, path: [...first!.item.path, 'metric'], message: theirs }],
        });
      }
    }
  },
};
