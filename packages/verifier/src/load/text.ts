import { Buffer, isUtf8 } from 'node:buffer';

/** Line and column lookup over a file's text; both 1-based, columns in UTF-16 units as editors count them. */
export interface Position {
  line: number;
  column: number;
}

export class LineIndex {
  readonly #starts: number[] = [0];
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.#starts.push(i + 1);
  }

  get lineCount(): number {
    return this.#starts.length;
  }

  /** Line n (1-based) without its line break, CRLF or LF. */
  line(n: number): string {
    const end = n < this.#starts.length ? this.#starts[n]! - 1 : this.#text.length;
    const text = this.#text.slice(this.#starts[n - 1] ?? this.#text.length, end);
    return text.endsWith('\r') ? text.slice(0, -1) : text;
  }

  position(offset: number): Position {
    const starts = this.#starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }
}

/**
 * Decodes a file's bytes as UTF-8. A BOM is dropped so that columns match what editors show.
 * When the file is not UTF-8, says where its first invalid byte is.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { invalid: Position } {
  // isUtf8 and a Buffer's decoder are TextDecoder's fatal decode, checked and decoded natively
  // in one pass each; TextDecoder's dropping of one BOM is done by hand.
  if (isUtf8(bytes)) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  }
  const at = firstInvalidUtf8Byte(bytes);
  const lineStart = bytes.lastIndexOf(0x0a, at - 1) + 1;
  const line = bytes.subarray(0, lineStart).reduce((n, b) => (b === 0x0a ? n + 1 : n), 1);
  const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, at)).length + 1;
  return { invalid: { line, column } };
}

function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const width = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (width === 0) return i;
    for (let k = 1; k < width; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += width;
  }
  return i;
}
