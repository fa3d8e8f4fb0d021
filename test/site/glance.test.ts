import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { RULE_METAS } from '@almanac/verifier';
import type { Runbook } from '@almanac/verifier/internal';
import { builtSiteInBrowser } from './browser.ts';
import { DIST } from './build.ts';
import {
  clockSettings,
  dateIn,
  DESKTOP,
  hhmm,
  literal,
  PHONE,
  readerIn,
  scheduleOfBuild,
  zoneName,
  type Occ,
} from './reader-clock.ts';

/*
 * The reader's glance (issue 24): the status before anything else, every time in the reader's
 * zone and day, findings out of the way, subscribe links that follow the calendar's filters, and
 * search that finds pages by name. New York and Tokyo, inside and outside a window, phone and
 * desktop; expectations from the verifier's model and Node's Intl.
 */

let runbooks: Runbook[];
let occurrences: Occ[];
let hrefs: Map<Runbook, string>;

const site = builtSiteInBrowser(DIST, () => {
  ({ runbooks, hrefs, occurrences } = scheduleOfBuild());
});

const ZONES = ['America/New_York', 'Asia/Tokyo'];
const VIEWPORTS = { phone: PHONE, desktop: DESKTOP };

/** The top of the first element a selector finds, in page pixels, or Infinity when the page has none. */
async function topOf(page: Page, selector: string): Promise<number> {
  const found = page.locator(selector);
  if ((await found.count()) === 0) return Number.POSITIVE_INFINITY;
  const box = await found.first().boundingBox();
  return box ? box.y : Number.POSITIVE_INFINITY;
}

describe('status first', () => {
  for (const zone of ZONES) {
    for (const [width, viewport] of Object.entries(VIEWPORTS)) {
      it(`opens the home page and a runbook page with the status, on the first screen, in ${zone} on a ${width}`, async () => {
        const { inside, during, between } = clockSettings(occurrences);
        const withFindings = runbooks.find((r) => r.windows.length && r === inside.runbook)!;
        const reader = await readerIn(site, zone, { viewport });
        for (const now of [during, between]) {
          const current = occurrences.filter((o) => o.start <= now && now < o.end);
          for (const path of ['/', hrefs.get(withFindings)!]) {
            const page = await reader.at(path, now);
            const where = `${path} at ${new Date(now).toISOString()}`;
            const status = await topOf(page, '.live-status');
            // On the first screen, above the rest of the page.
            expect(status, where).toBeLessThan(viewport.height);
            if (path === '/') expect(await topOf(page, '.about'), where).toBeGreaterThan(status);
            for (const after of ['.findings-line', '.review-overdue'])
              expect(await topOf(page, after), `${where}: ${after}`).toBeGreaterThan(status);
            const cards = page.locator('.live-status .status-card');
            const mine = path === '/' ? current : current.filter((o) => o.runbook === withFindings);
            await expect(cards.count(), where).resolves.toBe(mine.length);
            if (mine.length) {
              // The first card shows whole on the first screen.
              const card = (await cards.first().boundingBox())!;
              expect(card.y + card.height, where).toBeLessThanOrEqual(viewport.height);
              for (const text of await cards.allInnerTexts())
                expect(text).toMatch(
                  /(downtime|minimal impact|degraded service|no impact)[\s\S]*Ends [\s\S]* left\s*Call first: /,
                );
            } else {
              await expect(page.locator('.live-status .live-now').first().innerText()).resolves.toBe(
                'Not in maintenance now.',
              );
            }
            // The next windows, each with how soon it starts.
            await expect(page.locator('.live-status .live-next').first().innerText()).resolves.toMatch(
              /^Next window: .+, in \d+ (min|h|days)/,
            );
          }
        }
        await reader.context.close();
      });
    }
  }

  it('offers a tap-to-call link for whom to call first, where a contact is real', async () => {
    const { during } = clockSettings(occurrences);
    const reader = await readerIn(site, 'Asia/Tokyo', { viewport: PHONE });
    // The shipped runbooks' first contacts are placeholders: the page is given one with a real phone, as a build would embed it.
    await reader.page.route(`${site.url}/`, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        /"call":\{"name":"([^"]+)"\}/g,
        '"call":{"name":"$1","contact":{"text":"+1 555 0100","href":"tel:+15550100"}}',
      );
      await route.fulfill({ response, body: html });
    });
    const page = await reader.at('/', during);
    const link = page.locator('.status-card a[href^="tel:"]').first();
    await expect(link.getAttribute('href')).resolves.toBe('tel:+15550100');
    await expect(link.innerText()).resolves.toBe('+1 555 0100');
    // Big enough to tap.
    expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(20);
    await reader.context.close();
  });

  it('folds a runbook’s findings into one line that leads to the report', async () => {
    const { between } = clockSettings(occurrences);
    const reader = await readerIn(site, 'America/New_York');
    const runbook = runbooks.find((r) => r.windows.length)!;
    const page = await reader.at(hrefs.get(runbook)!, between);
    const line = page.locator('.findings-line');
    await expect(line.innerText()).resolves.toMatch(
      /^\d+ findings?( \(\d+ errors?\))? from almanac verify.*: see the report\.$/,
    );
    await expect(line.locator('a').getAttribute('href')).resolves.toMatch(/^\/report\/#/);
    const lineHeight = await line.evaluate((e) => parseFloat(getComputedStyle(e).lineHeight));
    expect((await line.boundingBox())!.height).toBeLessThan(lineHeight * 2);
    await reader.context.close();
  });
});

describe('the reader’s zone everywhere', () => {
  for (const zone of ZONES) {
    for (const [width, viewport] of Object.entries(VIEWPORTS)) {
      it(`groups the calendar by the reader’s days, marks the window in progress and past ones, and shows windows on the first screen, in ${zone} on a ${width}`, async () => {
        const { during } = clockSettings(occurrences);
        const reader = await readerIn(site, zone, { viewport });
        const page = await reader.at('/calendar/', during);
        expect(await topOf(page, '.agenda-entry')).toBeLessThan(viewport.height);
        const days = await page.locator('.agenda-day').evaluateAll((elements) =>
          elements.map((day) => ({
            heading: day.querySelector('h3')!.textContent!,
            entries: [...day.querySelectorAll('.agenda-entry')].map((entry) => {
              const time = entry.querySelector<HTMLTimeElement>('time')!;
              return {
                start: Date.parse(time.dateTime),
                end: Date.parse(time.dataset.end!),
                text: time.textContent!,
                classes: entry.className,
                mark: entry.querySelector('.progress-mark')?.textContent ?? '',
              };
            }),
          })),
        );
        expect(days.length).toBeGreaterThan(0);
        let crossing = 0;
        for (const { heading, entries } of days) {
          for (const entry of entries) {
            // Under the day it starts on in the reader's zone, at the reader's time.
            expect(heading).toBe(dateIn(entry.start, zone));
            const nextDay = dateIn(entry.end, zone) !== dateIn(entry.start, zone) && hhmm(entry.end, zone) !== '00:00';
            expect(entry.text).toBe(
              `${hhmm(entry.start, zone)}–${hhmm(entry.end, zone)} ${zoneName(zone)}${nextDay ? ' (+1 day)' : ''}`,
            );
            if (nextDay) crossing++;
            const under = entry.start <= during && during < entry.end;
            expect(entry.classes.includes('in-progress'), entry.text).toBe(under);
            expect(entry.classes.includes('is-past'), entry.text).toBe(entry.end <= during);
            if (under) expect(entry.mark).toMatch(/^in progress, \d+ (min|h)/);
          }
        }
        // New York's evening holds windows that end past its midnight; Tokyo's day holds none.
        expect(crossing > 0).toBe(zone === 'America/New_York');
        await expect(page.locator('.agenda-intro').innerText()).resolves.toContain(
          `by day in your time zone (${zoneName(zone)})`,
        );
        await reader.context.close();
      });
    }

    it(`shows a runbook's task runs, the owners' windows and tasks, and the footer in the reader's zone first, ${zone}`, async () => {
      const { between } = clockSettings(occurrences);
      const reader = await readerIn(site, zone);
      const runbook = runbooks.find((r) => r.tasks.some((t) => t.value.start))!;
      // The page of an owner of a runbook with windows and tasks: its windows' and tasks' next runs.
      const owner = runbooks.find((r) => r.windows.length && r.tasks.length)!.owners[0]!;
      for (const [path, selector] of [
        [`/owners/${owner}/`, '.owner-next time'],
        [hrefs.get(runbook)!, '.task-next time'],
      ] as const) {
        const page = await reader.at(path, between);
        const runs = await page
          .locator(selector)
          .evaluateAll((times) =>
            times.map((t) => ({ start: Date.parse((t as HTMLTimeElement).dateTime), text: t.textContent! })),
          );
        expect(runs.length, path).toBeGreaterThan(0);
        for (const run of runs)
          expect(run.text).toMatch(
            new RegExp(
              `^${literal(dateIn(run.start, zone))}, ${hhmm(run.start, zone)}(–\\d{2}:\\d{2})? ${zoneName(zone)}`,
            ),
          );
      }
      const page = reader.page;
      await expect(page.locator('.build-info').innerText()).resolves.toMatch(
        new RegExp(`^Built \\w{3} \\d+ \\w{3} \\d{4}, \\d{2}:\\d{2} ${zoneName(zone)} · `),
      );
      await reader.context.close();
    });
  }

  it('without JavaScript, keeps the calendar’s UTC days and names UTC', async () => {
    const { during } = clockSettings(occurrences);
    const reader = await readerIn(site, 'America/New_York', { javaScript: false });
    const page = await reader.at('/calendar/', during);
    const first = await page
      .locator('.agenda-day')
      .first()
      .evaluate((day) => ({
        heading: day.querySelector('h3')!.textContent!,
        start: Date.parse(day.querySelector('time')!.dateTime),
        text: day.querySelector('time')!.textContent!,
      }));
    expect(first.heading).toBe(dateIn(first.start, 'UTC'));
    expect(first.text).toMatch(/ UTC( \(\+1 day\))?$/);
    await expect(page.locator('.agenda-intro').innerText()).resolves.toContain('by day in UTC');
    await reader.context.close();
  });
});

describe('the calendar’s filters', () => {
  it('count what the other filter leaves, point the subscribe block at the feed shown, and filter the windows without a fixed time', async () => {
    const { between } = clockSettings(occurrences);
    const reader = await readerIn(site, 'Asia/Tokyo', { viewport: PHONE });
    const page = await reader.at('/calendar/', between);
    const system = runbooks.find((r) => r.windows.length && r.ad_hoc_windows.length)!.system;
    await page.locator('select[name="system"]').selectOption(system);
    const subscribe = page.locator('.agenda-subscribe .subscribe');
    await expect(subscribe.locator('input').inputValue()).resolves.toMatch(
      new RegExp(`/calendars/system/${system}\\.ics$`),
    );
    await expect(subscribe.locator('.subscribe-office').getAttribute('href')).resolves.toContain(
      encodeURIComponent(`/calendars/system/${system}.ics`),
    );
    await expect(subscribe.locator('.subscribe-label').innerText()).resolves.toBe(
      `Subscribe to the ${system} windows:`,
    );
    // Only this system's windows without a fixed time.
    const rows = await page
      .locator('.agenda-adhoc')
      .evaluateAll((trs) =>
        trs.map((tr) => ({ system: (tr as HTMLElement).dataset.system, shown: !(tr as HTMLElement).hidden })),
      );
    expect(rows.filter((r) => r.shown).length).toBeGreaterThan(0);
    for (const row of rows) expect(row.shown).toBe(row.system === system);
    // Each owner's count is what choosing it then shows; an owner with none here is not offered.
    const owners = await page.locator('select[name="owner"] option:not([value=""])').evaluateAll((options) =>
      options.map((o) => ({
        value: (o as HTMLOptionElement).value,
        text: o.textContent!,
        disabled: (o as HTMLOptionElement).disabled,
      })),
    );
    expect(owners.some((o) => o.disabled)).toBe(true);
    for (const owner of owners.filter((o) => !o.disabled).slice(0, 3)) {
      const count = Number(/\((\d+)\)$/.exec(owner.text)![1]);
      await page.locator('select[name="owner"]').selectOption(owner.value);
      await expect(page.locator('.agenda-count').innerText()).resolves.toBe(
        `${count} window${count === 1 ? '' : 's'} shown`,
      );
      await expect(subscribe.locator('input').inputValue()).resolves.toMatch(
        new RegExp(`/calendars/owner/${owner.value}\\.ics$`),
      );
    }
    for (const owner of owners.filter((o) => o.disabled)) expect(owner.text).toMatch(/\(0\)$/);
    await reader.context.close();
  });
});

describe('search', () => {
  /** The first results' pages and excerpts for a query, from Pagefind in the browser. */
  async function search(page: Page, query: string): Promise<Array<{ url: string; excerpt: string; content: string }>> {
    // A string, so that Vitest's transform leaves its import() to the browser.
    return page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const { results } = await pagefind.search(${JSON.stringify(query)});
      return Promise.all(results.slice(0, 5).map((r) => r.data()));
    })()`);
  }

  /**
   * The pages the site's search box lists for a query, in its order: Starlight's search dialog,
   * which asks Pagefind with Starlight's ranking options (not Pagefind's defaults).
   */
  async function searchBox(page: Page, query: string): Promise<string[]> {
    const dialog = page.locator('#starlight__search');
    if (!(await dialog.isVisible())) await page.locator('site-search button[data-open-modal]:not([disabled])').click();
    await dialog.locator('input.pagefind-ui__search-input').fill(query);
    // Until the dialog states the count for this query and every listed result has loaded its page.
    const counted = new RegExp(`^\\d+ results? for ${query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    await expect.poll(() => dialog.locator('.pagefind-ui__message').innerText(), { timeout: 20_000 }).toMatch(counted);
    await expect.poll(() => dialog.locator('.pagefind-ui__loading').count(), { timeout: 20_000 }).toBe(0);
    return dialog
      .locator('.pagefind-ui__results > li > .pagefind-ui__result-inner > .pagefind-ui__result-title a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  }

  it('finds the calendar, owners and report pages by name, ranks a runbook first for a window title only it has, and indexes no build-time text', async () => {
    const { between } = clockSettings(occurrences);
    const reader = await readerIn(site, 'UTC');
    const page = await reader.at('/', between);
    for (const [query, url] of [
      ['calendar', '/calendar/'],
      ['owners', '/owners/'],
      ['report', '/report/'],
    ]) {
      expect((await searchBox(page, query!))[0], query).toBe(url);
    }
    const own = runbooks
      .flatMap((runbook) => runbook.windows.map((w) => ({ runbook, title: w.value.title })))
      .filter(({ title }) => /\(/.test(title));
    expect(own.length).toBeGreaterThan(0);
    for (const { runbook, title } of own) {
      expect((await searchBox(page, title))[0], title).toBe(hrefs.get(runbook));
      for (const { excerpt } of await search(page, title))
        expect(excerpt).not.toMatch(/Next window|in maintenance now|your time/i);
    }
    // A task's kind is not run together with the backup badge beside it, nor a term with its description.
    const task = runbooks.flatMap((r) => r.tasks.map((t) => t.value)).find((t) => t.backup)!;
    for (const { url, content } of await search(page, task.title)) {
      expect(content, url).not.toContain(`${task.kind}${task.backup!.type}`);
      expect(content, url).not.toMatch(/ReviewNever|ReviewLast|SystemSystem/);
    }
    await reader.context.close();
  });

  it('ranks first the runbook that owns a window titled like the query, a runbook with recovery objectives for "RTO", and the rules page above the runbooks for a rule id', async () => {
    const reader = await readerIn(site, 'UTC');
    const page = await reader.at('/', clockSettings(occurrences).between);
    // Another runbook has a "Weekly Maintenance" section of its own in its text, and says "week" far more often.
    const weekly = runbooks.find((r) => r.windows.some((w) => w.value.title === 'Weekly maintenance'));
    expect(weekly).toBeDefined();
    expect((await searchBox(page, 'Weekly maintenance'))[0]).toBe(hrefs.get(weekly!));
    // The rules page says "RTO" more often than any runbook.
    const withObjectives = runbooks.filter((r) => r.objectives.length > 0).map((r) => hrefs.get(r));
    expect(withObjectives.length).toBeGreaterThan(0);
    expect(withObjectives).toContain((await searchBox(page, 'RTO'))[0]);
    // Rule ids that a runbook's own text names too (explaining an almanac-ignore comment, say): the rules
    // page, which explains them, above every runbook (the report, which lists findings by rule, may lead).
    const named = [...RULE_METAS.keys()].filter(
      (id) => id.includes('-') && runbooks.some((r) => new RegExp(`(^|[^\\w-])${id}([^\\w-]|$)`).test(r.body)),
    );
    expect(named.length, "no runbook's text names a rule id").toBeGreaterThan(0);
    const runbookPages = new Set(hrefs.values());
    for (const id of named) {
      const results = await searchBox(page, id);
      const runbookFirst = results.findIndex((url) => runbookPages.has(url));
      expect(
        results.slice(0, runbookFirst === -1 ? undefined : runbookFirst),
        `${id}: ${results.join(', ')}`,
      ).toContain('/rules/');
    }
    await reader.context.close();
  });
});
