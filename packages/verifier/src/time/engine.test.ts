import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { horizonAround, TimeEngine, unionOf } from './engine.ts';
import { DAY } from './units.ts';

const ZONES = ['UTC', 'America/New_York', 'Australia/Lord_Howe', 'Europe/Dublin', 'Pacific/Chatham', 'Africa/Nairobi'];
const TODAY = '2026-12-07';
const day = (n: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

const until = fc.oneof(
  fc.integer({ min: -60, max: 420 }).map((n) => `;UNTIL=${day(n).replace(/-/g, '')}T013000Z`),
  fc.integer({ min: -60, max: 420 }).map((n) => `;UNTIL=${day(n).replace(/-/g, '')}`),
  fc.constant(''),
);
const body = fc
  .tuple(
    fc.constantFrom(
      'FREQ=DAILY',
      'FREQ=WEEKLY;BYDAY=SU',
      'FREQ=MONTHLY;BYDAY=-1SU',
      'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=29',
      'FREQ=HOURLY;INTERVAL=5',
      'FREQ=MINUTELY;INTERVAL=20',
      'FREQ=MINUTELY;INTERVAL=30;BYHOUR=1,2',
    ),
    until,
  )
  .map(([rule, end]) => rule + end);
const start = fc.option(fc.constantFrom('00:00', '01:30', '02:15', '23:45'), { nil: undefined });
const duration = fc.option(fc.constantFrom('PT2H', 'P1D', 'P1W', 'PT30M'), { nil: undefined });

describe('an engine cut to a part of its horizon (`within`)', () => {
  it('expands every item as an engine of that part alone does: occurrences, shifts and refusals alike', () => {
    const checks = horizonAround(TODAY);
    const feeds = horizonAround(TODAY, 30, 400);
    const narrow = horizonAround(TODAY, 0, 20);
    fc.assert(
      fc.property(body, start, duration, fc.constantFrom(...ZONES), (rrule, at, length, zone) => {
        const whole = new TimeEngine(unionOf(checks, feeds));
        const recurrence = { rrule, start: at, duration: at === undefined ? undefined : length };
        for (const part of [checks, feeds, narrow]) {
          expect(whole.within(part).expand(recurrence, zone), `${rrule} ${at} ${zone}`).toEqual(
            new TimeEngine(part).expand(recurrence, zone),
          );
        }
      }),
      { seed: 20261207, numRuns: 120 },
    );
  });

  it('refuses a part that reaches outside its horizon', () => {
    const whole = new TimeEngine(horizonAround(TODAY));
    expect(() => whole.within(horizonAround(TODAY, 30, 400))).toThrow(RangeError);
  });
});
