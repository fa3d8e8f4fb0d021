import { describe, expect, it } from 'vitest';
import { TimeEngine } from '../src/time/engine.ts';
import { verify } from '../src/rules/verify.ts';
import { cpuTimed as timed } from './cpu-time.ts';
import { corpusOf, frontmatter, taskItem, TODAY } from './rule-tester.ts';

const check = (texts: string[]) => verify(corpusOf({ runbooks: texts }), { today: TODAY });

describe('hostile input', () => {
  it('checks 10,000 hourly backup tasks of one system in bounded time and memory', () => {
    const tasks = Array.from({ length: 10_000 }, (_, i) =>
      taskItem({
        id: `t${i}`,
        kind: 'backup',
        backup: { type: 'incremental' },
        rrule: 'FREQ=HOURLY',
        start: `00:${String(i % 60).padStart(2, '0')}`,
      }),
    );
    const before = process.memoryUsage().heapUsed;
    const { result, ms } = timed(() =>
      verify(
        corpusOf({
          runbooks: [{ tasks, objectives: [{ scenario: 'db', rto: 'PT4H', rpo: 'PT30M', procedure: 'Restore' }] }],
        }),
        { today: TODAY },
      ),
    );
    // Sixty distinct start minutes: the backups are at most a minute apart, so the RPO holds.
    expect(result.findings).toEqual([]);
    expect(ms).toBeLessThan(20_000);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(2 * 2 ** 30);
  });

  it('stops expanding at its budget of occurrences and says so, rather than run out of memory', () => {
    const time = new TimeEngine({ from: Date.UTC(2026, 0, 1), to: Date.UTC(2027, 0, 1) }, { maxOccurrences: 800 });
    const daily = (start: string) => time.expand({ rrule: 'FREQ=DAILY', start }, 'UTC');
    expect(daily('01:00').ok).toBe(true);
    expect(daily('01:00').ok).toBe(true); // the same expansion again costs nothing
    expect(daily('02:00').ok).toBe(true);
    const third = daily('03:00');
    expect(third.ok === false && third.message).toMatch(/already hold 800 occurrences/);
  });

  it('reads a 5 MB frontmatter with findings in bounded time', () => {
    const filler = Array.from({ length: 70_000 }, (_, i) => `  - "line ${i} ${'x'.repeat(60)}"`).join('\n');
    const text = `---\nid: big\ntitle: Big\nsystem: s\nowners: [ops]\ntimezone: UTC\nnotes:\n${filler}\nreview: { cycle: P1M, last_reviewed: 2020-01-01 }\n---\n`;
    expect(text.length).toBeGreaterThan(5_000_000);
    const { result, ms } = timed(() => check([text]));
    expect(result.findings.map((f) => `${f.ruleId}@${f.line}`)).toEqual(['schema@7', 'review-overdue@70008']);
    expect(ms).toBeLessThan(15_000);
  });

  it('checks 10,000 tasks in one file in bounded time', () => {
    const tasks = Array.from({ length: 10_000 }, (_, i) =>
      taskItem({
        id: `t${i}`,
        start: `${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
        rrule: i % 3 ? 'FREQ=DAILY' : 'FREQ=WEEKLY;BYDAY=MO',
        owner: i === 9_999 ? 'nobody' : 'ops',
      }),
    );
    const { result, ms } = timed(() => check([frontmatter({ timezone: 'Europe/London', tasks })]));
    expect(result.findings.filter((f) => f.ruleId === 'owner-unknown')).toHaveLength(1);
    expect(ms).toBeLessThan(20_000);
  });

  it('survives a deeply nested value', () => {
    const deep = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
    const { result } = timed(() => check([`---\nid: a\ntitle: A\nsystem: s\nowners: ${deep}\n---\n`]));
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.findings.every((f) => f.line >= 1)).toBe(true);
  });

  it('does not expand a YAML alias bomb', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(',')}]`,
      );
    }
    const text = `---\nbomb:\n  ${levels.join('\n  ')}\nid: a\ntitle: A\nsystem: s\nowners: *j\ntasks: *j\n---\n`;
    const { result, ms } = timed(() => check([text]));
    expect(result.findings.map((f) => f.ruleId)).toContain('parse');
    expect(ms).toBeLessThan(5_000);
  });

  it('refuses a slug that would write outside dist/', () => {
    const { findings } = check([frontmatter({ slug: '../../x' })]);
    expect(findings).toMatchObject([
      { ruleId: 'schema', path: 'slug', message: expect.stringContaining('must be a URL path') },
    ]);
  });

  it('refuses a task frequent enough to be a monitor, without expanding it', () => {
    const { result, ms } = timed(() => check([frontmatter({ tasks: [taskItem({ rrule: 'FREQ=MINUTELY' })] })]));
    expect(result.findings).toMatchObject([
      { ruleId: 'rrule-invalid', message: expect.stringContaining("belong in 'monitors'") },
    ]);
    expect(ms).toBeLessThan(3_000);
  });
});
