export type Split =
  | { kind: 'frontmatter'; yamlStart: number; yamlText: string; body: string }
  | { kind: 'none' }
  /** An opening `---` with no closing one: gray-matter would take the whole file as YAML. */
  | { kind: 'unclosed' };

/**
 * Splits a file (BOM already removed) into its YAML frontmatter and its body, exactly where
 * gray-matter (and so Astro's loaders) splits it: the text after the opening `---` line (and a
 * language name on it, such as `---yaml`) up to the first line that starts with `---`; the body
 * after that line. Only the split is done here, in a few string searches: the YAML is parsed
 * once, by our own parser. A language name never selects another parser, so `---js` cannot
 * make the verifier evaluate a runbook's frontmatter as code (gray-matter's own engines would).
 */
export function splitFrontmatter(text: string): Split {
  if (!/^---[^\S\r\n]*[a-z]*\r?\n/.test(text)) return { kind: 'none' };
  if (!/\r?\n---[^\S\r\n]*(\r?\n|$)/.test(text.slice(3))) return { kind: 'unclosed' };
  // What follows is gray-matter's parseMatter for delimiters '---'; the checks above rule out
  // its other branches (a fourth '-' right after the opening delimiter, no line end).
  let rest = text.slice(3);
  const language = rest.slice(0, rest.search(/\r?\n/));
  if (language.trim()) rest = rest.slice(language.length);
  let close = rest.indexOf('\n---');
  if (close === -1) close = rest.length;
  const yamlText = rest.slice(0, close);
  let body = close === rest.length ? '' : rest.slice(close + 4);
  if (body[0] === '\r') body = body.slice(1);
  if (body[0] === '\n') body = body.slice(1);
  // gray-matter hands back the text between the delimiter lines, starting at the first line's end.
  const yamlStart = text.indexOf(yamlText, 3);
  return { kind: 'frontmatter', yamlStart, yamlText, body };
}
