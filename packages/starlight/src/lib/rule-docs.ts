/** A rule's docs as blocks the page renders as elements, never as raw HTML. */
export type DocBlock =
  { kind: 'code'; lang: string; text: string } | { kind: 'paragraph'; parts: Array<{ code: boolean; text: string }> };

/**
 * Reads the small Markdown the rules' docs are written in: paragraphs with `inline code`, and
 * fenced code blocks. That is all they use, and a page built from it cannot inject markup.
 */
export function docBlocks(markdown: string): DocBlock[] {
  const blocks: DocBlock[] = [];
  const lines = markdown.split('\n');
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', parts: inlineParts(paragraph.join(' ')) });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(\w*)\s*$/.exec(lines[i]!);
    if (fence) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) code.push(lines[i]!);
      blocks.push({ kind: 'code', lang: fence[1] ?? '', text: code.join('\n') });
    } else if (lines[i]!.trim() === '') flush();
    else paragraph.push(lines[i]!.trim());
  }
  flush();
  return blocks;
}

function inlineParts(text: string): Array<{ code: boolean; text: string }> {
  // Split on backtick spans: odd pieces are code.
  return text
    .split('`')
    .map((piece, i) => ({ code: i % 2 === 1, text: piece.replaceAll('\\`', '`') }))
    .filter((part) => part.text !== '');
}
