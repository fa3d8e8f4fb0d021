/**
 * Runbook text on its way to a terminal or a CI log (code frames, messages, file names, related
 * locations), with every character that could act instead of being read shown as an escape:
 * C0 and C1 controls (a lone CR lets `::warning …` or `::add-mask::` start a line of its own in
 * a GitHub log; ESC and OSC repaint the terminal), bidirectional overrides that make a line read
 * differently from what it holds, Unicode's line and paragraph separators, and a byte order mark.
 */
export function visible(text: string): string {
  return text.replace(UNSAFE, (char) => ESCAPES[char] ?? unicodeEscape(char));
}

/**
 * The characters of `visible`: C0 (tab and line feed included), DEL and C1 (NEL included),
 * the bidi marks, embeddings, overrides and isolates, U+2028/U+2029 and the BOM.
 */
const UNSAFE_CLASS = '\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069\\ufeff';
const UNSAFE = new RegExp(`[${UNSAFE_CLASS}]`, 'g');
const FIRST_UNSAFE = new RegExp(`[${UNSAFE_CLASS}]`);
const ESCAPES: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export const unicodeEscape = (char: string): string => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

const NAMES: Record<string, string> = {
  '\u0000': 'NUL',
  '\t': 'a tab',
  '\n': 'a line feed',
  '\r': 'a carriage return',
  '\u001b': 'ESC',
  '\u007f': 'DEL',
  '\u0085': 'NEL, a line break to YAML 1.1',
  '\u2028': 'LINE SEPARATOR',
  '\u2029': 'PARAGRAPH SEPARATOR',
  '\ufeff': 'a byte order mark',
  '\u202e': 'RIGHT-TO-LEFT OVERRIDE',
};

/** The first character `visible` would escape, named for a finding: "U+0085 (NEL, …) at character 3". */
export function firstUnsafe(text: string): string | undefined {
  const at = text.search(FIRST_UNSAFE);
  if (at === -1) return undefined;
  const char = text[at]!;
  const code = `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES[char] ?? (char <= '\u009f' ? 'a control character' : 'a bidirectional control');
  return `${code} (${name}) at character ${at + 1}`;
}

/** Text cut to `max` characters with a mark that it was cut, so one long value cannot fill a log. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
