import type { ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, stopChild, waitFor } from '../processes.ts';
import { copyProject, startDev } from './astro-build.ts';

/*
 * `npm run dev` while a runbook is edited: the edit shows on every page and feed that shows the
 * runbook's frontmatter, not only in the text of its page. On a copy of the project, since the
 * test edits a runbook.
 */

const RUNBOOK = 'runbooks/platform/maintenance-guide.mdx';
const OLD = 'Monthly maintenance';
const NEW = 'Monthly overhaul';

/** Where each page shows the title of the runbook's `monthly` window. */
const SHOWN: Record<string, (title: string) => string> = {
  '/platform/maintenance-guide/': (title) => `id="window-monthly" data-pagefind-weight="10">${title}<`,
  '/owners/platform-system-administration/': (title) => `/platform/maintenance-guide/#window-monthly">${title}</a>`,
  '/calendars/system/platform.ics': (title) => `\r\nSUMMARY:platform: ${title}\r\n`,
};

/** Bounds on waiting for a loaded two-core machine, far above what it takes there. */
const START_MS = 40_000;
const EDIT_MS = 20_000;

let dir: string;
let server: ChildProcess | undefined;
let base: string;

const devLog = () => readFileSync(join(dir, 'dev.log'), 'utf8').slice(-4000);

/** What `attempt` gives once it gives something (a failed request is nothing yet), while astro dev runs, for at most `ms`. */
function poll<T>(what: string, ms: number, attempt: () => Promise<T | undefined>): Promise<T> {
  return waitFor(
    what,
    ms,
    () => {
      if (server!.exitCode !== null || server!.signalCode !== null)
        throw new Error(`astro dev exited while waiting for ${what}:\n${devLog()}`);
      return attempt().catch(() => undefined);
    },
    { context: devLog },
  );
}

/** A page as the server sends it, less the attributes by which the dev toolbar finds each element's source. */
async function get(path: string): Promise<string> {
  const response = await fetch(base + path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.text()).replace(/ data-astro-source-(?:file|loc)="[^"]*"/g, '');
}

const pages = async () =>
  Object.fromEntries(await Promise.all(Object.keys(SHOWN).map(async (path) => [path, await get(path)] as const)));

beforeAll(async () => {
  dir = copyProject('almanac-dev-', ['runbooks', 'almanac.config.json']);
  server = startDev(dir, await freePort(), join(dir, 'dev.log'));
  base = await poll(
    'dev server',
    START_MS,
    async () => /http:\/\/127\.0\.0\.1:\d+/.exec(readFileSync(join(dir, 'dev.log'), 'utf8'))?.[0],
  );
}, START_MS + 5_000);

afterAll(async () => {
  await stopChild(server, 5_000);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the dev server', () => {
  it(
    'shows an edited window title on the runbook’s summary, its owner’s page and the system’s feed',
    async () => {
      const before = await poll('first pages', START_MS, pages);
      for (const [path, shown] of Object.entries(SHOWN)) {
        expect(before[path]!.includes(shown(OLD)), `${path} shows ${OLD}`).toBe(true);
        expect(before[path]!.includes(shown(NEW)), `${path} does not show ${NEW} yet`).toBe(false);
      }

      const file = join(dir, RUNBOOK);
      const text = readFileSync(file, 'utf8');
      expect(text).toContain(`    title: ${OLD}\n`);
      writeFileSync(file, text.replace(`    title: ${OLD}\n`, `    title: ${NEW}\n`));

      // The server learns of the edit from its file watcher: the pages change within a bound, not at once.
      const after = await poll('edited pages', EDIT_MS, async () => {
        const now = await pages();
        return Object.entries(SHOWN).every(([path, shown]) => now[path]!.includes(shown(NEW))) ? now : undefined;
      });
      for (const [path, shown] of Object.entries(SHOWN))
        expect(after[path]!.includes(shown(OLD)), `${path} no longer shows ${OLD}`).toBe(false);
    },
    START_MS + EDIT_MS + 5_000,
  );
});
