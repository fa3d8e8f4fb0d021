import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');

const VITEST_ENV = new Set(['NODE_ENV', 'TEST', 'PROD', 'DEV', 'BASE_URL', 'MODE', 'SSR', 'FORCE_TTY']);

/**
 * Runs `astro build` with the project's Node 24 (the `node` devDependency), whichever Node runs
 * the tests. The site alone, without `almanac verify` first: these tests are about the pages,
 * and a runbook with errors still gets its page.
 */
export function buildSite(outDir = DIST, env: Record<string, string> = {}): void {
  // Vitest's own variables (NODE_ENV=test, DEV=1, MODE=test…) would make a development build, one without search.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !VITEST_ENV.has(key) && !key.startsWith('VITEST')));
  execFileSync(join(ROOT, 'node_modules/.bin/node'), [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
    cwd: ROOT,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Builds dist/ unless a build is there: CI runs `npm run build` before `npm test`, a plain `npm test` builds here. */
export function ensureBuilt(): void {
  if (!existsSync(join(DIST, 'index.html')) || !existsSync(join(DIST, 'pagefind'))) buildSite();
}
