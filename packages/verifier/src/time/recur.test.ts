/**
 * The expander against ical.js (Thunderbird's), through the whole engine: random rules in zones
 * with DST gaps and repeats of an hour and of 30 minutes, each rule's instants in a random
 * horizon compared with ical.js's floating times resolved by Temporal as RFC 5545 §3.3.5 says
 * (a time in a gap moves forward by the gap, a repeated one takes the first), cut at UNTIL.
 */
import fc from 'fast-check';
import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { horizonAround, TimeEngine } from './engine.ts';
import { ANCHOR } from './expand.ts';
import { expandBetween, WORK_BUDGET } from './recur.ts';
import { parseRruleBody } from './rrule-body.ts';
import { DAY, HOUR, MINUTE } from './units.ts';

const ZONES = [
  'UTC',
  'Australia/Lord_Howe',
  'Europe/Dublin',
  'Pacific/Chatham',
  'America/Santiago',
  'America/New_York',
  'Asia/Kolkata',
  'Europe/London',
];
/** Occurrences compared per case: enough to cross a DST change for most rules, few enough for the unit tier. */
const COMPARED = 30;

/** A moment as ical.js's floating time (no zone), from epoch milliseconds of UTC digits. */
function floating(wall: number): ICAL.Time {
  const d = new Date(wall);
  return ICAL.Time.fromData({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: 0,
    isDate: false,
  });
}

const wallOf = (t: ICAL.Time) => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);

/** The engine's anchor moved forward by whole periods to before `from`, so that ical.js need not walk from 2000. */
function nearAnchor(freq: string, interval: number, anchor: number, from: number): number {
  const fixed: Record<string, number> = { DAILY: DAY, WEEKLY: 7 * DAY, HOURLY: HOUR, MINUTELY: MINUTE };
  const target = from - 40 * DAY;
  if (fixed[freq]) {
    const period = fixed[freq]! * interval;
    return anchor + Math.max(0, Math.floor((target - anchor) / period)) * period;
  }
  const months = (freq === 'MONTHLY' ? 1 : 12) * interval;
  const a = new Date(anchor);
  const elapsed =
    (new Date(target).getUTCFullYear() - a.getUTCFullYear()) * 12 + new Date(target).getUTCMonth() - a.getUTCMonth();
  // ical.js can get its first period wrong when DTSTART does not match the rule: two periods and a year back, it is past.
  return Date.UTC(
    a.getUTCFullYear(),
    a.getUTCMonth() + Math.max(0, Math.floor((elapsed - 12) / months) - 2) * months,
    a.getUTCDate(),
    a.getUTCHours(),
    a.getUTCMinutes(),
  );
}

/** What ical.js gives for the rule in the zone: instants in [from, to), at most `count`. */
function icalInstants(body: string, start: string, zone: string, from: number, to: number, count: number): number[] {
  const untilMatch = /;UNTIL=(\d{8})(T\d{6}Z)?/.exec(body);
  const withoutUntil = body.replace(/;UNTIL=[^;]*/, '');
  const freq = /FREQ=(\w+)/.exec(body)![1]!;
  const interval = Number(/INTERVAL=(\d+)/.exec(body)?.[1] ?? 1);
  const [h, m] = start.split(':').map(Number) as [number, number];
  const dtstart = nearAnchor(freq, interval, ANCHOR + (h * 60 + m) * MINUTE, from);
  const unit = freq === 'HOURLY' ? HOUR : freq === 'MINUTELY' ? MINUTE : 0;
  const iterator = ICAL.Recur.fromString(withoutUntil).iterator(floating(dtstart));
  const out: number[] = [];
  let next: ICAL.Time | null;
  let steps = 0;
  while ((next = iterator.next()) && steps++ < 50_000) {
    const wall = wallOf(next);
    // ical.js gives DTSTART first even when the rule does not match it; the engine never has DTSTART in range.
    if (wall === dtstart) continue;
    // ical.js jumps to a BYHOUR or BYMINUTE the INTERVAL never reaches; RFC 5545 counts INTERVAL from DTSTART.
    if (unit && (Math.floor(wall / unit) - Math.floor(dtstart / unit)) % interval !== 0) continue;
    if (
      untilMatch &&
      !untilMatch[2] &&
      wall > Date.UTC(+untilMatch[1]!.slice(0, 4), +untilMatch[1]!.slice(4, 6) - 1, +untilMatch[1]!.slice(6, 8))
    )
      break;
    const instant = Temporal.PlainDateTime.from(new Date(wall).toISOString().slice(0, 19)).toZonedDateTime(zone, {
      disambiguation: 'compatible',
    }).epochMilliseconds;
    if (
      untilMatch?.[2] &&
      instant >
        Date.parse(
          `${untilMatch[1]!.slice(0, 4)}-${untilMatch[1]!.slice(4, 6)}-${untilMatch[1]!.slice(6, 8)}T${untilMatch[2].slice(1, 3)}:${untilMatch[2].slice(3, 5)}:${untilMatch[2].slice(5, 7)}Z`,
        )
    )
      break;
    if (instant >= to) break;
    // A time moved out of a gap onto the next occurrence is one occurrence.
    if (instant >= from && out.at(-1) !== instant) out.push(instant);
    if (out.length >= count) break;
  }
  return out;
}

const weekday = fc.constantFrom('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU');
// Sorted: ical.js expands BYHOUR and BYMINUTE in the order written, out of time order when they are not.
const list = <T>(arb: fc.Arbitrary<T>, max = 3) =>
  fc
    .uniqueArray(arb, { minLength: 1, maxLength: max })
    .map((l) => [...l].sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : 0)));
const untilPart = fc.oneof(
  fc
    .integer({ min: 0, max: 500 })
    .chain((days) =>
      fc
        .integer({ min: 0, max: 86_399 })
        .map(
          (s) =>
            `UNTIL=${new Date(Date.UTC(2026, 0, 1) + days * DAY + s * 1000).toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`,
        ),
    ),
  fc
    .integer({ min: 0, max: 500 })
    .map((days) => `UNTIL=${new Date(Date.UTC(2026, 0, 1) + days * DAY).toISOString().replace(/-/g, '').slice(0, 8)}`),
);

/** Rules of every FREQ and part ical.js expands correctly (see `the cases ical.js gets wrong` below for the rest). */
const rule = fc
  .constantFrom('YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY', 'MINUTELY')
  .chain((freq) => {
    const subDaily = freq === 'HOURLY' || freq === 'MINUTELY';
    const parts: Record<string, fc.Arbitrary<string>> = {
      INTERVAL: fc
        .integer({ min: 2, max: freq === 'MINUTELY' ? 240 : freq === 'HOURLY' ? 50 : 5 })
        .map((n) => `INTERVAL=${n}`),
      BYMONTH: list(fc.integer({ min: 1, max: 12 })).map((l) => `BYMONTH=${l.join(',')}`),
      BYDAY:
        freq === 'MONTHLY' || freq === 'YEARLY'
          ? list(fc.tuple(fc.constantFrom('', '1', '2', '-1', '-2', '3', '4'), weekday).map(([n, d]) => n + d)).map(
              (l) => `BYDAY=${l.join(',')}`,
            )
          : list(weekday).map((l) => `BYDAY=${l.join(',')}`),
      UNTIL: untilPart,
    };
    if (freq !== 'WEEKLY')
      parts.BYMONTHDAY = list(fc.integer({ min: -31, max: 31 }).filter((n) => n !== 0)).map(
        (l) => `BYMONTHDAY=${l.join(',')}`,
      );
    // ical.js expands BYHOUR and BYMINUTE in a YEARLY rule to their first value only, and in a MONTHLY one with BYDAY adds days BYDAY does not allow.
    if (freq !== 'MINUTELY' && freq !== 'YEARLY' && freq !== 'MONTHLY')
      parts.BYHOUR = list(fc.integer({ min: 0, max: 23 }), 4).map((l) => `BYHOUR=${l.join(',')}`);
    if (freq !== 'YEARLY' && freq !== 'MONTHLY')
      parts.BYMINUTE = list(fc.constantFrom(0, 15, 30, 45, 7), 2).map((l) => `BYMINUTE=${l.join(',')}`);
    if (freq === 'YEARLY')
      parts.BYYEARDAY = list(fc.integer({ min: -366, max: 366 }).filter((n) => n !== 0)).map(
        (l) => `BYYEARDAY=${l.join(',')}`,
      );
    if (!subDaily && freq !== 'DAILY')
      parts.BYSETPOS = list(fc.constantFrom(1, 2, -1, -2)).map((l) => `BYSETPOS=${l.join(',')}`);
    const names = Object.keys(parts);
    return fc
      .subarray(names, { maxLength: 3 })
      .chain((chosen) =>
        (chosen.length ? fc.tuple(...chosen.map((n) => parts[n]!)) : fc.constant([] as string[])).map((values) =>
          [`FREQ=${freq}`, ...values].join(';'),
        ),
      );
  })
  .filter((body) => !icalGetsWrong(body));

/** Rules ical.js 2.2 expands against RFC 5545 (and python-dateutil, and this expander): each is a table test below instead. */
function icalGetsWrong(body: string): boolean {
  // A YEARLY rule with BYMONTHDAY and no BYMONTH: ical.js keeps DTSTART's month, where BYMONTHDAY expands to every month.
  if (/YEARLY/.test(body) && /BYMONTHDAY/.test(body) && !/BYMONTH=/.test(body)) return true;
  // BYSETPOS over anything but BYDAY's days: ical.js ignores it; in a YEARLY rule with BYMONTH it counts per month, not per year.
  if (/BYSETPOS/.test(body) && (!/BYDAY/.test(body) || /BYMONTHDAY|BYYEARDAY|BYHOUR|BYMINUTE|YEARLY/.test(body)))
    return true;
  // A negative BYMONTHDAY in a DAILY, HOURLY or MINUTELY rule: ical.js never returns.
  return /DAILY|HOURLY|MINUTELY/.test(body) && /BYMONTHDAY=[^;]*-/.test(body);
}

describe('the expander against ical.js', () => {
  it('gives the instants ical.js gives, in zones with odd DST, for random rules, starts and horizons', () => {
    let compared = 0;
    fc.assert(
      fc.property(
        rule,
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom(0, 15, 30, 45),
        fc.integer({ min: 0, max: 700 }),
        (body, zone, h, m, day) => {
          const start = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
          const engine = new TimeEngine(
            horizonAround(new Date(Date.UTC(2025, 6, 1) + day * DAY).toISOString().slice(0, 10)),
          );
          const ours = engine.expand({ rrule: body, start }, zone);
          // A rule refused as never occurring, too frequent or ended is checked in the table tests.
          if (!ours.ok) return;
          const theirs = icalInstants(body, start, zone, engine.horizon.from, engine.horizon.to, COMPARED);
          const mine = ours.occurrences.slice(0, COMPARED).map((o) => new Date(o.start).toISOString());
          expect({ body, start, zone, starts: mine }).toEqual({
            body,
            start,
            zone,
            starts: theirs.map((t) => new Date(t).toISOString()),
          });
          if (mine.length) compared++;
        },
      ),
      { seed: 20261202, numRuns: 200 },
    );
    // Most random rules must give occurrences to compare, or the test proves little.
    expect(compared).toBeGreaterThan(100);
  });
});

describe('RFC 5545 §3.8.5.3 examples, COUNT removed and UNTIL moved past the dates compared', () => {
  // [rule, DTSTART, the first occurrences the RFC lists]
  const examples: Array<[string, string, string[]]> = [
    ['FREQ=DAILY', '19970902T0900', ['19970902T0900', '19970903T0900', '19970904T0900']],
    [
      'FREQ=DAILY;INTERVAL=10',
      '19970902T0900',
      ['19970902T0900', '19970912T0900', '19970922T0900', '19971002T0900', '19971012T0900'],
    ],
    [
      'FREQ=YEARLY;UNTIL=20300131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA',
      '19980101T0900',
      ['19980101T0900', '19980102T0900', '19980103T0900'],
    ],
    [
      'FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=MO,WE,FR',
      '19970901T0900',
      [
        '19970901T0900',
        '19970903T0900',
        '19970905T0900',
        '19970915T0900',
        '19970917T0900',
        '19970919T0900',
        '19970929T0900',
      ],
    ],
    [
      'FREQ=MONTHLY;BYDAY=1FR',
      '19970905T0900',
      ['19970905T0900', '19971003T0900', '19971107T0900', '19971205T0900', '19980102T0900', '19980206T0900'],
    ],
    [
      'FREQ=MONTHLY;INTERVAL=2;BYDAY=1SU,-1SU',
      '19970907T0900',
      ['19970907T0900', '19970928T0900', '19971102T0900', '19971130T0900', '19980104T0900', '19980125T0900'],
    ],
    [
      'FREQ=MONTHLY;BYDAY=-2MO',
      '19970922T0900',
      ['19970922T0900', '19971020T0900', '19971117T0900', '19971222T0900', '19980119T0900', '19980216T0900'],
    ],
    [
      'FREQ=MONTHLY;BYMONTHDAY=-3',
      '19970928T0900',
      ['19970928T0900', '19971029T0900', '19971128T0900', '19971229T0900', '19980129T0900', '19980226T0900'],
    ],
    [
      'FREQ=MONTHLY;BYMONTHDAY=1,-1',
      '19970930T0900',
      ['19970930T0900', '19971001T0900', '19971031T0900', '19971101T0900', '19971130T0900', '19971201T0900'],
    ],
    [
      'FREQ=MONTHLY;INTERVAL=18;BYMONTHDAY=10,11,12,13,14,15',
      '19970910T0900',
      [
        '19970910T0900',
        '19970911T0900',
        '19970912T0900',
        '19970913T0900',
        '19970914T0900',
        '19970915T0900',
        '19990310T0900',
      ],
    ],
    [
      'FREQ=MONTHLY;INTERVAL=2;BYDAY=TU',
      '19970902T0900',
      ['19970902T0900', '19970909T0900', '19970916T0900', '19970923T0900', '19970930T0900', '19971104T0900'],
    ],
    ['FREQ=YEARLY;BYMONTH=6,7', '19970610T0900', ['19970610T0900', '19970710T0900', '19980610T0900', '19980710T0900']],
    [
      'FREQ=YEARLY;INTERVAL=3;BYYEARDAY=1,100,200',
      '19970101T0900',
      [
        '19970101T0900',
        '19970410T0900',
        '19970719T0900',
        '20000101T0900',
        '20000409T0900',
        '20000718T0900',
        '20030101T0900',
      ],
    ],
    ['FREQ=YEARLY;BYDAY=20MO', '19970519T0900', ['19970519T0900', '19980518T0900', '19990517T0900']],
    ['FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO', '19970512T0900', ['19970512T0900', '19980511T0900', '19990517T0900']],
    [
      'FREQ=YEARLY;BYMONTH=3;BYDAY=TH',
      '19970313T0900',
      ['19970313T0900', '19970320T0900', '19970327T0900', '19980305T0900'],
    ],
    [
      'FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13',
      '19970902T0900',
      ['19980213T0900', '19980313T0900', '19981113T0900', '19990813T0900', '20001013T0900'],
    ],
    [
      'FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13',
      '19970913T0900',
      ['19970913T0900', '19971011T0900', '19971108T0900', '19971213T0900', '19980110T0900'],
    ],
    [
      'FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8',
      '19961105T0900',
      ['19961105T0900', '20001107T0900', '20041102T0900'],
    ],
    ['FREQ=MONTHLY;BYDAY=TU,WE,TH;BYSETPOS=3', '19970904T0900', ['19970904T0900', '19971007T0900', '19971106T0900']],
    [
      'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2',
      '19970929T0900',
      ['19970929T0900', '19971030T0900', '19971127T0900', '19971230T0900', '19980129T0900', '19980226T0900'],
    ],
    [
      'FREQ=HOURLY;INTERVAL=3;UNTIL=20300902T170000Z',
      '19970902T0900',
      ['19970902T0900', '19970902T1200', '19970902T1500'],
    ],
    [
      'FREQ=MINUTELY;INTERVAL=15',
      '19970902T0900',
      ['19970902T0900', '19970902T0915', '19970902T0930', '19970902T0945', '19970902T1000'],
    ],
    [
      'FREQ=MINUTELY;INTERVAL=90',
      '19970902T0900',
      ['19970902T0900', '19970902T1030', '19970902T1200', '19970902T1330'],
    ],
    [
      'FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40',
      '19970902T0900',
      ['19970902T0900', '19970902T0920', '19970902T0940', '19970902T1000'],
    ],
    [
      'FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16',
      '19970902T1620',
      ['19970902T1620', '19970902T1640', '19970903T0900'],
    ],
    [
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;WKST=MO',
      '19970805T0900',
      ['19970805T0900', '19970810T0900', '19970819T0900', '19970824T0900'],
    ],
    [
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;WKST=SU',
      '19970805T0900',
      ['19970805T0900', '19970817T0900', '19970819T0900', '19970831T0900'],
    ],
    [
      'FREQ=MONTHLY;BYMONTHDAY=15,30',
      '20070115T0900',
      ['20070115T0900', '20070130T0900', '20070215T0900', '20070315T0900', '20070330T0900'],
    ],
  ];
  const wall = (text: string) =>
    Date.UTC(+text.slice(0, 4), +text.slice(4, 6) - 1, +text.slice(6, 8), +text.slice(9, 11), +text.slice(11, 13));
  const text = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').slice(0, 13);

  it.each(examples)('%s from %s', (body, dtstart, expected) => {
    const parsed = parseRruleBody(body);
    if (!parsed.ok) throw new Error(parsed.message);
    const found = expandBetween(
      parsed.rule,
      wall(dtstart),
      wall(dtstart),
      wall(dtstart) + 20 * 366 * DAY,
      expected.length - 1,
    );
    expect(found.ok && found.walls.map(text)).toEqual(expected);
  });
});

describe('the work budget', () => {
  // No runbook's horizon reaches it (the never-occurs search crosses 146,097 days): ranges of six
  // million days stand for a rule whose days cost more than they should. One rule for each loop
  // that counts steps; those that match some days are let emit without a limit, so that only the
  // budget can end them.
  const range = 6_000_000 * DAY;
  const rules = [
    ['a day-level rule', 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30'],
    ['a sub-daily rule on days that never come', 'FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=30'],
    ['a sub-daily rule through the hours of its days', 'FREQ=HOURLY;BYMONTH=2'],
    ['a daily rule with BYSETPOS', 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;BYSETPOS=1'],
    ['a weekly rule with BYSETPOS', 'FREQ=WEEKLY;BYMONTH=2;BYDAY=MO;BYSETPOS=1'],
    ['a monthly rule with BYSETPOS', 'FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30;BYSETPOS=1'],
  ] as const;
  const ruleOf = (body: string) => {
    const parsed = parseRruleBody(body);
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.rule;
  };

  it.each(rules)('ends %s with a message once it has taken its steps', (_, body) => {
    expect(expandBetween(ruleOf(body), ANCHOR, ANCHOR, ANCHOR + range, Number.MAX_SAFE_INTEGER)).toEqual({
      ok: false,
      message: `needs more than ${WORK_BUDGET.toLocaleString('en')} steps to expand; simplify it`,
    });
  });

  it.each(rules)('lets %s through over four hundred years', (_, body) => {
    expect(expandBetween(ruleOf(body), ANCHOR, ANCHOR, ANCHOR + 146_097 * DAY, Number.MAX_SAFE_INTEGER).ok).toBe(true);
  });
});
