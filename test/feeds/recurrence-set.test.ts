import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { feedHorizon, feedSets, TimeEngine } from '@almanac/verifier';
import { cli, project } from '../../packages/verifier/test/project.ts';
import { corpusOf, parseFeed, testWriter } from './client.ts';

/*
 * Issue 26 end to end: what `almanac verify` lets through, the feeds the site builds from the
 * same runbooks publish, and ical.js reads. The feeds are built here with the writer and feed
 * sets the site's endpoints use (src/pages/calendars/_feeds.ts), not by a whole Astro build.
 */

const TODAY = '2027-03-01';
const OWNERS = { ops: { name: 'Operations', email: 'ops@example.org' } };
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);

function runbook(id: string, windows: Array<Record<string, unknown>>, system = 'core'): Record<string, unknown> {
  return {
    id,
    title: `Runbook ${id}`,
    system,
    owners: ['ops'],
    timezone: 'America/New_York',
    windows: windows.map((w) => ({ title: 'Window', impact: 'minimal', ...w })),
  };
}

/** `almanac verify` on the runbooks as files, and the feeds built from them (a month ahead, as `feeds.daysAhead: 31` would make them), or the error that stops the build. */
async function verifyAndBuild(runbooks: Record<string, Record<string, unknown>>) {
  const files = Object.fromEntries(
    Object.entries(runbooks).map(([file, data]) => [file, `---\n${stringify(data)}---\n\n# Procedure\n`]),
  );
  const root = project({ ...files, 'runbooks/owners.yaml': stringify(OWNERS) });
  const verified = await cli(['verify', '--now', TODAY, '--format', 'json'], root);
  let feeds: Map<string, string> | Error;
  try {
    const writer = testWriter();
    feeds = new Map(
      feedSets(corpusOf(runbooks, OWNERS), new TimeEngine(feedHorizon(TODAY, { daysBack: 0, daysAhead: 31 }))).map(
        (set) => [set.path, writer.text(set)],
      ),
    );
  } catch (error) {
    feeds = error as Error;
  }
  return {
    code: verified.code,
    findings: JSON.parse(verified.stdout).findings as Array<Record<string, unknown>>,
    feeds,
  };
}

describe('verify passes what the feeds can build, and reports what they cannot', () => {
  it('publishes a half-hourly window across the New York spring-forward gap as four distinct events that night', async () => {
    const { code, findings, feeds } = await verifyAndBuild({
      'runbooks/night.mdx': runbook('night', [
        { id: 'half-hourly', rrule: 'FREQ=DAILY;BYHOUR=1,2,3;BYMINUTE=0,30', start: '01:00', duration: 'PT30M' },
      ]),
    });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(code).toBe(0);
    if (feeds instanceof Error) throw feeds;
    const events = parseFeed(feeds.get('all')!).events.filter((e) => iso(e.start).startsWith('2027-03-14'));
    // 01:00 and 01:30 EST, then 02:00 and 02:30, which do not exist, moved to 03:00 and 03:30 EDT, where they meet the 03:00 and 03:30 starts.
    expect(events.map((e) => iso(e.start))).toEqual([
      '2027-03-14T06:00',
      '2027-03-14T06:30',
      '2027-03-14T07:00',
      '2027-03-14T07:30',
    ]);
    expect(new Set(events.map((e) => e.uid)).size).toBe(4);
    // Six a night on other days.
    expect(parseFeed(feeds.get('all')!).events.filter((e) => iso(e.start).startsWith('2027-03-21'))).toHaveLength(6);
  });

  it('ends a P1D window at the same wall time the next day across the spring-forward day, and PT24H an hour later', async () => {
    const { code, feeds } = await verifyAndBuild({
      // Two systems: one window's occurrences would overlap the other's.
      'runbooks/nominal.mdx': runbook(
        'nominal',
        [{ id: 'day', rrule: 'FREQ=WEEKLY;BYDAY=SA', start: '12:00', duration: 'P1D' }],
        'nominal',
      ),
      'runbooks/exact.mdx': runbook(
        'exact',
        [{ id: 'day', rrule: 'FREQ=WEEKLY;BYDAY=SA', start: '12:00', duration: 'PT24H' }],
        'exact',
      ),
    });
    expect(code).toBe(0);
    if (feeds instanceof Error) throw feeds;
    const events = parseFeed(feeds.get('all')!).events.filter((e) => iso(e.start) === '2027-03-13T17:00');
    const end = (window: string) => iso(events.find((e) => e.uid.startsWith(`${window}-day`))!.end);
    expect(end('nominal')).toBe('2027-03-14T16:00'); // 12:00 EDT
    expect(end('exact')).toBe('2027-03-14T17:00'); // 13:00 EDT
  });

  it('reports, with a location, two windows whose events would share UIDs, which stops the feeds', async () => {
    const { code, findings, feeds } = await verifyAndBuild({
      'runbooks/a.mdx': runbook('db', [
        { id: 'backup-weekly', rrule: 'FREQ=WEEKLY;BYDAY=SU', start: '09:00', duration: 'PT1H' },
      ]),
      'runbooks/b.mdx': runbook('db-backup', [
        { id: 'weekly', rrule: 'FREQ=WEEKLY;BYDAY=SU', start: '09:00', duration: 'PT1H' },
      ]),
    });
    expect(code).toBe(1);
    expect(findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'duplicate-id',
        severity: 'error',
        file: 'runbooks/b.mdx',
        line: 11,
        column: 9,
        message: expect.stringContaining('same UIDs (db-backup-weekly-<start>)'),
      }),
    );
    expect(feeds).toBeInstanceOf(Error);
    expect((feeds as Error).message).toMatch(/two events would share db-backup-weekly[-@]/);
  });
});
