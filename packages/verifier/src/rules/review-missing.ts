import { humanizeDuration } from '../time/duration.ts';
import type { Rule } from './rule.ts';

export const reviewMissing: Rule = {
  id: 'review-missing',
  meta: {
    description: 'A review cycle with no `last_reviewed`: the runbook was never recorded as reviewed',
    severity: 'warning',
    docs: `\`review-overdue\` can only count from a review someone recorded. A runbook with a
\`review.cycle\` and no \`review.last_reviewed\` has never been recorded as reviewed, and the site
says so rather than show a date. Leave the date out when the source gives none: a date copied
from another document would make an unread runbook look current. A runbook with no \`review\` at
all has promised no reviews, and this rule leaves it alone. A warning, as \`review-overdue\` is:
the runbook's schedules are still checked and published.

Incorrect:

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: UTC
review:
  cycle: P3M                 # no last_reviewed: never recorded as reviewed
\`\`\`

Correct (review the runbook, then record the day you did):

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: UTC
review:
  cycle: P3M
  last_reviewed: 2026-11-20
\`\`\``,
    howToFix: `Add \`review.last_reviewed:\` with the date someone last reviewed the runbook (YYYY-MM-DD).`,
    messages: {
      missing:
        'Never recorded as reviewed: review.last_reviewed is missing (to be reviewed every {{cycle}}); add the day someone reviewed it',
    },
  },
  check({ corpus, report }) {
    for (const { review, source } of corpus.runbooks) {
      if (!review || review.last_reviewed !== undefined) continue;
      report({
        source,
        path: ['review', 'last_reviewed'],
        messageId: 'missing',
        data: { cycle: humanizeDuration(review.cycle) },
      });
    }
  },
};
