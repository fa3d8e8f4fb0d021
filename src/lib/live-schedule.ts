import { DAY, windowAnswerers, type Runbook } from '@almanac/verifier';

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
  /** Who answers for it (`windowAnswerers`): an owner's status on the owners page counts these. */
  owners: string[];
}

export interface LiveSchedule {
  /** When the site was built, epoch milliseconds. */
  builtAt: number;
  /** Past this instant the list is incomplete: the next window after it may be missing. */
  until: number;
  windows: LiveWindow[];
  /** [start, end, index into windows], sorted by start. */
  occurrences: Array<[number, number, number]>;
}

/** A fortnight and a day: a site rebuilt daily, or a few days late, still knows what comes next. */
export const LIVE_DAYS = 15;

interface Occurrence {
  start: number;
  end: number;
  window: { value: { id: string; title: string } };
  zone: string;
}

/**
 * The windows of these runbooks that are under way at `from` or start in the LIVE_DAYS after it,
 * and each window's first occurrence after that, so the next window of a quiet runbook is known.
 */
export function liveSchedule(
  runbooks: ReadonlyArray<{ runbook: Runbook; href: string; occurrences: readonly Occurrence[] }>,
  from: number,
  builtAt: number,
): LiveSchedule {
  const until = from + LIVE_DAYS * DAY;
  const windows: LiveWindow[] = [];
  const occurrences: Array<[number, number, number]> = [];
  for (const { runbook, href, occurrences: all } of runbooks) {
    const index = new Map<string, number>();
    const beyond = new Set<string>();
    for (const o of all) {
      if (o.end <= from) continue;
      const id = o.window.value.id;
      if (o.start >= until) {
        if (beyond.has(id)) continue;
        beyond.add(id);
      }
      let i = index.get(id);
      if (i === undefined) {
        index.set(id, (i = windows.length));
        windows.push({ runbook: runbook.id, system: runbook.system, title: o.window.value.title, href: `${href}#window-${id}`, zone: runbook.timezone ?? o.zone, owners: [...windowAnswerers(runbook, o.window.value)] });
      }
      occurrences.push([o.start, o.end, i]);
    }
  }
  occurrences.sort((a, b) => a[0] - b[0] || a[2] - b[2]);
  return { builtAt, until, windows, occurrences };
}
