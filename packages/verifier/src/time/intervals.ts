/** Anything with a span in time, epoch milliseconds, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Pairs of overlapping spans from two lists: a sweep in O((n + m) log(n + m) + pairs), never
 * every pair against every other. Pairs come in sweep order: by the later start, a's before b's
 * at equal starts, then in list order. Lists already sorted by start (as callers usually pass
 * them) are merged without sorting.
 */
export function overlappingPairs<A extends Span, B extends Span>(a: readonly A[], b: readonly B[]): Array<[A, B]> {
  // A stable sort of each list by start, then a merge that takes a's first at equal starts, is
  // the stable sort of both by (start, list) that the sweep needs.
  const left = byStart(a);
  const right = byStart(b);
  const merged: Span[] = [];
  const fromB: number[] = [];
  for (let i = 0, j = 0; i < left.length || j < right.length;) {
    const fromA = j >= right.length || (i < left.length && left[i]!.start <= right[j]!.start);
    merged.push(fromA ? left[i++]! : right[j++]!);
    fromB.push(fromA ? 0 : 1);
  }
  const pairs: Array<[A, B]> = [];
  sweep(
    merged,
    (_, k) => fromB[k]!,
    (span, list, active, lists) => {
      for (let k = 0; k < active.length; k++) {
        if (lists[k] === list) continue;
        pairs.push(list === 0 ? [span as A, active[k] as B] : [active[k] as A, span as B]);
      }
    },
  );
  return pairs;
}

/**
 * The one sweep the pairings share: spans in sweep order, each visited with the spans still
 * active as it starts (those that end after its start) in the order they started, and their
 * tags (a list, a group). Ended spans are dropped only once the soonest end is passed, so a sweep
 * whose spans end in start order never scans the active ones twice.
 */
function sweep<T extends Span>(
  sorted: readonly T[],
  tagOf: (span: T, index: number) => number,
  visit: (span: T, tag: number, active: readonly T[], tags: readonly number[]) => void,
): void {
  const active: T[] = [];
  const tags: number[] = [];
  let soonestEnd = Infinity;
  for (let i = 0; i < sorted.length; i++) {
    const span = sorted[i]!;
    if (span.start >= soonestEnd) {
      let keep = 0;
      soonestEnd = Infinity;
      for (let k = 0; k < active.length; k++) {
        const other = active[k]!;
        if (other.end > span.start) {
          active[keep] = other;
          tags[keep++] = tags[k]!;
          soonestEnd = Math.min(soonestEnd, other.end);
        }
      }
      active.length = tags.length = keep;
    }
    const tag = tagOf(span, i);
    visit(span, tag, active, tags);
    active.push(span);
    tags.push(tag);
    soonestEnd = Math.min(soonestEnd, span.end);
  }
}

/**
 * Spans in the order the group sweeps take them: by start, the longer span first at equal starts,
 * so that a zero-length span lies inside a span that starts at the same instant. A list already
 * in that order is kept as it is.
 */
export function inGroupSweepOrder<T extends Span>(list: readonly T[]): readonly T[] {
  const inOrder = (x: Span, y: Span) => x.start - y.start || y.end - x.end;
  return list.every((span, k) => k === 0 || inOrder(list[k - 1]!, span) <= 0) ? list : [...list].sort(inOrder);
}

/** The overlaps of two groups of spans: the first in time, and how many there are in all. */
export interface GroupOverlap<T> {
  /** The first overlapping pair, [earlier, later] by start. */
  first: [T, T];
  count: number;
}

/**
 * Overlapping spans of one list, between spans of different groups (the occurrences of two
 * windows), kept as the first pair and a count per pair of groups: one sweep, and memory that
 * grows with the pairs of groups, never with the pairs of spans (600 identical daily windows
 * over a year are 73 million). A zero-length span lies inside a span that starts at the same
 * instant, whichever comes first in the list: at equal starts the longer span is swept first.
 * Results come in the order their first overlap was found.
 */
export function overlapsByGroup<T extends Span>(
  list: readonly T[],
  groupOf: (span: T) => number,
): Array<GroupOverlap<T>> {
  const sorted = inGroupSweepOrder(list);
  const groups = sorted.reduce((n, span) => Math.max(n, groupOf(span) + 1), 0);
  const firsts: Array<[T, T]> = [];
  let counts: Int32Array = new Int32Array(64);
  // A slot per pair of groups: dense while the table stays small, a map past that.
  const dense = groups * groups <= DENSE_SLOTS ? new Int32Array(groups * groups) : undefined;
  const sparse = dense ? undefined : new Map<number, number>();
  sweep(sorted, groupOf, (span, group, active, activeGroups) => {
    for (let k = 0; k < active.length; k++) {
      const other = activeGroups[k]!;
      if (other === group) continue;
      const key = other < group ? other * groups + group : group * groups + other;
      const slot = dense ? dense[key]! - 1 : (sparse!.get(key) ?? -1);
      if (slot >= 0) counts[slot]!++;
      else {
        if (dense) dense[key] = firsts.length + 1;
        else sparse!.set(key, firsts.length);
        if (firsts.length === counts.length) counts = growTo(counts, counts.length * 2);
        counts[firsts.length] = 1;
        firsts.push([active[k]!, span]);
      }
    }
  });
  return firsts.map((first, slot) => ({ first, count: counts[slot]! }));
}

function growTo(counts: Int32Array, length: number): Int32Array {
  const grown = new Int32Array(length);
  grown.set(counts);
  return grown;
}

/** 2,048 groups: a 16 MB table. */
const DENSE_SLOTS = 2048 * 2048;

function byStart<T extends Span>(list: readonly T[]): readonly T[] {
  for (let k = 1; k < list.length; k++) {
    if (list[k]!.start < list[k - 1]!.start) return [...list].sort((x, y) => x.start - y.start);
  }
  return list;
}
