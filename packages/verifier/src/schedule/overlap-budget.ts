import { inGroupSweepOrder, overlapsByGroup, type GroupOverlap, type Span } from '../time/intervals.ts';

/** The overlaps of a list's groups, as far as a budget lists them. */
export interface BoundedOverlaps<T> {
  /** The first overlapping pairs of groups found, at most the budget: each its first pair of spans and a count. */
  listed: Array<GroupOverlap<T>>;
  /** Past the budget, the first pair of spans of two groups that overlap and are not listed: [earlier, later]. */
  beyond?: [T, T];
  /** How many groups overlap another group and are in no listed pair. */
  unlisted: number;
}

/**
 * Overlapping spans of different groups (the occurrences of two windows), listed up to `budget`
 * pairs of groups, with the rest told as a count of groups. One sweep over the spans keeps the
 * active spans in a heap by end and a count of active spans per group, so it never visits pairs of
 * spans: each span looks at the active groups only while pairs are still being listed (at most
 * twice the budget of them), and marks every active group as overlapping at most once. 2,400
 * identical daily windows are 977,000 spans and 2.9 million overlapping pairs of windows: this
 * takes about a second of CPU, where listing every pair took minutes. The listed pairs' first spans and counts
 * are then found by sweeping only the spans of the groups they name.
 */
export function boundedOverlaps<T extends Span>(
  list: readonly T[],
  groupOf: (span: T) => number,
  budget: number,
): BoundedOverlaps<T> {
  // As overlapsByGroup sweeps. Not its sweep: that one visits the active spans of each span, which
  // past the budget would be the pairs this one avoids; here a heap by end drops them in order.
  const sorted = inGroupSweepOrder(list);
  const groupAt = Int32Array.from(sorted, groupOf);
  const groups = groupAt.reduce((n, group) => Math.max(n, group + 1), 0);
  const activeCount = new Int32Array(groups);
  const activeGroups = new Set<number>();
  const overlapping = new Uint8Array(groups);
  // Active groups not yet known to overlap: each group leaves this set for good once it does.
  const unmarked = new Set<number>();
  const listedKeys = new Set<number>();
  const listedGroups = new Set<number>();
  const ends = new MinHeap();
  let beyond: [T, T] | undefined;
  const pairKey = (g: number, h: number) => (g < h ? g * groups + h : h * groups + g);

  sorted.forEach((span, index) => {
    while (ends.size && sorted[ends.peek()]!.end <= span.start) {
      const g = groupAt[ends.pop()]!;
      if (--activeCount[g]! === 0) {
        activeGroups.delete(g);
        unmarked.delete(g);
      }
    }
    const group = groupAt[index]!;
    const others = activeGroups.size - (activeCount[group]! > 0 ? 1 : 0);
    if (others > 0) {
      overlapping[group] = 1;
      for (const g of unmarked) overlapping[g] = 1;
      unmarked.clear();
      // Each group looked at is already listed with this one (at most the budget), newly listed, or the first beyond.
      for (const other of activeGroups) {
        if (beyond) break;
        if (other === group || listedKeys.has(pairKey(group, other))) continue;
        if (listedKeys.size < budget) {
          listedKeys.add(pairKey(group, other));
          listedGroups.add(group).add(other);
        } else {
          // Looked for once: the first active span of the other group, among the active spans.
          const earlier = ends.find((i) => groupAt[i] === other)!;
          beyond = [sorted[earlier]!, span];
        }
      }
    }
    if (activeCount[group]!++ === 0) {
      activeGroups.add(group);
      if (!overlapping[group]) unmarked.add(group);
    }
    ends.push(index, span.end);
  });

  const members = sorted.filter((_, i) => listedGroups.has(groupAt[i]!));
  const listed = overlapsByGroup(members, groupOf).filter(({ first: [a, b] }) =>
    listedKeys.has(pairKey(groupOf(a), groupOf(b))),
  );
  let unlisted = 0;
  for (let g = 0; g < groups; g++) if (overlapping[g] && !listedGroups.has(g)) unlisted++;
  return beyond ? { listed, beyond, unlisted } : { listed, unlisted };
}

/** Indices by a numeric key, least first: the active spans by end. */
class MinHeap {
  private items: number[] = [];
  private keys: number[] = [];

  get size(): number {
    return this.items.length;
  }

  find(test: (item: number) => boolean): number | undefined {
    return this.items.find(test);
  }

  peek(): number {
    return this.items[0]!;
  }

  push(item: number, key: number): void {
    let k = this.items.length;
    this.items.push(item);
    this.keys.push(key);
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.items[k] = this.items[parent]!;
      this.keys[k] = this.keys[parent]!;
      k = parent;
    }
    this.items[k] = item;
    this.keys[k] = key;
  }

  pop(): number {
    const top = this.items[0]!;
    const item = this.items.pop()!;
    const key = this.keys.pop()!;
    const n = this.items.length;
    if (n === 0) return top;
    let k = 0;
    for (;;) {
      let child = 2 * k + 1;
      if (child >= n) break;
      if (child + 1 < n && this.keys[child + 1]! < this.keys[child]!) child++;
      if (this.keys[child]! >= key) break;
      this.items[k] = this.items[child]!;
      this.keys[k] = this.keys[child]!;
      k = child;
    }
    this.items[k] = item;
    this.keys[k] = key;
    return top;
  }
}
