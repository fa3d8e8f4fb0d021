import { isMap, isPair, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';

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
 * It is ten times slower than the fast parse, so a file builds one only when a finding needs it.
 */
export class YamlLocator {
  readonly #contents: Node | null;

  constructor(text: string) {
    // Unique keys are the fast parse's business; here we only want ranges.
    const doc = parseDocument(text, { uniqueKeys: false });
    this.#contents = doc.contents as Node | null;
  }

  locate(path: DataPath): Located {
    let node: Node | null = this.#contents;
    let pair: Pair | undefined;
    let depth = 0;
    for (const key of path) {
      if (isMap(node)) {
        const found: Pair | undefined = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
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
}
