/**
 * Runbook text on its way to a terminal or a CI log (code frames, messages, file names, related
 * locations), with every character that could act instead of being read shown as an escape:
 * C0 and C1 controls (a lone CR lets `::warning …` or `::add-mask::` start a line of its own in
 * a GitHub log; ESC and OSC repaint the terminal), bidirectional overrides that make a line read
 * differently from what it holds, and Unicode's line and paragraph separators.
 */
export function visible(text: string): string {
  return text.replace(UNSAFE, (char) => ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
const ESCAPES: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Text cut to `max` characters with a mark that it was cut, so one long value cannot fill a log. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
