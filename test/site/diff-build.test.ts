import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { windowItem } from '../../packages/verifier/test/rule-tester.ts';
import { buildCopy, copyProject } from './astro-build.ts';

/*
 * Issue 21: `almanac diff` says which feed files a change alters, and a pull request's reviewer
 * trusts that list only if it is what the site's build would write. Here both sides are built by
 * Astro, in a copy of the project under git, and their feed files compared byte for byte, less
 * DTSTAMP (the time of the build) and SEQUENCE (the time of the runbook's last commit, which
 * changes with every commit and which diff holds fixed): the files that differ are exactly those
 * `almanac diff --base HEAD` lists.
 */

const TODAY = '2026-12-07';
const OWNERS = {
  ops: { name: 'Operations', email: 'ops@example.org' },
  dba: { name: 'Databases', phone: '+1 555 0100' },
};

let dir: string;

function runbook(id: string, system: string, owner: string): string {
  const data = {
    id,
    title: `Runbook ${id}`,
    system,
    owners: [owner],
    timezone: 'America/New_York',
    windows: [windowItem()],
  };
  return `---\n${stringify(data)}---\n\n## Procedure\n\nText.\n`;
}

const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: dir, encoding: 'utf8' });

/** The built feed files by path under calendars/, DTSTAMP and SEQUENCE aside. */
function builtFeeds(): Map<string, string> {
  const build = buildCopy(dir, { ALMANAC_NOW: TODAY });
  expect(build.status, build.output.slice(-4000)).toBe(0);
  const root = join(dir, 'dist/calendars');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ics'));
  return new Map(
    files.map((name) => [
      relative(root, join(root, name)).replace(/\.ics$/, ''),
      readFileSync(join(root, name), 'utf8').replace(/\r\n(DTSTAMP|SEQUENCE):[^\r]*/g, ''),
    ]),
  );
}

beforeAll(() => {
  dir = copyProject('almanac-diff-build-');
  writeFileSync(
    join(dir, 'almanac.config.json'),
    JSON.stringify({ feeds: { daysBack: 0, daysAhead: 60 }, siteUrl: 'https://runbooks.example.org/ops' }),
  );
  mkdirSync(join(dir, 'runbooks'));
  writeFileSync(join(dir, 'runbooks/owners.yaml'), stringify(OWNERS));
  writeFileSync(join(dir, 'runbooks/a.mdx'), runbook('a', 'platform', 'ops'));
  writeFileSync(join(dir, 'runbooks/b.mdx'), runbook('b', 'billing', 'dba'));
  writeFileSync(join(dir, '.gitignore'), 'node_modules\ndist\n.astro\n');
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 120_000);

describe('almanac diff against two builds of the site', () => {
  it('lists exactly the feed files whose content moving a runbook to another folder changes', () => {
    const before = builtFeeds();
    mkdirSync(join(dir, 'runbooks/platform'));
    renameSync(join(dir, 'runbooks/a.mdx'), join(dir, 'runbooks/platform/a.mdx'));
    const after = builtFeeds();
    const changed = [...new Set([...before.keys(), ...after.keys()])]
      .filter((path) => before.get(path) !== after.get(path))
      .sort();
    // The moved page's URL is in every event of its runbook: the feeds it is in, and no other.
    expect(changed).toEqual(['all', 'owner/ops', 'system/platform']);
    expect(after.get('all')).toContain('URL:https://runbooks.example.org/ops/platform/a/');
    const node = join(dir, 'node_modules/.bin/node');
    const run = execFileSync(
      node,
      [join(dir, 'packages/verifier/bin/almanac.js'), 'diff', '--base', 'HEAD', '--format', 'json', '--now', TODAY],
      { cwd: dir, encoding: 'utf8' },
    );
    const report = JSON.parse(run) as { feeds: Array<{ feed: string }> };
    expect(report.feeds.map((f) => f.feed).sort()).toEqual(changed);
  }, 900_000);
});
