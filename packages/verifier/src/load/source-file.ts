import { LineIndex, type Position } from './text.ts';
import { YamlLocator, type DataPath } from './yaml-locate.ts';

/**
 * One YAML text inside one file (a runbook's frontmatter, or owners.yaml whole), with lazy
 * mapping from data paths back to line:column in the original file.
 */
export class SourceFile {
  readonly file: string;
  readonly text: string;
  /** Offset in `text` where the YAML begins. */
  readonly yamlStart: number;
  readonly yamlText: string;
  #lines?: LineIndex;
  #locator?: YamlLocator;

  constructor(file: string, text: string, yamlStart = 0, yamlText = text) {
    this.file = file;
    this.text = text;
    this.yamlStart = yamlStart;
    this.yamlText = yamlText;
  }

  get lines(): LineIndex {
    return (this.#lines ??= new LineIndex(this.text));
  }

  /** Position of an offset into the YAML text. */
  positionOfYamlOffset(offset: number): Position {
    return this.lines.position(this.yamlStart + offset);
  }

  /**
   * Position of a data path: at its key when `at` is 'key' (a wrong or unknown field, a
   * duplicate id's owner), at its value otherwise; where the path is missing, at the
   * deepest part of it that exists.
   */
  positionOf(path: DataPath, at: 'key' | 'value' = 'value'): Position {
    if (path.length === 0) return this.lines.position(this.yamlStart + leadingBlank(this.yamlText));
    const located = (this.#locator ??= new YamlLocator(this.yamlText)).locate(path);
    const offset =
      at === 'key' || located.depth < path.length ? (located.keyOffset ?? located.valueOffset) : located.valueOffset;
    return this.positionOfYamlOffset(offset);
  }
}

function leadingBlank(text: string): number {
  const match = /^\s*/.exec(text);
  return match ? match[0].length : 0;
}
