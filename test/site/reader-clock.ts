import type { Browser, BrowserContext, Page } from 'playwright-core';
import { windowOccurrences, type Runbook } from '@almanac/verifier/internal';
import { modelOfBuild, runbookHrefs } from './build.ts';

/*
 * What the reader tests hold the pages to, worked out apart from the site's own code: the
 * build's window occurrences from the verifier's model, times and days in a zone by Node's Intl,
 * and a browser context at a fixed hour in a zone.
 */

export const MINUTE = 60_000;

export interface Occ {
  start: number;
  end: number;
  runbook: Runbook;
  title: string;
  zone: string;
}

/** The build's runbooks, their pages, and their window occurrences in the fortnight from the build's day, by start. */
export function scheduleOfBuild(): { runbooks: Runbook[]; hrefs: Map<Runbook, string>; occurrences: Occ[] } {
  const { runbooks, result, today } = modelOfBuild();
  const from = Date.parse(`${today}T00:00:00Z`);
  const occurrences = runbooks
    .flatMap((runbook) =>
      windowOccurrences(runbook, result.time).map((o) => ({
        start: o.start,
        end: o.end,
        runbook,
        title: o.window.value.title,
        zone: o.zone,
      })),
    )
    .filter((o) => o.end > from && o.start < from + 14 * 86_400_000)
    .sort((a, b) => a.start - b.start);
  return { runbooks, hrefs: runbookHrefs(runbooks), occurrences };
}

/** Two readings of the clock: inside the first window of the fortnight, and between two windows. */
export function clockSettings(occurrences: readonly Occ[]) {
  const inside = occurrences.find((o) => o.end - o.start >= 60 * MINUTE)!;
  const during = inside.start + 30 * MINUTE;
  // After every window under way at `during` has ended, before the next starts.
  const quiet = occurrences.find(
    (o, i) => i > 0 && o.start > Math.max(...occurrences.slice(0, i).map((p) => p.end)) + 2 * 60 * MINUTE,
  )!;
  const between = quiet.start - 60 * MINUTE;
  return { inside, during, between };
}

/** "21:00" in a zone, by Node's Intl. */
export function hhmm(instant: number, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

/** "Tue 1 Dec 2026": the day an instant falls on in a zone, by Node's Intl. */
export function dateIn(instant: number, zone: string): string {
  const part = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${part.weekday} ${part.day} ${part.month} ${part.year}`;
}

/** "3 h 30 min": time left as the status words it, worked out here. */
export function leftWords(ms: number): string {
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

/** "New York": a zone as the pages name it. */
export const zoneName = (zone: string) => zone.slice(zone.lastIndexOf('/') + 1).replaceAll('_', ' ');

/** Text to match as it is, in a regular expression. */
export const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

/**
 * A reader in `zone`: one browser context, with one page that `at` opens at a fixed hour. A test
 * loads its pages in it one after another (a new page per load cost Chromium twice the time); no
 * test shares it with another, so no choice a test stores carries over.
 */
export async function readerIn(
  site: { url: string; browser: Browser },
  zone: string,
  options: { javaScript?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<{ at: (path: string, now: number) => Promise<Page>; page: Page; context: BrowserContext }> {
  const context = await site.browser.newContext({
    timezoneId: zone,
    javaScriptEnabled: options.javaScript ?? true,
    viewport: options.viewport ?? DESKTOP,
  });
  const page = await context.newPage();
  const at = async (path: string, now: number) => {
    await page.clock.setFixedTime(now);
    await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
    return page;
  };
  return { at, page, context };
}
