import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DAY, durationMs, ownerIdsOf, windowOccurrences, type Runbook } from '@almanac/verifier/internal';
import { builtSiteInBrowser, watchProblems } from './browser.ts';
import { builtPages, DIST, modelOfBuild, runbookHrefs } from './build.ts';
import { resolveStatic } from './static-server.ts';

/*
 * The built site in a real browser. Expectations come from the verifier's model, not from the
 * site's own helpers, so a formatting bug cannot agree with itself.
 */

/** The one page every test drives: a new page per test would cost Chromium more than the test. */
let page: Page;
/** Console errors, failed requests and uncaught exceptions while a test drives the page. */
const problems: string[] = [];

/** The page at `path`, on screen (a test may have switched it to print). */
async function open(path: string): Promise<Page> {
  await page.emulateMedia({ media: 'screen' });
  await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
  return page;
}

let model: ReturnType<typeof modelOfBuild>;
let hrefs: Map<Runbook, string>;

const site = builtSiteInBrowser(DIST, () => {
  model = modelOfBuild();
  hrefs = runbookHrefs(model.runbooks);
});

beforeAll(async () => {
  page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  watchProblems(page, problems);
});

// Every page is opened, and checked for these, in every-page.test.ts; these are the ones the tests here set off.
afterEach(() => {
  expect(problems.splice(0), 'console errors, failed requests or exceptions').toEqual([]);
});

describe('search', () => {
  /**
   * A word of one runbook's frontmatter values that no other runbook file and not its own text
   * holds, so only the summary the site renders from frontmatter can make search find it. Its
   * first letters must be on no other built page but its owners' pages, so that search's
   * stemming ("checked" finds "check") cannot bury the runbook under other results.
   */
  function frontmatterOnlyWord(): { word: string; runbook: Runbook } {
    const values = (runbook: Runbook) => [
      ...runbook.tasks.flatMap(({ value }) => [value.title, value.description ?? '', value.tool ?? '']),
      ...runbook.windows.flatMap(({ value }) => [value.title, value.description ?? '']),
      ...runbook.thresholds.flatMap(({ value }) => [value.metric, value.response]),
      ...runbook.monitors.map(({ value }) => value.title),
    ];
    const sorted = [...model.runbooks].sort((a, b) => a.id.localeCompare(b.id));
    const pages = builtPages().map(({ file, path }) => ({ path, text: readFileSync(file, 'utf8').toLowerCase() }));
    for (const runbook of sorted) {
      const elsewhere = [runbook.body, ...sorted.filter((other) => other !== runbook).map((other) => other.source.text)]
        .join('\n')
        .toLowerCase();
      const otherPages = pages
        .filter(({ path }) => path !== hrefs.get(runbook) && !path.startsWith('/owners/'))
        .map(({ text }) => text);
      const words = [
        ...new Set(
          values(runbook)
            .join(' ')
            .toLowerCase()
            .match(/[a-z]{7,}/g) ?? [],
        ),
      ].sort((a, b) => b.length - a.length || a.localeCompare(b));
      const word = words.find(
        (w) => !elsewhere.includes(w) && !otherPages.some((text) => text.includes(w.slice(0, 6))),
      );
      if (word) return { word, runbook };
    }
    throw new Error('no runbook has a frontmatter word of its own to search for');
  }

  it('finds a word that only one runbook’s frontmatter holds, and opens that runbook', async () => {
    const { word, runbook } = frontmatterOnlyWord();
    await open('/');
    await page.locator('site-search button[data-open-modal]:not([disabled])').click();
    await page.locator('#starlight__search input.pagefind-ui__search-input').fill(word);
    const result = page.locator(`#starlight__search a.pagefind-ui__result-link[href^="${hrefs.get(runbook)}"]`).first();
    await result.waitFor({ timeout: 15_000 });
    await result.click();
    await page.waitForURL((url) => url.pathname === hrefs.get(runbook));
    expect(await page.locator('h1#_top').textContent()).toBe(runbook.title);
  });
});

describe('calendar', () => {
  it('shows the next window of a runbook at its UTC time', async () => {
    const from = Date.parse(`${model.result.today}T00:00:00Z`);
    const candidates = [...model.runbooks]
      .sort((a, b) => a.id.localeCompare(b.id))
      .flatMap((runbook) =>
        windowOccurrences(runbook, model.result.time)
          .filter((o) => o.start >= from)
          .slice(0, 1),
      )
      .filter((o) => o.start < from + 8 * 7 * DAY && durationMs(o.window.value.duration) < DAY);
    const next = candidates[0];
    expect(next, 'a runbook with a window in the next eight weeks').toBeDefined();
    const iso = new Date(next!.start).toISOString();
    const hhmm = (instant: number) => new Date(instant).toISOString().slice(11, 16);

    await open('/calendar/');
    const day = page.locator('.agenda-day', { has: page.locator(`h3#day-${iso.slice(0, 10)}`) });
    const entry = day.locator('.agenda-entry', {
      has: page.locator(`a[href="${hrefs.get(next!.runbook)}#window-${next!.window.value.id}"]`),
    });
    const time = entry.locator(`time[datetime="${iso.slice(0, 16)}Z"]`);
    await expect(time.count()).resolves.toBe(1);
    expect(await time.textContent()).toBe(`${hhmm(next!.start)}–${hhmm(next!.end)} UTC`);
  });

  it('filters by system', async () => {
    const system = [...new Set(model.runbooks.filter((r) => r.windows.length).map((r) => r.system))].sort()[0];
    if (system === undefined) throw new Error('no shipped runbook has a window to filter the calendar by');
    await open('/calendar/');
    await page.locator('.agenda-filters select[name="system"]').selectOption(system);
    const shown = await page
      .locator('.agenda-entry:visible')
      .evaluateAll((entries) => entries.map((e) => (e as HTMLElement).dataset.system));
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown)).toEqual(new Set([system]));
    expect(new URL(page.url()).searchParams.get('system')).toBe(system);
  });
});

describe('owners', () => {
  const read = (path: string) => readFileSync(join(DIST, path, 'index.html'), 'utf8');

  it('have a page each, which the owners index, the home page and the runbook pages link to', () => {
    // Its content, less Starlight's sidebar, which links every runbook from every page.
    const page = read('owners');
    const index = page.slice(page.indexOf('<main'));
    const home = read('');
    // Every owner of a registry, and every id a runbook names (an unknown one too: its page says so).
    const ids = new Set(
      model.runbooks.flatMap((runbook) => [...Object.keys(runbook.registry.owners), ...ownerIdsOf(runbook)]),
    );
    const listed = [...index.matchAll(/<li id="([^"]+)"><a class="owner-index-name" href="([^"]+)">/g)];
    // An old link to /owners/#id still lands on the owner's entry, which links the owner's page.
    for (const [, id, href] of listed) expect(href, id).toBe(`/owners/${id}/`);
    expect(listed.map((m) => m[1]).sort()).toEqual([...ids].sort());
    for (const id of ids) expect(read(`owners/${id}`), id).toContain(`<code>${id}</code>`);
    for (const runbook of model.runbooks) {
      const html = read(hrefs.get(runbook)!);
      for (const id of runbook.owners) {
        expect(html, runbook.id).toContain(`href="/owners/${id}/"`);
        expect(home, runbook.id).toContain(`href="/owners/${id}/"`);
        // The owner's page lists the runbook; the index does not, which keeps it light.
        expect(read(`owners/${id}`), id).toContain(`href="${hrefs.get(runbook)}"`);
      }
      expect(index).not.toContain(`href="${hrefs.get(runbook)}`);
    }
  });
});

describe('runbook pages', () => {
  it('give the search one owner filter value per owner, even for owners of the same name', () => {
    const values = new Map<string, Set<string>>();
    for (const runbook of model.runbooks) {
      const html = readFileSync(join(DIST, hrefs.get(runbook)!, 'index.html'), 'utf8');
      const links = [
        ...html.matchAll(
          /<a href="\/owners\/([^"/]+)\/"[^>]*data-pagefind-filter="owner\[data-owner-filter\]"[^>]*data-owner-filter="([^"]+)"/g,
        ),
      ];
      expect(links.map((m) => m[1]).sort(), runbook.id).toEqual([...new Set(runbook.owners)].sort());
      for (const [, id, value] of links) values.set(value!, new Set([...(values.get(value!) ?? []), id!]));
    }
    for (const [value, ids] of values) expect([...ids], value).toHaveLength(1);
    // The shipped registry has two owners named System Administrator.
    expect(
      [...values.keys()].filter((value) => value.startsWith('System Administrator (')).length,
    ).toBeGreaterThanOrEqual(1);
  });

  it('say when their system’s feed has no windows, and only then', () => {
    const empties = new Set<boolean>();
    for (const runbook of model.runbooks) {
      const html = readFileSync(join(DIST, hrefs.get(runbook)!, 'index.html'), 'utf8');
      const feed = readFileSync(join(DIST, 'calendars/system', `${runbook.system}.ics`), 'utf8');
      const empty = !feed.includes('BEGIN:VEVENT');
      empties.add(empty);
      // "For now" only of windows that exist; a runbook without any says that instead.
      const definesNone = runbook.windows.length === 0;
      expect(
        html.includes('No maintenance windows are scheduled in this feed for now'),
        `${runbook.id}: empty feed ${empty}`,
      ).toBe(empty && !definesNone);
      expect(html.includes('This runbook defines no maintenance windows'), `${runbook.id}: empty feed ${empty}`).toBe(
        empty && definesNone,
      );
    }
    // The shipped runbooks have both kinds.
    expect([...empties].sort()).toEqual([false, true]);
  });

  it('say a runbook was never recorded as reviewed, rather than give a date nobody wrote', () => {
    const never = new Set<boolean>();
    for (const runbook of model.runbooks) {
      const html = readFileSync(join(DIST, hrefs.get(runbook)!, 'index.html'), 'utf8');
      const unrecorded = runbook.review !== undefined && runbook.review.last_reviewed === undefined;
      never.add(unrecorded);
      expect(html.includes('Never recorded as reviewed'), runbook.id).toBe(unrecorded);
      expect(html.includes('Last reviewed'), runbook.id).toBe(!unrecorded);
    }
    // The shipped runbooks have both kinds.
    expect([...never].sort()).toEqual([false, true]);
  });

  it('show each runbook’s owners and thresholds, with no raw ISO durations', async () => {
    const isoDuration = /\bP(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(\d+H)?(\d+M)?(\d+S)?)?\b/;
    for (const runbook of model.runbooks) {
      await open(hrefs.get(runbook)!);
      const facts = await page.locator('.runbook-facts').innerText();
      expect(facts, runbook.id).toContain(runbook.system);
      for (const id of runbook.owners) {
        const name = runbook.registry.owners[id]?.name ?? id;
        expect(facts, `${runbook.id}: owner ${id}`).toContain(name);
        await expect(page.locator('.owner-card').filter({ hasText: name }).count()).resolves.toBeGreaterThan(0);
      }
      for (const { value: threshold } of runbook.thresholds) {
        const row = (await page.locator(`tr#threshold-${threshold.metric}`).innerText()).replace(/\s+/g, ' ');
        expect(row, `${runbook.id}: threshold ${threshold.metric}`).toContain(threshold.metric);
        for (const level of [threshold.warning, threshold.critical])
          if (level) expect(row).toContain(String(level.value));
      }
      // The summary's own words; the authors' descriptions may quote durations as they like.
      const generated = await page
        .locator(
          '.runbook-facts, .window-when, .task-time, .level-warning, .level-critical, table.objectives td, .escalation > li > p:first-child',
        )
        .allInnerTexts();
      for (const text of generated) expect(text, runbook.id).not.toMatch(isoDuration);
    }
  }, 120_000);

  it('print as a checklist without the site’s navigation', async () => {
    const runbook = model.runbooks.find((r) => r.tasks.length > 0);
    if (runbook === undefined) throw new Error('no shipped runbook has a task to print as a checklist');
    await open(hrefs.get(runbook)!);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('header.header').isVisible()).resolves.toBe(false);
    await expect(page.locator('nav.sidebar').isVisible()).resolves.toBe(false);
    await expect(page.locator('.subscribe').first().isVisible()).resolves.toBe(false);
    await expect(page.locator('.check-box').first().isVisible()).resolves.toBe(true);
  });
});

describe('every page', () => {
  it('escapes each character once (a heading’s screen-reader label once read “&amp;” aloud)', () => {
    const twice = builtPages().flatMap(({ file, path }) =>
      [...readFileSync(file, 'utf8').matchAll(/&amp;(?:amp|lt|gt|quot|#\d+|#x[0-9a-f]+);/gi)].map(
        (m) => `${path}: ${m[0]}`,
      ),
    );
    expect(twice).toEqual([]);
  });

  it('links only to pages, files and anchors that exist', () => {
    const site = new URL(model.siteUrl);
    const ids = new Map<string, Set<string>>();
    const idsOf = (file: string) => {
      let set = ids.get(file);
      if (!set)
        ids.set(file, (set = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!))));
      return set;
    };
    const broken: string[] = [];
    for (const { file, path } of builtPages()) {
      const base = new URL(path, 'http://internal');
      // Starlight gives its 404 page a canonical /404/ that no host serves; every other link counts.
      const html = readFileSync(file, 'utf8').replace(/<link rel="canonical" href="[^"]*\/404\/"\/?>/, '');
      for (const [, raw] of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        const link = raw!.replace(/&amp;/g, '&');
        let url: URL;
        if (/^(mailto|tel|data|javascript):/.test(link)) continue;
        if (/^webcal:/.test(link)) url = new URL(link.replace(/^webcal:/, 'https:'));
        else url = new URL(link, base);
        // The site's own absolute URLs (canonical links, feed URLs) must resolve too; other hosts are not ours.
        if (url.host !== 'internal' && url.host !== site.host) continue;
        const target = resolveStatic(DIST, url.pathname);
        if (!target) broken.push(`${path} → ${link}`);
        else if (url.hash && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(url.hash.slice(1))))
          broken.push(`${path} → ${link} (no such anchor)`);
      }
    }
    expect(broken).toEqual([]);
  });
});
