import { DAY, ownerOf, windowOwners, type Runbook, type ScheduledWindow } from '@almanac/verifier/internal';
import { contactHref, firstEscalationLevel, reachableContacts } from './owners.ts';

/*
 * What a page needs to say in the reader's browser, at the hour it is read, whether something is
 * in maintenance and what comes next: the build's occurrences over the next weeks, compactly.
 * The same shape is read by src/scripts/reader-time.ts.
 */

export interface LiveWindow {
  runbook: string;
  system: string;
  title: string;
  href: string;
  /** The runbook's own zone (or the window's, when the runbook names none). */
  zone: string;
  /** The runbook's owners: every occurrence concerns them. */
  owners: string[];
  impact: 'none' | 'minimal' | 'degraded' | 'downtime';
  /** Whom to call first while it is under way. */
  call: CallFirst;
}

/** The first escalation level's owner (or the runbook's first owner), and its first real phone, else its first real contact. */
export interface CallFirst {
  name: string;
  /** Absent when every contact given is a placeholder, or none is. */
  contact?: { text: string; href?: string };
}

function callFirst(runbook: Runbook): CallFirst {
  const first = firstEscalationLevel(runbook)[0]?.owner ?? runbook.owners[0];
  if (first === undefined) return { name: 'no owner named' };
  const owner = ownerOf(runbook, first);
  const contacts = reachableContacts(owner);
  const contact = contacts.find((c) => c.kind === 'phone') ?? contacts[0];
  const name = owner?.name ?? first;
  if (!contact) return { name };
  const href = contactHref(contact.value, contact.kind);
  return {
    name: contact.who ? `${name} (${contact.who})` : name,
    contact: { text: contact.value, ...(href && { href }) },
  };
}

export interface LiveSchedule {
  /** When the site was built, epoch milliseconds. */
  builtAt: number;
  /** Past this instant the list is incomplete: the next window after it may be missing. */
  until: number;
  windows: LiveWindow[];
  /**
   * [start, end, index into windows, and the owners of the tasks run in it that are not the
   * runbook's, when there are any], sorted by start: whom an occurrence concerns, as the owner
   * feeds file it (`windowOwners`).
   */
  occurrences: LiveOccurrence[];
}

export type LiveOccurrence = [number, number, number] | [number, number, number, string[]];

/** A fortnight and a day: a site rebuilt daily, or a few days late, still knows what comes next. */
export const LIVE_DAYS = 15;

/** How a page that speaks of many runbooks keeps its schedule short. */
export interface LiveBudget {
  /**
   * Past this many occurrences the list stops with the day that holds the last of them (always
   * after one day at least) and holds no later occurrence: the page's status then says what is
   * under way and next among all runbooks until the last start it holds, never a quiet runbook's
   * next window.
   */
  maxOccurrences: number;
}

/**
 * The windows of these runbooks that are under way at `from` or start in the LIVE_DAYS after it
 * (fewer, when the occurrences given end sooner, at `horizonEnd`, or when they pass a `budget`),
 * and, unless the budget cut them, each window's first occurrence after that for each set of
 * owners it concerns, so that the next window of a quiet runbook, or of an owner whose task runs
 * monthly, is known.
 */
export function liveSchedule(
  runbooks: ReadonlyArray<{ runbook: Runbook; href: string; occurrences: readonly ScheduledWindow[] }>,
  { from, horizonEnd, budget }: { from: number; horizonEnd: number; budget?: LiveBudget },
  builtAt: number,
): LiveSchedule {
  // No further than the occurrences were worked out: past that the list cannot say what is next.
  const fortnight = Math.min(from + LIVE_DAYS * DAY, horizonEnd);
  const cut = budget && budgetCut(runbooks, from, fortnight, budget.maxOccurrences);
  // Cut, the list holds every occurrence that starts before its last start: until then it knows what is next.
  const until = cut ? cut.lastStart : fortnight;
  const windows: LiveWindow[] = [];
  const occurrences: LiveOccurrence[] = [];
  for (const { runbook, href, occurrences: all } of runbooks) {
    const index = new Map<string, number>();
    const call = callFirst(runbook);
    const beyond = new Set<string>();
    for (const o of all) {
      if (o.end <= from) continue;
      if (cut && o.start >= cut.end) continue;
      const id = o.window.value.id;
      const others = [...windowOwners(o)].filter((owner) => !runbook.owners.includes(owner));
      // Past `until`, the first of each window for each set of owners: a task owner's next window may be a month on.
      const key = [id, ...others].join('\0');
      if (o.start >= until) {
        if (beyond.has(key)) continue;
        beyond.add(key);
      }
      let i = index.get(id);
      if (i === undefined) {
        index.set(id, (i = windows.length));
        windows.push({
          runbook: runbook.id,
          system: runbook.system,
          title: o.window.value.title,
          href: `${href}#window-${id}`,
          zone: runbook.timezone ?? o.zone,
          owners: runbook.owners,
          impact: o.window.value.impact,
          call,
        });
      }
      occurrences.push(others.length ? [o.start, o.end, i, others] : [o.start, o.end, i]);
    }
  }
  occurrences.sort((a, b) => a[0] - b[0] || a[2] - b[2]);
  return { builtAt, until, windows, occurrences };
}

/** Where a budget cuts the occurrences that start before `until`: the end of the day that holds the `most`th, and the last start before it; none if fewer start. */
function budgetCut(
  runbooks: ReadonlyArray<{ occurrences: readonly ScheduledWindow[] }>,
  from: number,
  until: number,
  most: number,
): { end: number; lastStart: number } | undefined {
  const starts = runbooks
    .flatMap(({ occurrences }) => occurrences.filter((o) => o.end > from && o.start < until).map((o) => o.start))
    .sort((a, b) => a - b);
  if (starts.length <= most) return undefined;
  const end = from + (Math.floor(Math.max(0, starts[most - 1]! - from) / DAY) + 1) * DAY;
  return end >= until ? undefined : { end, lastStart: starts.filter((start) => start < end).at(-1)! };
}
