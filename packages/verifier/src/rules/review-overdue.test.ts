import { testRule } from '../../test/rule-tester.ts';
import { reviewOverdue } from './review-overdue.ts';

testRule(reviewOverdue, {
  valid: [
    { name: 'reviewed within its cycle', runbooks: [{ review: { cycle: 'P3M', last_reviewed: '2026-09-01' } }] },
    { name: 'due today is not overdue', runbooks: [{ review: { cycle: 'P3M', last_reviewed: '2026-08-23' } }] },
    { name: 'no review block', runbooks: [{ review: undefined }] },
    { name: 'a cycle with no review recorded is review-missing’s', runbooks: [{ review: { cycle: 'P1M' } }] },
  ],
  invalid: [
    {
      name: 'quarterly cycle long past',
      runbooks: [{ review: { cycle: 'P3M', last_reviewed: '2025-11-14' } }],
      errors: [{ path: 'review.last_reviewed', messageId: 'overdue', message: /due 2026-02-14 \(282 days ago\)/ }],
    },
    {
      name: 'one day late',
      runbooks: [{ review: { cycle: 'P1M', last_reviewed: '2026-10-22' } }],
      errors: [{ messageId: 'overdueOneDay', message: /\(1 day ago\)/ }],
    },
  ],
});
