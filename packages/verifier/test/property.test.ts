import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseRunbookFile } from '../src/load/parse-file.ts';
import { horizonAround, TimeEngine } from '../src/time/engine.ts';
import { clock } from '../src/time/format.ts';
import { verify } from '../src/rules/verify.ts';
import { propertyRuns } from './property-runs.ts';
import { corpusOf } from './rule-tester.ts';

// A fixed seed: a failure replays the same way.
const settings = { seed: 20261123, numRuns: propertyRuns() };

const ZONES = [
  'UTC',
  'Africa/Nairobi',
  'Europe/London',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'EAT',
  'Mars/Base',
  '',
];
const rrulePart = fc.oneof(
  fc.constantFrom(
    'FREQ=DAILY',
    'FREQ=WEEKLY',
    'FREQ=MONTHLY',
    'FREQ=YEARLY',
    'FREQ=HOURLY',
    'FREQ=SECONDLY',
    'FREQ=MINUTELY',
  ),
  fc.integer({ min: -3, max: 40 }).map((n) => `INTERVAL=${n}`),
  fc.constantFrom(
    'BYDAY=SU',
    'BYDAY=-1SU',
    'BYDAY=1MO,3FR',
    'BYDAY=SUN',
    'BYDAY=9XX',
    'BYMONTHDAY=31',
    'BYMONTHDAY=-1',
    'BYMONTH=2',
    'BYMONTH=13',
    'BYHOUR=0,16',
    'BYSETPOS=-1',
    'COUNT=3',
    'UNTIL=20270101',
    'WKST=MO',
    'DTSTART=20260101',
  ),
  fc.string({ maxLength: 12 }),
);
const rrule = fc.array(rrulePart, { minLength: 0, maxLength: 5 }).map((parts) => parts.join(';'));
const time = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
  fc.string({ maxLength: 6 }),
  fc.integer(),
);
const anyValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 3 }),
);
const item = fc.record(
  {
    id: fc.oneof(fc.constantFrom('a', 'b', 'weekly'), anyValue),
    title: fc.oneof(fc.string(), anyValue),
    kind: fc.constantFrom('backup', 'check', 'nope'),
    rrule: fc.oneof(rrule, anyValue),
    start: time,
    duration: fc.oneof(fc.constantFrom('PT1H', 'PT30M', 'P1D', 'PT0S'), anyValue),
    timezone: fc.constantFrom(...ZONES),
    owner: fc.constantFrom('ops', 'nobody'),
    impact: fc.constantFrom('minimal', 'huge'),
    window: fc.constantFrom('weekly', 'a', 'none'),
    supersedes: fc.constantFrom(['a'], ['weekly'], 'x'),
  },
  { requiredKeys: [] },
);
const runbook = fc.record(
  {
    id: fc.oneof(fc.constantFrom('a', 'b'), anyValue),
    title: anyValue,
    system: fc.oneof(fc.constantFrom('s', 't'), anyValue),
    owners: fc.oneof(fc.constant(['ops']), anyValue),
    timezone: fc.constantFrom(...ZONES),
    windows: fc.oneof(fc.array(item, { maxLength: 3 }), anyValue),
    tasks: fc.oneof(fc.array(item, { maxLength: 4 }), anyValue),
    objectives: fc.array(
      fc.record(
        {
          scenario: fc.constantFrom('x', 'y'),
          rto: fc.constantFrom('PT1H', 'PT4H', 'x'),
          rpo: fc.constantFrom('PT0S', 'PT4H', 'P1D'),
          procedure: fc.string(),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 2 },
    ),
    thresholds: fc.array(
      fc.record(
        {
          metric: fc.constantFrom('cpu', 'mem'),
          comparator: fc.constantFrom('>', '<', '='),
          warning: fc.record({ value: fc.oneof(fc.integer(), fc.string()) }),
          critical: fc.record({ value: fc.integer() }),
          response: fc.string(),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 2 },
    ),
    review: fc.oneof(
      fc.record({
        cycle: fc.constantFrom('P3M', 'P1Y', 'nope'),
        last_reviewed: fc.constantFrom('2025-11-14', '2026-02-30', '14/11/2025'),
      }),
      anyValue,
    ),
  },
  { requiredKeys: [] },
);

function assertFindingsInside(texts: string[], findings: ReturnType<typeof verify>['findings']): void {
  for (const f of findings) {
    const index = f.file === 'runbooks/owners.yaml' ? -1 : Number(/r(\d+)\.mdx$/.exec(f.file)![1]);
    const lines = index === -1 ? Number.POSITIVE_INFINITY : texts[index]!.split('\n').length;
    expect(f.line).toBeGreaterThanOrEqual(1);
    expect(f.line).toBeLessThanOrEqual(lines);
    expect(f.column).toBeGreaterThanOrEqual(1);
    expect(f.message.length).toBeGreaterThan(0);
  }
}

describe('the verifier on random input', () => {
  it('never throws on random frontmatter, and every finding has a line inside its file', () => {
    fc.assert(
      fc.property(fc.array(runbook, { minLength: 1, maxLength: 3 }), (runbooks) => {
        const texts = runbooks.map((data) => `---\n${stringify(data)}---\n\nBody\n`);
        const { findings } = verify(corpusOf({ runbooks: texts }), { today: '2026-11-23' });
        assertFindingsInside(texts, findings);
      }),
      // Five times the runs: one to three runbooks a case, the space of whole corpora is the widest.
      { ...settings, numRuns: propertyRuns(5) },
    );
  });

  it('never throws on random text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `---\n${s}\n---\n`),
          fc.string().map((s) => `---\ntitle: x\n${s}`),
        ),
        (text) => {
          const { findings } = verify(corpusOf({ runbooks: [text] }), { today: '2026-11-23' });
          assertFindingsInside([text], findings);
        },
      ),
      settings,
    );
  });

  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(() =>
          parseRunbookFile('runbooks/r0.mdx', bytes, { file: 'runbooks/owners.yaml', owners: {} }),
        ).not.toThrow();
      }),
      settings,
    );
  });
});

describe('expansion invariants', () => {
  const engine = new TimeEngine(horizonAround('2026-11-23'));
  const validRrule = fc
    .tuple(
      fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY', 'HOURLY'),
      fc.integer({ min: 1, max: 6 }),
      fc.constantFrom('', ';BYDAY=SU', ';BYDAY=-1SU', ';BYDAY=1MO', ';BYMONTHDAY=1', ';BYMONTH=3,10', ';BYMONTHDAY=-1'),
    )
    .map(([freq, interval, by]) => `FREQ=${freq};INTERVAL=${interval}${freq === 'HOURLY' ? '' : by}`);
  const zone = fc.constantFrom(
    'UTC',
    'Africa/Nairobi',
    'Europe/London',
    'America/New_York',
    'Australia/Lord_Howe',
    'America/Santiago',
    'Asia/Tehran',
  );
  const start = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

  it('gives sorted occurrences inside the horizon at the written wall time unless it fell in a gap', () => {
    fc.assert(
      fc.property(validRrule, start, zone, (rule, at, tz) => {
        const expansion = engine.expand({ rrule: rule, start: at, duration: 'PT1H' }, tz);
        if (!expansion.ok) return;
        // One expect for the lot: an hourly rule has ten thousand occurrences.
        const wrong = expansion.occurrences.find((o, i, all) => {
          const inOrder = i === 0 || o.start > all[i - 1]!.start;
          const inside = o.start >= engine.horizon.from && o.start < engine.horizon.to && o.end - o.start === 3_600_000;
          const wall =
            rule.startsWith('FREQ=HOURLY') ||
            (o.kind === 'gap' ? clock(o.start, tz).time > at : clock(o.start, tz).time === at);
          return !(inOrder && inside && wall);
        });
        expect(wrong && { ...wrong, local: clock(wrong.start, tz) }).toBeUndefined();
      }),
      settings,
    );
  });

  // Issue 26: starts moved forward out of a gap landed on later starts (New York's half hours, Lord
  // Howe's quarter hours, Apia's lost day). RFC 5545 makes the recurrence a set: every expansion,
  // of every frequency, is strictly increasing.
  const list = (values: readonly number[]) =>
    fc.subarray([...values], { minLength: 1, maxLength: 5 }).map((picked) => picked.join(','));
  const subDailyRule = fc
    .tuple(
      fc.constantFrom('MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'),
      fc.constantFrom(1, 1, 2, 3, 15, 30),
      fc.option(list([0, 1, 2, 3, 4, 5, 21, 22, 23]), { nil: undefined }),
      fc.option(list([0, 10, 15, 20, 30, 45, 50]), { nil: undefined }),
      fc.option(fc.constantFrom('BYDAY=SU', 'BYDAY=SA,SU', 'BYMONTHDAY=1,30', 'BYMONTH=3,4,9,10', 'BYDAY=FR,SA'), {
        nil: undefined,
      }),
      fc.option(fc.constantFrom('1', '-1', '2,-2'), { nil: undefined }),
    )
    .map(([freq, interval, hours, minutes, days, setPos]) => {
      const parts = [`FREQ=${freq}`, `INTERVAL=${freq === 'MINUTELY' ? interval : Math.min(interval, 3)}`];
      if (hours) parts.push(`BYHOUR=${hours}`);
      // MINUTELY needs BYHOUR or a wide INTERVAL to stay under the occurrence limit.
      if (minutes && (freq !== 'MINUTELY' || hours)) parts.push(`BYMINUTE=${minutes}`);
      if (days && !(freq === 'WEEKLY' && days.startsWith('BYMONTHDAY'))) parts.push(days);
      if (setPos && parts.length > 2) parts.push(`BYSETPOS=${setPos}`);
      return parts.join(';');
    });
  const gapZone = fc.constantFrom(
    'America/New_York',
    'Europe/London',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'America/Santiago',
    'America/Havana',
    'Pacific/Apia',
    'Asia/Kolkata',
  );
  // Horizons of three weeks around the DST changes, and Apia's skipped 30 December 2011.
  const around = fc.constantFrom(
    '2011-12-27',
    '2027-03-10',
    '2027-03-25',
    '2027-09-24',
    '2027-10-01',
    '2027-10-28',
    '2027-11-04',
    '2027-04-01',
  );
  const engines = new Map<string, TimeEngine>();

  it('expands every rule to strictly increasing instants, each once, across DST changes', () => {
    fc.assert(
      fc.property(subDailyRule, start, gapZone, around, (rule, at, tz, day) => {
        let engine = engines.get(day);
        if (!engine) engines.set(day, (engine = new TimeEngine(horizonAround(day, 7, 21))));
        const expansion = engine.expand({ rrule: rule, start: at, duration: 'PT30M' }, tz);
        if (!expansion.ok) return;
        const backwards = expansion.occurrences.findIndex((o, i, all) => i > 0 && o.start <= all[i - 1]!.start);
        expect(
          backwards === -1
            ? undefined
            : expansion.occurrences.slice(backwards - 1, backwards + 1).map((o) => new Date(o.start).toISOString()),
        ).toBeUndefined();
      }),
      { ...settings, numRuns: propertyRuns(4) },
    );
  });
});
