import matter from 'gray-matter';

export type Split =
  | { kind: 'frontmatter'; yamlStart: number; yamlText: string; body: string }
  | { kind: 'none' }
  /** An opening `---` with no closing one: gray-matter would take the whole file as YAML. */
  | { kind: 'unclosed' };

// A no-op engine: gray-matter only splits, and the YAML is parsed once, by our own parser.
const SPLIT_ONLY = { engines: { yaml: () => ({}) } };

/** Splits a file (BOM already removed) into its YAML frontmatter and its body. */
export function splitFrontmatter(text: string): Split {
  if (!/^---[^\S\r\n]*[a-z]*\r?\n/.test(text)) return { kind: 'none' };
  if (!/\r?\n---[^\S\r\n]*(\r?\n|$)/.test(text.slice(3))) return { kind: 'unclosed' };
  const file = matter(text, SPLIT_ONLY);
  const yamlText: string = file.matter ?? '';
  // gray-matter hands back the text between the delimiter lines, starting at the first line's end.
  const yamlStart = text.indexOf(yamlText, 3);
  return { kind: 'frontmatter', yamlStart, yamlText, body: file.content };
}
