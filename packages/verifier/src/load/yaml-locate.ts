import { isMap, isPair, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';

/** Entries parsed one by one before the locator parses the whole text instead. */
const MAX_ENTRY_PARSES = 256;

/** A path into parsed YAML, as zod reports it: keys and list indexes. */
export type DataPath = ReadonlyArray<string | number>;

/** Where a path points in the YAML text: 0-based offsets of the key and of the value. */
export interface Located {
  keyOffset?: number;
  valueOffset: number;
  /** How much of the path exists in the text; less than the path's length when it is missing. */
  depth: number;
}

/**
 * Maps data paths to offsets with the `yaml` package, which keeps every node's range.
 * It is ten times slower than the fast parse, so a file builds one only when a finding needs it,
 * and then, where it can, parses only the top-level entry the path is in (see `topLevelEntries`):
 * a runbook's `review:` is three lines of a hundred, an owner one entry of a thousand.
 */
export class YamlLocator {
  readonly #text: string;
  #whole?: Node | null;
  /** Top-level key → its entry's text span; null when the text is not simple enough to cut. */
  #entries?: Map<string, { start: number; end: number }> | null;
  readonly #parsedEntries = new Map<string, Node | null>();
  /** Each mapping's keys, indexed the first time a path goes through it. */
  readonly #keyIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

  constructor(text: string) {
    this.#text = text;
  }

  locate(path: DataPath): Located {
    if (path.length === 1) {
      const inline = this.#inlineEntry(String(path[0]));
      if (inline) return inline;
    }
    // Past a few hundred entries (100,000 unknown keys), one whole parse is cheaper than the cuts.
    if (path.length > 0 && this.#parsedEntries.size < MAX_ENTRY_PARSES) {
      const entry = this.#entry(String(path[0]));
      if (entry) {
        const located = this.#locateIn(entry.node, path);
        // The entry's own key is always found in its own text; anything less is left to the whole parse.
        if (located.depth > 0) {
          return {
            keyOffset: located.keyOffset === undefined ? undefined : located.keyOffset + entry.start,
            valueOffset: located.valueOffset + entry.start,
            depth: located.depth,
          };
        }
      }
    }
    // Unique keys are the fast parse's business; here we only want ranges.
    if (this.#whole === undefined)
      this.#whole = parseDocument(this.#text, { uniqueKeys: false }).contents as Node | null;
    return this.#locateIn(this.#whole, path);
  }

  #locateIn(contents: Node | null, path: DataPath): Located {
    let node: Node | null = contents;
    let pair: Pair | undefined;
    let depth = 0;
    for (const key of path) {
      if (isMap(node)) {
        const found = this.#pairOf(node, String(key));
        if (!found) break;
        pair = found;
        node = (found.value as Node | null) ?? null;
        if (!node) {
          depth++;
          break;
        }
      } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
        pair = undefined;
        node = node.items[key] as Node;
      } else break;
      depth++;
    }
    const keyOffset = isPair(pair) && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
    const valueOffset = node?.range?.[0] ?? keyOffset ?? 0;
    return { keyOffset, valueOffset, depth };
  }

  /** The first pair with this key, as a linear search finds it, from an index built once per mapping. */
  #pairOf(map: YAMLMap, key: string): Pair | undefined {
    let index = this.#keyIndex.get(map);
    if (!index) {
      index = new Map();
      for (const item of map.items)
        if (isScalar(item.key) && !index.has(String(item.key.value))) index.set(String(item.key.value), item as Pair);
      this.#keyIndex.set(map, index);
    }
    return index.get(key);
  }

  /**
   * A top-level `key: value` whose value starts on the key's line as a plain, quoted or flow
   * scalar: both offsets read off the line, no parse at all, which is what a file of 100,000
   * unknown keys needs.
   */
  #inlineEntry(key: string): Located | undefined {
    if (this.#entries === undefined) this.#entries = topLevelEntries(this.#text);
    const span = this.#entries?.get(key);
    if (!span) return undefined;
    const afterColon = span.start + key.length + 1;
    const value = /^[ \t]*/.exec(this.#text.slice(afterColon, afterColon + 256))![0].length + afterColon;
    const first = this.#text[value];
    if (
      first === undefined ||
      ' \t\r\n#&!|>*?'.includes(first) ||
      (first === '-' && ' \t\r\n'.includes(this.#text[value + 1] ?? '\n'))
    )
      return undefined;
    return { keyOffset: span.start, valueOffset: value, depth: 1 };
  }

  /** The parsed text of the first top-level entry with this key, when the text can be cut there. */
  #entry(key: string): { node: Node; start: number } | undefined {
    if (this.#entries === undefined) this.#entries = topLevelEntries(this.#text);
    const span = this.#entries?.get(key);
    if (!span) return undefined;
    let node = this.#parsedEntries.get(key);
    if (node === undefined) {
      const doc = parseDocument(this.#text.slice(span.start, span.end), { uniqueKeys: false });
      const contents = doc.contents as Node | null;
      // The cut must give one clean entry with this key; otherwise the whole text is parsed.
      const clean =
        doc.errors.length === 0 &&
        isMap(contents) &&
        contents.items.length === 1 &&
        isScalar(contents.items[0]!.key) &&
        String(contents.items[0]!.key.value) === key;
      node = clean ? contents : null;
      this.#parsedEntries.set(key, node);
    }
    return node ? { node, start: span.start } : undefined;
  }
}

/** A top-level key line: a plain key at column 0, a colon, then a space or the line's end. */
const KEY_LINE = /^([A-Za-z0-9_][A-Za-z0-9_-]*):(?:[ \t\r]|$)/;
/** Plain scalars that YAML 1.2 reads as something other than that string (null, booleans, numbers). */
const NOT_A_STRING =
  /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+)$/;
/**
 * A quote or bracket where a scalar or collection starts: after indentation and `- `, after
 * `: ` or `? `, or in a flow; after an anchor or tag, if any.
 */
const SCALAR_START = /(?:^[ \t]*(?:-[ \t]+)*|[:?][ \t]+|[[{,][ \t]*)(?:[!&][^ \t]*[ \t]+)*(["'[{])/g;

/**
 * The spans of a YAML text's top-level entries, each from its key line to the next one, by key
 * (the first entry of a key, as lookups find it); null unless cutting there is known to give
 * the same nodes at the same offsets as parsing the whole:
 *
 * - every line at column 0 is blank, a comment, a `- ` item of a list under the key above, or
 *   `key:` with a plain key that YAML reads as that same string, so the text is a block mapping
 *   whose keys are exactly those lines;
 * - no quoted scalar and no flow collection continues past the end of its line, so none can run
 *   across a column-0 line (plain and block scalars cannot: they end at a line less indented).
 *
 * Anything else (quoted or complex keys, directives, multi-line quoted text) takes the whole parse.
 */
export function topLevelEntries(text: string): Map<string, { start: number; end: number }> | null {
  const entries = new Map<string, { start: number; end: number }>();
  let current: { start: number; end: number } | undefined;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const first = line[0];
    if (first === undefined || first === ' ' || first === '\r' || first === '#') {
      // Blank, indented or a comment: part of the entry above.
    } else if (first === '-' && (line.length === 1 || line[1] === ' ' || line[1] === '\t' || line[1] === '\r')) {
      if (!current) return null;
    } else {
      const key = KEY_LINE.exec(line)?.[1];
      if (key === undefined || NOT_A_STRING.test(key)) return null;
      if (current) current.end = lineStart;
      current = { start: lineStart, end: text.length };
      if (!entries.has(key)) entries.set(key, current);
    }
    // A comment line holds no scalar (inside a block scalar it is text, which cannot open one either).
    if (!/^[ \t]*#/.test(line) && !singleLine(line)) return null;
    lineStart = lineEnd + 1;
  }
  return entries;
}

/** Whether every quoted scalar and flow collection that starts on a line also ends on it. */
function singleLine(line: string): boolean {
  if (!line.includes('"') && !line.includes("'") && !line.includes('[') && !line.includes('{')) return true;
  SCALAR_START.lastIndex = 0;
  for (let match = SCALAR_START.exec(line); match; match = SCALAR_START.exec(line)) {
    const at = match.index + match[0].length - 1;
    const opener = match[1]!;
    if (opener === '"') {
      let k = at + 1;
      while (k < line.length && line[k] !== '"') k += line[k] === '\\' ? 2 : 1;
      if (k >= line.length) return false;
      SCALAR_START.lastIndex = k + 1;
    } else if (opener === "'") {
      let k = at + 1;
      while (k < line.length && !(line[k] === "'" && line[k + 1] !== "'")) k += line[k] === "'" ? 2 : 1;
      if (k >= line.length) return false;
      SCALAR_START.lastIndex = k + 1;
    } else {
      // A flow collection: without quotes in it, brackets are all structure (plain scalars in a
      // flow cannot hold them), so it closes on this line when they balance and the line ends it.
      const rest = line.slice(at).trimEnd();
      if (rest.includes('"') || rest.includes("'") || rest.includes('#')) return false;
      let depth = 0;
      for (const ch of rest) {
        if (ch === '[' || ch === '{') depth++;
        else if (ch === ']' || ch === '}') depth--;
      }
      if (depth !== 0 || !(rest.endsWith(']') || rest.endsWith('}'))) return false;
      return true;
    }
  }
  return true;
}
