import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseFeed } from '../feeds/client.ts';
import { buildCopy, copyProject } from './astro-build.ts';

/*
 * Issue 26 through a whole site build, as a team would meet it: a half-hourly window across the
 * New York spring-forward gap and a P1D window over the same day verify and build, and the feed
 * Astro writes holds four distinct events that night and a window that ends at the same wall
 * time the next day, as ical.js (Thunderbird's parser) expands it; two windows whose event UIDs
 * would coincide stop the build as the plugin verifies, with the finding's location.
 */

const TODAY = '2027-03-01';
const OWNERS = { ops: { name: 'Operations', email: 'ops@example.org' } };
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);

let dir: string;

function runbook(id: string, system: string, windows: Array<Record<string, unknown>>): string {
  const data = {
    id,
    title: `Runbook ${id}`,
    system,
    owners: ['ops'],
    timezone: 'America/New_York',
    windows: windows.map((w) => ({ title: 'Window', impact: 'minimal', ...w })),
  };
  return `---\n${stringify(data)}---\n\n## Procedure\n\nText.\n`;
}

function tree(files: Record<string, string>): void {
  rmSync(join(dir, 'runbooks'), { recursive: true, force: true });
  mkdirSync(join(dir, 'runbooks'), { recursive: true });
  writeFileSync(join(dir, 'runbooks/owners.yaml'), stringify(OWNERS));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'runbooks', name), text);
}

beforeAll(() => {
  dir = copyProject('almanac-recurrence-build-');
  // A month of feed: the nights in question, quickly.
  writeFileSync(
    join(dir, 'almanac.config.json'),
    JSON.stringify({ feeds: { daysBack: 0, daysAhead: 31 }, siteUrl: 'https://runbooks.example.org' }),
  );
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('recurrence sets in a built site', () => {
  it('builds a half-hourly window across the spring-forward gap as four events that night, and a P1D window ending at the same wall time', () => {
    tree({
      'night.mdx': runbook('night', 'night', [
        { id: 'half-hourly', rrule: 'FREQ=DAILY;BYHOUR=1,2,3;BYMINUTE=0,30', start: '01:00', duration: 'PT30M' },
      ]),
      'day.mdx': runbook('day', 'day', [
        { id: 'saturday', rrule: 'FREQ=WEEKLY;BYDAY=SA', start: '12:00', duration: 'P1D' },
      ]),
    });
    const build = buildCopy(dir, { ALMANAC_NOW: TODAY });
    expect(build.status, build.output.slice(-4000)).toBe(0);
    const night = parseFeed(readFileSync(join(dir, 'dist/calendars/system/night.ics'), 'utf8')).events;
    const that = night.filter((e) => iso(e.start).startsWith('2027-03-14'));
    expect(that.map((e) => iso(e.start))).toEqual([
      '2027-03-14T06:00',
      '2027-03-14T06:30',
      '2027-03-14T07:00',
      '2027-03-14T07:30',
    ]);
    expect(new Set(that.map((e) => e.uid)).size).toBe(4);
    const day = parseFeed(readFileSync(join(dir, 'dist/calendars/system/day.ics'), 'utf8')).events.find(
      (e) => iso(e.start) === '2027-03-13T17:00',
    )!;
    expect(iso(day.end)).toBe('2027-03-14T16:00'); // 12:00 EDT, a nominal day after 12:00 EST
  }, 600_000);

  it('stops the build, with the finding and its location, on two windows whose events would share UIDs', () => {
    tree({
      'a.mdx': runbook('db', 'db', [
        { id: 'backup-weekly', rrule: 'FREQ=WEEKLY;BYDAY=SU', start: '09:00', duration: 'PT1H' },
      ]),
      'b.mdx': runbook('db-backup', 'db', [
        { id: 'weekly', rrule: 'FREQ=WEEKLY;BYDAY=SU', start: '09:00', duration: 'PT1H' },
      ]),
    });
    rmSync(join(dir, 'dist'), { recursive: true, force: true });
    const build = buildCopy(dir, { ALMANAC_NOW: TODAY });
    expect(build.status).toBe(1);
    expect(build.output).toMatch(/the site is not built \(almanac verify\)/);
    expect(build.output).toMatch(/runbooks\/b\.mdx[\s\S]*11:9[\s\S]*duplicate-id/);
    expect(build.output).not.toMatch(/two events would share/);
  }, 600_000);
});
