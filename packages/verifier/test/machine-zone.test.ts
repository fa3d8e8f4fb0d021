import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/* The tools tier: the time engine run in node processes with other machine zones (TZ). */
describe('expand', () => {
  it('gives the same instants whatever the machine zone is', () => {
    const script = `
      import { TimeEngine, horizonAround } from ${JSON.stringify(new URL('../src/time/engine.ts', import.meta.url).pathname)};
      const e = new TimeEngine(horizonAround('2026-11-23'));
      const out = [['FREQ=WEEKLY;BYDAY=SU', '01:30', 'Europe/London'], ['FREQ=MONTHLY;BYDAY=-1SU', '02:00', 'Africa/Nairobi'], ['FREQ=DAILY', '23:30', 'America/New_York']]
        .map(([rrule, start, zone]) => e.expand({ rrule, start, duration: 'PT1H' }, zone)).map((x) => x.ok ? x.occurrences.map((o) => o.start) : x.message);
      console.log(JSON.stringify(out));`;
    const node = new URL('../../../node_modules/.bin/node', import.meta.url).pathname;
    const runIn = (tz: string) =>
      execFileSync(node, ['--input-type=module', '-e', script], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
    const newYork = runIn('America/New_York');
    expect(runIn('Asia/Kolkata')).toBe(newYork);
    expect(runIn('UTC')).toBe(newYork);
    expect(JSON.parse(newYork)[0].length).toBeGreaterThan(50);
  });
});
