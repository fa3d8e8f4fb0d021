import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { inject } from 'vitest';
import {
  loadConfig,
  loadCorpus,
  siteUrlOf,
  verifyWithConfig,
  type Runbook,
  type VerifyResult,
} from '@almanac/verifier';
import { ROOT } from './astro-build.ts';

export { BUILD_TODAY, buildSite, ROOT } from './astro-build.ts';

const shared = inject('siteBuild');

/** The site every site test reads: built once per run by the site tier's global setup (`global-setup.ts`), and there once this module is imported. */
export const DIST = shared.dist;

/** How long a test waits for the shared build: far more than the build takes on a loaded two-core machine. */
const PATIENCE_MS = 10 * 60_000;

/** Waits until the shared build has ended, and throws its error if it failed; the worker has nothing else to do meanwhile. */
function ensureBuilt(): void {
  const nap = new Int32Array(new SharedArrayBuffer(4));
  const until = Date.now() + PATIENCE_MS;
  while (!existsSync(shared.status)) {
    if (Date.now() > until)
      throw new Error(`the shared site build into ${DIST} has not ended after ${PATIENCE_MS / 60_000} minutes`);
    Atomics.wait(nap, 0, 0, 250);
  }
  const status = JSON.parse(readFileSync(shared.status, 'utf8')) as { ok: boolean; message?: string };
  if (!status.ok) throw new Error(status.message);
}

// Once, here, as a test file is collected, where no hook's or test's timeout applies (a synchronous
// hook that outlasts its timeout fails even when it ends well): every site test reads DIST.
ensureBuilt();

/** Every HTML file of the build, with the URL path it is served at (`/a/` for `a/index.html`). */
export function builtPages(): Array<{ file: string; path: string }> {
  return readdirSync(DIST, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .sort()
    .map((name) => ({
      file: join(DIST, name),
      path: `/${name.split(sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1'),
    }));
}

/** The model the build made: same files and config, and the build's "today", which the calendar states. */
export function modelOfBuild(): { runbooks: Runbook[]; result: VerifyResult; siteUrl: string; today: string } {
  const today = /data-today="(\d{4}-\d{2}-\d{2})"/.exec(readFileSync(join(DIST, 'calendar/index.html'), 'utf8'))?.[1];
  if (!today) throw new Error('dist/calendar/index.html does not state the day it was built for');
  const { config } = loadConfig(ROOT);
  const corpus = loadCorpus(['runbooks'], ROOT, { ownersFile: config.owners });
  return {
    runbooks: corpus.runbooks,
    result: verifyWithConfig(corpus, config, today),
    siteUrl: siteUrlOf(config),
    today,
  };
}

/** Runbook page paths, read from the home page's list, where each title links to its page. */
export function runbookHrefs(runbooks: readonly Runbook[]): Map<Runbook, string> {
  const home = readFileSync(join(DIST, 'index.html'), 'utf8');
  const unescape = (text: string) =>
    text
      .replace(/&amp;/g, '&')
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');
  const links = [...home.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map(
    ([, href, text]) => [unescape(text!), href!] as const,
  );
  return new Map(
    runbooks.map((runbook) => {
      const link = links.find(([text]) => text === runbook.title);
      if (!link) throw new Error(`the home page does not link ${runbook.title}`);
      return [runbook, link[1]];
    }),
  );
}
