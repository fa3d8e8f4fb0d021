import { styleText } from 'node:util';
import type { Finding } from '../model/finding.ts';
import { codeFrame } from './code-frame.ts';

export interface StylishOptions {
  color: boolean;
  /** The text of each file by its displayed path, for code frames under errors. */
  sourceText?: (file: string) => string | undefined;
}

/** ESLint's stylish output: a header per file, `line:col  severity  message  ruleId`, a summary. */
export function formatStylish(findings: readonly Finding[], options: StylishOptions): string {
  const paint = (format: Parameters<typeof styleText>[0], text: string) => (options.color ? styleText(format, text) : text);
  const out: string[] = [];
  let file: string | undefined;
  for (const f of findings) {
    if (f.file !== file) {
      file = f.file;
      out.push('', paint('underline', visible(f.file)));
    }
    const severity = f.severity === 'error' ? paint('red', 'error  ') : paint('yellow', 'warning');
    out.push(`  ${paint('dim', `${f.line}:${f.column}`.padEnd(7))} ${severity}  ${visible(f.message)}  ${paint('dim', f.ruleId)}`);
    for (const r of f.related ?? []) out.push(`  ${' '.repeat(7)} ${' '.repeat(7)}  ${paint('dim', `see ${visible(r.file)}:${r.line}:${r.column} (${visible(r.message)})`)}`);
    const text = f.severity === 'error' ? options.sourceText?.(f.file) : undefined;
    if (text) out.push(indent(codeFrame(text, f.line, f.column), 10));
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  if (findings.length === 0) return '';
  const problems = `${findings.length} problem${findings.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
  out.push('', paint(errors ? ['bold', 'red'] : ['bold', 'yellow'], `${errors ? '✖' : '⚠'} ${problems}`), '');
  return out.join('\n');
}

/**
 * Text from a runbook (a key, a value quoted in a message) with its control characters shown as
 * escapes: a newline in it must not start a line of its own in a CI log, where `::error …` at a
 * line's start is a workflow command, and an escape sequence must not repaint the terminal.
 */
export function visible(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) => JSON.stringify(char).slice(1, -1));
}

function indent(text: string, spaces: number): string {
  return text
    .split('\n')
    .map((line) => (line ? ' '.repeat(spaces) + line : line))
    .join('\n');
}
