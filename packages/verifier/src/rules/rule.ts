import type { Corpus } from '../load/corpus.ts';
import type { Report, Severity } from '../load/finding.ts';
import type { TimeEngine } from '../time/engine.ts';

export interface RuleMeta {
  /** One line: what the rule finds. Shown in SARIF and the README's rule table. */
  description: string;
  /** Severity when no config says otherwise. */
  severity: Severity;
  /** Why it matters and how to fix it, in Markdown, with an incorrect and a correct example. */
  docs: string;
  /** What to change when the rule reports something, in Markdown: the "How to fix" of its docs page. */
  howToFix: string;
  /**
   * Every message the rule gives, by id, as ESLint's `meta.messages`: a template whose
   * `{{name}}` is filled from a report's `data`.
   */
  messages: Record<string, string>;
}

/** What a rule reports: its message by id, with the data the template names. */
export interface RuleReport extends Omit<Report, 'message'> {
  messageId: string;
  data?: Record<string, string | number>;
}

export interface RuleContext {
  corpus: Corpus;
  /** "Today" as YYYY-MM-DD: the CLI's --now, else the current date in UTC. */
  today: string;
  /**
   * Recurrences expanded over the horizon, once per item for all rules. The lists rules walk
   * (`scheduled`) are kept per engine and corpus: give a changed corpus a new engine, as
   * `verify` does on every run.
   */
  time: TimeEngine;
  report(report: RuleReport): void;
}

/** A rule in the manner of ESLint's: an id, its docs, and a pure check over the whole corpus. */
export interface Rule {
  id: string;
  meta: RuleMeta;
  check(context: RuleContext): void;
}
