import { describe, expect, it } from 'vitest';
import { overlappingPairs, overlapsByGroup, type GroupOverlap } from './intervals.ts';
import { DAY, HOUR } from './units.ts';

describe('overlappingPairs', () => {
  it('finds exactly the overlapping pairs, touching ends excluded', () => {
    const a = [
      { id: 'a1', start: 0, end: 10 },
      { id: 'a2', start: 20, end: 30 },
    ];
    const b = [
      { id: 'b1', start: 10, end: 12 },
      { id: 'b2', start: 5, end: 25 },
      { id: 'b3', start: 29, end: 40 },
    ];
    const pairs = overlappingPairs(
      a,
      [...b].sort((x, y) => x.start - y.start),
    )
      .map(([x, y]) => `${x.id}-${y.id}`)
      .sort();
    expect(pairs).toEqual(['a1-b2', 'a2-b2', 'a2-b3']);
  });

  it('agrees with the pairwise answer on random spans', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const spans = (n: number) =>
      Array.from({ length: n }, (_, id) => {
        const start = Math.floor(random() * 1000);
        return { id, start, end: start + 1 + Math.floor(random() * 50) };
      }).sort((x, y) => x.start - y.start);
    const a = spans(200);
    const b = spans(200);
    const expected = a
      .flatMap((x) => b.filter((y) => x.start < y.end && y.start < x.end).map((y) => `${x.id}-${y.id}`))
      .sort();
    expect(
      overlappingPairs(a, b)
        .map(([x, y]) => `${x.id}-${y.id}`)
        .sort(),
    ).toEqual(expected);
  });
});

describe('overlapsByGroup', () => {
  it('counts the overlapping pairs of every two groups, and keeps the first in time', () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const spans = Array.from({ length: 300 }, (_, id) => {
      const start = Math.floor(random() * 1000);
      return { id, group: id % 7, start, end: start + 1 + Math.floor(random() * 40) };
    });
    const expected = new Map<string, { count: number; firstAt: number }>();
    for (const x of spans)
      for (const y of spans) {
        if (x.group < y.group && x.start < y.end && y.start < x.end) {
          const key = `${x.group}-${y.group}`;
          const at = Math.max(x.start, y.start);
          const seen = expected.get(key);
          expected.set(key, { count: (seen?.count ?? 0) + 1, firstAt: Math.min(seen?.firstAt ?? Infinity, at) });
        }
      }
    const found = overlapsByGroup(spans, (s) => s.group);
    expect(
      new Map(
        found.map(({ first: [x, y], count }) => [[x.group, y.group].sort().join('-'), { count, firstAt: y.start }]),
      ),
    ).toEqual(expected);
    expect(found.every(({ first: [x, y] }) => x.start <= y.start && x.group !== y.group)).toBe(true);
  });

  it('keeps one entry per pair of groups for 600 identical daily spans, not 73 million pairs', () => {
    const spans = Array.from({ length: 400 }, (_, d) =>
      Array.from({ length: 600 }, (_, group) => ({ group, start: d * DAY, end: d * DAY + 2 * HOUR })),
    ).flat();
    const found = overlapsByGroup(spans, (s) => s.group);
    expect(found).toHaveLength((600 * 599) / 2);
    expect(found.every((o) => o.count === 400)).toBe(true);
  });

  it('puts a zero-length span inside a span starting at the same instant, in either list order', () => {
    const point = { id: 'point', start: 10, end: 10 };
    const span = { id: 'span', start: 10, end: 20 };
    const group = (s: { id: string }) => (s.id === 'span' ? 0 : 1);
    const ids = (found: Array<GroupOverlap<typeof point>>) =>
      found.map(({ first }) => first.map((s) => s.id).join('-'));
    expect(ids(overlapsByGroup([point, span], group))).toEqual(['span-point']);
    expect(ids(overlapsByGroup([span, point], group))).toEqual(['span-point']);
    // At its end a span is over: a point there is outside it.
    expect(overlapsByGroup([span, { id: 'end', start: 20, end: 20 }], group)).toEqual([]);
  });
});
