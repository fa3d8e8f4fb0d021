/*
 * The cases a rule is tested with, as ESLint's RuleTester takes them: runbooks that must give no
 * finding of the rule, and runbooks that must give exactly the findings listed, matched by
 * message id. Almanac's own tester (packages/verifier/test/rule-tester.ts) runs them under
 * Vitest; a team writing a rule of its own can run them under any test runner with `verify`.
 */

/** A runbook's frontmatter as an object (merged over a valid base), or a whole file's text. */
export type RunbookInput = Record<string, unknown> | string;

export interface RuleCase {
  name: string;
  runbooks: RunbookInput[];
  owners?: Record<string, unknown>;
  today?: string;
  /** Texts of hand-written Prometheus rule files, read as `prometheus/rules<i>.yml`. */
  prometheusRules?: string[];
}

export interface ExpectedFinding {
  /** Which of the rule's `meta.messages` the finding gives: how findings are matched, as in ESLint. */
  messageId: string;
  /** The data path the finding points at, such as `tasks[0].start`. */
  path?: string;
  /** The final text, where a case is about the wording. */
  message?: RegExp;
  /** `runbooks/r1.mdx` for the second runbook; `runbooks/owners.yaml`. */
  file?: string;
  line?: number;
  column?: number;
}

export interface InvalidCase extends RuleCase {
  errors: ExpectedFinding[];
}
