import type { Item, Runbook } from '../load/corpus.ts';
import { createHash } from 'node:crypto';
import { clip } from '../schema/escape.ts';
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

/**
 * Bounds on what one value adds to a report: fields compared (a runbook may carry any number of
 * keys the schema refuses), changes listed, and the length of a value shown. Past them a change
 * says how many more fields differ; the values are compared whole, so a change past the cut
 * still counts.
 */
const MAX_LEAVES = 1_000;
const MAX_CHANGES = 100;
const MAX_VALUE = 2_000;

/** A value as the report shows it: durations with their meaning ("PT4H (4 hours)"), lists joined. */
function shown(value: unknown): string {
  if (Array.isArray(value)) {
    let text = '';
    for (const item of value) {
      text += `${text ? ', ' : ''}${shown(item)}`;
      if (text.length > MAX_VALUE) break;
    }
    return clip(text, MAX_VALUE);
  }
  if (typeof value === 'string' && DURATION_PATTERN.test(value)) return `${value} (${humanizeDuration(value)})`;
  return clip(typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)), MAX_VALUE);
}

/**
 * Leaf values by dotted path; a list of plain values is one leaf. Past MAX_LEAVES, one more leaf
 * `…` holds a digest of the whole value, so that a difference in the fields not listed still shows.
 */
function leaves(whole: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (value: unknown, prefix: string): boolean => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value))
        if (!walk(inner, prefix ? `${prefix}.${key}` : key)) return false;
    } else if (value !== undefined) {
      if (out.size === MAX_LEAVES) return false;
      out.set(prefix, shown(value));
    }
    return true;
  };
  if (!walk(whole, ''))
    out.set(
      '…',
      `fields past the first ${MAX_LEAVES}, digest ${createHash('sha256')
        .update(JSON.stringify(whole) ?? '')
        .digest('hex')
        .slice(0, 12)}`,
    );
  return out;
}

/** The fields that differ between two values, in the order the newer one has them: at most MAX_CHANGES, then a count. */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const [a, b] = [leaves(before), leaves(after)];
  const changes: FieldChange[] = [];
  let more = 0;
  for (const field of new Set([...b.keys(), ...a.keys()])) {
    if (a.get(field) === b.get(field)) continue;
    if (changes.length === MAX_CHANGES) {
      more++;
      continue;
    }
    const change: FieldChange = { field };
    if (a.has(field)) change.before = a.get(field);
    if (b.has(field)) change.after = b.get(field);
    changes.push(change);
  }
  if (more)
    changes.push({ field: `${more} more field${more === 1 ? '' : 's'}`, before: 'not listed', after: 'not listed' });
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
