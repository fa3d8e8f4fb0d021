import type { SourceFile } from './source-file.ts';
import { parseYamlFast } from './yaml-fast.ts';

const parsed = new WeakMap<SourceFile, unknown>();

/**
 * A file's YAML data as written, before the schema dropped what failed it: for a rule to tell an
 * id that is missing from one that is there with a schema error (reported already). Parsed again
 * only on that path, for a file with a finding, and once per file.
 */
export function rawDataOf(source: SourceFile): unknown {
  if (!parsed.has(source)) {
    const result = parseYamlFast(source.yamlText);
    parsed.set(source, result.ok ? result.data : undefined);
  }
  return parsed.get(source);
}

/** The mappings written in a list of a file's data (`windows`, `tasks`), valid or not. */
export function rawItemsOf(source: SourceFile, list: string): Array<Record<string, unknown>> {
  const data = rawDataOf(source) as Record<string, unknown> | undefined;
  const items = data && typeof data === 'object' ? data[list] : undefined;
  return Array.isArray(items)
    ? items.filter((item): item is Record<string, unknown> => item !== null && typeof item === 'object')
    : [];
}

/** The `id`s written in a list of a file's data, valid or not. */
export function rawIdsOf(source: SourceFile, list: string): string[] {
  return rawItemsOf(source, list).flatMap((item) => (typeof item.id === 'string' ? [item.id] : []));
}
