import { describe, expect, it } from 'vitest';
import { ANNOTATIONS_PER_LEVEL, formatGithub } from '../src/outputs/format/github.ts';
import { formatJson } from '../src/outputs/format/json.ts';
import type { Finding } from '../src/load/finding.ts';
import { boundedOverlaps } from '../src/schedule/overlap-budget.ts';
import { CONFLICTS_PER_SYSTEM } from '../src/rules/conflicts.ts';
import { overlapsByGroup, type Span } from '../src/time/intervals.ts';
import { verify } from '../src/rules/verify.ts';
import { corpusOf, TODAY, windowItem } from './rule-tester.ts';

interface Tagged extends Span {
  group: number;
}

/** A list of spans from a seed: starts on a small grid so that ties, zero lengths and nesting all occur. */
function spans(seed: number, count: number, groups: number): Tagged[] {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return (state >>> 16) % n;
  };
  return Array.from({ length: count }, () => {
    const start = next(40);
    return { start, end: start + next(6), group: next(groups) };
  });
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

describe('the bounded overlap sweep', () => {
  const key = ({ first: [a, b] }: { first: [Tagged, Tagged] }) => [a.group, b.group].sort((x, y) => x - y).join('-');

  it('lists every overlapping pair of groups, with the first spans and counts of the full sweep, while they fit the budget', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const list = spans(seed, 30, 5);
      const all = overlapsByGroup(list, (s) => s.group);
      const bounded = boundedOverlaps(list, (s) => s.group, 100);
      expect(bounded.beyond).toBeUndefined();
      expect(bounded.unlisted).toBe(0);
      expect(new Map(bounded.listed.map((o) => [key(o), o]))).toEqual(new Map(all.map((o) => [key(o), o])));
    }
  });

  it('past the budget, lists pairs the full sweep finds, names one it left out, and counts the overlapping groups in no listed pair', () => {
    let over = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const list = spans(seed, 60, 12);
      const all = new Map(overlapsByGroup(list, (s) => s.group).map((o) => [key(o), o]));
      const bounded = boundedOverlaps(list, (s) => s.group, 4);
      expect(bounded.listed.length).toBe(Math.min(4, all.size));
      for (const o of bounded.listed) expect(all.get(key(o))).toEqual(o);
      expect(bounded.beyond !== undefined).toBe(all.size > 4);
      if (!bounded.beyond) continue;
      over++;
      const [a, b] = bounded.beyond;
      expect(a.start <= b.start && a.end > b.start && a.group !== b.group).toBe(true);
      expect(bounded.listed.map(key)).not.toContain([a.group, b.group].sort((x, y) => x - y).join('-'));
      const inListed = new Set(bounded.listed.flatMap((o) => o.first.map((s) => s.group)));
      const overlapping = new Set([...all.keys()].flatMap((k) => k.split('-').map(Number)));
      expect(bounded.unlisted).toBe([...overlapping].filter((g) => !inListed.has(g)).length);
    }
    expect(over).toBeGreaterThan(100);
  });
});

describe('pairwise rules, bounded per system', () => {
  it('verifies 2,400 identical daily windows in seconds: 20 overlapping pairs and one finding for the rest', () => {
    // 2,400 windows over the horizon are 2.9 million overlapping pairs of windows, a billion of occurrences.
    const windows = Array.from({ length: 2_400 }, (_, i) => windowItem({ id: `w${i}`, rrule: 'FREQ=DAILY' }));
    const corpus = corpusOf({ runbooks: [{ windows }] });
    const heap = process.memoryUsage().heapUsed;
    const started = process.cpuUsage();
    const { findings } = verify(corpus, { today: TODAY });
    expect(cpuMs(started)).toBeLessThan(30_000);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(2 ** 30);
    expect(findings.filter((f) => f.messageId === 'overlaps')).toHaveLength(CONFLICTS_PER_SYSTEM);
    const more = findings.filter((f) => f.messageId === 'more');
    expect(more).toHaveLength(1);
    expect(findings).toHaveLength(CONFLICTS_PER_SYSTEM + 1);
    expect(findings[0]!.message).toMatch(
      /^Window 'w1' \(Mon 02:00–04:00 UTC\) overlaps window 'w0' \(Mon 02:00–04:00 UTC\) on \d{4}-\d{2}-\d{2} and \d+ more times;/,
    );
    expect(more[0]!.message).toMatch(
      /^Window 'w\d+' overlaps window 'w\d+' too, and 2393 more windows overlap others: only the first 20 overlapping pairs of windows of system 'demo' are listed; fix those and verify again$/,
    );
    // Every finding is kept in JSON (and SARIF); there are few of them now, so it stays small.
    expect(Buffer.byteLength(formatJson(findings, { files: 1, errors: findings.length, warnings: 0 }))).toBeLessThan(
      30_000,
    );
  }, 60_000);

  it('reports the first 20 conflicting thresholds of a system and counts the rest in one finding', () => {
    const threshold = (warning: number) => ({
      metric: 'error-rate',
      unit: 'percent',
      comparator: '>',
      warning: { value: warning },
      critical: { value: 99 },
      response: 'Investigate',
    });
    const runbooks = Array.from({ length: 26 }, (_, i) => ({ thresholds: [threshold(i + 1)] }));
    const findings = verify(
      corpusOf({
        runbooks: [
          ...runbooks,
          { system: 'other', thresholds: [threshold(1)] },
          { system: 'other', thresholds: [threshold(2)] },
        ],
      }),
      { today: TODAY },
    ).findings.filter((f) => f.ruleId === 'threshold-conflict');
    expect(findings.filter((f) => f.messageId === 'differs')).toHaveLength(21);
    const more = findings.filter((f) => f.messageId === 'more');
    expect(more).toMatchObject([
      {
        file: 'runbooks/r21.mdx',
        path: 'thresholds[0].metric',
        message:
          "Metric levels of system 'demo' conflict in 5 more places not listed: only the first 20 conflicts of a system are; fix those and verify again",
      },
    ]);
  });
});

describe('--format github', () => {
  const finding = (severity: Finding['severity'], ruleId: string, n: number): Finding => ({
    ruleId,
    severity,
    file: 'runbooks/a.mdx',
    line: n,
    column: 1,
    message: `finding ${n}`,
  });

  it('writes the first 10 annotations of each level, as GitHub shows them, then counts the rest by rule', () => {
    const findings = [
      ...Array.from({ length: 30 }, (_, i) => finding('error', i < 25 ? 'window-overlap' : 'schema', i)),
      ...Array.from({ length: 12 }, (_, i) => finding('warning', 'review-overdue', 100 + i)),
    ];
    const lines = formatGithub(findings).trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(ANNOTATIONS_PER_LEVEL);
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(ANNOTATIONS_PER_LEVEL);
    expect(lines).toHaveLength(2 * ANNOTATIONS_PER_LEVEL + 1);
    expect(lines.at(-1)).toBe(
      'almanac: 30 errors and 12 warnings; GitHub shows 10 annotations of each level per step, so 20 errors and 2 warnings are not annotated (window-overlap 15 errors, schema 5 errors, review-overdue 2 warnings). `almanac verify` lists them all, and the SARIF report holds them all.',
    );
  });

  it('writes no closing line when every finding is annotated', () => {
    expect(
      formatGithub(Array.from({ length: 10 }, (_, i) => finding('error', 'schema', i)))
        .split('\n')
        .filter(Boolean),
    ).toHaveLength(10);
  });
});
