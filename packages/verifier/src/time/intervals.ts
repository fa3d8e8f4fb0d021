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
  const activeA: A[] = [];
  const activeB: B[] = [];
  const pairs: Array<[A, B]> = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    const fromA = j >= right.length || (i < left.length && left[i]!.start <= right[j]!.start);
    const span: Span = fromA ? left[i++]! : right[j++]!;
    // Drop spans that ended before this one starts; what stays overlaps it.
    dropEnded(activeA, span.start);
    dropEnded(activeB, span.start);
    if (fromA) {
      for (const other of activeB) pairs.push([span as A, other]);
      activeA.push(span as A);
    } else {
      for (const other of activeA) pairs.push([other, span as B]);
      activeB.push(span as B);
    }
  }
  return pairs;
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
export function overlapsByGroup<T extends Span>(list: readonly T[], groupOf: (span: T) => number): Array<GroupOverlap<T>> {
  const inOrder = (x: Span, y: Span) => x.start - y.start || y.end - x.end;
  const sorted = list.every((span, k) => k === 0 || inOrder(list[k - 1]!, span) <= 0) ? list : [...list].sort(inOrder);
  const groups = sorted.reduce((n, span) => Math.max(n, groupOf(span) + 1), 0);
  const firsts: Array<[T, T]> = [];
  let counts: Int32Array = new Int32Array(64);
  // A slot per pair of groups: dense while the table stays small, a map past that.
  const dense = groups * groups <= DENSE_SLOTS ? new Int32Array(groups * groups) : undefined;
  const sparse = dense ? undefined : new Map<number, number>();
  const active: T[] = [];
  const activeGroups: number[] = [];
  let soonestEnd = Infinity;
  for (const span of sorted) {
    if (span.start >= soonestEnd) {
      let keep = 0;
      soonestEnd = Infinity;
      for (let k = 0; k < active.length; k++) {
        const other = active[k]!;
        if (other.end > span.start) {
          active[keep] = other;
          activeGroups[keep++] = activeGroups[k]!;
          soonestEnd = Math.min(soonestEnd, other.end);
        }
      }
      active.length = activeGroups.length = keep;
    }
    const group = groupOf(span);
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
    active.push(span);
    activeGroups.push(group);
    soonestEnd = Math.min(soonestEnd, span.end);
  }
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

function dropEnded(list: Span[], start: number): void {
  let keep = 0;
  for (let k = 0; k < list.length; k++) {
    const other = list[k]!;
    if (other.end > start) list[keep++] = other;
  }
  list.length = keep;
}
