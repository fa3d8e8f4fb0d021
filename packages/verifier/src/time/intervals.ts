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

/**
 * Pairs of overlapping spans within one list, each pair once and no span with itself: the same
 * sweep as `overlappingPairs(list, list)` without its doubled and self pairs, which for a list of
 * every window occurrence of a system are most of the work. Pairs come as [earlier, later] by
 * start. A zero-length span lies inside a span that starts at the same instant, whichever
 * comes first in the list: at equal starts the longer span is swept first.
 */
export function overlapsWithin<T extends Span>(list: readonly T[]): Array<[T, T]> {
  const inOrder = (x: Span, y: Span) => x.start - y.start || y.end - x.end;
  const sorted = list.every((span, k) => k === 0 || inOrder(list[k - 1]!, span) <= 0) ? list : [...list].sort(inOrder);
  const active: T[] = [];
  const pairs: Array<[T, T]> = [];
  for (const span of sorted) {
    dropEnded(active, span.start);
    for (const other of active) pairs.push([other, span]);
    active.push(span);
  }
  return pairs;
}

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
