/** Two lines of context above a position, the line itself and a caret under the column. */
export function codeFrame(text: string, line: number, column: number, context = 2): string {
  const lines = text.split(/\r?\n/);
  if (line < 1 || line > lines.length) return '';
  const first = Math.max(1, line - context);
  const width = String(line).length;
  const out: string[] = [];
  for (let n = first; n <= line; n++) {
    out.push(`${n === line ? '>' : ' '} ${String(n).padStart(width)} | ${lines[n - 1]}`);
  }
  const prefix = lines[line - 1]!.slice(0, column - 1).replace(/[^\t]/g, ' ');
  out.push(`  ${' '.repeat(width)} | ${prefix}^`);
  return out.join('\n');
}
