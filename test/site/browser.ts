import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveStatic } from './static-server.ts';

/** Debian's Chromium, headless, with nothing that reaches the network on its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * The built site served and one Chromium for a whole test file (launching one per test costs
 * seconds): call at the top of a file, read `.url` and `.browser` inside its tests. `extras` are
 * files outside the site to serve beside it (see `serveStatic`).
 */
export function builtSiteInBrowser(
  root: string,
  prepare: () => void,
  extras: Record<string, string> = {},
): { url: string; browser: Browser } {
  const handle = { url: '', browser: undefined as unknown as Browser };
  let server: { url: string; close: () => Promise<void> } | undefined;
  beforeAll(async () => {
    prepare();
    server = await serveStatic(root, extras);
    handle.url = server.url;
    handle.browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await handle.browser?.close();
    await server?.close();
  });
  return handle;
}

/** Collects what goes wrong on a page into `problems`: console errors, uncaught exceptions, responses of 400 or more. */
export function watchProblems(page: Page, problems: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`);
  });
}
