/**
 * The RFC 5545 text layer, small enough to check by reading: escaping of TEXT values, content
 * lines folded at 75 octets, CRLF line ends, UTC date-times and durations. Written here rather
 * than taken from the `ics` package, which folds by characters (a non-ASCII line comes out over
 * 75 octets) and hard-codes X-PUBLISHED-TTL:PT1H (measured in NOTES.md).
 */

/** RFC 5545 §3.1: a line is at most 75 octets, excluding the CRLF; a continuation's leading space counts. */
export const MAX_LINE_OCTETS = 75;

// CONTROL in RFC 5545 §3.3.11 is every C0 character but HTAB, and DEL. Line breaks are escaped
// before it is applied, so what it still matches cannot appear in a TEXT value and is dropped.
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F]/;

/** A TEXT value (§3.3.11): `\`, `;`, `,` and line breaks escaped, so no input can end the value early. */
export function escapeText(value: string): string {
  return value.replace(TEXT_SPECIAL, (match) =>
    match === '\\' || match === ';' || match === ',' ? `\\${match}` : match === '\n' || match[0] === '\r' ? '\\n' : '',
  );
}

/** What a TEXT value escapes (a line break of any kind as one), and what it drops: CONTROL but the breaks. */
const TEXT_SPECIAL = /\r\n?|\n|[\\;,]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** A property whose value is TEXT, such as SUMMARY or DESCRIPTION. */
export function textProperty(name: string, value: string): string {
  return `${name}:${escapeText(value)}`;
}

/** A property whose value is a list of TEXT (CATEGORIES): each escaped, so a comma inside one stays inside it. */
export function textListProperty(name: string, values: readonly string[]): string {
  return `${name}:${values.map(escapeText).join(',')}`;
}

/** Octets of a code point in UTF-8; a lone surrogate counts 3, as it is written as U+FFFD. */
function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds one content line (§3.1): a CRLF and a space before the octet that would make a line
 * longer than 75 octets, never inside a character's UTF-8 sequence. The space is part of the
 * continuation line's 75 octets.
 */
export function foldLine(line: string): string {
  // Most lines are ASCII, one octet a character: cut at fixed lengths, 74 after the first for the space.
  if (ASCII.test(line)) {
    if (line.length <= MAX_LINE_OCTETS) return line;
    const parts = [line.slice(0, MAX_LINE_OCTETS)];
    for (let i = MAX_LINE_OCTETS; i < line.length; i += MAX_LINE_OCTETS - 1)
      parts.push(line.slice(i, i + MAX_LINE_OCTETS - 1));
    return parts.join('\r\n ');
  }
  const parts: string[] = [];
  let start = 0;
  let octets = 0;
  for (let i = 0; i < line.length;) {
    const codePoint = line.codePointAt(i)!;
    const size = utf8Length(codePoint);
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(line.slice(start, i));
      start = i;
      octets = 1;
    }
    octets += size;
    i += codePoint > 0xffff ? 2 : 1;
  }
  parts.push(line.slice(start));
  return parts.join('\r\n ');
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * An iCalendar stream from unfolded content lines: each folded, each ended by CRLF. A line
 * holding a control character other than HTAB would let a value break out of its property,
 * so it is refused here, whatever path it came by.
 */
export function serializeLines(lines: readonly string[]): string {
  let text = '';
  for (const line of lines) text += contentLine(line);
  return text;
}

/** One content line as `serializeLines` writes it: checked, folded, ended by CRLF. */
export function contentLine(line: string): string {
  if (CONTROL.test(line))
    throw new Error(`refusing to write an iCalendar line with a control character: ${JSON.stringify(line)}`);
  return `${foldLine(line)}\r\n`;
}

/** A DATE-TIME in UTC form (§3.3.5), `20260329T010000Z`, to the second. */
export function utcDateTime(epochMs: number): string {
  const d = new Date(epochMs);
  const year = d.getUTCFullYear();
  // Years outside 0000–9999 (and invalid dates) have no DATE-TIME form: toISOString says so.
  if (!(year >= 0 && year <= 9999)) return d.toISOString();
  const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);
  return `${String(year).padStart(4, '0')}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}T${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}Z`;
}

const WEEK_S = 7 * 86_400;

/**
 * A DURATION (§3.3.6) from milliseconds. RFC 5545 has no years or months, and its grammar wants
 * the units between the first and last one written (PT1H0M5S, never PT1H5S). `exact`: in hours at
 * most (PT24H), since a day or week is nominal (§3.3.6), a calendar day long whatever the clocks do.
 */
export function icalDuration(ms: number, { exact = false } = {}): string {
  const sign = ms < 0 ? '-' : '';
  const seconds = Math.round(Math.abs(ms) / 1000);
  if (seconds === 0) return 'PT0S';
  if (!exact && seconds % WEEK_S === 0) return `${sign}P${seconds / WEEK_S}W`;
  const days = exact ? 0 : Math.floor(seconds / 86_400);
  const units: Array<[number, string]> = [
    [Math.floor((seconds - days * 86_400) / 3600), 'H'],
    [Math.floor((seconds % 3600) / 60), 'M'],
    [seconds % 60, 'S'],
  ];
  const first = units.findIndex(([n]) => n > 0);
  const last = units.findLastIndex(([n]) => n > 0);
  const time =
    first < 0
      ? ''
      : `T${units
          .slice(first, last + 1)
          .map(([n, unit]) => `${n}${unit}`)
          .join('')}`;
  return `${sign}P${days ? `${days}D` : ''}${time}`;
}
