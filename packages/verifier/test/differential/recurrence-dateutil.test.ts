import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TimeEngine } from '../../src/time/engine.ts';
import { ZoneTimeline } from '../../src/time/zone.ts';

/*
 * The time engine against python-dateutil and zoneinfo (issue 26): generate.py's answers for a
 * seeded set of rules, most around a DST change in zones with odd ones, committed with it as
 * dateutil-cases.json. Rules the engine refuses are compared too: a wrong "never occurs" fails.
 */

interface Case {
  rule: string;
  start: string;
  zone: string;
  from: string;
  to: string;
  /** Minutes after `from` of each occurrence, or why there are none. */
  /** The zone's offset a day before `from`, then each change as [minutes after `from`, offset], in Python's tzdata. */
  offsets: [number, ...Array<[number, number]>];
  expect: number[] | 'never' | 'too-many' | 'refused';
  note?: string;
}

const fixture = JSON.parse(readFileSync(new URL('./dateutil-cases.json', import.meta.url), 'utf8')) as {
  tzdata: string;
  cases: Case[];
};
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The zone's offsets over the case as generate.py samples them (every 15 minutes from a day before to a day after), from the engine's zone data. */
function offsetsOf(zone: string, from: number, to: number): Case['offsets'] {
  const timeline = new ZoneTimeline(zone, from, to);
  const offset = (t: number) => timeline.offsetAt(t) / MINUTE;
  const out: Case['offsets'] = [offset(from - DAY)];
  for (let t = from - DAY + 15 * MINUTE; t <= to + DAY; t += 15 * MINUTE) {
    const last = out.length === 1 ? (out[0] as number) : (out.at(-1) as [number, number])[1];
    if (offset(t) !== last) out.push([(t - from) / MINUTE, offset(t)]);
  }
  return out;
}

const compared = fixture.cases.filter(
  (c) => JSON.stringify(offsetsOf(c.zone, Date.parse(c.from), Date.parse(c.to))) === JSON.stringify(c.offsets),
);

describe(`the engine against python-dateutil and zoneinfo (${fixture.cases.length} rules, tzdata ${fixture.tzdata})`, () => {
  it('has the same zone data as Python for nearly every case (a case whose zone changed between tzdata releases is left out)', () => {
    expect(fixture.cases.length - compared.length).toBeLessThanOrEqual(fixture.cases.length / 20);
  });

  it.each(compared.map((c) => [`${c.rule} from ${c.start} ${c.zone}, ${c.from} to ${c.to}`, c] as const))(
    '%s',
    (_, c) => {
      const from = Date.parse(c.from);
      const to = Date.parse(c.to);
      const expansion = new TimeEngine({ from, to }).expand(
        { rrule: c.rule, start: c.start, duration: 'PT1M' },
        c.zone,
      );
      if (Array.isArray(c.expect)) {
        expect(expansion.ok ? expansion.occurrences.map((o) => (o.start - from) / MINUTE) : expansion.message).toEqual(
          c.expect,
        );
      } else if (c.expect === 'never') {
        expect(expansion).toMatchObject({ ok: false, message: expect.stringMatching(/^never occurs/) });
      } else if (c.expect === 'too-many') {
        expect(expansion).toMatchObject({
          ok: false,
          message: expect.stringMatching(/^occurs more than 20,000 times/),
        });
      } else {
        // Refused for what the rule says, not for what it gives.
        expect(expansion).toMatchObject({
          ok: false,
          message: expect.not.stringMatching(/^never occurs|^occurs more than/),
        });
      }
    },
  );
});

describe('zone data against Python zoneinfo', () => {
  const transitions = (fixture as unknown as { transitions: Record<string, string[]> }).transitions;

  it.each(Object.keys(transitions))(
    'gives the offset changes of %s from 1999 to 2042 that zoneinfo gives, to the minute',
    (zone) => {
      const from = Date.UTC(1999, 0, 1);
      const to = Date.UTC(2043, 0, 1);
      const timeline = new ZoneTimeline(zone, from, to);
      const ours: string[] = [];
      let previous = timeline.offsetAt(from);
      for (let t = from; t < to; t += 15 * MINUTE) {
        const offset = timeline.offsetAt(t);
        if (offset !== previous) ours.push(`${new Date(t).toISOString().slice(0, 16)}Z`);
        previous = offset;
      }
      // Havana's rules from 2026 differ between tzdata releases (2026d-f moved them): its past is compared.
      const compared = (list: string[]) => (zone === 'America/Havana' ? list.filter((t) => t < '2026') : list);
      expect(compared(ours)).toEqual(compared(transitions[zone]!));
    },
  );
});
