import type { DiffReport, ItemChange, RunbookChange } from './compare.ts';
import type { FieldChange, ListName } from './fields.ts';

/** What the lists' items are called in a sentence. */
const ITEM_NAMES: Record<ListName, string> = {
  windows: 'window',
  ad_hoc_windows: 'ad hoc window',
  tasks: 'task',
  monitors: 'monitor',
  thresholds: 'threshold',
  capacity_triggers: 'capacity trigger',
  objectives: 'objective',
  escalation: 'escalation level',
  retention: 'retention',
  support_targets: 'support target',
  notifications: 'notification',
};

/** Fields a schedule's words already say. */
const SCHEDULE_FIELDS = new Set(['rrule', 'start', 'duration', 'timezone']);

/** One line of a runbook's changes, as the Markdown table and the terminal show it. */
export interface ChangeRow {
  what: string;
  change: string;
  before?: string;
  after?: string;
}

/** "window weekly", "objective database-failure". */
export function itemLabel(item: Pick<ItemChange, 'list' | 'key'>): string {
  return `${ITEM_NAMES[item.list]} ${item.key}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "2 runbooks changed, 1 added · 1 new error, 1 fixed · 3 feeds change", or that nothing does. */
export function headline(report: DiffReport): string {
  const { runbooks, feeds } = report.summary;
  const neu = report.summary.new;
  const fixed = report.summary.fixed;
  const parts: string[] = [];
  const counted = (['changed', 'added', 'removed'] as const)
    .filter((status) => runbooks[status])
    .map((status, i) =>
      i === 0 ? `${plural(runbooks[status], 'runbook')} ${status}` : `${runbooks[status]} ${status}`,
    );
  if (counted.length) parts.push(counted.join(', '));
  const findings = [
    neu.errors && plural(neu.errors, 'new error'),
    neu.warnings && plural(neu.warnings, 'new warning'),
    fixed.errors + fixed.warnings && `${fixed.errors + fixed.warnings} fixed`,
  ].filter(Boolean);
  if (findings.length) parts.push(findings.join(', '));
  if (feeds) parts.push(`${plural(feeds, 'feed')} ${feeds === 1 ? 'changes' : 'change'}`);
  return parts.length ? parts.join(' · ') : 'no change';
}

export function describeBase(report: DiffReport): string {
  return `The working tree against ${report.base.ref} (${report.base.commit.slice(0, 12)}); schedules from ${report.now} (UTC).`;
}

function fieldsInWords(fields: readonly FieldChange[], side: 'before' | 'after'): string {
  return fields.flatMap((f) => (f[side] === undefined ? [] : [`${f.field}: ${f[side]}`])).join('; ');
}

function itemRows(item: ItemChange): ChangeRow[] {
  const label = itemLabel(item);
  const rows: ChangeRow[] = [];
  const { schedule } = item;
  if (schedule) {
    const words = (view: typeof schedule.before) => view && `${view.words}${view.problem ? ` (${view.problem})` : ''}`;
    rows.push({
      what: label,
      change: item.status === 'changed' ? (schedule.shift ?? 'schedule changes') : item.status,
      before: words(schedule.before),
      after: words(schedule.after),
    });
  }
  if (item.status !== 'changed') {
    if (!schedule)
      rows.push({
        what: label,
        change: item.status,
        before: fieldsInWords(item.fields, 'before'),
        after: fieldsInWords(item.fields, 'after'),
      });
    return rows;
  }
  for (const field of item.fields) {
    if (schedule && SCHEDULE_FIELDS.has(field.field)) continue;
    rows.push({ what: `${label}: ${field.field}`, change: 'changed', before: field.before, after: field.after });
  }
  return rows;
}

/** A runbook's changes, one row each: its own fields first, then its items list by list. */
export function rowsOf(change: RunbookChange): ChangeRow[] {
  const own = change.fields.map((f) => ({ what: f.field, change: 'changed', before: f.before, after: f.after }));
  return [...own, ...change.items.flatMap(itemRows)];
}
