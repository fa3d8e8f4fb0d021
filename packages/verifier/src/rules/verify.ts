import type { AlmanacConfig } from './config.ts';
import type { Corpus } from '../load/corpus.ts';
import { compareFindings, fillMessage, resolveReport, type Finding, type Severity } from '../load/finding.ts';
import { ALL_RULES, RULE_METAS } from './index.ts';
import type { Rule, RuleReport } from './rule.ts';
import type { SourceFile } from '../load/source-file.ts';
import { applySuppressions, SUPPRESSION_RULE_ID, suppressionMeta } from './suppressions.ts';
import type { Horizon } from '../time/expand.ts';
import { horizonAround, TimeEngine } from '../time/engine.ts';
import { checksHorizon } from '../schedule/horizons.ts';

export type SeveritySetting = 'off' | 'warn' | 'error';

export interface VerifyOptions {
  /** YYYY-MM-DD; defaults to the current date in UTC. */
  today?: string;
  horizon?: Horizon;
  /** The engine to expand with, whose horizon is the checks' (one the site's feeds share); else one of `horizon`. */
  time?: TimeEngine;
  /** Per rule id; a rule not named keeps its default severity. */
  severities?: Record<string, SeveritySetting>;
  rules?: readonly Rule[];
}

export interface VerifyResult {
  findings: Finding[];
  summary: { files: number; errors: number; warnings: number };
  /** The expansions the rules made, for the site and the feeds to reuse. */
  time: TimeEngine;
  today: string;
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

function severityOf(
  id: string,
  defaultSeverity: Severity,
  settings: VerifyOptions['severities'],
): Severity | undefined {
  const setting = settings?.[id];
  if (setting === 'off') return undefined;
  return setting === 'warn' ? 'warning' : setting === 'error' ? 'error' : defaultSeverity;
}

/** Every file a finding or a suppression comment can be in. */
function sourcesOf(corpus: Corpus): SourceFile[] {
  return [...corpus.runbooks, ...corpus.pages, ...corpus.registries, ...(corpus.prometheusRules ?? [])].flatMap((x) =>
    x.source ? [x.source] : [],
  );
}

/** Runs every rule over the corpus and returns its findings in file, line, column order. */
export function verify(corpus: Corpus, options: VerifyOptions = {}): VerifyResult {
  const today = options.today ?? todayUtc();
  const time = options.time ?? new TimeEngine(options.horizon ?? horizonAround(today));
  const found: Finding[] = [];
  const active = new Set<string>();
  for (const rule of options.rules ?? ALL_RULES) {
    const severity = severityOf(rule.id, rule.meta.severity, options.severities);
    if (!severity) continue;
    active.add(rule.id);
    const report = ({ messageId, data, ...at }: RuleReport) => {
      const template = rule.meta.messages[messageId];
      // A programming error, caught by the rule's tests: every id a rule reports is in its meta.
      if (template === undefined) throw new Error(`Rule '${rule.id}' has no message '${messageId}'`);
      found.push(resolveReport({ ...at, message: fillMessage(template, data) }, rule.id, severity, messageId));
    };
    rule.check({ corpus, today, time, report });
  }
  const suppressionSeverity = severityOf(SUPPRESSION_RULE_ID, suppressionMeta.severity, options.severities);
  const findings = applySuppressions(
    found,
    sourcesOf(corpus),
    { known: new Set(RULE_METAS.keys()), active },
    suppressionSeverity,
  );
  findings.sort(compareFindings);
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { findings, summary: { files: corpus.fileCount, errors, warnings: findings.length - errors }, time, today };
}

/**
 * Verifies with the config's severities and horizon: the one way the CLI and the site check.
 * `time`, when given, is an engine over `checksHorizon` (`ModelTimes.checks`).
 */
export function verifyWithConfig(
  corpus: Corpus,
  config: AlmanacConfig,
  today?: string,
  time?: TimeEngine,
): VerifyResult {
  const day = today ?? todayUtc();
  return verify(corpus, { today: day, severities: config.rules, horizon: checksHorizon(day, config.horizon), time });
}
