import type { Finding } from '../load/finding.ts';

/** One file's text before and after its fixes. */
export interface FileFix {
  file: string;
  before: string;
  after: string;
  /** The findings the edits fix. */
  fixed: Finding[];
}

/** A time written `2:00`: certain to mean "02:00", which a YAML 1.1 reader would take for 120 minutes. */
const LOOSE_TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/**
 * The edits `--fix` makes, as ESLint's: only where the fix is certain, each replacing one scalar
 * at the finding's place (the rest of the file is not re-serialised, so comments, quotes and
 * layout stay as written), and only when the text there still reads as the finding saw it.
 */
export function planFixes(findings: readonly Finding[], textOf: (file: string) => string | undefined): FileFix[] {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) if (fixOf(f)) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const plans: FileFix[] = [];
  for (const [file, list] of byFile) {
    const before = textOf(file);
    if (before === undefined) continue;
    const edits: Array<{ start: number; end: number; text: string; finding: Finding }> = [];
    for (const finding of list) {
      const fix = fixOf(finding)!;
      const start = offsetOf(before, finding.line, finding.column);
      const token = start === undefined ? undefined : scalarAt(before, start);
      if (!token || token.value !== fix.from) continue;
      const text = token.quote && /^[\w/+-]+$/.test(fix.text) ? `${token.quote}${fix.text}${token.quote}` : fix.text;
      edits.push({ start: start!, end: token.end, text, finding });
    }
    edits.sort((a, b) => a.start - b.start);
    // Two fixes of one place (a value named twice) are made once.
    const kept = edits.filter((e, i) => i === 0 || e.start >= edits[i - 1]!.end);
    if (kept.length === 0) continue;
    let after = before;
    for (const e of [...kept].reverse()) after = after.slice(0, e.start) + e.text + after.slice(e.end);
    plans.push({ file, before, after, fixed: kept.map((e) => e.finding) });
  }
  return plans;
}

/** The fix a finding carries, or the one a schema finding certainly has: an unquoted `start: 2:00`. */
export function fixOf(f: Finding): { from: string; text: string } | undefined {
  if (f.fix) return f.fix;
  if (f.ruleId !== 'schema' || !f.path?.endsWith('.start')) return undefined;
  const time = /\(found "([^"]*)"\)$/.exec(f.message)?.[1];
  const match = time === undefined ? null : LOOSE_TIME.exec(time);
  return match ? { from: time!, text: `"${match[1]!.padStart(2, '0')}:${match[2]}"` } : undefined;
}

function offsetOf(text: string, line: number, column: number): number | undefined {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    offset = text.indexOf('\n', offset) + 1;
    if (offset === 0) return undefined;
  }
  return offset + column - 1;
}

/**
 * The scalar token that starts at an offset and what it reads as: quoted, or plain up to the end
 * of its line, a comment or (in a flow list or mapping) a comma or closing bracket. The values
 * fixed (zone names, owner ids, times) never hold those characters.
 */
function scalarAt(text: string, start: number): { value: string; end: number; quote?: string } | undefined {
  const first = text[start];
  if (first === '"' || first === "'") {
    const close = text.indexOf(first, start + 1);
    if (close === -1 || text.slice(start + 1, close).includes('\n') || text.slice(start + 1, close).includes('\\'))
      return undefined;
    return { value: text.slice(start + 1, close), end: close + 1, quote: first };
  }
  const rest = /^[^\n\r,\]}]*/.exec(text.slice(start))![0];
  const plain = rest.split(/\s#/, 1)[0]!.trimEnd();
  return plain ? { value: plain, end: start + plain.length } : undefined;
}

/** A unified diff of one file's fixes, as `git diff` prints it, with two lines of context. */
export function unifiedDiff({ file, before, after }: Pick<FileFix, 'file' | 'before' | 'after'>): string {
  const a = before.split('\n');
  const b = after.split('\n');
  // Fixes change text within lines, never the number of lines: the diff is line by line.
  const changed = a.flatMap((line, i) => (line === b[i] ? [] : [i]));
  const out = [`--- a/${file}`, `+++ b/${file}`];
  const CONTEXT = 2;
  for (let k = 0; k < changed.length;) {
    const from = Math.max(0, changed[k]! - CONTEXT);
    let to = Math.min(a.length - 1, changed[k]! + CONTEXT);
    const lines: string[] = [];
    let i = from;
    while (i <= to) {
      if (k < changed.length && changed[k] === i) {
        lines.push(`-${a[i]}`, `+${b[i]}`);
        k++;
        if (k < changed.length && changed[k]! - CONTEXT <= to + CONTEXT)
          to = Math.min(a.length - 1, changed[k]! + CONTEXT);
      } else lines.push(` ${a[i]}`);
      i++;
    }
    const count = to - from + 1;
    out.push(`@@ -${from + 1},${count} +${from + 1},${count} @@`, ...lines);
  }
  return `${out.join('\n')}\n`;
}
