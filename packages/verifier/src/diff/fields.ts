import type { Item, Runbook } from '../model/corpus.ts';
import { LIST_FIELDS } from '../schema/runbook.ts';
import { DURATION_PATTERN, humanizeDuration } from '../time/duration.ts';

/** One field that differs, old → new; a side without the field has no value. */
export interface FieldChange {
  /** The field's path inside its item or runbook: `rto`, `warning.value`, `review.cycle`. */
  field: string;
  before?: string;
  after?: string;
}

export type ListName = keyof typeof LIST_FIELDS;

/**
 * What identifies an item of each list across the change: its id, or the field a list is
 * keyed by in practice (one objective per scenario, one threshold per metric, one escalation
 * step per level).
 */
const KEYS: Record<ListName, string> = {
  windows: 'id',
  ad_hoc_windows: 'id',
  tasks: 'id',
  monitors: 'id',
  thresholds: 'metric',
  capacity_triggers: 'metric',
  objectives: 'scenario',
  escalation: 'level',
  retention: 'backup',
  support_targets: 'severity',
  notifications: 'event',
};

export const LIST_NAMES = Object.keys(LIST_FIELDS) as ListName[];

/** A value as the report shows it: durations with their meaning ("PT4H (4 hours)"), lists joined. */
function shown(value: unknown): string {
  if (Array.isArray(value)) return value.map(shown).join(', ');
  if (typeof value === 'string' && DURATION_PATTERN.test(value)) return `${value} (${humanizeDuration(value)})`;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Leaf values by dotted path; a list of plain values is one leaf. */
function leaves(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) leaves(inner, prefix ? `${prefix}.${key}` : key, out);
  } else if (value !== undefined) out.set(prefix, shown(value));
  return out;
}

/** The fields that differ between two values, in the order the newer one has them. */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const [a, b] = [leaves(before), leaves(after)];
  const changes: FieldChange[] = [];
  for (const field of new Set([...b.keys(), ...a.keys()])) {
    if (a.get(field) === b.get(field)) continue;
    const change: FieldChange = { field };
    if (a.has(field)) change.before = a.get(field);
    if (b.has(field)) change.after = b.get(field);
    changes.push(change);
  }
  return changes;
}

/** A runbook's own fields (not its lists, not its text): title, system, timezone, owners, review… */
export function runbookFields(runbook: Runbook): Record<string, unknown> {
  const { source: _source, body: _body, registry: _registry, id: _id, ...rest } = runbook;
  return Object.fromEntries(Object.entries(rest).filter(([key]) => !(key in LIST_FIELDS)));
}

/** A list's items by key; a key used twice (duplicate-id reports it) gets `#2`, `#3`. */
export function itemsByKey(runbook: Runbook | undefined, list: ListName): Map<string, Item<Record<string, unknown>>> {
  const items = new Map<string, Item<Record<string, unknown>>>();
  for (const item of (runbook?.[list] ?? []) as Array<Item<Record<string, unknown>>>) {
    const key = String(item.value[KEYS[list]]);
    let unique = key;
    for (let n = 2; items.has(unique); n++) unique = `${key}#${n}`;
    items.set(unique, item);
  }
  return items;
}
