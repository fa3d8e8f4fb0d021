import { styleText } from 'node:util';
import type { Finding } from '../../load/finding.ts';
import { codeFrame, type Lines } from './code-frame.ts';
import { clip, visible } from '../../schema/escape.ts';

export interface StylishOptions {
  color: boolean;
  /** The lines of each file by its displayed path, for code frames under errors. */
  sourceLines?: (file: string) => Lines | undefined;
  /** At most this many findings printed at all, then a count and `rest`, where the others are. */
  limit?: { findings: number; rest: string };
}

/** Findings of one rule in one file shown before "and N more": enough to see the pattern. */
const PER_RULE_AND_FILE = 10;
/** Longest message shown; a message quoting a runbook's key or value could be any length. */
const MAX_MESSAGE = 1_000;
const MAX_RELATED = 5;

/**
 * ESLint's stylish output: a header per file, `line:col  severity  message  ruleId`, a summary.
 * Bounded whatever the input: a fixed number of findings per rule and file, frames and messages
 * cut to a width, so its length grows with the number of files, not of findings.
 */
export function formatStylish(findings: readonly Finding[], options: StylishOptions): string {
  if (findings.length === 0) return '';
  const paint = (format: Parameters<typeof styleText>[0], text: string) =>
    options.color ? styleText(format, text) : text;
  const limit = options.limit?.findings ?? Infinity;
  const out: string[] = [];
  let file: string | undefined;
  let shownInFile = new Map<string, number>();
  let printed = 0;
  let truncated = false;
  const closeFile = () => {
    for (const [ruleId, count] of shownInFile) {
      if (count > PER_RULE_AND_FILE)
        out.push(
          `  ${paint('dim', `… and ${count - PER_RULE_AND_FILE} more ${ruleId} finding${count - PER_RULE_AND_FILE === 1 ? '' : 's'} in this file`)}`,
        );
    }
  };
  for (const f of findings) {
    if (printed >= limit) {
      truncated = true;
      break;
    }
    if (f.file !== file) {
      closeFile();
      file = f.file;
      shownInFile = new Map();
      out.push('', paint('underline', visible(f.file)));
    }
    const count = (shownInFile.get(f.ruleId) ?? 0) + 1;
    shownInFile.set(f.ruleId, count);
    if (count > PER_RULE_AND_FILE) continue;
    printed++;
    const severity = f.severity === 'error' ? paint('red', 'error  ') : paint('yellow', 'warning');
    out.push(
      `  ${paint('dim', `${f.line}:${f.column}`.padEnd(7))} ${severity}  ${visible(clip(f.message, MAX_MESSAGE))}  ${paint('dim', f.ruleId)}`,
    );
    const related = f.related ?? [];
    for (const r of related.slice(0, MAX_RELATED))
      out.push(
        `  ${' '.repeat(7)} ${' '.repeat(7)}  ${paint('dim', `see ${visible(r.file)}:${r.line}:${r.column} (${visible(clip(r.message, MAX_MESSAGE))})`)}`,
      );
    if (related.length > MAX_RELATED)
      out.push(`  ${' '.repeat(16)}  ${paint('dim', `and ${related.length - MAX_RELATED} more places`)}`);
    const lines = f.severity === 'error' ? options.sourceLines?.(f.file) : undefined;
    if (lines) out.push(indent(codeFrame(lines, f.line, f.column), 10));
  }
  if (!truncated) closeFile();
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  if (truncated && options.limit)
    out.push('', `Only the first ${limit} findings are shown here; ${options.limit.rest}.`);
  const problems = `${findings.length} problem${findings.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
  out.push('', paint(errors ? ['bold', 'red'] : ['bold', 'yellow'], `${errors ? '✖' : '⚠'} ${problems}`), '');
  return out.join('\n');
}

function indent(text: string, spaces: number): string {
  return text
    .split('\n')
    .map((line) => (line ? ' '.repeat(spaces) + line : line))
    .join('\n');
}
