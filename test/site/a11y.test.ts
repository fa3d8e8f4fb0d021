import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { builtSiteInBrowser } from './browser.ts';
import { DIST, ensureBuilt, ROOT } from './build.ts';

/*
 * Every built page through axe-core (WCAG 2.1 A and AA), in both themes, at a desktop's and a
 * phone's width; at the phone's, no page may be wider than the screen. The run writes the
 * screenshots to review into test/screenshots/.
 */

const SCREENSHOTS = join(ROOT, 'test/screenshots');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;
const THEMES = ['light', 'dark'] as const;
const SCREENSHOT_PAGES: Record<string, string> = { '/': 'home', '/calendar/': 'calendar', '/owners/': 'owners' };

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

function pagePaths(): string[] {
  return readdirSync(DIST, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => `/${relative(DIST, join(DIST, file)).split(sep).join('/')}`.replace(/index\.html$/, ''))
    .sort();
}

const site = builtSiteInBrowser(DIST, () => {
  ensureBuilt();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

type Theme = (typeof THEMES)[number];

/** axe's serious and critical violations on the page as it is, less the known upstream ones, as lines to report. */
async function violationsOf(page: Page, path: string, { skip = [], only }: { skip?: string[]; only?: string[] } = {}): Promise<string[]> {
  const violations = (await page.evaluate(async ({ skip, only }) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }).axe;
    const rules = Object.fromEntries(skip.map((rule) => [rule, { enabled: false }]));
    const runOnly = only ? { type: 'rule', values: only } : { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] };
    const results = await axe.run(document, { runOnly, rules, resultTypes: ['violations'] });
    return results.violations;
  }, { skip, only })) as Violation[];
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes
        .filter((node) => !KNOWN_UPSTREAM.some((known) => known.rule === violation.id && node.target.some((t) => known.target.test(t))))
        .map((node) => `${path} ${violation.id} (${violation.impact}) ${node.target.join(' ')}: ${node.failureSummary?.split('\n')[1]?.trim() ?? violation.help}`),
    );
}

/** Starlight's own switch: the theme is the root's data-theme, which its script sets from the stored choice or the system's. */
async function useTheme(page: Page, theme: Theme): Promise<void> {
  await page.evaluate((theme) => {
    document.documentElement.dataset.theme = theme;
  }, theme);
}

/*
 * Each page is loaded once per width and checked in both themes. The themes differ in colours
 * only, so the dark one is checked for contrast alone; contrast does not depend on the width, so
 * at the phone's width axe runs without it, once: what the width changes is layout (stacked
 * tables, scroll regions), and whether the page fits, checked in both themes.
 */
describe('every page, in both themes, at a desktop’s and a phone’s width', () => {
  for (const [width, viewport] of Object.entries(WIDTHS)) {
    it(`has no serious or critical axe violation${width === 'phone' ? ' and fits the screen' : ''}: ${width}`, async () => {
      const context: BrowserContext = await site.browser.newContext({ viewport, timezoneId: 'America/New_York' });
      const failures: string[] = [];
      let runbookShot = false;
      try {
        for (const path of pagePaths()) {
          const page = await context.newPage();
          await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
          await page.addScriptTag({ content: AXE });
          // The runbook shown is one with windows, so its card has something to say about now and next.
          const isRunbook = (await page.locator('.runbook-summary .live-status').count()) > 0;
          const shot = SCREENSHOT_PAGES[path] ?? (isRunbook && !runbookShot ? 'runbook' : undefined);
          if (shot === 'runbook') runbookShot = true;
          for (const theme of THEMES) {
            await useTheme(page, theme);
            // The themes differ in colours only: the dark one is checked for contrast alone.
            if (width === 'desktop') failures.push(...(await violationsOf(page, `${path} (${theme})`, theme === 'dark' ? { only: ['color-contrast'] } : {})));
            else {
              if (theme === 'light') failures.push(...(await violationsOf(page, `${path} (${theme})`, { skip: ['color-contrast'] })));
              const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
              if (scrollWidth > innerWidth) failures.push(`${path} (${theme}) is ${scrollWidth} px wide on a ${innerWidth} px screen`);
            }
            if (shot) await page.screenshot({ path: join(SCREENSHOTS, `${shot}-${width}-${theme}.png`) });
          }
          await page.close();
        }
      } finally {
        await context.close();
      }
      expect(failures).toEqual([]);
    }, 600_000);
  }
});
