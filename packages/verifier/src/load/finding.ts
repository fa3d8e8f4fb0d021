import { createHash } from 'node:crypto';
import type { SourceFile } from './source-file.ts';
import type { Position } from './text.ts';
import type { DataPath } from './yaml-locate.ts';

export type Severity = 'error' | 'warning';

/** Another place a finding concerns: the other side of a conflict. */
export interface RelatedLocation {
  file: string;
  line: number;
  column: number;
  message: string;
}

/**
 * A certain fix: the scalar at the finding's place, which the data reads as `from`, becomes the
 * YAML text `text`. `--fix` edits only that token, so the rest of the file stays as written.
 */
export interface Fix {
  from: string;
  text: string;
}

/** A finding as every format prints it: the contract's JSON shape, plus optional extras. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  message: string;
  /** Which of its rule's `meta.messages` the message is; not part of the JSON contract. */
  messageId?: string;
  /** Where in the YAML data the finding points: stable when lines move (SARIF fingerprints). */
  path?: string;
  related?: RelatedLocation[];
  /** Not part of the JSON contract: what `--fix` writes. */
  fix?: Fix;
}

/** What a rule reports: a place as a data path; the core turns it into line and column. */
export interface Report {
  source: SourceFile;
  path: DataPath;
  /** Point at the key rather than the value: for unknown fields and duplicated ids. */
  at?: 'key' | 'value';
  /** A place with no data path, such as a syntax error's: used instead of `path`. */
  position?: Position;
  message: string;
  related?: Array<{ source: SourceFile; path: DataPath; message: string }>;
  fix?: Fix;
}

/** `tasks[3].start`: a data path as people read it. */
export function formatPath(path: DataPath): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key),
    '',
  );
}

export function resolveReport(report: Report, ruleId: string, severity: Severity, messageId?: string): Finding {
  const { line, column } = report.position ?? report.source.positionOf(report.path, report.at);
  const finding: Finding = { ruleId, severity, file: report.source.file, line, column, message: report.message };
  if (messageId !== undefined) finding.messageId = messageId;
  if (report.fix) finding.fix = report.fix;
  if (report.path.length) finding.path = formatPath(report.path);
  if (report.related?.length) {
    finding.related = report.related.map((r) => ({
      file: r.source.file,
      ...r.source.positionOf(r.path),
      message: r.message,
    }));
  }
  return finding;
}

/** A finding as the JSON contract has it: without the internal `messageId` and `fix`. */
export function contractFinding({ messageId: _, fix: __, ...finding }: Finding): Omit<Finding, 'messageId' | 'fix'> {
  return finding;
}

/** A message template filled as ESLint fills one: each `{{name}}` by its data, the data's own text left as it is. */
export function fillMessage(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(data, name) ? String(data[name]) : whole,
  );
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.file < b.file
    ? -1
    : a.file > b.file
      ? 1
      : a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/**
 * A finding's identity across commits: rule, file and data path (the line where it has none),
 * not its line. SARIF's fingerprints and `almanac diff`'s new and fixed findings both use it.
 */
export function findingFingerprint(f: Pick<Finding, 'ruleId' | 'file' | 'path' | 'line'>): string {
  return createHash('sha256')
    .update(`${f.ruleId}\u0000${f.file}\u0000${f.path ?? `${f.line}`}`)
    .digest('hex')
    .slice(0, 32);
}
