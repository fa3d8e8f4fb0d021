import { humanizeDuration } from '../time/duration.ts';
import type { Rule } from './rule.ts';

export const reviewMissing: Rule = {
  id: 'review-missing',
  meta: {
    description: 'A runbook with no `review.last_reviewed`: never recorded as reviewed',
    severity: 'warning',
    docs: `\`review-overdue\` can only count from a review someone recorded. A runbook with no
\`review.last_reviewed\` (or no \`review\` at all) has never been recorded as reviewed, and the site
says so rather than a date. Leave the date out when the source gives none: a date copied from
another document would make an unread runbook look current. A warning, as \`review-overdue\` is:
the runbook's schedules are still checked and published.

Incorrect:

\`\`\`yaml
review:
  cycle: P3M                 # no last_reviewed: never recorded as reviewed
\`\`\`

Correct: review the runbook, then record the day you did.

\`\`\`yaml
review:
  cycle: P3M
  last_reviewed: 2026-11-20
\`\`\``,
  },
  check({ corpus, report }) {
    for (const runbook of corpus.runbooks) {
      if (runbook.review?.last_reviewed !== undefined) continue;
      report({
        source: runbook.source,
        path: runbook.review ? ['review', 'last_reviewed'] : ['review'],
        message: runbook.review
          ? `Never recorded as reviewed: review.last_reviewed is missing (to be reviewed every ${humanizeDuration(runbook.review.cycle)}); add the day someone reviewed it`
          : 'Never recorded as reviewed: no review block; add review.cycle and review.last_reviewed once someone has reviewed it',
      });
    }
  },
};
