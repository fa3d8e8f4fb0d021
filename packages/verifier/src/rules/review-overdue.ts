import { Temporal } from 'temporal-polyfill';
import { humanizeDuration } from '../time/duration.ts';
import { reviewDue } from '../schedule/review.ts';
import type { Rule } from './rule.ts';

export const reviewOverdue: Rule = {
  id: 'review-overdue',
  meta: {
    description: '`last_reviewed + cycle` is before today',
    severity: 'warning',
    docs: `A runbook nobody has read for a year describes a system that has changed. When
\`review.last_reviewed\` plus \`review.cycle\` is before today (\`--now\` fixes today), the runbook
is overdue; the site shows a banner on it.

Incorrect (checked on 2026-11-23):

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: UTC
review:
  cycle: P3M
  last_reviewed: 2025-11-14   # due 2026-02-14
\`\`\`

Correct (reviewed, and \`last_reviewed\` set to the day it was):

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: UTC
review:
  cycle: P3M
  last_reviewed: 2026-11-20   # due 2027-02-20
\`\`\``,
    howToFix: `Review the runbook against the system as it is now, then set \`review.last_reviewed\` to today's date.`,
    messages: {
      overdue: 'Review overdue: last reviewed {{lastReviewed}}, every {{cycle}}, so due {{due}} ({{days}} days ago)',
      overdueOneDay: 'Review overdue: last reviewed {{lastReviewed}}, every {{cycle}}, so due {{due}} (1 day ago)',
    },
  },
  check({ corpus, today, report }) {
    for (const runbook of corpus.runbooks) {
      if (!runbook.review) continue;
      const { cycle, last_reviewed } = runbook.review;
      const due = reviewDue(last_reviewed, cycle);
      if (due === undefined || due >= today) continue;
      const days = Temporal.PlainDate.from(due).until(today).days;
      report({
        source: runbook.source,
        path: ['review', 'last_reviewed'],
        messageId: days === 1 ? 'overdueOneDay' : 'overdue',
        data: { lastReviewed: last_reviewed!, cycle: humanizeDuration(cycle), due, days },
      });
    }
  },
};
