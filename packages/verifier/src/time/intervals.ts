/** Anything with a span in time, epoch milliseconds, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Pairs of overlapping spans from two lists, each sorted by start: a sweep in
 * O((n + m) log(n + m) + pairs), never every pair against every other.
 */
export function overlappingPairs<A extends Span, B extends Span>(a: readonly A[], b: readonly B[]): Array<[A, B]> {
  type Event = { span: A | B; side: 0 | 1 };
  const events: Event[] = [...a.map((span) => ({ span, side: 0 as const })), ...b.map((span) => ({ span, side: 1 as const }))];
  events.sort((x, y) => x.span.start - y.span.start || x.side - y.side);
  const active: [A[], B[]] = [[], []];
  const pairs: Array<[A, B]> = [];
  for (const { span, side } of events) {
    // Drop spans that ended before this one starts; what stays overlaps it.
    for (const list of active) {
      let keep = 0;
      for (const other of list) if (other.end > span.start) list[keep++] = other as never;
      list.length = keep;
    }
    if (side === 0) for (const other of active[1]) pairs.push([span as A, other]);
    else for (const other of active[0]) pairs.push([other, span as B]);
    (active[side] as Span[]).push(span);
  }
  return pairs;
}

/** Sorted spans merged where they touch or overlap. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((x, y) => x.start - y.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}
