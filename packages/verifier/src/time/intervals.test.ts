import { describe, expect, it } from 'vitest';
import { overlappingPairs, overlapsWithin } from './intervals.ts';

describe('overlappingPairs', () => {
  it('finds exactly the overlapping pairs, touching ends excluded', () => {
    const a = [{ id: 'a1', start: 0, end: 10 }, { id: 'a2', start: 20, end: 30 }];
    const b = [{ id: 'b1', start: 10, end: 12 }, { id: 'b2', start: 5, end: 25 }, { id: 'b3', start: 29, end: 40 }];
    const pairs = overlappingPairs(a, [...b].sort((x, y) => x.start - y.start)).map(([x, y]) => `${x.id}-${y.id}`).sort();
    expect(pairs).toEqual(['a1-b2', 'a2-b2', 'a2-b3']);
  });

  it('agrees with the pairwise answer on random spans', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const spans = (n: number) => Array.from({ length: n }, (_, id) => { const start = Math.floor(random() * 1000); return { id, start, end: start + 1 + Math.floor(random() * 50) }; }).sort((x, y) => x.start - y.start);
    const a = spans(200);
    const b = spans(200);
    const expected = a.flatMap((x) => b.filter((y) => x.start < y.end && y.start < x.end).map((y) => `${x.id}-${y.id}`)).sort();
    expect(overlappingPairs(a, b).map(([x, y]) => `${x.id}-${y.id}`).sort()).toEqual(expected);
  });
});

describe('overlapsWithin', () => {
  it('finds each overlapping pair of one list once, earlier first, never a span with itself', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const spans = Array.from({ length: 300 }, (_, id) => { const start = Math.floor(random() * 1000); return { id, start, end: start + 1 + Math.floor(random() * 40) }; });
    const expected = spans.flatMap((x) => spans.filter((y) => x.id < y.id && x.start < y.end && y.start < x.end).map((y) => [x, y].sort((p, q) => p.start - q.start || q.end - p.end || p.id - q.id).map((s) => s.id).join('-'))).sort();
    const pairs = overlapsWithin(spans);
    expect(pairs.every(([x, y]) => x.start <= y.start)).toBe(true);
    expect(pairs.map((pair) => pair.map((s) => s.id).join('-')).sort()).toEqual(expected);
  });

  it('puts a zero-length span inside a span starting at the same instant, in either list order', () => {
    const point = { id: 'point', start: 10, end: 10 };
    const span = { id: 'span', start: 10, end: 20 };
    const ids = (pairs: Array<[typeof point, typeof point]>) => pairs.map((pair) => pair.map((s) => s.id).join('-'));
    expect(ids(overlapsWithin([point, span]))).toEqual(['span-point']);
    expect(ids(overlapsWithin([span, point]))).toEqual(['span-point']);
    // At its end a span is over: a point there is outside it.
    expect(overlapsWithin([span, { id: 'end', start: 20, end: 20 }])).toEqual([]);
  });
});
