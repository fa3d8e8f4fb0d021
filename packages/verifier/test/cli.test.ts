import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/cli.ts';
import { cli, project } from './project.ts';

const BIN = new URL('../bin/almanac.js', import.meta.url).pathname;
const NODE = new URL('../../../node_modules/.bin/node', import.meta.url).pathname;

const OWNERS = 'ops:\n  name: Operations\n  email: ops@example.com\n';
const GOOD =
  '---\nid: a\ntitle: A\nsystem: s\nowners: [ops]\ntimezone: UTC\nreview:\n  cycle: P3M\n  last_reviewed: 2026-01-01\n---\n';
const BAD =
  '---\nid: b\ntitle: B\nsystem: s\nowners: [ops]\ntimezone: Africa/Nairobi\ntasks:\n  - id: t\n    title: T\n    kind: check\n    rrule: FREQ=DAILY\n    start: "25:00"\n    owner: ops\n---\n';

describe('almanac verify', () => {
  it('exits 0 with warnings only, and prints the contract JSON', async () => {
    const root = project({ 'runbooks/owners.yaml': OWNERS, 'runbooks/a.mdx': GOOD });
    const { code, stdout } = await cli(['verify', '--format', 'json', '--now', '2026-11-23'], root);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      findings: [
        {
          ruleId: 'review-overdue',
          severity: 'warning',
          file: 'runbooks/a.mdx',
          line: 9,
          column: 18,
          path: 'review.last_reviewed',
          message: 'Review overdue: last reviewed 2026-01-01, every 3 months, so due 2026-04-01 (236 days ago)',
        },
      ],
      summary: { files: 1, errors: 0, warnings: 1 },
      tzdata: process.versions.tz,
    });
  });

  it('exits 1 on an error, with an ESLint-style report and a code frame', async () => {
    const root = project({ 'runbooks/owners.yaml': OWNERS, 'runbooks/b.mdx': BAD });
    const { code, stdout } = await cli(['verify', '--now', '2026-11-23'], root);
    expect(code).toBe(1);
    expect(stdout).toContain(
      'runbooks/b.mdx\n  12:12   error    tasks[0].start must be a 24-hour time "HH:MM", such as "02:00" (found "25:00")  schema',
    );
    expect(stdout).toContain('> 12 |     start: "25:00"\n               |            ^');
    expect(stdout).toContain('✖ 1 problem (1 error, 0 warnings)');
  });

  it('checks the paths it is given, together', async () => {
    const root = project({ 'a/owners.yaml': OWNERS, 'a/x.mdx': GOOD, 'b/owners.yaml': OWNERS, 'b/y.mdx': GOOD });
    const { stdout } = await cli(['verify', 'a', 'b', '--format', 'json', '--now', '2026-11-23'], root);
    expect(JSON.parse(stdout).findings).toMatchObject([
      { ruleId: 'review-overdue', file: 'a/x.mdx' },
      { ruleId: 'duplicate-id', file: 'b/y.mdx', message: "Runbook id 'a' is already used by a/x.mdx" },
      { ruleId: 'review-overdue', file: 'b/y.mdx' },
    ]);
  });

  it('exits 2 on a bad flag, a bad format, a bad date or a missing path', async () => {
    const root = project({});
    expect(await cli(['verify', '--bogus'], root)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("Unknown option '--bogus'"),
    });
    expect(await cli(['verify', '--format', 'xml'], root)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("unknown format 'xml'"),
    });
    expect(await cli(['verify', '--now', '23/11/2026'], root)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--now takes a date YYYY-MM-DD'),
    });
    expect(await cli(['verify', 'missing'], root)).toMatchObject({
      code: 2,
      stderr: "almanac: Cannot read 'missing': no such file or directory\n",
    });
    expect((await cli([], root)).code).toBe(2);
  });

  it('takes today from ALMANAC_NOW as the site build does, and refuses an impossible --now', async () => {
    const root = project({ 'runbooks/owners.yaml': OWNERS, 'runbooks/a.mdx': GOOD });
    const code = async (args: string[], env: Record<string, string> = {}) =>
      (await run(args, { stdout: () => {}, stderr: () => {}, cwd: root, color: false, env })).valueOf();
    // GOOD was reviewed on 2026-01-01 every 3 months: overdue only after 2026-04-01.
    expect(await code(['verify', '--format', 'json', '--max-warnings', '0'], { ALMANAC_NOW: '2026-02-01' })).toBe(0);
    expect(await code(['verify', '--format', 'json', '--max-warnings', '0'], { ALMANAC_NOW: '2026-06-01' })).toBe(1);
    expect(await code(['verify', '--now', '2025-13-45'])).toBe(2);
    const stderr: string[] = [];
    await run(['verify', '--now', '2025-13-45'], {
      stdout: () => {},
      stderr: (t) => stderr.push(t),
      cwd: root,
      color: false,
    });
    expect(stderr.join('')).toMatch(/--now takes a date YYYY-MM-DD, not '2025-13-45'/);
  });

  it('gives byte-identical JSON run after run, whatever the machine’s time zone', () => {
    const root = project({ 'runbooks/owners.yaml': OWNERS, 'runbooks/a.mdx': GOOD, 'runbooks/b.mdx': BAD });
    const json = (tz: string) =>
      spawnSync(NODE, [BIN, 'verify', '--format', 'json', '--now', '2026-11-23'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, TZ: tz },
      }).stdout;
    const first = json('UTC');
    expect(JSON.parse(first).summary.errors).toBe(1);
    for (const tz of ['UTC', 'America/New_York', 'Asia/Kolkata']) expect(json(tz)).toBe(first);
  });

  it('runs as the installed bin under the pinned Node', async () => {
    const root = project({ 'runbooks/owners.yaml': OWNERS, 'runbooks/b.mdx': BAD });
    const result = spawnSync(NODE, [BIN, 'verify', '--format', 'json', '--now', '2026-11-23'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).summary).toEqual({ files: 1, errors: 1, warnings: 0 });
    // The zone data the schedules were checked with: the pinned Node's, never absent.
    expect(JSON.parse(result.stdout).tzdata).toMatch(/^20\d\d[a-z]$/);
    expect(result.stderr).toBe('');
    expect(execFileSync(NODE, [BIN, '--version'], { encoding: 'utf8' })).toMatch(
      /^almanac \d\S* \(tzdata 20\d\d[a-z]\)\n$/,
    );
  });
});
