import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedHorizon, feedSets, loadConfig, loadCorpus, siteUrlOf, TimeEngine } from '@almanac/verifier';
import { alertingOf } from '../alerting/generate.ts';
import { expectRfc5545, parseFeed } from './client.ts';

/*
 * `astro build` twice, as CI runs it, and the feeds it writes read as a client reads them. The
 * builds run in a copy of the project with its own .astro and caches, so that another test
 * building the site at the same time cannot race them; git history comes from the real .git.
 */

const root = new URL('../../', import.meta.url).pathname;
const TODAY = '2026-11-23';
let work: string;

function build(outDir: string): void {
  const env: NodeJS.ProcessEnv = { ...process.env, ALMANAC_NOW: TODAY, GIT_DIR: join(root, '.git'), GIT_WORK_TREE: work };
  delete env.SOURCE_DATE_EPOCH;
  // Node 24 from the `node` devDependency, whichever Node runs the tests.
  execFileSync(join(root, 'node_modules/.bin/node'), [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], { cwd: work, env, stdio: 'pipe' });
}

/**
 * A copy of the project, its node_modules hard-linked (a plain copy where links cannot be made)
 * so that every path stays inside the copy as Astro wants, less the caches it writes into.
 */
function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'almanac-feeds-'));
  const skip = new Set(['node_modules', '.git', 'dist', '.astro', 'bench']);
  for (const entry of readdirSync(root)) if (!skip.has(entry)) cpSync(join(root, entry), join(dir, entry), { recursive: true, verbatimSymlinks: true });
  try {
    execFileSync('cp', ['-al', join(root, 'node_modules'), join(dir, 'node_modules')], { stdio: 'ignore' });
  } catch {
    rmSync(join(dir, 'node_modules'), { recursive: true, force: true });
    cpSync(join(root, 'node_modules'), join(dir, 'node_modules'), { recursive: true, verbatimSymlinks: true });
  }
  // Hard links share their files: a cache rewritten in the copy would be rewritten in the project.
  for (const cache of ['.astro', '.vite']) rmSync(join(dir, 'node_modules', cache), { recursive: true, force: true });
  return dir;
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ics')).sort();
}

/** What the endpoints ask git: the last commit time of some paths (none: HEAD), '' outside git or for untracked files. */
function gitSeconds(...paths: string[]): string {
  try {
    return execFileSync('git', ['log', '-1', '--format=%ct', '--', ...paths], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

describe('astro build, the site half of npm run build', () => {
  beforeAll(() => {
    work = copyProject();
    build(join(work, 'dist-1'));
    build(join(work, 'dist-2'));
  }, 240_000);
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('writes all.ics and a feed per system and per owner, from the model the verifier reads', () => {
    const { config } = loadConfig(root);
    const corpus = loadCorpus(['runbooks'], root, { ownersFile: config.owners });
    const sets = feedSets(corpus, new TimeEngine(feedHorizon(TODAY, config.feeds)));
    expect(files(join(work, 'dist-1/calendars'))).toEqual(sets.map((set) => `${set.path}.ics`).sort());
    for (const set of sets) {
      const bytes = readFileSync(join(work, 'dist-1/calendars', `${set.path}.ics`));
      expectRfc5545(bytes);
      const events = parseFeed(bytes.toString('utf8')).events;
      expect(events.map((e) => [e.start, e.end]), set.path).toEqual(set.windows.map((w) => [w.start, w.end]));
    }
  });

  it('writes byte-identical feeds twice in a row', () => {
    const first = join(work, 'dist-1/calendars');
    const second = join(work, 'dist-2/calendars');
    expect(files(second)).toEqual(files(first));
    for (const file of files(first)) expect(readFileSync(join(second, file)).equals(readFileSync(join(first, file))), file).toBe(true);
  });

  it('links each event to a page the build wrote, on the configured site', () => {
    const site = siteUrlOf(loadConfig(root).config);
    const { events } = parseFeed(readFileSync(join(work, 'dist-1/calendars/all.ics'), 'utf8'));
    for (const url of new Set(events.map((e) => e.url))) {
      expect(url.startsWith(`${site}/`), url).toBe(true);
      expect(existsSync(join(work, 'dist-1', decodeURI(url.slice(site.length)), 'index.html')), url).toBe(true);
    }
  });

  it('stamps events with the commit time, not the clock: DTSTAMP from HEAD, SEQUENCE from each runbook\'s last change', () => {
    const text = readFileSync(join(work, 'dist-1/calendars/all.ics'), 'utf8');
    const head = Number(gitSeconds() || 0);
    const stamps = new Set(text.split('\r\n').filter((line) => line.startsWith('DTSTAMP:')));
    if (stamps.size) expect([...stamps]).toEqual([`DTSTAMP:${new Date(head * 1000).toISOString().replace(/\.000Z$/, 'Z').replace(/[-:]/g, '')}`]);
    const { config } = loadConfig(root);
    const corpus = loadCorpus(['runbooks'], root, { ownersFile: config.owners });
    for (const event of parseFeed(text).events) {
      // The longest id that starts the UID: a runbook id may begin another one.
      const runbook = corpus.runbooks.filter((r) => event.uid.startsWith(`${r.id}-`)).sort((a, b) => b.id.length - a.id.length)[0]!;
      const changed = gitSeconds(runbook.source.file, ...(runbook.registry.source ? [runbook.registry.file] : []));
      expect(event.sequence, event.uid).toBe(changed ? Number(changed) : 0);
    }
  });

  it('writes the alerting files of the runbooks, with runbook_url at pages the build wrote', () => {
    const expected = alertingOf(root, TODAY);
    expect(readFileSync(join(work, 'dist-1/alerting/prometheus-rules.yml'), 'utf8')).toBe(expected.rulesYaml);
    expect(readFileSync(join(work, 'dist-1/alerting/alertmanager-time-intervals.yml'), 'utf8')).toBe(expected.intervalsYaml);
    expect(readFileSync(join(work, 'dist-1/alerting/alertmanager-route.yml'), 'utf8')).toBe(expected.routeYaml);
    for (const rule of expected.groups.flatMap((group) => group.rules)) {
      const page = new URL(rule.annotations.runbook_url).pathname;
      expect(existsSync(join(work, 'dist-1', page, 'index.html')), page).toBe(true);
    }
  });
});
