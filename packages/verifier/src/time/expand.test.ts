import { describe, expect, it } from 'vitest';
import { cpuTimed } from '../../test/cpu-time.ts';
import { horizonAround, TimeEngine } from './engine.ts';

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);
const engine = new TimeEngine(horizonAround('2026-11-23'));

function starts(rrule: string, start: string | undefined, zone: string, duration = 'PT1H'): string[] {
  const expansion = engine.expand({ rrule, start, duration }, zone);
  if (!expansion.ok) throw new Error(expansion.message);
  return expansion.occurrences.map((o) => iso(o.start));
}

describe('expand', () => {
  it('turns Nairobi wall times into UTC instants three hours earlier', () => {
    expect(starts('FREQ=WEEKLY;BYDAY=SU', '02:00', 'Africa/Nairobi').slice(0, 2)).toEqual([
      '2026-11-21T23:00',
      '2026-11-28T23:00',
    ]);
  });

  it('keeps a Europe/London window at 03:00 local across both DST changes', () => {
    const all = starts('FREQ=WEEKLY;BYDAY=SU', '03:00', 'Europe/London');
    expect(all).toContain('2027-03-21T03:00'); // GMT
    expect(all).toContain('2027-03-28T02:00'); // BST from that morning
    expect(all).toContain('2027-10-24T02:00');
    expect(all).toContain('2027-10-31T03:00'); // GMT again
  });

  it('moves a start in the spring gap forward by the gap and takes the first of an ambiguous time', () => {
    const expansion = engine.expand(
      { rrule: 'FREQ=WEEKLY;BYDAY=SU', start: '01:30', duration: 'PT1H' },
      'Europe/London',
    );
    if (!expansion.ok) throw new Error(expansion.message);
    const byDate = new Map(expansion.occurrences.map((o) => [new Date(o.wall).toISOString().slice(0, 10), o]));
    expect(byDate.get('2027-03-28')).toMatchObject({ kind: 'gap' });
    expect(iso(byDate.get('2027-03-28')!.start)).toBe('2027-03-28T01:30'); // 02:30 BST
    expect(byDate.get('2027-10-31')).toMatchObject({ kind: 'ambiguous' });
    expect(iso(byDate.get('2027-10-31')!.start)).toBe('2027-10-31T00:30'); // 01:30 BST, the first
    expect(expansion.occurrences.filter((o) => o.kind !== 'exact')).toHaveLength(2);
  });

  it('expands what the seeds need', () => {
    expect(starts('FREQ=MONTHLY;BYDAY=-1SU', '02:00', 'UTC').slice(0, 3)).toEqual([
      '2026-11-29T02:00',
      '2026-12-27T02:00',
      '2027-01-31T02:00',
    ]);
    expect(starts('FREQ=MONTHLY;BYDAY=1SU', '02:00', 'UTC').slice(0, 2)).toEqual([
      '2026-12-06T02:00',
      '2027-01-03T02:00',
    ]);
    expect(starts('FREQ=MONTHLY;INTERVAL=3', '00:00', 'UTC').slice(0, 3)).toEqual([
      '2027-01-01T00:00',
      '2027-04-01T00:00',
      '2027-07-01T00:00',
    ]);
    expect(starts('FREQ=YEARLY;BYMONTH=1,4,7,10', '00:00', 'UTC').slice(0, 2)).toEqual([
      '2027-01-01T00:00',
      '2027-04-01T00:00',
    ]);
    expect(starts('FREQ=HOURLY;INTERVAL=4', '00:00', 'Africa/Nairobi').slice(0, 3)).toEqual([
      '2026-11-16T01:00',
      '2026-11-16T05:00',
      '2026-11-16T09:00',
    ]);
    expect(starts('FREQ=DAILY;BYHOUR=0,16', '00:00', 'Africa/Nairobi').slice(0, 2)).toEqual([
      '2026-11-16T13:00',
      '2026-11-16T21:00',
    ]);
  });

  it('makes all-day occurrences for a task with no start', () => {
    const expansion = engine.expand({ rrule: 'FREQ=MONTHLY;BYMONTHDAY=8' }, 'Africa/Nairobi');
    if (!expansion.ok) throw new Error(expansion.message);
    const first = expansion.occurrences[0]!;
    expect(first.allDay).toBe(true);
    expect([iso(first.start), iso(first.end)]).toEqual(['2026-12-07T21:00', '2026-12-08T21:00']);
  });

  it('keeps occurrences sorted and inside the horizon', () => {
    for (const [rrule, zone] of [
      ['FREQ=DAILY', 'America/New_York'],
      ['FREQ=HOURLY;INTERVAL=7', 'Australia/Lord_Howe'],
      ['FREQ=MONTHLY;BYDAY=-1SU', 'Europe/London'],
    ] as const) {
      const expansion = engine.expand({ rrule, start: '01:30', duration: 'PT1H' }, zone);
      if (!expansion.ok) throw new Error(expansion.message);
      const list = expansion.occurrences.map((o) => o.start);
      expect(list).toEqual([...list].sort((a, b) => a - b));
      expect(list.every((s) => s >= engine.horizon.from && s < engine.horizon.to)).toBe(true);
    }
  });
});

describe('expand, bounded', () => {
  it('finds a rule that never occurs quickly, and keeps one that occurs every four years', () => {
    const { ms } = cpuTimed(() => {
      for (const rrule of [
        'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30',
        'FREQ=HOURLY;BYMONTH=4;BYMONTHDAY=31',
        'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30',
      ]) {
        expect(engine.expand({ rrule, start: '00:00' }, 'UTC')).toEqual({
          ok: false,
          message: 'never occurs: no date matches all of its parts',
        });
      }
    });
    expect(ms).toBeLessThan(2000);
    expect(
      engine.expand({ rrule: 'FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29', start: '00:00' }, 'UTC'),
    ).toMatchObject({ ok: true, occurrences: [] });
  });

  it('refuses a rule too frequent to be a task', () => {
    expect(engine.expand({ rrule: 'FREQ=MINUTELY', start: '00:00' }, 'UTC')).toMatchObject({
      ok: false,
      message: expect.stringContaining("belong in 'monitors'"),
    });
  });
});

describe('the cases of issue 17', () => {
  const timed = (f: () => void) => cpuTimed(f).ms;

  it.each([
    [
      'FREQ=HOURLY;INTERVAL=2;BYHOUR=1',
      /never occurs: counted every 2 hours from its start, it never reaches BYHOUR=1/,
    ],
    [
      'FREQ=MINUTELY;INTERVAL=30;BYMINUTE=15',
      /never occurs: counted every 30 minutes from its start, it never reaches BYMINUTE=15/,
    ],
    [
      'FREQ=DAILY;BYHOUR=3;BYSETPOS=2;UNTIL=20991231T000000Z',
      /never occurs: each day of a DAILY rule holds at most 1 instance/,
    ],
    [
      'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;UNTIL=20991231T000000Z',
      /never occurs: no date matches all of its parts before its end/,
    ],
    ['FREQ=DAILY;BYSETPOS=2', /has BYSETPOS without another BYxxx part/],
  ])('refuses %s quickly instead of hanging', (rrule, message) => {
    const fresh = new TimeEngine(horizonAround('2026-12-01'));
    let result;
    // Generous for a loaded machine: rrule.js took 23–60 s or never returned.
    expect(timed(() => (result = fresh.expand({ rrule, start: '00:00', duration: 'PT1H' }, 'UTC')))).toBeLessThan(3000);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(message) });
  });

  it('puts every 90 minutes in business hours where INTERVAL counts from the start', () => {
    const all = starts('FREQ=MINUTELY;INTERVAL=90;BYHOUR=8,9,10,11,12,13,14,15,16,17', '00:00', 'UTC');
    expect(all.filter((s) => s.startsWith('2026-12-01'))).toEqual(
      ['09:00', '10:30', '12:00', '13:30', '15:00', '16:30'].map((t) => `2026-12-01T${t}`),
    );
  });

  it('cuts at an UNTIL with Z as an instant in New York and in Kolkata', () => {
    const february = new TimeEngine(horizonAround('2027-02-20'));
    const around = (zone: string, start: string) => {
      const expansion = february.expand({ rrule: 'FREQ=DAILY;UNTIL=20270301T050000Z', start, duration: 'PT1H' }, zone);
      if (!expansion.ok) throw new Error(expansion.message);
      return expansion.occurrences.slice(-2).map((o) => iso(o.start));
    };
    // 1 March 02:00 EST is 07:00Z, after UNTIL; 1 March 09:00 IST is 03:30Z, before it.
    expect(around('America/New_York', '02:00')).toEqual(['2027-02-27T07:00', '2027-02-28T07:00']);
    expect(around('Asia/Kolkata', '09:00')).toEqual(['2027-02-28T03:30', '2027-03-01T03:30']);
  });

  it('keeps a date-only UNTIL as 00:00 that day: a 02:00 start on it is not kept, a 00:00 one is', () => {
    const last = (start: string) => {
      const expansion = engine.expand({ rrule: 'FREQ=DAILY;UNTIL=20270101', start, duration: 'PT1H' }, 'UTC');
      return expansion.ok ? iso(expansion.occurrences.at(-1)!.start) : expansion.message;
    };
    expect(last('02:00')).toBe('2026-12-31T02:00');
    expect(last('00:00')).toBe('2027-01-01T00:00');
  });

  it('judges 300 distinct minutely tasks by arithmetic, not by expanding each', () => {
    const fresh = new TimeEngine(horizonAround('2026-12-01'));
    const results: Array<{ ok: boolean }> = [];
    const ms = timed(() => {
      for (let i = 1; i <= 300; i++)
        results.push(
          fresh.expand(
            {
              rrule: `FREQ=MINUTELY;INTERVAL=${i % 29 || 1}`,
              start: `${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
              duration: 'PT1M',
            },
            'Europe/Dublin',
          ),
        );
    });
    expect(results.every((r) => !r.ok)).toBe(true);
    // Were 29 s with rrule.js; a few milliseconds here, generous for a loaded machine.
    expect(ms).toBeLessThan(1000);
  });
});

describe('the cases of issue 26', () => {
  const spring = new TimeEngine(horizonAround('2027-03-10'));
  const on = (expansion: ReturnType<TimeEngine['expand']>, date: string) => {
    if (!expansion.ok) throw new Error(expansion.message);
    return expansion.occurrences
      .filter((o) => iso(o.start).startsWith(date))
      .map((o) => `${iso(o.start)}/${iso(o.end)}`);
  };

  it.each(['FREQ=HOURLY;BYMINUTE=0,30;BYHOUR=1,2,3', 'FREQ=DAILY;BYHOUR=1,2,3;BYMINUTE=0,30'])(
    'keeps each instant of %s once on the New York spring-forward night, in order',
    (rrule) => {
      expect(on(spring.expand({ rrule, start: '00:00', duration: 'PT30M' }, 'America/New_York'), '2027-03-14')).toEqual(
        [
          '2027-03-14T06:00/2027-03-14T06:30',
          '2027-03-14T06:30/2027-03-14T07:00',
          '2027-03-14T07:00/2027-03-14T07:30',
          '2027-03-14T07:30/2027-03-14T08:00',
        ],
      );
    },
  );

  it("keeps the day Apia skipped (30 December 2011) from doubling the next day's starts", () => {
    const apia = new TimeEngine(horizonAround('2011-12-28'));
    const expansion = apia.expand(
      { rrule: 'FREQ=DAILY;BYHOUR=9,21', start: '00:00', duration: 'PT1H' },
      'Pacific/Apia',
    );
    if (!expansion.ok) throw new Error(expansion.message);
    const starts = expansion.occurrences.map((o) => o.start);
    expect(new Set(starts).size).toBe(starts.length);
    // 29 December 21:00 at -10, then 30 December's 09:00 and 21:00, which never were, moved a day on to 31 December's, at +14: once each.
    expect(on(expansion, '2011-12-30')).toEqual([
      '2011-12-30T07:00/2011-12-30T08:00',
      '2011-12-30T19:00/2011-12-30T20:00',
    ]);
    expect(on(expansion, '2011-12-31')).toEqual([
      '2011-12-31T07:00/2011-12-31T08:00',
      '2011-12-31T19:00/2011-12-31T20:00',
    ]);
  });

  it('ends P1D and P1W at the same wall time across a clock change, PT24H 24 hours later, P1DT1H a day and an hour', () => {
    const ends = (duration: string) =>
      on(spring.expand({ rrule: 'FREQ=WEEKLY;BYDAY=SA', start: '12:00', duration }, 'America/New_York'), '2027-03-13');
    expect(ends('P1D')).toEqual(['2027-03-13T17:00/2027-03-14T16:00']); // 12:00 EST to 12:00 EDT, 23 hours
    expect(ends('PT24H')).toEqual(['2027-03-13T17:00/2027-03-14T17:00']);
    expect(ends('P1DT1H')).toEqual(['2027-03-13T17:00/2027-03-14T17:00']);
    expect(ends('P1W')).toEqual(['2027-03-13T17:00/2027-03-20T16:00']);
    // The autumn change makes a nominal day 25 hours.
    const autumn = new TimeEngine(horizonAround('2027-11-01'));
    expect(
      on(
        autumn.expand({ rrule: 'FREQ=WEEKLY;BYDAY=SA', start: '12:00', duration: 'P1D' }, 'America/New_York'),
        '2027-11-06',
      ),
    ).toEqual(['2027-11-06T16:00/2027-11-07T17:00']);
  });

  it('counts a nominal day from where a start moved out of a gap lands, and moves an end in a gap forward', () => {
    // 02:30 on 14 March does not exist: the start is 03:30 EDT, and a day later 03:30 EDT.
    expect(
      on(spring.expand({ rrule: 'FREQ=DAILY', start: '02:30', duration: 'P1D' }, 'America/New_York'), '2027-03-14'),
    ).toEqual(['2027-03-14T07:30/2027-03-15T07:30']);
    // 02:30 on 13 March ends at 02:30 on the 14th, which does not exist: 03:30 EDT.
    expect(
      on(spring.expand({ rrule: 'FREQ=DAILY', start: '02:30', duration: 'P1D' }, 'America/New_York'), '2027-03-13'),
    ).toEqual(['2027-03-13T07:30/2027-03-14T07:30']);
  });
});
