import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { feedHorizon, feedSets, loadConfig, loadCorpus, siteUrlOf, TimeEngine } from '@almanac/verifier';
import { alertingOf } from '../alerting/generate.ts';
import { expectRfc5545, parseFeed } from '../feeds/client.ts';
import { BUILD_TODAY, DIST, ROOT } from './build.ts';

/* The feeds `astro build` writes, read as a client reads them. */

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ics'))
    .sort();
}

/** What the endpoints ask git: the last commit time of some paths (none: HEAD), '' outside git or for untracked files. */
function gitSeconds(...paths: string[]): string {
  try {
    return execFileSync('git', ['log', '-1', '--format=%ct', '--', ...paths], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return '';
  }
}

describe('astro build, the site half of npm run build', () => {
  const { config } = loadConfig(ROOT);
  const corpus = loadCorpus(['runbooks'], ROOT, { ownersFile: config.owners });

  it('writes all.ics and a feed per system and per owner, from the model the verifier reads', () => {
    const sets = feedSets(corpus, new TimeEngine(feedHorizon(BUILD_TODAY, config.feeds)));
    expect(files(join(DIST, 'calendars'))).toEqual(sets.map((set) => `${set.path}.ics`).sort());
    for (const set of sets) {
      const bytes = readFileSync(join(DIST, 'calendars', `${set.path}.ics`));
      expectRfc5545(bytes);
      const events = parseFeed(bytes.toString('utf8')).events;
      // A series' instances come together: compared in order of time.
      const spans = (list: Array<{ start: number; end: number }>) =>
        list.map((e) => [e.start, e.end]).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
      expect(spans(events), set.path).toEqual(spans(set.windows));
    }
  });

  it('links each event to a page the build wrote, on the configured site', () => {
    const site = siteUrlOf(config);
    const { events } = parseFeed(readFileSync(join(DIST, 'calendars/all.ics'), 'utf8'));
    for (const url of new Set(events.map((e) => e.url))) {
      expect(url.startsWith(`${site}/`), url).toBe(true);
      expect(existsSync(join(DIST, decodeURI(url.slice(site.length)), 'index.html')), url).toBe(true);
    }
  });

  it("stamps events with the commit time, not the clock: DTSTAMP from HEAD, SEQUENCE from each runbook's last change", () => {
    const text = readFileSync(join(DIST, 'calendars/all.ics'), 'utf8');
    const head = Number(gitSeconds() || 0);
    const stamps = new Set(text.split('\r\n').filter((line) => line.startsWith('DTSTAMP:')));
    if (stamps.size)
      expect([...stamps]).toEqual([
        `DTSTAMP:${new Date(head * 1000)
          .toISOString()
          .replace(/\.000Z$/, 'Z')
          .replace(/[-:]/g, '')}`,
      ]);
    for (const event of parseFeed(text).events) {
      // The longest id that starts the UID: a runbook id may begin another one.
      const runbook = corpus.runbooks
        .filter((r) => event.uid.startsWith(`${r.id}-`))
        .sort((a, b) => b.id.length - a.id.length)[0]!;
      const changed = gitSeconds(runbook.source.file, ...(runbook.registry.source ? [runbook.registry.file] : []));
      expect(event.sequence, event.uid).toBe(changed ? Number(changed) : 0);
    }
  });

  it('writes the alerting files of the runbooks, with runbook_url at pages the build wrote', () => {
    const expected = alertingOf(ROOT, BUILD_TODAY);
    expect(readFileSync(join(DIST, 'alerting/prometheus-rules.yml'), 'utf8')).toBe(expected.rulesYaml);
    expect(readFileSync(join(DIST, 'alerting/alertmanager-time-intervals.yml'), 'utf8')).toBe(expected.intervalsYaml);
    expect(readFileSync(join(DIST, 'alerting/alertmanager-route.yml'), 'utf8')).toBe(expected.routeYaml);
    for (const rule of expected.groups.flatMap((group) => group.rules)) {
      const page = new URL(rule.annotations.runbook_url).pathname;
      expect(existsSync(join(DIST, page, 'index.html')), page).toBe(true);
    }
  });
});
