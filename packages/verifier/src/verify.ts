import type { Corpus } from './model/corpus.ts';
import { compareFindings, resolveReport, type Finding, type Severity } from './model/finding.ts';
import { ALL_RULES } from './rules/index.ts';
import type { Rule } from './rules/rule.ts';
import type { Horizon } from './time/expand.ts';
import { horizonAround, TimeEngine } from './time/engine.ts';

export type SeveritySetting = 'off' | 'warn' | 'error';

export interface VerifyOptions {
  /** YYYY-MM-DD; defaults to the current date in UTC. */
  today?: string;
  horizon?: Horizon;
  /** Per rule id; a rule not named keeps its default severity. */
  severities?: Record<string, SeveritySetting>;
  rules?: readonly Rule[];
  /** Reuse expansions already made for this corpus (the site and the feeds share the verifier's). */
  time?: TimeEngine;
}

export interface VerifyResult {
  findings: Finding[];
  summary: { files: number; errors: number; warnings: number };
  time: TimeEngine;
  today: string;
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Runs every rule over the corpus and returns its findings in file, line, column order. */
export function verify(corpus: Corpus, options: VerifyOptions = {}): VerifyResult {
  const today = options.today ?? todayUtc();
  const time = options.time ?? new TimeEngine(options.horizon ?? horizonAround(today));
  const findings: Finding[] = [];
  for (const rule of options.rules ?? ALL_RULES) {
    const setting = options.severities?.[rule.id];
    if (setting === 'off') continue;
    const severity: Severity = setting === 'warn' ? 'warning' : setting === 'error' ? 'error' : rule.meta.severity;
    rule.check({ corpus, today, time, report: (report) => findings.push(resolveReport(report, rule.id, severity)) });
  }
  findings.sort(compareFindings);
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { findings, summary: { files: corpus.fileCount, errors, warnings: findings.length - errors }, time, today };
}
