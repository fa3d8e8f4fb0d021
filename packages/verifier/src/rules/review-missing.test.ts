import { testRule } from '../../test/rule-tester.ts';
import { reviewMissing } from './review-missing.ts';

testRule(reviewMissing, {
  valid: [
    { name: 'a recorded review', runbooks: [{ review: { cycle: 'P3M', last_reviewed: '2026-09-01' } }] },
    {
      name: 'a review long overdue is review-overdue’s, not this rule’s',
      runbooks: [{ review: { cycle: 'P3M', last_reviewed: '2020-01-01' } }],
    },
    { name: 'no review block: no reviews promised', runbooks: [{ review: undefined }] },
  ],
  invalid: [
    {
      name: 'a cycle with no date',
      runbooks: ['---\nid: r\ntitle: R\nsystem: demo\nowners: [ops]\ntimezone: UTC\nreview:\n  cycle: P3M\n---\n'],
      errors: [
        {
          path: 'review.last_reviewed',
          line: 7,
          column: 1,
          messageId: 'missing',
          message: /^Never recorded as reviewed: review\.last_reviewed is missing \(to be reviewed every 3 months\)/,
        },
      ],
    },
    {
      name: 'each runbook on its own',
      runbooks: [
        { review: { cycle: 'P1Y' } },
        { review: { cycle: 'P1Y', last_reviewed: '2026-11-01' } },
        { review: { cycle: 'P1M' } },
      ],
      errors: [
        { file: 'runbooks/r0.mdx', messageId: 'missing', message: /every 1 year/ },
        { messageId: 'missing', file: 'runbooks/r2.mdx', message: /every 1 month/ },
      ],
    },
  ],
});
