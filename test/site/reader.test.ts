import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Runbook } from '@almanac/verifier/internal';
import { parseFeed } from '../feeds/client.ts';
import { builtSiteInBrowser } from './browser.ts';
import { BUILD_TODAY, DIST } from './build.ts';
import {
  clockSettings as clockSettingsOf,
  dateIn,
  hhmm,
  leftWords,
  literal,
  MINUTE,
  readerIn as readerInZone,
  scheduleOfBuild,
  type Occ,
} from './reader-clock.ts';

/*
 * What a reader in another zone sees at the hour they read the site: the build embeds the
 * windows, the browser says what is in maintenance now and next, in the reader's zone. The clock
 * is playwright's, the zone the browser context's; expectations come from the verifier's model
 * and from Node's Intl, never from the site's own formatting code.
 */

let runbooks: Runbook[];
let occurrences: Occ[];
/** Each runbook's page, as the home page links it. */
let hrefs: Map<Runbook, string>;

const site = builtSiteInBrowser(DIST, () => {
  ({ runbooks, hrefs, occurrences } = scheduleOfBuild());
});

const readerIn = (zone: string, options: { javaScript?: boolean } = {}) => readerInZone(site, zone, options);

/** A page at a fixed hour for a reader in `zone`, in a context of its own. */
async function openAt(
  path: string,
  zone: string,
  now: number,
  options: { javaScript?: boolean } = {},
): Promise<{ page: Page; context: BrowserContext }> {
  const reader = await readerIn(zone, options);
  await reader.at(path, now);
  return reader;
}

const pathOf = (runbook: Runbook): string => hrefs.get(runbook)!;

const clockSettings = () => clockSettingsOf(occurrences);

describe('now and next, at the hour and in the zone of the reader', () => {
  for (const zone of ['America/New_York', 'Asia/Tokyo']) {
    it(`says what is in maintenance now and next, on the home page and a runbook page, in ${zone}`, async () => {
      const { inside, during, between } = clockSettings();
      const label = zone.slice(zone.indexOf('/') + 1).replaceAll('_', ' ');
      const reader = await readerIn(zone);
      for (const now of [during, between]) {
        const current = occurrences.filter((o) => o.start <= now && now < o.end);
        const next = occurrences.find((o) => o.start > now)!;
        for (const [path, mine] of [
          ['/', occurrences],
          [pathOf(inside.runbook), occurrences.filter((o) => o.runbook === inside.runbook)],
        ] as const) {
          const page = await reader.at(path, now);
          const status = page.locator('.live-status').first();
          const nowText = await status.locator('.live-now').innerText();
          const mineNow = mine.filter((o) => current.includes(o));
          const cards = await status.locator('.status-card').allInnerTexts();
          if (mineNow.length) {
            expect(nowText, `${path} at ${new Date(now).toISOString()}`).toContain('In maintenance now');
            // One card for each window under way, its end in the reader's zone first, then UTC.
            expect(cards).toHaveLength(mineNow.length);
            for (const [i, o] of mineNow.entries()) {
              expect(cards[i]).toContain(o.title);
              expect(cards[i]).toContain(o.runbook.system);
              expect(cards[i]).toMatch(
                new RegExp(
                  `Ends ${literal(dateIn(o.end, zone))}, ${hhmm(o.end, zone)} ${label} · (\\w{3} \\d{1,2} \\w{3} \\d{4}, )?${hhmm(o.end, 'UTC')} UTC`,
                ),
              );
              expect(cards[i]).toContain(`${leftWords(o.end - now)} left`);
              expect(cards[i]).toMatch(/Call first: /);
            }
          } else {
            expect(nowText, `${path} at ${new Date(now).toISOString()}`).toContain('Not in maintenance now');
            expect(cards).toEqual([]);
          }
          const mineNext = mine.find((o) => o.start > now)!;
          const nextText = await status.locator('.live-next').innerText();
          expect(nextText).toContain(mineNext.title);
          // The reader's day and time first, how soon, then UTC.
          expect(nextText).toMatch(
            new RegExp(
              `, in \\d+ (min|h|days)[^:]*: ${literal(dateIn(mineNext.start, zone))}, ${hhmm(mineNext.start, zone)}–${hhmm(mineNext.end, zone)} ${label}( \\(\\+1 day\\))? · `,
            ),
          );
          expect(nextText).toContain(`${hhmm(mineNext.start, 'UTC')}–${hhmm(mineNext.end, 'UTC')} UTC`);
        }
        expect(next).toBeDefined();
      }
      await reader.context.close();
    });
  }

  it('keeps the reader’s choice of zone across pages, and shows UTC when asked', async () => {
    const { between, inside } = clockSettings();
    const { page, context } = await openAt('/', 'America/New_York', between);
    const select = page.locator('.zone-switch select');
    await expect(select.isVisible()).resolves.toBe(true);
    const shownTimes = () => page.locator('main time[data-zone], main .also-in').allInnerTexts();
    await expect(page.locator('main time[data-zone]').first().innerText()).resolves.toMatch(/New York/);
    await select.selectOption('utc');
    for (const text of await shownTimes()) expect(text).not.toMatch(/New York/);
    await page.goto(`${site.url}${pathOf(inside.runbook)}`);
    await expect(page.locator('.zone-switch select').inputValue()).resolves.toBe('utc');
    for (const text of await shownTimes()) expect(text).not.toMatch(/New York/);
    const times = await page.locator('.window-next time').allInnerTexts();
    expect(times.length).toBeGreaterThan(0);
    for (const text of times) expect(text).toMatch(/ UTC( \(\+1 day\))?$/);
    await context.close();
  });

  it('without JavaScript, still names UTC and hides the switch it could not work', async () => {
    const { between } = clockSettings();
    const { page, context } = await openAt('/', 'America/New_York', between, { javaScript: false });
    await expect(page.locator('.live-next').innerText()).resolves.toMatch(/UTC/);
    await expect(page.locator('.also-in').count()).resolves.toBe(0);
    await expect(page.locator('.zone-switch').isVisible()).resolves.toBe(false);
    await context.close();
  });

  it('says when the site was built and with which time zone data', async () => {
    const { between } = clockSettings();
    const { page, context } = await openAt('/owners/', 'Africa/Nairobi', between);
    const footer = await page.locator('.build-info').innerText();
    // In the reader's zone first, then UTC.
    expect(footer).toMatch(/^Built \w{3} \d+ \w{3} \d{4}, \d{2}:\d{2} Nairobi · \d{2}:\d{2} UTC/);
    expect(footer).toMatch(/ago\)/);
    expect(footer).toMatch(/time zone data \d{4}[a-z]/);
    await context.close();
  });
});

describe('the owners’ pages', () => {
  it('say for each owner what of its calendar feed is under way, and what comes next, in the reader’s zone', async () => {
    const { during } = clockSettings();
    const reader = await readerIn('Africa/Nairobi');
    // What a subscriber's calendar holds: the owner's feed as the build wrote it, read by ical.js.
    const feedOf = (owner: string) =>
      parseFeed(readFileSync(join(DIST, 'calendars/owner', `${owner}.ics`), 'utf8')).events;
    const feeds = readdirSync(join(DIST, 'calendars/owner')).map((file) => file.replace(/\.ics$/, ''));
    const owners = readdirSync(join(DIST, 'owners'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    const statuses: Array<{ owner: string; now: string; cards: string[]; next: string }> = [];
    for (const owner of owners) {
      const page = await reader.at(`/owners/${owner}/`, during);
      const status = page.locator('.live-status[data-owner]');
      // One status on the page of each owner whose feed has events, and only there, about that owner.
      if (!(await status.count())) continue;
      statuses.push(
        await status.evaluate((e) => ({
          owner: (e as HTMLElement).dataset.owner!,
          now: e.querySelector('.live-now')?.textContent ?? '',
          cards: [...e.querySelectorAll('.status-card')].map((card) => card.textContent ?? ''),
          next: e.querySelector('.live-next')?.textContent ?? '',
        })),
      );
      expect(statuses.at(-1)!.owner).toBe(owner);
    }
    await reader.context.close();
    expect(statuses.map((s) => s.owner).sort()).toEqual(feeds.filter((owner) => feedOf(owner).length > 0).sort());
    // "Primary maintenance window (smartmed)" from the event's "smartmed: Primary maintenance window", as the next window names it.
    const named = (summary: string) =>
      `${summary.slice(summary.indexOf(': ') + 2)} (${summary.slice(0, summary.indexOf(': '))})`;
    let underWay = 0;
    for (const { owner, now, cards, next } of statuses) {
      const events = feedOf(owner);
      const current = events.filter((e) => e.start <= during && during < e.end);
      if (current.length) {
        underWay++;
        expect(now, owner).toContain('In maintenance now');
        // One card per window under way: its title, then its system.
        expect(cards, owner).toHaveLength(current.length);
        for (const e of current)
          expect(
            cards.some((card) =>
              card.startsWith(
                `${e.summary.slice(e.summary.indexOf(': ') + 2)} ${e.summary.slice(0, e.summary.indexOf(': '))} `,
              ),
            ),
            owner,
          ).toBe(true);
      } else {
        expect(now, owner).toContain('Not in maintenance now');
      }
      const theirNext = events.filter((e) => e.start > during).sort((a, b) => a.start - b.start)[0];
      if (theirNext)
        expect(next, owner).toMatch(
          new RegExp(
            `^Next window: ${literal(named(theirNext.summary))}, in [^:]+: ${literal(dateIn(theirNext.start, 'Africa/Nairobi'))}, ${hhmm(theirNext.start, 'Africa/Nairobi')}–`,
          ),
        );
      else expect(next, owner).toBe('Next window: none scheduled.');
    }
    // The clock is set inside a window: it concerns some owners, and not others.
    expect(underWay).toBeGreaterThan(0);
    expect(underWay).toBeLessThan(statuses.length);
  }, 120_000);
});

describe('a site read after its list of windows runs out', () => {
  it('says it cannot know what is in maintenance, and asks for a rebuild, rather than say none', async () => {
    const home = readFileSync(join(DIST, 'index.html'), 'utf8');
    const embedded = /<script id="live-schedule" type="application\/json">([\s\S]*?)<\/script>/.exec(home)?.[1];
    if (!embedded) throw new Error('the home page embeds no live schedule');
    const {
      until,
      builtAt,
      occurrences: listed,
    } = JSON.parse(embedded) as { until: number; builtAt: number; occurrences: Array<[number, number, number]> };
    // A fortnight from the build's day at least, so that a site rebuilt daily is never stale.
    expect(until).toBeGreaterThanOrEqual(Date.parse(`${BUILD_TODAY}T00:00:00Z`) + 14 * 86_400_000);
    // Three weeks on, and as long after the build itself (the footer says how old it is), at an
    // hour no listed window covers: what is under way then is not known.
    let now = Math.max(until, builtAt) + 21 * 86_400_000;
    while (listed.some(([start, end]) => start <= now && now < end)) now += 60 * MINUTE;
    const { page, context } = await openAt('/', 'Africa/Nairobi', now);
    await expect(page.locator('.live-status .live-now').innerText()).resolves.toMatch(
      /^Not known whether in maintenance now: this page lists windows only until \w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC; the site needs a rebuild\.$/,
    );
    await expect(page.locator('.live-status .live-next').innerText()).resolves.toBe(
      'Next window: not known: the site has not been rebuilt.',
    );
    // The footer says how old the build is.
    await expect(page.locator('.build-info').innerText()).resolves.toMatch(/\(\d+ days ago\)/);
    await context.close();
  });
});

describe('runbook summary card', () => {
  it('answers whom to call, with reachable contacts only, and counts placeholders', async () => {
    const { between } = clockSettings();
    const reader = await readerIn('UTC');
    for (const runbook of runbooks) {
      const page = await reader.at(pathOf(runbook), between);
      const card = await page.locator('.runbook-facts').innerText();
      expect(card).toMatch(/Call first/);
      const owners = runbook.owners.map((id) => runbook.registry.owners[id]);
      for (const owner of owners) {
        if (owner?.phone && !/X|\[/.test(owner.phone)) expect(card, runbook.id).toContain(owner.phone);
        if (owner?.phone && /X|\[/.test(owner.phone)) expect(card, runbook.id).not.toContain(owner.phone);
      }
      const links = page.locator('.runbook-facts a[href^="tel:"]');
      for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!)))
        expect(href).not.toMatch(/X/i);
      if (!runbook.objectives.length) expect(card).toContain('none defined in this runbook');
      for (const { value } of runbook.objectives) expect(card).toContain(value.scenario);
      // Every standard section shows, those the runbook lacks say so.
      await expect(page.locator('.summary-section').count()).resolves.toBe(11);
      if (!runbook.windows.length) {
        expect(card).toContain('none defined in this runbook');
        expect(card).not.toContain('for now');
      }
    }
    await reader.context.close();
  }, 120_000);
});

describe('calendar filters', () => {
  it('hide the days left empty, and offer only values with windows, with counts', async () => {
    const { between } = clockSettings();
    const { page, context } = await openAt('/calendar/', 'UTC', between);
    const options = await page.locator('select[name="system"] option').allInnerTexts();
    const systems = [...new Set(occurrences.map((o) => o.runbook.system))];
    for (const option of options.slice(1)) expect(option).toMatch(/^[\w-]+ \(\d+\)$/);
    for (const runbook of runbooks.filter((r) => !r.windows.length))
      expect(options.some((o) => o.startsWith(`${runbook.system} (`))).toBe(
        runbooks.some((r) => r.system === runbook.system && r.windows.length > 0),
      );
    const system = systems.sort()[0]!;
    await page.goto(`${site.url}/calendar/?system=${system}`);
    const days = await page.locator('.agenda-day').evaluateAll((elements) =>
      elements.map((day) => ({
        visible: (day as HTMLElement).offsetParent !== null,
        entries: day.querySelectorAll('.agenda-entry:not([hidden])').length,
      })),
    );
    expect(days.filter((d) => d.visible && d.entries === 0)).toEqual([]);
    expect(days.filter((d) => !d.visible).length).toBeGreaterThan(0);
    await context.close();
  });
});

describe('subscribe', () => {
  it('offers Google Calendar, Outlook.com, Microsoft 365, the URL to copy and the calendar app, in that order', async () => {
    const { between } = clockSettings();
    const { page, context } = await openAt('/calendar/', 'UTC', between);
    const subscribe = page.locator('.subscribe').first();
    const https = await subscribe.locator('input').inputValue();
    const links = await subscribe
      .locator('a, input')
      .evaluateAll((elements) =>
        elements.map((e) => (e instanceof HTMLInputElement ? 'url' : e.getAttribute('href')!)),
      );
    expect(links).toEqual([
      `https://calendar.google.com/calendar/r?cid=${encodeURIComponent(https.replace(/^https?:/, 'webcal:'))}`,
      expect.stringMatching(
        new RegExp(
          `^https://outlook\\.live\\.com/calendar/0/addfromweb\\?url=${encodeURIComponent(https).replace(/[.?]/g, '\\$&')}&name=`,
        ),
      ),
      expect.stringMatching(
        new RegExp(
          `^https://outlook\\.office\\.com/calendar/0/addfromweb\\?url=${encodeURIComponent(https).replace(/[.?]/g, '\\$&')}&name=`,
        ),
      ),
      'url',
      https.replace(/^https?:/, 'webcal:'),
    ]);
    await context.close();
  });
});
