import type { Finding } from '../../load/finding.ts';
import { visible } from '../../schema/escape.ts';
import { markdownText } from './markdown-text.ts';

// Escaping as @actions/core does: data escapes %, CR and LF; properties also ':' and ','.
// Other controls are then made visible, so an annotation holds nothing a log would act on.
const escapeData = (text: string) => visible(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * Annotations of each level GitHub shows for a step; it drops the rest without a word, so the
 * findings past them are written once, as counts in a closing line.
 */
export const ANNOTATIONS_PER_LEVEL = 10;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Rows of the step summary's table of findings not annotated: a page GitHub still shows. */
export const SUMMARY_ROWS = 1000;

/** The findings past each level's first ten, which GitHub would not annotate. */
function pastTheCap(findings: readonly Finding[]): Finding[] {
  const shown = { error: 0, warning: 0 };
  return findings.filter((f) => shown[f.severity]++ >= ANNOTATIONS_PER_LEVEL);
}

/**
 * GitHub Actions workflow commands: an `::error`/`::warning` annotation for each of the first
 * ten findings of each level, then, when there are more, a plain line with how many were not
 * annotated, by rule. Its length grows with the number of rules, not of findings.
 */
export function formatGithub(findings: readonly Finding[]): string {
  const past = new Set(pastTheCap(findings));
  const shown = { error: 0, warning: 0 };
  const left = new Map<string, number>();
  let out = '';
  for (const f of findings) {
    if (past.has(f)) {
      const key = `${f.ruleId} ${f.severity}`;
      left.set(key, (left.get(key) ?? 0) + 1);
      continue;
    }
    shown[f.severity]++;
    const properties = [
      `file=${escapeProperty(f.file)}`,
      `line=${f.line}`,
      `col=${f.column}`,
      `title=${escapeProperty(f.ruleId)}`,
    ].join(',');
    out += `::${f.severity === 'error' ? 'error' : 'warning'} ${properties}::${escapeData(f.message)}\n`;
  }
  if (!left.size) return out;
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const byRule = [...left].map(([key, n]) => `${key.split(' ')[0]} ${plural(n, key.split(' ')[1]!)}`).join(', ');
  const notShown = `${plural(errors - shown.error, 'error')} and ${plural(warnings - shown.warning, 'warning')}`;
  return `${out}almanac: ${plural(errors, 'error')} and ${plural(warnings, 'warning')}; GitHub shows ${ANNOTATIONS_PER_LEVEL} annotations of each level per step, so ${notShown} are not annotated (${byRule}). \`almanac verify\` lists them all, and the SARIF report holds them all.\n`;
}

/**
 * The findings GitHub would not annotate, as a Markdown table for the run's summary page
 * (`$GITHUB_STEP_SUMMARY`), every runbook text escaped so it forms no link or mention; empty
 * when every finding was annotated.
 */
export function formatGithubSummary(findings: readonly Finding[]): string {
  const past = pastTheCap(findings);
  if (!past.length) return '';
  const rows = past
    .slice(0, SUMMARY_ROWS)
    .map(
      (f) =>
        `| ${f.severity} | ${markdownText(`${f.file}:${f.line}:${f.column}`)} | ${markdownText(f.ruleId)} | ${markdownText(f.message)} |`,
    );
  const more =
    past.length > SUMMARY_ROWS ? `\n${past.length - SUMMARY_ROWS} more: \`almanac verify\` lists them all.\n` : '';
  return `### Almanac: ${plural(past.length, 'finding')} not annotated\n\nGitHub shows ${ANNOTATIONS_PER_LEVEL} annotations of each level per step; these are the rest.\n\n| Severity | Where | Rule | Message |\n| --- | --- | --- | --- |\n${rows.join('\n')}\n${more}`;
}
