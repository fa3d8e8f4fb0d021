import { visible } from '../../schema/escape.ts';

/** A file's lines as already split once: the frame never splits the text again per finding. */
export interface Lines {
  lineCount: number;
  /** Line n (1-based) without its line break. */
  line(n: number): string;
}

/** How many columns of a line a frame shows around the finding's column. */
export const FRAME_WIDTH = 160;

/**
 * Two lines of context above a position, the line itself and a caret under the column. Each
 * line is cut to FRAME_WIDTH columns around the finding's column and escaped, so a 250 KB flow
 * line or a control character in the file prints as a few visible columns.
 */
export function codeFrame(lines: Lines, line: number, column: number, context = 2): string {
  if (line < 1 || line > lines.lineCount) return '';
  const from = Math.max(0, column - 1 - FRAME_WIDTH / 2);
  const shown = (text: string) =>
    `${from > 0 && text.length > from ? '…' : ''}${visible(text.slice(from, from + FRAME_WIDTH))}${text.length > from + FRAME_WIDTH ? '…' : ''}`;
  const first = Math.max(1, line - context);
  const width = String(line).length;
  const out: string[] = [];
  for (let n = first; n <= line; n++)
    out.push(`${n === line ? '>' : ' '} ${String(n).padStart(width)} | ${shown(lines.line(n))}`);
  const target = lines.line(line);
  const caret =
    (from > 0 && target.length > from ? 1 : 0) + visible(target.slice(from, Math.max(from, column - 1))).length;
  out.push(`  ${' '.repeat(width)} | ${' '.repeat(caret)}^`);
  return out.join('\n');
}
