import { markdownText } from '../outputs/format/markdown-text.ts';
import type { Finding } from '../load/finding.ts';
import type { DiffReport, ItemChange, RunbookChange } from './compare.ts';
import { isEmptyDiff } from './compare.ts';
import { describeBase, headline, itemLabel, rowsOf } from './report-words.ts';
import { isUtc } from '../time/time-words.ts';

/** Past this many rows a table is folded into <details>, so a pull-request comment stays short. */
const FOLD_ROWS = 10;

/** Text from a runbook in a table cell or heading, as text (`markdownText`); a dash for none. */
function cell(text: string | undefined, max?: number): string {
  if (text === undefined || text === '') return '—';
  return markdownText(text, max);
}

/** A message quotes runbook text, and is longer than a title. */
const MAX_MESSAGE = 1_000;
/** Findings a section lists, changes a runbook's table lists, items whose next occurrences are shown; the JSON report has the rest. */
const MAX_FINDING_ROWS = 100;
const MAX_CHANGE_ROWS = 200;
const MAX_SCHEDULES = 20;

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
}

function folded(summary: string, lines: string[], fold: boolean): string[] {
  return fold ? ['<details>', `<summary>${summary}</summary>`, '', ...lines, '', '</details>'] : lines;
}

function nextOccurrences(items: readonly ItemChange[]): string[] {
  const lines: string[] = [];
  const timed = items.filter((item) => item.schedule?.before?.next.length || item.schedule?.after?.next.length);
  for (const item of timed.slice(0, MAX_SCHEDULES)) {
    // A side's own zone gets a column unless it is UTC, which the UTC column already shows.
    const sides = (['before', 'after'] as const).flatMap((side) => {
      const view = item.schedule?.[side];
      if (!view?.next.length) return [];
      const name = side === 'before' ? 'Before' : 'After';
      const columns: Array<[string, (i: number) => string | undefined]> = [[`${name}, UTC`, (i) => view.next[i]?.utc]];
      if (!isUtc(view.zone)) columns.push([`${name}, ${cell(view.zone)}`, (i) => view.next[i]?.local]);
      return [{ count: view.next.length, columns }];
    });
    if (!sides.length) continue;
    const columns = sides.flatMap((side) => side.columns);
    const rows = Array.from({ length: Math.max(...sides.map((side) => side.count)) }, (_, i) =>
      columns.map(([, value]) => cell(value(i))),
    );
    lines.push(
      `**${cell(itemLabel(item))}**`,
      '',
      ...table(
        columns.map(([header]) => header),
        rows,
      ),
      '',
    );
  }
  if (timed.length > MAX_SCHEDULES)
    lines.push(`${timed.length - MAX_SCHEDULES} more, in \`almanac diff --format json\``, '');
  return lines.length ? ['', ...folded('Next occurrences, before and after', lines.slice(0, -1), true)] : [];
}

function runbookSection(change: RunbookChange): string[] {
  const where =
    change.file.before && change.file.after && change.file.before !== change.file.after
      ? `${cell(change.file.after)} (moved from ${cell(change.file.before)})`
      : cell(change.file.after ?? change.file.before);
  const all = rowsOf(change);
  const rows = all
    .slice(0, MAX_CHANGE_ROWS)
    .map((row) => [cell(row.what), cell(row.change), cell(row.before), cell(row.after)]);
  if (all.length > MAX_CHANGE_ROWS)
    rows.push(['…', `${all.length - MAX_CHANGE_ROWS} more`, '—', 'in `almanac diff --format json`']);
  const lines = [
    `#### ${change.status === 'added' ? 'Added' : change.status === 'removed' ? 'Removed' : 'Changed'}: ${cell(change.title)} (${cell(change.id)})`,
    '',
    where,
    '',
  ];
  lines.push(
    ...folded(`${all.length} changes`, table(['What', 'Change', 'Before', 'After'], rows), rows.length > FOLD_ROWS),
  );
  lines.push(...nextOccurrences(change.items));
  return [...lines, ''];
}

function findingRows(findings: readonly Finding[]): string[][] {
  const rows = findings
    .slice(0, MAX_FINDING_ROWS)
    .map((f) => [f.severity, cell(f.ruleId), cell(`${f.file}:${f.line}:${f.column}`), cell(f.message, MAX_MESSAGE)]);
  if (findings.length > MAX_FINDING_ROWS)
    rows.push(['…', '—', '—', `${findings.length - MAX_FINDING_ROWS} more, in \`almanac diff --format json\``]);
  return rows;
}

function findingsSection(title: string, findings: readonly Finding[]): Section | undefined {
  if (!findings.length) return undefined;
  const lines = table(['Severity', 'Rule', 'Where', 'Message'], findingRows(findings));
  return {
    name: `the ${title.toLowerCase()}`,
    lines: [
      `### ${title} (${findings.length})`,
      '',
      ...folded(`${findings.length} findings`, lines, findings.length > FOLD_ROWS),
      '',
    ],
  };
}

/**
 * GitHub refuses a step summary over 1 MiB (and a comment over 65,536 characters): past this,
 * the rest of the report is left out and the reader is sent to the JSON.
 */
const MAX_MARKDOWN_BYTES = 1000 * 1024;

/** A part of the report, and what its place says when it is left out. */
interface Section {
  name: string;
  lines: string[];
}

/** A runbook as the head and a left-out section name it: short, whatever its title. */
const HEAD_TITLE = 80;
const runbookName = (change: RunbookChange) =>
  `${change.status} runbook ${cell(change.title, HEAD_TITLE)} (${cell(change.id, HEAD_TITLE)}), ${cell(change.file.after ?? change.file.before, HEAD_TITLE)}`;

/** The report's sections in the order a reviewer wants them: what breaks first, then what moves. */
function sections(report: DiffReport): Section[] {
  const out: Array<Section | undefined> = [findingsSection('New findings', report.findings.new)];
  let system: string | undefined;
  for (const change of report.runbooks) {
    const header = change.system === system ? [] : [`### System ${cell((system = change.system))}`, ''];
    out.push({ name: `the ${runbookName(change)}`, lines: [...header, ...runbookSection(change)] });
  }
  if (report.feeds.length) {
    const rows = report.feeds.map((f) => [
      cell(`/calendars/${f.feed}.ics`),
      f.status,
      String(f.events.added),
      String(f.events.removed),
      String(f.events.changed),
    ]);
    out.push({
      name: 'the feeds whose events change',
      lines: [
        `### Feeds whose events change (${report.feeds.length})`,
        '',
        ...folded(
          `${report.feeds.length} feeds`,
          table(['Feed', 'Feed is', 'Events added', 'Removed', 'Changed'], rows),
          rows.length > FOLD_ROWS,
        ),
        '',
      ],
    });
  }
  out.push(findingsSection('Fixed findings', report.findings.fixed));
  if (report.skipped.length)
    out.push({
      name: 'the files not read at the base',
      lines: ['### Not read at the base', '', ...report.skipped.map((s) => `- ${cell(s.file)}: ${cell(s.reason)}`), ''],
    });
  return out.filter((section) => section !== undefined);
}

/** Every runbook the change touches, at the top, so that a section left out is still named. */
function runbookList(report: DiffReport, maxBytes: number): string[] {
  if (!report.runbooks.length) return [];
  const lines: string[] = [];
  let bytes = 0;
  for (const [i, change] of report.runbooks.entries()) {
    const line = `- ${runbookName(change)}`;
    bytes += Buffer.byteLength(line) + 1;
    if (bytes > maxBytes) {
      lines.push(`- and ${report.runbooks.length - i} more, in \`almanac diff --format json\``);
      break;
    }
    lines.push(line);
  }
  return [...folded(`${report.runbooks.length} runbooks change`, lines, lines.length > FOLD_ROWS), ''];
}

/**
 * The report as GitHub Markdown: for a pull-request comment or $GITHUB_STEP_SUMMARY. It never
 * passes `maxBytes`: a section that would is left out and named in its place, and the sections
 * after it still come, so one huge runbook cannot hide a moved window in another.
 */
export function formatDiffMarkdown(report: DiffReport, maxBytes = MAX_MARKDOWN_BYTES): string {
  const head = [`## Almanac diff: ${headline(report)}`, '', `${cell(describeBase(report))}`, ''].join('\n');
  if (isEmptyDiff(report)) return `${head}\nNo change to any schedule, objective, threshold, owner, feed or finding.\n`;
  let out = `${head}\n${runbookList(report, maxBytes / 4).join('\n')}\n`;
  // Counted as it grows: measuring the whole report again for each section is quadratic.
  let bytes = Buffer.byteLength(out);
  const all = sections(report);
  // Room kept for the closing line, should even the notes of sections left out not fit.
  const room = maxBytes - 256;
  for (const [i, section] of all.entries()) {
    const text = `${section.lines.join('\n')}\n`;
    const size = Buffer.byteLength(text);
    const instead = `*${section.name[0]!.toUpperCase()}${section.name.slice(1)}: left out, its ${Math.ceil(size / 1024)} KB would take this report past GitHub's limit; \`almanac diff --format json\` has it.*\n\n`;
    const fits = bytes + size <= room;
    const note = Buffer.byteLength(instead);
    if (!fits && bytes + note > room) {
      return `${out}*${all.length - i} more sections are left out to keep this within GitHub's limit; \`almanac diff --format json\` has the whole report.*\n`;
    }
    out += fits ? text : instead;
    bytes += fits ? size : note;
  }
  return out;
}
