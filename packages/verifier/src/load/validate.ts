import { z } from 'zod';
import type { Item, OwnersRegistry, Runbook } from './corpus.ts';
import { didYouMean } from './did-you-mean.ts';
import { formatPath, type Report } from './finding.ts';
import type { SourceFile } from './source-file.ts';
import type { DataPath } from './yaml-locate.ts';
import { LIST_FIELDS, runbookSchema } from '../schema/runbook.ts';

export type SchemaReport = Report & { ruleId: 'schema' };

/** Unknown keys of one mapping that get a "did you mean": a typo is one of a few, not of 100,000. */
const HINTED_KEYS = 100;

/** Turns zod issues into reports at the offending key or value, with a message that says what is wanted. */
export function issuesToReports(
  source: SourceFile,
  data: unknown,
  issues: readonly z.core.$ZodIssue[],
): SchemaReport[] {
  const reports: SchemaReport[] = [];
  for (const issue of issues) {
    const path = issue.path as Array<string | number>;
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(path);
      for (const [k, key] of issue.keys.entries()) {
        const hint = k < HINTED_KEYS ? didYouMean(key, known) : '';
        reports.push({
          ruleId: 'schema',
          source,
          path: [...path, key],
          at: 'key',
          message: `Unknown field '${key}'${path.length ? ` in ${formatPath(path)}` : ''}${hint}`,
        });
      }
      continue;
    }
    const value = valueAt(data, path);
    const name = formatPath(path) || 'The frontmatter';
    const message =
      value === undefined && issue.code === 'invalid_type'
        ? `${name} is required`
        : `${name} ${issue.message}${issue.code === 'invalid_type' || issue.code === 'invalid_format' || issue.code === 'invalid_value' ? ` (found ${show(value)})` : ''}`;
    reports.push({ ruleId: 'schema', source, path, message });
  }
  return reports;
}

/**
 * Validates a runbook's frontmatter. Every issue is reported; the model keeps what passed,
 * dropping only the list items that failed, so the other items still reach the rules.
 */
export function validateRunbook(
  source: SourceFile,
  data: Record<string, unknown>,
  body: string,
  registry: OwnersRegistry,
): { runbook?: Runbook; reports: SchemaReport[] } {
  const parsed = runbookSchema.safeParse(data);
  if (parsed.success) return { runbook: toRunbook(parsed.data, source, body, registry), reports: [] };
  const reports = issuesToReports(source, data, parsed.error.issues);

  const shape = runbookSchema.shape;
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(shape) as Array<keyof typeof shape>) {
    if (!(key in data)) continue;
    const value = data[key];
    const listKey = key as keyof typeof LIST_FIELDS;
    if (LIST_FIELDS[listKey] && Array.isArray(value)) {
      kept[key] = value.map((item) => keptItem(listKey, item));
    } else {
      const r = shape[key].safeParse(value);
      if (r.success) kept[key] = r.data;
    }
  }
  // A runbook with a bad id, title or system is still checked, under names from its path, so one
  // wrong field does not hide the file's other findings; its schema findings fail the build anyway.
  const fallback = pathSlug(source.file);
  kept.id ??= fallback;
  kept.system ??= pathSlug(source.file.split('/').at(-2) ?? '') || fallback;
  kept.title ??= kept.id;
  return { runbook: toRunbook(kept as z.infer<typeof runbookSchema>, source, body, registry), reports };
}

/**
 * A list item as the rules may read it: the item when valid; without its unknown fields when
 * only those are wrong (reported, but the schedule in it is still real); else nothing.
 */
function keptItem(key: keyof typeof LIST_FIELDS, item: unknown): unknown {
  const strict = LIST_FIELDS[key].safeParse(item);
  if (strict.success) return strict.data;
  const lenient = lenientItems[key].safeParse(item);
  return lenient.success ? lenient.data : undefined;
}

const lenientItems = Object.fromEntries(
  Object.entries(LIST_FIELDS).map(([key, schema]) => [key, z.object(schema.shape)]),
) as unknown as Record<keyof typeof LIST_FIELDS, z.ZodType>;

/** "runbooks/db/Nightly Backup.mdx" → "runbooks-db-nightly-backup": an id-like name for a file. */
function pathSlug(path: string): string {
  return path
    .replace(/\.mdx?$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function toRunbook(
  data: z.infer<typeof runbookSchema>,
  source: SourceFile,
  body: string,
  registry: OwnersRegistry,
): Runbook {
  const lists = Object.fromEntries(
    Object.keys(LIST_FIELDS).map((key) => {
      const values = (data[key as keyof typeof LIST_FIELDS] ?? []) as unknown[];
      const items: Array<Item<unknown>> = [];
      values.forEach((value, index) => {
        if (value !== undefined) items.push({ value, path: [key, index] });
      });
      return [key, items];
    }),
  );
  return { ...data, owners: data.owners ?? [], ...lists, source, body, registry } as unknown as Runbook;
}

function valueAt(data: unknown, path: DataPath): unknown {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function knownKeysAt(path: DataPath): string[] {
  if (path.length === 0) return Object.keys(runbookSchema.shape);
  const item = LIST_FIELDS[path[0] as keyof typeof LIST_FIELDS];
  if (item && path.length === 2) return Object.keys(item.shape);
  return [];
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
