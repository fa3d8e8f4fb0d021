import { styleText } from 'node:util';
import { visible } from '../schema/escape.ts';
import type { Finding } from '../load/finding.ts';
import type { DiffReport } from './compare.ts';
import { isEmptyDiff } from './compare.ts';
import { describeBase, headline, itemLabel, rowsOf } from './report-words.ts';

/** The report for a terminal: a block per runbook, its changes old → new, then feeds and findings. */
export function formatDiffStylish(report: DiffReport, options: { color: boolean }): string {
  const paint = (format: Parameters<typeof styleText>[0], text: string) =>
    options.color ? styleText(format, visible(text)) : visible(text);
  const out = [paint('bold', `almanac diff: ${headline(report)}`), paint('dim', describeBase(report))];
  if (isEmptyDiff(report)) return `${out.join('\n')}\n`;
  for (const change of report.runbooks) {
    const moved =
      change.file.before && change.file.after && change.file.before !== change.file.after
        ? ` (moved from ${change.file.before})`
        : '';
    out.push(
      '',
      `${paint('underline', `${change.system} / ${change.id}`)}  ${change.status}  ${visible(change.file.after ?? change.file.before ?? '')}${visible(moved)}`,
    );
    for (const row of rowsOf(change)) {
      out.push(`  ${paint('bold', row.what)}: ${visible(row.change)}`);
      if (row.before !== undefined) out.push(`    ${paint('red', `- ${row.before}`)}`);
      if (row.after !== undefined) out.push(`    ${paint('green', `+ ${row.after}`)}`);
    }
    for (const item of change.items) {
      const { before, after } = item.schedule ?? {};
      if (!before?.next.length && !after?.next.length) continue;
      out.push(`  ${paint('dim', `next occurrences of ${itemLabel(item)}:`)}`);
      const both = (next: { utc: string; local: string }) =>
        next.local === next.utc ? next.utc : `${next.utc}  = ${next.local}`;
      for (const next of before?.next ?? []) out.push(`    ${paint('red', `- ${both(next)}`)}`);
      for (const next of after?.next ?? []) out.push(`    ${paint('green', `+ ${both(next)}`)}`);
    }
  }
  if (report.feeds.length) {
    out.push('', paint('bold', 'feeds whose events change'));
    for (const f of report.feeds)
      out.push(
        `  /calendars/${visible(f.feed)}.ics  ${f.status}: ${f.events.added} added, ${f.events.removed} removed, ${f.events.changed} changed`,
      );
  }
  const findings = (title: string, list: readonly Finding[]) => {
    if (!list.length) return;
    out.push('', paint('bold', `${title} (${list.length})`));
    for (const f of list)
      out.push(
        `  ${visible(`${f.file}:${f.line}:${f.column}`)}  ${f.severity === 'error' ? paint('red', 'error  ') : paint('yellow', 'warning')}  ${visible(f.message)}  ${paint('dim', f.ruleId)}`,
      );
  };
  findings('new findings', report.findings.new);
  findings('fixed findings', report.findings.fixed);
  if (report.skipped.length) {
    out.push('', paint('bold', 'not read at the base'));
    for (const s of report.skipped) out.push(`  ${visible(s.file)}: ${s.reason}`);
  }
  return `${out.join('\n')}\n`;
}
