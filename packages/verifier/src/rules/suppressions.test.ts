import { frontmatter, testRule } from '../../test/rule-tester.ts';
import { reviewOverdue } from './review-overdue.ts';
import type { Rule } from './rule.ts';
import { SUPPRESSION_RULE_ID, suppressionMeta } from './suppressions.ts';

/** The check of almanac-ignore comments, as the tester runs rules: it has no check of its own, `verify` applies it to the others' findings. */
const suppression: Rule = { id: SUPPRESSION_RULE_ID, meta: suppressionMeta, check() {} };

/** A runbook whose review is long overdue (a review-overdue finding on line 10, `last_reviewed`), with `comment` put on that line or above it. */
function overdue(comment: string, where: 'trailing' | 'above' = 'trailing'): string {
  const text = frontmatter({ review: { cycle: 'P3M', last_reviewed: '2025-01-01' } });
  const line = '  last_reviewed: 2025-01-01';
  return text.replace(line, where === 'trailing' ? `${line} ${comment}` : `  ${comment}\n${line}`);
}

/** A runbook reviewed in time, with `comment` on its `last_reviewed` line, where no rule finds anything. */
function reviewed(comment: string): string {
  return frontmatter({ review: { cycle: 'P3M', last_reviewed: '2026-11-01' } }).replace(
    '  last_reviewed: 2026-11-01',
    `  last_reviewed: 2026-11-01 ${comment}`,
  );
}

testRule(
  suppression,
  {
    valid: [
      {
        name: 'a comment with a reason silences the finding on its line',
        runbooks: [overdue('# almanac-ignore review-overdue -- reviewed in the DR exercise (OPS-7)')],
      },
      {
        name: 'a comment alone on the line above silences the finding below it',
        runbooks: [overdue('# almanac-ignore review-overdue -- reviewed in the DR exercise (OPS-7)', 'above')],
      },
      {
        name: 'a rule named among others, with a comma',
        runbooks: [overdue('# almanac-ignore owner-placeholder, review-overdue -- reviewed in the DR exercise')],
      },
      {
        name: 'a rule that did not run (off in the config) is not reported unused',
        runbooks: [reviewed('# almanac-ignore rpo-exceeds-backups -- replicated to the DR site')],
      },
    ],
    invalid: [
      {
        name: 'no reason: the finding is silenced, the comment reported where it is',
        runbooks: [overdue('# almanac-ignore review-overdue')],
        errors: [
          {
            messageId: 'noReason',
            message:
              /^almanac-ignore review-overdue needs a reason: "# almanac-ignore review-overdue -- <why this is accepted>"$/,
            file: 'runbooks/r0.mdx',
            line: 10,
            column: 29,
          },
        ],
      },
      {
        name: 'an empty reason',
        runbooks: [overdue('# almanac-ignore review-overdue --  ')],
        errors: [{ messageId: 'noReason', message: /needs a reason/ }],
      },
      {
        name: 'no rule',
        runbooks: [reviewed('# almanac-ignore -- nothing to name')],
        errors: [
          {
            messageId: 'noRule',
            message: /^almanac-ignore names no rule; write "# almanac-ignore <ruleId> -- <reason>"$/,
          },
        ],
      },
      {
        name: 'an unknown rule',
        runbooks: [reviewed('# almanac-ignore review-overdo -- typo')],
        errors: [
          {
            messageId: 'unknownRule',
            message: /^almanac-ignore names unknown rule 'review-overdo'; did you mean 'review-overdue'\?$/,
            line: 10,
          },
        ],
      },
      {
        name: 'nothing to suppress on its line',
        runbooks: [reviewed('# almanac-ignore review-overdue -- stale')],
        errors: [
          {
            messageId: 'unused',
            message: /^Unused almanac-ignore: no 'review-overdue' finding on line 10; remove the comment$/,
          },
        ],
      },
    ],
  },
  { alongside: [reviewOverdue] },
);
