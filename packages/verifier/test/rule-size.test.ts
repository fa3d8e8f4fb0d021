import { describe, expect, it } from 'vitest';
import { cli, project } from './project.ts';
import { TODAY } from './rule-tester.ts';

// Issue 26: a rule's size is bounded before it is expanded, so that an untrusted pull request
// cannot tie CI up with one long RRULE. Measured in CPU time, which other jobs on the machine do not inflate.

const OWNERS = 'ops:\n  name: Operations\n  email: ops@example.com\n';
const numbers = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const EVERY_POSITION = [...numbers(1, 366), ...numbers(1, 366).map((n) => -n)].join(',');

function runbookWith(rrule: string): string {
  return `---\nid: a\ntitle: A\nsystem: s\nowners: [ops]\ntimezone: America/New_York\ntasks:\n  - id: t\n    title: T\n    kind: check\n    owner: ops\n    start: "00:00"\n    duration: PT1M\n    rrule: ${rrule}\n---\n`;
}

async function verifyRule(rrule: string) {
  const root = project({ 'runbooks/owners.yaml': OWNERS, 'runbooks/a.mdx': runbookWith(rrule) });
  const { code, stdout, cpuMs } = await cli(['verify', '--now', TODAY, '--format', 'json'], root);
  return {
    code,
    cpuMs,
    findings: JSON.parse(stdout).findings as Array<{ ruleId: string; message: string; line: number }>,
  };
}

describe('the size of a rule', () => {
  it.each([1_000, 5_000])(
    'answers a BYSETPOS of %i repeated entries in under a second of CPU, refused before it is expanded',
    async (entries) => {
      const rrule = `FREQ=HOURLY;BYMINUTE=${numbers(0, 59).join(',')};BYSETPOS=${Array(entries).fill(61).join(',')}`;
      const { code, cpuMs, findings } = await verifyRule(rrule);
      expect(code).toBe(1);
      expect(findings).toContainEqual(
        expect.objectContaining({
          ruleId: 'rrule-invalid',
          line: 14,
          message: expect.stringContaining(
            'has more than 732 values in BYSETPOS, which can hold at most 732 different ones; list each value once',
          ),
        }),
      );
      expect(cpuMs).toBeLessThan(1000);
    },
  );

  it.each([
    [
      'every position of every minute of each hour',
      `FREQ=HOURLY;BYHOUR=1,2,3;BYMINUTE=${numbers(0, 59).join(',')};BYSETPOS=${EVERY_POSITION}`,
    ],
    [
      'every position of every minute of a year',
      `FREQ=YEARLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=${numbers(0, 23).join(',')};BYMINUTE=${numbers(0, 59).join(',')};BYSETPOS=${EVERY_POSITION}`,
    ],
    [
      'a rule that never occurs, searched over 400 years',
      `FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=31;BYDAY=MO;BYHOUR=${numbers(0, 23).join(',')};BYMINUTE=${numbers(0, 59).join(',')};BYSETPOS=1`,
    ],
  ])('checks the largest lists the reader accepts in under a second of CPU: %s', async (_, rrule) => {
    const { cpuMs, findings } = await verifyRule(rrule);
    // Answered on its merits (too many occurrences, never occurs, or none), not cut off by the work budget.
    expect(findings.filter((f) => f.message.includes('steps to expand'))).toEqual([]);
    expect(cpuMs).toBeLessThan(1000);
  });
});
