import { humanizeMs } from '../time/duration.ts';
import type { TimeEngine } from '../time/engine.ts';
import type { Occurrence, Recurrence } from '../time/expand.ts';
import { clock, localSpan, offsetIn, zoneTimeName } from '../time/format.ts';
import { DAY } from '../time/units.ts';
import { scheduleInWords } from '../time/recurrence-words.ts';
import { isUtc } from '../time/time-words.ts';

/** How many coming occurrences a report shows on each side. */
const NEXT_SHOWN = 3;

/** One side of a schedule change: the recurrence in words and its next occurrences. */
export interface ScheduleView {
  /** "every Sunday, 02:00–04:00 UTC". */
  words: string;
  /** The zone `local` is in: the runbook's, where its readers are, or the item's own when the runbook's is UTC. */
  zone: string;
  /** The next occurrences from the day of --now: ISO instants, and in words in UTC and in `zone`. */
  next: Array<{ start: string; end: string; utc: string; local: string }>;
  /** Why there are none: an invalid rule, an unknown zone. */
  problem?: string;
}

/** An item's schedule as one side of a diff has it: what expands, in which zone. */
export interface SideSchedule {
  recurrence: Recurrence;
  /** Undefined when the item has no usable zone. */
  zone: string | undefined;
  /** The runbook's own zone, when it has a usable one. */
  runbookZone: string | undefined;
  time: TimeEngine;
}

function upcoming(side: SideSchedule, from: number): Occurrence[] | string {
  if (!side.zone) return 'no usable time zone';
  const expansion = side.time.expand(side.recurrence, side.zone);
  if (!expansion.ok) return `its RRULE ${expansion.message}`;
  return expansion.occurrences.filter((o) => o.start >= from);
}

const iso = (instant: number) => new Date(instant).toISOString().replace('.000Z', 'Z');

export function scheduleView(side: SideSchedule, from: number): ScheduleView {
  const local = side.runbookZone && !isUtc(side.runbookZone) ? side.runbookZone : side.zone;
  const zone = local ?? 'no usable time zone';
  const words = side.zone
    ? scheduleInWords(side.recurrence, side.zone)
    : `${scheduleInWords(side.recurrence, '').trimEnd()} in no usable time zone`;
  const occurrences = upcoming(side, from);
  if (typeof occurrences === 'string') return { words, zone, next: [], problem: occurrences };
  return {
    words,
    zone,
    next: occurrences.slice(0, NEXT_SHOWN).map((o) => ({
      start: iso(o.start),
      end: iso(o.end),
      utc: localSpan(o.start, o.end, 'UTC'),
      local: localSpan(o.start, o.end, local!),
    })),
  };
}

function moves(delta: number): string {
  if (delta === 0) return 'keeps its UTC time';
  return `moves ${humanizeMs(Math.abs(delta))} ${delta > 0 ? 'later' : 'earlier'}`;
}

/** "Sun 2027-03-28": the date of an instant in a zone. */
function day(instant: number, zone: string): string {
  const { weekday, date } = clock(instant, zone);
  return `${weekday} ${date}`;
}

/**
 * The shift in words: how far the item moves in UTC, and where that changes over the coming
 * year because a zone's clocks change ("moves 1 hour later; from Sun 2027-03-28, when
 * Europe/London crosses into BST (UTC+01:00), keeps its UTC time"). Occurrences are paired by
 * the rule's date when the rule itself is unchanged; otherwise only the next ones are compared.
 */
export function shiftInWords(before: SideSchedule, after: SideSchedule, from: number): string | undefined {
  const a = upcoming(before, from);
  const b = upcoming(after, from);
  if (typeof a === 'string' || typeof b === 'string')
    return typeof b === 'string' ? `no longer expands: ${b}` : undefined;
  if (a.length === 0 || b.length === 0)
    return b.length ? 'now occurs' : a.length ? 'no longer occurs in the coming year' : undefined;
  const lengthNote = lengthChange(a[0]!, b[0]!);
  if (before.recurrence.rrule !== after.recurrence.rrule) {
    const delta = b[0]!.start - a[0]!.start;
    return `the next occurrence ${delta === 0 ? 'starts at the same instant' : moves(delta).replace('moves', 'is')}${lengthNote}`;
  }
  const pairs = pairByRuleDate(a, b);
  if (pairs.length === 0) return undefined;
  const words: string[] = [];
  let last: [Occurrence, Occurrence] | undefined;
  for (const pair of pairs) {
    const delta = pair[1].start - pair[0].start;
    if (!last) words.push(moves(delta));
    else if (delta !== last[1].start - last[0].start)
      words.push(
        `from ${day(pair[1].start, after.zone!)}${crossing(last, pair, before.zone!, after.zone!)}, ${moves(delta)}`,
      );
    last = pair;
    if (words.length > 4) break;
  }
  return `${words.join('; ')}${lengthNote}`;
}

function lengthChange(a: Occurrence, b: Occurrence): string {
  const [x, y] = [a.end - a.start, b.end - b.start];
  return x === y ? '' : `, and lasts ${humanizeMs(y)} instead of ${humanizeMs(x)}`;
}

/** ", when Europe/London crosses into BST (UTC+01:00)": which zone's change made the shift change. */
function crossing(
  previous: [Occurrence, Occurrence],
  pair: [Occurrence, Occurrence],
  zoneBefore: string,
  zoneAfter: string,
): string {
  const changed = [
    [zoneAfter, previous[1].start, pair[1].start],
    [zoneBefore, previous[0].start, pair[0].start],
  ].find(([zone, p, q]) => offsetIn(zone as string, p as number) !== offsetIn(zone as string, q as number)) as
    [string, number, number] | undefined;
  return changed ? `, when ${changed[0]} crosses into ${zoneTimeName(changed[0], changed[2])}` : '';
}

/** Occurrences of one rule on both sides, paired by the rule's date (and order within the day). */
function pairByRuleDate(a: readonly Occurrence[], b: readonly Occurrence[]): Array<[Occurrence, Occurrence]> {
  const keyed = (list: readonly Occurrence[]) => {
    const counts = new Map<number, number>();
    return new Map(
      list.map((o) => {
        const date = Math.floor(o.wall / DAY);
        const n = counts.get(date) ?? 0;
        counts.set(date, n + 1);
        return [`${date}#${n}`, o] as const;
      }),
    );
  };
  const after = keyed(b);
  const pairs: Array<[Occurrence, Occurrence]> = [];
  for (const [key, o] of keyed(a)) {
    const other = after.get(key);
    if (other) pairs.push([o, other]);
  }
  return pairs;
}
