import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { builtSiteInBrowser, watchProblems } from './browser.ts';
import { builtPages, DIST, ROOT } from './build.ts';
import { clockSettings, DESKTOP, PHONE, scheduleOfBuild } from './reader-clock.ts';

/*
 * Every built page, opened once in Chromium: no console error, failed request or uncaught
 * exception; no serious or critical axe-core violation (WCAG 2.1 A and AA) in either theme; at a
 * phone's width, none either and no page wider than the screen. The run writes the screenshots to
 * review into test/screenshots/.
 */

const SCREENSHOTS = join(ROOT, 'test/screenshots');
/** Where the static server serves axe-core, beside the site. */
const AXE_URL = '/__almanac-test__/axe.min.js';
const WIDTHS = { desktop: DESKTOP, phone: PHONE } as const;
const THEMES = ['light', 'dark'] as const;
const SCREENSHOT_PAGES: Record<string, string> = {
  '/': 'home',
  '/calendar/': 'calendar',
  '/owners/': 'owners',
  '/owners/platform-system-administration/': 'owner',
};

/**
 * Known upstream: Starlight's search button is labelled "Search" while it shows "Search" and a
 * shortcut (Ctrl K), which axe reads as a label that does not contain the visible text.
 */
const KNOWN_UPSTREAM = [{ rule: 'label-content-name-mismatch', target: /site-search|data-open-modal/ }];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

const PATHS = builtPages()
  .map((page) => page.path)
  .sort();

const site = builtSiteInBrowser(DIST, () => mkdirSync(SCREENSHOTS, { recursive: true }), {
  [AXE_URL]: createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
});

type Theme = (typeof THEMES)[number];

/** axe's serious and critical violations on the page as it is, less the known upstream ones, as lines to report. */
async function violationsOf(
  page: Page,
  path: string,
  { skip = [], only }: { skip?: string[]; only?: string[] } = {},
): Promise<string[]> {
  const violations = (await page.evaluate(
    async ({ skip, only }) => {
      const axe = (
        window as unknown as {
          axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> };
        }
      ).axe;
      const rules = Object.fromEntries(skip.map((rule) => [rule, { enabled: false }]));
      const runOnly = only
        ? { type: 'rule', values: only }
        : { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] };
      const results = await axe.run(document, { runOnly, rules, resultTypes: ['violations'] });
      return results.violations;
    },
    { skip, only },
  )) as Violation[];
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes
        .filter(
          (node) =>
            !KNOWN_UPSTREAM.some(
              (known) => known.rule === violation.id && node.target.some((t) => known.target.test(t)),
            ),
        )
        .map(
          (node) =>
            `${path} ${violation.id} (${violation.impact}) ${node.target.join(' ')}: ${node.failureSummary?.split('\n')[1]?.trim() ?? violation.help}`,
        ),
    );
}

/** Starlight's own switch: the theme is the root's data-theme, which its script sets from the stored choice or the system's. */
async function useTheme(page: Page, theme: Theme): Promise<void> {
  await page.evaluate((theme) => {
    document.documentElement.dataset.theme = theme;
  }, theme);
}

/*
 * One page is reused for every path (a new page per load cost Chromium twice the time), loaded at
 * the desktop's width, then again at the phone's: loaded, not resized, since scripts lay some of
 * it out at load (Expressive Code makes a code block focusable once it overflows, after a timer and
 * an idle callback that a loaded machine delays). The themes differ in colours only, so the dark
 * one is checked for contrast alone; contrast does not depend on the width, so at the phone's width
 * axe runs without it, once: what the width changes is layout (stacked tables, scroll regions),
 * and whether the page fits, checked in both themes.
 */
let context: BrowserContext;
let page: Page;
/** What went wrong in the browser while the current path was open. */
const problems: string[] = [];

beforeAll(async () => {
  context = await site.browser.newContext({ viewport: WIDTHS.desktop, timezoneId: 'America/New_York' });
  page = await context.newPage();
  watchProblems(page, problems);
  // Inside a window: the status cards, the calendar's window in progress and the past ones are checked and shown too.
  await page.clock.setFixedTime(clockSettings(scheduleOfBuild().occurrences).during);
});

afterAll(async () => {
  await context?.close();
});

describe('every page, in both themes, at a desktop’s and a phone’s width', () => {
  let runbookShot = false;
  for (const path of PATHS) {
    it(`${path} opens without errors, has no serious or critical axe violation, and fits a phone`, async () => {
      problems.length = 0;
      const failures: string[] = [];
      const opened: string[] = [];
      let shot: string | undefined;
      for (const [width, viewport] of Object.entries(WIDTHS)) {
        await page.setViewportSize(viewport);
        await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
        opened.push(...problems.splice(0).map((problem) => `${width}: ${problem}`));
        await page.addScriptTag({ url: AXE_URL });
        if (width === 'desktop') {
          // The runbook shown is one with windows, so its card has something to say about now and next.
          const isRunbook = (await page.locator('.runbook-summary .live-status').count()) > 0;
          shot = SCREENSHOT_PAGES[path] ?? (isRunbook && !runbookShot ? 'runbook' : undefined);
          if (shot === 'runbook') runbookShot = true;
        }
        for (const theme of THEMES) {
          await useTheme(page, theme);
          const where = `${width}, ${theme}`;
          if (width === 'desktop')
            failures.push(...(await violationsOf(page, where, theme === 'dark' ? { only: ['color-contrast'] } : {})));
          else {
            if (theme === 'light') failures.push(...(await violationsOf(page, where, { skip: ['color-contrast'] })));
            const { scrollWidth, innerWidth } = await page.evaluate(() => ({
              scrollWidth: document.documentElement.scrollWidth,
              innerWidth: window.innerWidth,
            }));
            if (scrollWidth > innerWidth)
              failures.push(`${where}: ${scrollWidth} px wide on a ${innerWidth} px screen`);
          }
          if (shot) await page.screenshot({ path: join(SCREENSHOTS, `${shot}-${width}-${theme}.png`) });
        }
      }
      expect(opened, 'on opening').toEqual([]);
      expect(failures).toEqual([]);
      // Anything the checks themselves set off (the theme switch).
      expect(problems, 'while checked').toEqual([]);
    }, 120_000);
  }
});
