import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './project.ts';
import { feedSets } from '../src/outputs/feeds/feed-sets.ts';
import { feedHorizon } from '../src/schedule/horizons.ts';
import { createFeedWriter } from '../src/outputs/feeds/feed.ts';
import { pageHref } from '../src/schedule/page-path.ts';
import { loadCorpus } from '../src/load/load-tree.ts';
import { TimeEngine } from '../src/time/engine.ts';
import type { DiffReport } from '../src/diff/compare.ts';
import { formatDiffMarkdown } from '../src/diff/markdown.ts';

const NOW = '2026-11-23';
/** The Sundays after NOW. */
const SUNDAYS = ['2026-11-29', '2026-12-06', '2026-12-13'];
/** A disk threshold on runbook `drift`, and a hand-written alert that pages at another level: an old drift. */
const DISK_THRESHOLD =
  'thresholds:\n  - metric: disk-used\n    unit: percent\n    comparator: ">"\n    critical: { value: 90 }\n    response: Free space';
const DRIFTED_ALERT = [
  'groups:',
  '  - name: disk',
  '    rules:',
  '      - alert: DiskFull',
  '        expr: disk_used_percent > 95',
  '        labels: { severity: critical }',
  '        annotations: { runbook_url: "https://runbooks.example.org/drift/#threshold-disk-used" }',
  '',
].join('\n');
const OWNERS =
  'ops:\n  name: Operations\n  email: ops@example.com\ndba:\n  name: Database team\n  email: dba@example.com\n';

function runbook(id: string, { zone = 'UTC', start = '02:00', windowZone = '', task = '', extra = '' } = {}): string {
  return [
    '---',
    `id: ${id}`,
    `title: ${id} maintenance`,
    'system: platform',
    'owners: [ops]',
    `timezone: ${zone}`,
    'windows:',
    '  - id: weekly',
    '    title: Weekly maintenance',
    '    rrule: FREQ=WEEKLY;BYDAY=SU',
    `    start: "${start}"`,
    '    duration: PT2H',
    ...(windowZone ? [`    timezone: ${windowZone}`] : []),
    '    impact: minimal',
    ...(task
      ? [
          'tasks:',
          '  - id: vacuum',
          '    title: Vacuum',
          '    kind: optimization',
          '    rrule: FREQ=WEEKLY;BYDAY=SU',
          `    start: "${task}"`,
          '    duration: PT30M',
          '    owner: dba',
          '    window: weekly',
        ]
      : []),
    'objectives:',
    '  - scenario: database-failure',
    '    rto: PT4H',
    '    rpo: P7D',
    '    rpo_met_by: replication',
    '    procedure: Fail over',
    extra,
    '---',
    '',
    'Body',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/** A git repository in a temp dir with one commit of the files on `main`, then the working tree changed by `change`. */
function repo(files: Record<string, string>): {
  root: string;
  git: (...args: string[]) => string;
  write: (name: string, text: string) => void;
} {
  const root = mkdtempSync(join(tmpdir(), 'almanac-diff-'));
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=Almanac', '-c', 'user.email=dev@almanac.invalid', '-c', 'init.defaultBranch=main', ...args],
      { cwd: root, encoding: 'utf8' },
    );
  const write = (name: string, text: string) => {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  };
  git('init', '-q');
  for (const [name, text] of Object.entries(files)) write(name, text);
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  return { root, git, write };
}

const diff = (root: string, ...args: string[]) => cli(['diff', '--now', NOW, ...args], root);

async function diffJson(root: string, ...args: string[]): Promise<{ code: number; report: DiffReport }> {
  const { code, stdout, stderr } = await diff(root, '--format', 'json', ...args);
  expect(stderr).toBe('');
  return { code, report: JSON.parse(stdout) as DiffReport };
}

/** Every file below a folder with its bytes and modification time: what "untouched" is checked against. */
function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.set(path, `${statSync(path).mtimeMs} ${readFileSync(path, 'base64')}`);
    }
  };
  walk(root);
  return out;
}

describe('almanac diff', () => {
  it('says nothing changed, and exits 0, when the working tree is the base', async () => {
    const { root } = repo({ 'runbooks/owners.yaml': OWNERS, 'runbooks/a.mdx': runbook('a') });
    const { code, report } = await diffJson(root);
    expect(code).toBe(0);
    expect(report).toMatchObject({
      runbooks: [],
      feeds: [],
      findings: { new: [], fixed: [] },
      skipped: [],
      summary: { runbooks: { added: 0, removed: 0, changed: 0 }, feeds: 0 },
    });
    expect(report.base.ref).toBe('merge base with main');
    expect((await diff(root, '--format', 'markdown')).stdout).toContain(
      'No change to any schedule, objective, threshold, owner, feed or finding.',
    );
  });

  it('shows a window moved one hour later, with its next occurrences on both sides, and the feeds it moves', async () => {
    const { root, write } = repo({ 'runbooks/owners.yaml': OWNERS, 'runbooks/a.mdx': runbook('a') });
    write('runbooks/a.mdx', runbook('a', { start: '03:00' }));
    const { code, report } = await diffJson(root);
    expect(code).toBe(0);
    expect(report.runbooks).toHaveLength(1);
    const [change] = report.runbooks;
    expect(change).toMatchObject({
      id: 'a',
      status: 'changed',
      file: { before: 'runbooks/a.mdx', after: 'runbooks/a.mdx' },
      fields: [],
    });
    expect(change!.items).toEqual([
      {
        list: 'windows',
        key: 'weekly',
        status: 'changed',
        fields: [{ field: 'start', before: '02:00', after: '03:00' }],
        schedule: {
          before: {
            words: 'every Sunday, 02:00–04:00 UTC',
            zone: 'UTC',
            next: SUNDAYS.map((day) => ({
              start: `${day}T02:00:00Z`,
              end: `${day}T04:00:00Z`,
              utc: `Sun ${day} 02:00–04:00 UTC`,
              local: `Sun ${day} 02:00–04:00 UTC`,
            })),
          },
          after: {
            words: 'every Sunday, 03:00–05:00 UTC',
            zone: 'UTC',
            next: SUNDAYS.map((day) => ({
              start: `${day}T03:00:00Z`,
              end: `${day}T05:00:00Z`,
              utc: `Sun ${day} 03:00–05:00 UTC`,
              local: `Sun ${day} 03:00–05:00 UTC`,
            })),
          },
          shift: 'moves 1 hour later',
        },
      },
    ]);
    // The weekly window is one series: it changes in place (same UID) in the feed of all, the system's and the owner's.
    expect(report.feeds.map((f) => [f.feed, f.events])).toEqual([
      ['all', { added: 0, removed: 0, changed: 1 }],
      ['owner/ops', { added: 0, removed: 0, changed: 1 }],
      ['system/platform', { added: 0, removed: 0, changed: 1 }],
    ]);
  });

  it('says when a move changes across a daylight saving change, and in which zone', async () => {
    const { root, write } = repo({ 'runbooks/owners.yaml': OWNERS, 'runbooks/a.mdx': runbook('a') });
    write('runbooks/a.mdx', runbook('a', { zone: 'Europe/London', start: '03:00' }));
    const { report } = await diffJson(root);
    const window = report.runbooks[0]!.items.find((item) => item.list === 'windows')!;
    // 03:00 London is 03:00 UTC in winter and 02:00 UTC in summer: one hour later, then the same instant.
    expect(window.schedule!.shift).toBe(
      'moves 1 hour later; from Sun 2027-03-28, when Europe/London crosses into BST (UTC+01:00), keeps its UTC time; from Sun 2027-10-31, when Europe/London crosses into GMT (UTC+00:00), moves 1 hour later',
    );
    expect(window.schedule!.after!.next[0]).toEqual({
      start: '2026-11-29T03:00:00Z',
      end: '2026-11-29T05:00:00Z',
      utc: 'Sun 2026-11-29 03:00–05:00 UTC',
      local: 'Sun 2026-11-29 03:00–05:00 Europe/London (UTC+00:00)',
    });
    expect(report.runbooks[0]!.fields).toEqual([{ field: 'timezone', before: 'UTC', after: 'Europe/London' }]);
  });

  it('shows a window whose zone changes from UTC to Africa/Nairobi at the same wall time as three hours earlier', async () => {
    const { root, write } = repo({ 'runbooks/owners.yaml': OWNERS, 'runbooks/a.mdx': runbook('a') });
    write('runbooks/a.mdx', runbook('a', { windowZone: 'Africa/Nairobi' }));
    const { report } = await diffJson(root);
    const [window] = report.runbooks[0]!.items;
    expect(window).toMatchObject({ key: 'weekly', fields: [{ field: 'timezone', after: 'Africa/Nairobi' }] });
    expect(window!.schedule).toMatchObject({
      before: { words: 'every Sunday, 02:00–04:00 UTC' },
      after: { words: 'every Sunday, 02:00–04:00 Africa/Nairobi', zone: 'Africa/Nairobi' },
      shift: 'moves 3 hours earlier',
    });
    expect(window!.schedule!.after!.next[0]).toEqual({
      start: '2026-11-28T23:00:00Z',
      end: '2026-11-29T01:00:00Z',
      utc: 'Sat 2026-11-28 23:00–Sun 2026-11-29 01:00 UTC',
      local: 'Sun 2026-11-29 02:00–04:00 Africa/Nairobi (UTC+03:00)',
    });
    const markdown = (await diff(root, '--format', 'markdown')).stdout;
    expect(markdown).toContain(
      '| window weekly | moves 3 hours earlier | every Sunday, 02:00–04:00 UTC | every Sunday, 02:00–04:00 Africa/Nairobi |',
    );
  });

  it("shows the next occurrences of a UTC window in its runbook's zone, where its readers are; an absolute path reads as a relative one", async () => {
    const { root, write } = repo({
      'runbooks/owners.yaml': OWNERS,
      'runbooks/a.mdx': runbook('a', { zone: 'Africa/Nairobi', windowZone: 'UTC' }),
    });
    write('runbooks/a.mdx', runbook('a', { zone: 'Africa/Nairobi', windowZone: 'UTC', start: '03:00' }));
    const { report } = await diffJson(root, join(root, 'runbooks'));
    expect(report.runbooks[0]!.file).toEqual({ before: 'runbooks/a.mdx', after: 'runbooks/a.mdx' });
    expect(report.runbooks[0]!.items[0]!.schedule).toMatchObject({
      after: {
        words: 'every Sunday, 03:00–05:00 UTC',
        zone: 'Africa/Nairobi',
        next: [
          { utc: 'Sun 2026-11-29 03:00–05:00 UTC', local: 'Sun 2026-11-29 06:00–08:00 Africa/Nairobi (UTC+03:00)' },
          {},
          {},
        ],
      },
      shift: 'moves 1 hour later',
    });
  });

  it('reports a task moved out of its window as a new error, and exits 1 by default', async () => {
    const { root, write } = repo({ 'runbooks/owners.yaml': OWNERS, 'runbooks/a.mdx': runbook('a', { task: '02:30' }) });
    write('runbooks/a.mdx', runbook('a', { task: '05:30' }));
    const { code, report } = await diffJson(root);
    expect(code).toBe(1);
    expect(report.findings.fixed).toEqual([]);
    expect(report.findings.new).toMatchObject([
      { ruleId: 'task-outside-window', severity: 'error', file: 'runbooks/a.mdx', path: 'tasks[0].start' },
    ]);
    expect(report.summary.new).toEqual({ errors: 1, warnings: 0 });
    const task = report.runbooks[0]!.items.find((item) => item.list === 'tasks')!;
    expect(task.schedule).toMatchObject({
      shift: 'moves 3 hours later',
      after: { words: 'every Sunday, 05:30–06:00 UTC' },
    });
    // The task's owner's feed loses the task from the window's events; so does every feed holding them.
    expect(report.feeds.find((f) => f.feed === 'owner/dba')).toMatchObject({
      status: 'changed',
      events: { removed: expect.any(Number) },
    });
    const markdown = (await diff(root, '--format', 'markdown')).stdout;
    expect(markdown).toContain('### New findings (1)');
    expect(markdown).toMatch(/\| error \| task-outside-window \| runbooks\/a\.mdx:\d+:\d+ \| Task 'vacuum'/);
  });

  it('reports a fixed finding, and exits 0; --fail-on errors still fails on an old error', async () => {
    const { root, write } = repo({
      'runbooks/owners.yaml': OWNERS,
      'runbooks/a.mdx': runbook('a', { task: '05:30' }),
      'runbooks/b.mdx': runbook('b', { extra: 'review:\n  cycle: P1M\n  last_reviewed: 2026-01-01' })
        .replace('owners: [ops]', 'owners: [nobody]')
        .replace('system: platform', 'system: billing'),
    });
    write('runbooks/a.mdx', runbook('a', { task: '02:30' }));
    const { code, report } = await diffJson(root);
    expect(code).toBe(0);
    expect(report.findings.new).toEqual([]);
    expect(report.findings.fixed).toMatchObject([{ ruleId: 'task-outside-window', file: 'runbooks/a.mdx' }]);
    expect(report.summary).toMatchObject({ new: { errors: 0 }, fixed: { errors: 1, warnings: 0 }, errors: 1 });
    expect((await diff(root, '--fail-on', 'errors')).code).toBe(1);
  });

  it('matches a renamed file by its id: a move, with its findings neither new nor fixed', async () => {
    const stale = { extra: 'review:\n  cycle: P1M\n  last_reviewed: 2026-01-01' };
    const { root } = repo({ 'runbooks/owners.yaml': OWNERS, 'runbooks/a.mdx': runbook('a', stale) });
    mkdirSync(join(root, 'runbooks/platform'));
    renameSync(join(root, 'runbooks/a.mdx'), join(root, 'runbooks/platform/database.mdx'));
    const { code, report } = await diffJson(root);
    expect(code).toBe(0);
    expect(report.runbooks).toEqual([
      {
        id: 'a',
        title: 'a maintenance',
        system: 'platform',
        status: 'changed',
        file: { before: 'runbooks/a.mdx', after: 'runbooks/platform/database.mdx' },
        fields: [],
        items: [],
      },
    ]);
    expect(report.findings).toEqual({ new: [], fixed: [] });
    expect((await diff(root)).stdout).toContain(
      'platform / a  changed  runbooks/platform/database.mdx (moved from runbooks/a.mdx)',
    );
  });

  it('lists exactly the feed files whose content a move to another folder changes, as the site writes them', async () => {
    const other = runbook('b').replace('system: platform', 'system: billing').replace('owners: [ops]', 'owners: [dba]');
    const { root } = repo({
      'almanac.config.json': JSON.stringify({ siteUrl: 'https://runbooks.example.com/ops' }),
      'runbooks/owners.yaml': OWNERS,
      'runbooks/a.mdx': runbook('a'),
      'runbooks/b.mdx': other,
    });
    const siteFeeds = () => {
      const corpus = loadCorpus(['runbooks'], root);
      const writer = createFeedWriter({
        siteUrl: 'https://runbooks.example.com/ops',
        dtstamp: Date.now(),
        sequenceOf: () => 0,
        pageHrefOf: pageHref,
      });
      // DTSTAMP aside: the time of the build.
      return new Map(
        feedSets(corpus, new TimeEngine(feedHorizon(NOW))).map((set) => [
          set.path,
          writer.text(set).replace(/\r\nDTSTAMP:[^\r]*/g, ''),
        ]),
      );
    };
    const before = siteFeeds();
    mkdirSync(join(root, 'runbooks/platform'));
    renameSync(join(root, 'runbooks/a.mdx'), join(root, 'runbooks/platform/a.mdx'));
    const after = siteFeeds();
    const changed = [...after.keys()].filter((path) => after.get(path) !== before.get(path));
    expect(changed).toEqual(['all', 'system/platform', 'owner/ops']);
    expect(after.get('all')).toContain('URL:https://runbooks.example.com/ops/platform/a/');
    const { report } = await diffJson(root);
    expect(report.feeds.map((f) => f.feed)).toEqual([...changed].sort());
    // The weekly window is one series in the feed: one event changes, its URL.
    expect(report.feeds.find((f) => f.feed === 'all')!.events).toEqual({ added: 0, removed: 0, changed: 1 });
  });

  it('lists an added and a removed runbook with their windows and objectives, and the feeds they add and empty', async () => {
    const { root, write } = repo({
      'runbooks/owners.yaml': OWNERS,
      'runbooks/a.mdx': runbook('a'),
      'runbooks/old.mdx': runbook('old').replace('system: platform', 'system: legacy'),
    });
    rmSync(join(root, 'runbooks/old.mdx'));
    write(
      'runbooks/new.mdx',
      runbook('new', { zone: 'Africa/Nairobi' }).replace('system: platform', 'system: payments'),
    );
    const { report } = await diffJson(root);
    expect(report.summary.runbooks).toEqual({ added: 1, removed: 1, changed: 0 });
    const added = report.runbooks.find((r) => r.status === 'added')!;
    expect(added).toMatchObject({ id: 'new', system: 'payments', file: { after: 'runbooks/new.mdx' } });
    expect(added.items.map((i) => [i.list, i.key, i.status])).toEqual([
      ['windows', 'weekly', 'added'],
      ['objectives', 'database-failure', 'added'],
    ]);
    expect(added.items[0]!.schedule).toMatchObject({ after: { words: 'every Sunday, 02:00–04:00 Africa/Nairobi' } });
    expect(added.items[0]!.schedule!.before).toBeUndefined();
    const removed = report.runbooks.find((r) => r.status === 'removed')!;
    expect(removed).toMatchObject({ id: 'old', system: 'legacy', file: { before: 'runbooks/old.mdx' } });
    expect(removed.items[0]!.schedule).toMatchObject({ before: { words: 'every Sunday, 02:00–04:00 UTC' } });
    expect(report.feeds.filter((f) => f.status !== 'changed').map((f) => [f.feed, f.status])).toEqual([
      ['system/legacy', 'removed'],
      ['system/payments', 'added'],
    ]);
    const markdown = (await diff(root, '--format', 'markdown')).stdout;
    expect(markdown).toContain('#### Added: new maintenance (new)');
    // Past GitHub's limit for a summary, whole sections are left out, and the reader is told so.
    const cut = formatDiffMarkdown(report, 1200);
    expect(Buffer.byteLength(cut)).toBeLessThan(1400);
    expect(cut).toMatch(
      /\*\d more sections are left out to keep this within GitHub's limit; `almanac diff --format json` has the whole report\.\*\n$/,
    );
    expect(markdown.startsWith(cut.slice(0, cut.lastIndexOf('*', cut.length - 3)))).toBe(true);
    expect(markdown).toContain(
      '| objective database-failure | added | — | scenario: database-failure; rto: PT4H (4 hours); rpo: P7D (7 days); rpo\\_met\\_by: replication; procedure: Fail over |',
    );
  });

  it('reports objectives, thresholds and owners old → new', async () => {
    const { root, write } = repo({ 'runbooks/owners.yaml': OWNERS, 'runbooks/a.mdx': runbook('a') });
    write(
      'runbooks/a.mdx',
      runbook('a').replace('rto: PT4H', 'rto: PT2H').replace('owners: [ops]', 'owners: [ops, dba]'),
    );
    const { report } = await diffJson(root);
    expect(report.runbooks[0]!.fields).toEqual([{ field: 'owners', before: 'ops', after: 'ops, dba' }]);
    expect(report.runbooks[0]!.items).toEqual([
      {
        list: 'objectives',
        key: 'database-failure',
        status: 'changed',
        fields: [{ field: 'rto', before: 'PT4H (4 hours)', after: 'PT2H (2 hours)' }],
      },
    ]);
    // dba now owns the runbook, so its feed gains the window's series; the others' series name both owners.
    expect(report.feeds.map((f) => [f.feed, f.events])).toEqual([
      ['all', { added: 0, removed: 0, changed: 1 }],
      ['owner/dba', { added: 1, removed: 0, changed: 0 }],
      ['owner/ops', { added: 0, removed: 0, changed: 1 }],
      ['system/platform', { added: 0, removed: 0, changed: 1 }],
    ]);
  });

  it('reads the base from git objects only: the working tree is untouched, and a committed link is refused as on disk', async () => {
    const { root, git, write } = repo({
      'runbooks/owners.yaml': OWNERS,
      'runbooks/a.mdx': runbook('a'),
      'secret.mdx': runbook('secret'),
    });
    symlinkSync('../secret.mdx', join(root, 'runbooks/link.mdx'));
    write('runbooks/parts/_b.mdx', runbook('b'));
    symlinkSync('parts/_b.mdx', join(root, 'runbooks/b.mdx'));
    git('add', '-A');
    git('commit', '-q', '-m', 'links');
    // On disk, the link out of the tree is the same finding at both sides: nothing new, nothing fixed.
    expect((await diffJson(root, '--base', 'HEAD')).report).toMatchObject({
      runbooks: [],
      findings: { new: [], fixed: [] },
      skipped: [],
    });
    rmSync(join(root, 'runbooks/link.mdx'));
    const before = snapshot(root);
    const { report } = await diffJson(root, '--base', 'HEAD');
    expect(report.findings.fixed).toMatchObject([
      { ruleId: 'parse', file: 'runbooks/link.mdx', message: expect.stringContaining('leaves the runbook tree') },
    ]);
    expect(report.runbooks).toEqual([]);
    expect(snapshot(root)).toEqual(before);
  });

  it("reads the base with the config's prometheusRules, so an old drift is neither new nor fixed in any fixture tree", async () => {
    const fixtures = join(import.meta.dirname, '../../../test/fixtures');
    const trees = readdirSync(fixtures, { recursive: true, encoding: 'utf8' })
      .filter((path) => path.endsWith('owners.yaml'))
      .map((path) => `fixtures/${dirname(path)}`)
      .sort();
    expect(trees.length).toBeGreaterThan(20);
    const { root } = repo({
      'almanac.config.json': JSON.stringify({ prometheusRules: 'alerts.yml' }),
      'alerts.yml': DRIFTED_ALERT,
      'runbooks/owners.yaml': OWNERS,
      'runbooks/drift.mdx': runbook('drift', { extra: DISK_THRESHOLD }),
    });
    cpSync(fixtures, join(root, 'fixtures'), { recursive: true });
    execFileSync('git', ['add', '-A'], { cwd: root });
    execFileSync('git', ['-c', 'user.name=A', '-c', 'user.email=a@a.invalid', 'commit', '-q', '-m', 'fixtures'], {
      cwd: root,
    });
    // The drift is there, in the working tree and at the base.
    const verified = await cli(['verify', '--format', 'json', '--now', NOW, 'runbooks'], root);
    expect(verified.stdout).toContain('alert-threshold-drift');
    // One run over every tree: each is read with its own owners.yaml, at both sides.
    const { code, report } = await diffJson(root, '--base', 'HEAD', 'runbooks', ...trees);
    expect(report.summary.errors).toBeGreaterThan(0);
    expect({
      code,
      runbooks: report.runbooks,
      feeds: report.feeds,
      findings: report.findings,
      skipped: report.skipped,
    }).toEqual({ code: 0, runbooks: [], feeds: [], findings: { new: [], fixed: [] }, skipped: [] });
  });

  it('exits 2 with a message for a bad ref, an option-like ref, no repository, or no default branch', async () => {
    const { root, git } = repo({ 'runbooks/owners.yaml': OWNERS, 'runbooks/a.mdx': runbook('a') });
    expect(await diff(root, '--base', 'no-such-branch')).toMatchObject({
      code: 2,
      stderr: "almanac: --base 'no-such-branch' names no commit in this repository\n",
    });
    expect(await diff(root, '--base=--output=x')).toMatchObject({
      code: 2,
      stderr: "almanac: --base '--output=x' names no commit in this repository\n",
    });
    expect(await diff(root, '--format', 'sarif')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("unknown format 'sarif'"),
    });
    expect(await diff(root, '--fail-on', 'warnings')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--fail-on takes new-errors or errors'),
    });
    git('branch', '-m', 'main', 'trunk');
    expect(await diff(root)).toMatchObject({
      code: 2,
      stderr: 'almanac: no default branch to compare with (origin/HEAD, main or master); give --base REF\n',
    });
    const plain = mkdtempSync(join(tmpdir(), 'almanac-nogit-'));
    mkdirSync(join(plain, 'runbooks'));
    writeFileSync(join(plain, 'runbooks/a.mdx'), runbook('a'));
    expect(await diff(plain)).toMatchObject({
      code: 2,
      stderr: 'almanac: not inside a git repository; almanac diff compares the working tree with a commit\n',
    });
  });

  it('shows a new tree as all added, when the base has none of the paths', async () => {
    const { root, write } = repo({ 'README.md': '# x\n' });
    write('runbooks/owners.yaml', OWNERS);
    write('runbooks/a.mdx', runbook('a'));
    const { report } = await diffJson(root);
    expect(report.runbooks.map((r) => [r.id, r.status])).toEqual([['a', 'added']]);
  });

  it('reads the base tree as the disk walk reads one: hidden folders, drafts and other files left out, a submodule reported', async () => {
    const { root, git } = repo({
      'runbooks/owners.yaml': OWNERS,
      'runbooks/a.mdx': runbook('a'),
      'runbooks/.hidden/b.mdx': 'x',
      'runbooks/_draft.mdx': 'x',
      'runbooks/notes.txt': 'x',
      'runbooks/node_modules/c.md': 'x',
    });
    git('update-index', '--add', '--cacheinfo', `160000,${git('rev-parse', 'HEAD').trim()},runbooks/vendored`);
    git('commit', '-q', '-m', 'submodule');
    const { report } = await diffJson(root, '--base', 'HEAD');
    expect(report).toMatchObject({ runbooks: [], findings: { new: [], fixed: [] }, feeds: [] });
    expect(report.skipped).toEqual([{ file: 'runbooks/vendored', reason: 'a submodule, whose runbooks are not read' }]);
  });

  it('gives a file argument the nearest owners.yaml above it at the base, as on disk', async () => {
    const { root, write } = repo({ 'runbooks/owners.yaml': OWNERS, 'runbooks/team/a.mdx': runbook('a') });
    write('runbooks/team/a.mdx', runbook('a').replace('rto: PT4H', 'rto: PT1H'));
    const { report } = await diffJson(root, 'runbooks/team/a.mdx');
    expect(report.findings).toEqual({ new: [], fixed: [] });
    expect(report.runbooks[0]!.items).toMatchObject([
      { list: 'objectives', fields: [{ field: 'rto', after: 'PT1H (1 hour)' }] },
    ]);
  });

  it('shows text from a runbook as text in Markdown: no tag, link or table cell can be opened by it', async () => {
    const { root, write } = repo({ 'runbooks/owners.yaml': OWNERS, 'runbooks/a.mdx': runbook('a') });
    write(
      'runbooks/a.mdx',
      runbook('a').replace(
        'procedure: Fail over',
        'procedure: "<img src=x onerror=alert(1)> | [x](javascript:alert(1))"',
      ),
    );
    const markdown = (await diff(root, '--format', 'markdown')).stdout;
    expect(markdown).toContain(
      '| objective database-failure: procedure | changed | Fail over | &lt;img src=x onerror=alert(1)&gt; \\| \\[x\\](javascript:alert(1)) |',
    );
    expect(markdown).not.toContain('<img');
  });

  it('counts a file that did not parse at the base, and parses now, as a fixed finding', async () => {
    const { root, write } = repo({
      'runbooks/owners.yaml': OWNERS,
      'runbooks/a.mdx': runbook('a').replace('rto: PT4H', 'rto: [PT4H'),
    });
    write('runbooks/a.mdx', runbook('a'));
    const { code, report } = await diffJson(root);
    expect(code).toBe(0);
    expect(report.findings.fixed).toMatchObject([{ ruleId: 'parse', file: 'runbooks/a.mdx' }]);
    expect(report.runbooks.map((r) => [r.id, r.status])).toEqual([['a', 'added']]);
  });
});
