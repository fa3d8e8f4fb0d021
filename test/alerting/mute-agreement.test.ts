import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { windowOccurrences } from '@almanac/verifier/internal';
import { compileEntry, wallClocks, type Wall } from './alertmanager-semantics.ts';
import { alertingOf, ROOT } from './generate.ts';

/*
 * For every minute of 60 days, "inside a window" as Alertmanager reads the generated intervals
 * equals "inside an occurrence" as the time engine (and so the feeds) has it, window by window.
 */

const MINUTE = 60_000;
const DAYS = 60;

function agreement(root: string, today: string) {
  const { corpus, time, intervals } = alertingOf(root, today);
  const start = Date.parse(`${today}T00:00:00Z`);
  const minutes = DAYS * 1440;
  const walls = new Map<string, Wall[]>();
  const wallsIn = (location = 'UTC') => {
    let list = walls.get(location);
    if (!list) walls.set(location, (list = wallClocks(start, minutes, location)));
    return list;
  };
  const mismatches: string[] = [];
  const byName = new Map(intervals.map((interval) => [interval.name, interval]));
  let windows = 0;
  let inside = 0;
  for (const runbook of corpus.runbooks) {
    const occurrences = windowOccurrences(runbook, time);
    for (const window of runbook.windows) {
      const name = `${runbook.id}-${window.value.id}`;
      const interval = byName.get(name);
      if (window.value.impact === 'none') {
        expect(interval, name).toBeUndefined();
        continue;
      }
      expect(interval, name).toBeDefined();
      windows++;
      const engineInside = new Uint8Array(minutes);
      for (const o of occurrences) {
        if (o.window !== window) continue;
        for (let i = Math.max(0, Math.ceil((o.start - start) / MINUTE)); i < minutes && start + i * MINUTE < o.end; i++)
          engineInside[i] = 1;
      }
      const entries = interval!.time_intervals.map((entry) => ({
        contains: compileEntry(entry),
        walls: wallsIn(entry.location),
      }));
      for (let i = 0; i < minutes; i++) {
        const t = start + i * MINUTE;
        const engine = engineInside[i] === 1;
        const muted = entries.some((entry) => entry.contains(entry.walls[i]!));
        if (engine) inside++;
        if (engine !== muted && mismatches.length < 10)
          mismatches.push(`${name} at ${new Date(t).toISOString()}: engine ${engine}, Alertmanager ${muted}`);
      }
    }
  }
  return { mismatches, windows, inside, intervals };
}

describe('mute intervals and the time engine agree minute by minute over 60 days', () => {
  it('for the shipped runbooks', () => {
    const { mismatches, windows, inside } = agreement(ROOT, '2026-11-23');
    expect(mismatches).toEqual([]);
    expect(windows).toBeGreaterThan(0);
    expect(inside).toBeGreaterThan(0);
  });

  const fixture = join(import.meta.dirname, 'fixtures/dst');
  for (const [season, today] of [
    ['spring forward', '2027-03-10'],
    ['fall back', '2026-10-01'],
  ] as const) {
    it(`for windows in Europe/London (01:30 nightly) across the ${season}, and in Asia/Kolkata`, () => {
      const { mismatches, windows, intervals } = agreement(fixture, today);
      expect(mismatches).toEqual([]);
      expect(windows).toBe(16);
      const how = Object.fromEntries(
        intervals.map((i) => [i.name.replace('london-', ''), i.datedBecause ?? 'recurring']),
      );
      expect(how).toMatchObject({
        nightly: expect.stringMatching(/daylight-saving change of 20\d\d-\d\d-\d\d Europe\/London/),
        'sunday-early': expect.stringMatching(/daylight-saving/),
        'weekday-evening': 'recurring',
        'saturday-late': 'it runs past midnight',
        fortnightly: 'its INTERVAL=2 has no Alertmanager equivalent',
        'last-sunday': 'recurring',
        quarterly: 'recurring',
        'second-tuesday': 'recurring',
        'month-end': 'recurring',
        wednesday: "window 'first-wednesday' replaces it on some days",
        'first-wednesday': 'recurring',
        'kolkata-morning': 'recurring',
        'kolkata-night': 'it runs past midnight',
        'new-year': 'recurring',
        'long-weekend': 'it runs past midnight',
        instant: 'recurring',
      });
      expect(intervals.find((i) => i.name === 'london-instant')!.time_intervals).toEqual([]);
    });
  }
});
