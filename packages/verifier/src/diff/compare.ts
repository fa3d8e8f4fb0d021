import type { Corpus, Item, Runbook } from '../load/corpus.ts';
import { contractFinding, type Finding } from '../load/finding.ts';
import { zoneOf } from '../schedule/zones.ts';
import type { SkippedEntry } from '../load/git-tree.ts';
import type { Recurrence } from '../time/expand.ts';
import type { TimeEngine } from '../time/engine.ts';
import type { VerifyResult } from '../rules/verify.ts';
import { feedChanges, runbooksById, type FeedChange, type FeedPublishing } from './feeds.ts';
import { fieldChanges, itemsByKey, LIST_NAMES, runbookFields, type FieldChange, type ListName } from './fields.ts';
import { matchFindings } from './findings.ts';
import { scheduleView, shiftInWords, type ScheduleView, type SideSchedule } from './schedule.ts';

export type Status = 'added' | 'removed' | 'changed';

/** An item of a runbook's list that the change adds, removes or alters. */
export interface ItemChange {
  list: ListName;
  /** Its id, or the field its list is keyed by (scenario, metric, level). */
  key: string;
  status: Status;
  /** What differs; for an item added or removed, every field it has on its side. */
  fields: FieldChange[];
  /** Windows and tasks: the schedule on each side, and how it shifts. */
  schedule?: { before?: ScheduleView; after?: ScheduleView; shift?: string };
}

export interface RunbookChange {
  id: string;
  title: string;
  system: string;
  status: Status;
  /** Where the file is on each side: a rename is one runbook, matched by id. */
  file: { before?: string; after?: string };
  fields: FieldChange[];
  items: ItemChange[];
}

export interface DiffReport {
  base: { ref: string; commit: string };
  /** The day the schedules are read from (--now). */
  now: string;
  runbooks: RunbookChange[];
  feeds: FeedChange[];
  findings: { new: Finding[]; fixed: Finding[] };
  /** Files of the base not read: symbolic links, submodules, blobs too large. */
  skipped: SkippedEntry[];
  summary: {
    runbooks: Record<Status, number>;
    feeds: number;
    new: { errors: number; warnings: number };
    fixed: { errors: number; warnings: number };
    /** Findings of the working tree, new or not. */
    errors: number;
    warnings: number;
  };
}

/** One side of the diff: a corpus, its verification (whose time engine expands its schedules), and its feeds' view of that engine. */
export interface Side {
  corpus: Corpus;
  result: VerifyResult;
  feedTime: TimeEngine;
}

const SCHEDULED: ReadonlySet<ListName> = new Set(['windows', 'tasks']);

function sideSchedule(
  runbook: Runbook | undefined,
  item: Item<Record<string, unknown>> | undefined,
  side: Side,
): SideSchedule | undefined {
  if (!runbook || !item) return undefined;
  return {
    recurrence: item.value as unknown as Recurrence,
    zone: zoneOf(runbook, item.value as { timezone?: string }),
    runbookZone: zoneOf(runbook, {}),
    time: side.result.time,
  };
}

function sameSchedule(a: SideSchedule, b: SideSchedule): boolean {
  const [x, y] = [a.recurrence, b.recurrence];
  return a.zone === b.zone && x.rrule === y.rrule && x.start === y.start && x.duration === y.duration;
}

function itemChanges(
  list: ListName,
  a: Runbook | undefined,
  b: Runbook | undefined,
  before: Side,
  after: Side,
  from: number,
): ItemChange[] {
  const [old, now] = [itemsByKey(a, list), itemsByKey(b, list)];
  const changes: ItemChange[] = [];
  for (const key of new Set([...now.keys(), ...old.keys()])) {
    const [x, y] = [old.get(key), now.get(key)];
    const fields = fieldChanges(x?.value, y?.value);
    const status: Status = !x ? 'added' : !y ? 'removed' : 'changed';
    const change: ItemChange = { list, key, status, fields };
    if (SCHEDULED.has(list)) {
      const [s, t] = [sideSchedule(a, x, before), sideSchedule(b, y, after)];
      // The runbook's timezone moves every window that has none of its own: a change with no field changed.
      if (!(s && t && sameSchedule(s, t))) {
        change.schedule = {};
        if (s) change.schedule.before = scheduleView(s, from);
        if (t) change.schedule.after = scheduleView(t, from);
        const shift = s && t ? shiftInWords(s, t, from) : undefined;
        if (shift) change.schedule.shift = shift;
      }
    }
    if (status !== 'changed' || change.fields.length || change.schedule) changes.push(change);
  }
  return changes;
}

function runbookChange(
  a: Runbook | undefined,
  b: Runbook | undefined,
  before: Side,
  after: Side,
  from: number,
): RunbookChange | undefined {
  const runbook = (b ?? a)!;
  const status: Status = !a ? 'added' : !b ? 'removed' : 'changed';
  const fields = status === 'changed' ? fieldChanges(runbookFields(a!), runbookFields(b!)) : [];
  const items = LIST_NAMES.flatMap((list) => itemChanges(list, a, b, before, after, from));
  const moved = a && b && a.source.file !== b.source.file;
  if (status === 'changed' && !fields.length && !items.length && !moved) return undefined;
  const file: RunbookChange['file'] = {};
  if (a) file.before = a.source.file;
  if (b) file.after = b.source.file;
  return { id: runbook.id, title: runbook.title, system: runbook.system, status, file, fields, items };
}

const count = (findings: readonly Finding[], severity: Finding['severity']) =>
  findings.filter((f) => f.severity === severity).length;

/**
 * What a change does: the runbooks it adds, removes or alters (matched by id, so a moved file
 * is one runbook), with each window's and task's schedule before and after; the feeds whose
 * events change; the findings it brings and those it fixes. Pure: both sides are already loaded
 * and verified, with the same today.
 */
export function diffCorpora(
  before: Side,
  after: Side,
  options: { base: DiffReport['base']; skipped?: SkippedEntry[] } & FeedPublishing,
): DiffReport {
  const today = after.result.today;
  const from = Date.parse(`${today}T00:00:00Z`);
  const [old, now] = [runbooksById(before.corpus), runbooksById(after.corpus)];
  const runbooks: RunbookChange[] = [];
  for (const id of new Set([...now.keys(), ...old.keys()])) {
    const change = runbookChange(old.get(id), now.get(id), before, after, from);
    if (change) runbooks.push(change);
  }
  runbooks.sort((x, y) =>
    x.system < y.system ? -1 : x.system > y.system ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0,
  );
  // A finding in a moved file is the same finding: base files are read under their new names.
  const renamed = new Map(
    runbooks.flatMap((r) =>
      r.file.before && r.file.after && r.file.before !== r.file.after ? [[r.file.before, r.file.after] as const] : [],
    ),
  );
  const matched = matchFindings(before.result.findings, after.result.findings, renamed);
  const findings = { new: matched.new.map(contractFinding), fixed: matched.fixed.map(contractFinding) };
  const feeds = feedChanges(before, after, options);
  const tally = (status: Status) => runbooks.filter((r) => r.status === status).length;
  return {
    base: options.base,
    now: today,
    runbooks,
    feeds,
    findings,
    skipped: options.skipped ?? [],
    summary: {
      runbooks: { added: tally('added'), removed: tally('removed'), changed: tally('changed') },
      feeds: feeds.length,
      new: { errors: count(findings.new, 'error'), warnings: count(findings.new, 'warning') },
      fixed: { errors: count(findings.fixed, 'error'), warnings: count(findings.fixed, 'warning') },
      errors: after.result.summary.errors,
      warnings: after.result.summary.warnings,
    },
  };
}

/** Whether the report says nothing at all: the change touches no schedule, field, feed or finding. */
export function isEmptyDiff(report: DiffReport): boolean {
  return (
    !report.runbooks.length &&
    !report.feeds.length &&
    !report.findings.new.length &&
    !report.findings.fixed.length &&
    !report.skipped.length
  );
}
