import type { Finding } from '../model/finding.ts';
import type { DiffReport, ItemChange, RunbookChange } from './compare.ts';
import { isEmptyDiff } from './compare.ts';
import { describeBase, headline, itemLabel, rowsOf } from './report-words.ts';

/** Past this many rows a table is folded into <details>, so a pull-request comment stays short. */
const FOLD_ROWS = 10;

/**
 * Text from a runbook in a table cell: HTML and Markdown in it are shown, not rendered (a title
 * cannot open a tag or a link in a pull-request comment), and a newline or `|` cannot end the cell.
 */
function cell(text: string | undefined): string {
  if (text === undefined || text === '') return '—';
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|#~!]/g, (c) => `\\${c}`)
    .replace(/\r?\n|\r/g, ' ');
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}

function folded(summary: string, lines: string[], fold: boolean): string[] {
  return fold ? ['<details>', `<summary>${summary}</summary>`, '', ...lines, '', '</details>'] : lines;
}

function nextOccurrences(items: readonly ItemChange[]): string[] {
  const lines: string[] = [];
  for (const item of items) {
    // A side's own zone gets a column unless it is UTC, which the UTC column already shows.
    const sides = (['before', 'after'] as const).flatMap((side) => {
      const view = item.schedule?.[side];
      if (!view?.next.length) return [];
      const name = side === 'before' ? 'Before' : 'After';
      const columns: Array<[string, (i: number) => string | undefined]> = [[`${name}, UTC`, (i) => view.next[i]?.utc]];
      if (view.zone !== 'UTC') columns.push([`${name}, ${cell(view.zone)}`, (i) => view.next[i]?.local]);
      return [{ count: view.next.length, columns }];
    });
    if (!sides.length) continue;
    const columns = sides.flatMap((side) => side.columns);
    const rows = Array.from({ length: Math.max(...sides.map((side) => side.count)) }, (_, i) => columns.map(([, value]) => cell(value(i))));
    lines.push(`**${cell(itemLabel(item))}**`, '', ...table(columns.map(([header]) => header), rows), '');
  }
  return lines.length ? ['', ...folded('Next occurrences, before and after', lines.slice(0, -1), true)] : [];
}

function runbookSection(change: RunbookChange): string[] {
  const where = change.file.before && change.file.after && change.file.before !== change.file.after ? `${cell(change.file.after)} (moved from ${cell(change.file.before)})` : cell(change.file.after ?? change.file.before);
  const rows = rowsOf(change).map((row) => [cell(row.what), cell(row.change), cell(row.before), cell(row.after)]);
  const lines = [`#### ${change.status === 'added' ? 'Added' : change.status === 'removed' ? 'Removed' : 'Changed'}: ${cell(change.title)} (${cell(change.id)})`, '', where, ''];
  lines.push(...folded(`${rows.length} changes`, table(['What', 'Change', 'Before', 'After'], rows), rows.length > FOLD_ROWS));
  lines.push(...nextOccurrences(change.items));
  return [...lines, ''];
}

function findingRows(findings: readonly Finding[]): string[][] {
  return findings.map((f) => [f.severity, cell(f.ruleId), cell(`${f.file}:${f.line}:${f.column}`), cell(f.message)]);
}

function findingsSection(title: string, findings: readonly Finding[]): string[] {
  if (!findings.length) return [];
  const lines = table(['Severity', 'Rule', 'Where', 'Message'], findingRows(findings));
  return [`### ${title} (${findings.length})`, '', ...folded(`${findings.length} findings`, lines, findings.length > FOLD_ROWS), ''];
}

/**
 * GitHub refuses a step summary over 1 MiB (and a comment over 65,536 characters): past this,
 * the rest of the report is left out and the reader is sent to the JSON.
 */
const MAX_MARKDOWN_BYTES = 1000 * 1024;

/** The report's sections in the order a reviewer wants them: what breaks first, then what moves. */
function sections(report: DiffReport): string[][] {
  const out: string[][] = [findingsSection('New findings', report.findings.new)];
  let system: string | undefined;
  for (const change of report.runbooks) {
    const header = change.system === system ? [] : [`### System ${cell((system = change.system))}`, ''];
    out.push([...header, ...runbookSection(change)]);
  }
  if (report.feeds.length) {
    const rows = report.feeds.map((f) => [cell(`/calendars/${f.feed}.ics`), f.status, String(f.events.added), String(f.events.removed), String(f.events.changed)]);
    out.push([`### Feeds whose events change (${report.feeds.length})`, '', ...folded(`${report.feeds.length} feeds`, table(['Feed', 'Feed is', 'Events added', 'Removed', 'Changed'], rows), rows.length > FOLD_ROWS), '']);
  }
  out.push(findingsSection('Fixed findings', report.findings.fixed));
  if (report.skipped.length) out.push(['### Not read at the base', '', ...report.skipped.map((s) => `- ${cell(s.file)}: ${cell(s.reason)}`), '']);
  return out.filter((section) => section.length);
}

/** The report as GitHub Markdown: for a pull-request comment or $GITHUB_STEP_SUMMARY. */
export function formatDiffMarkdown(report: DiffReport, maxBytes = MAX_MARKDOWN_BYTES): string {
  const head = [`## Almanac diff: ${headline(report)}`, '', `${cell(describeBase(report))}`, ''].join('\n');
  if (isEmptyDiff(report)) return `${head}\nNo change to any schedule, objective, threshold, owner, feed or finding.\n`;
  let out = `${head}\n`;
  // Counted as it grows: measuring the whole report again for each section is quadratic.
  let bytes = Buffer.byteLength(out);
  const all = sections(report);
  for (const [i, section] of all.entries()) {
    const text = `${section.join('\n')}\n`;
    const size = Buffer.byteLength(text);
    if (bytes + size > maxBytes) {
      return `${out}*${all.length - i} more sections are left out to keep this within GitHub's limit; \`almanac diff --format json\` has the whole report.*\n`;
    }
    out += text;
    bytes += size;
  }
  return out;
}
