import { existsSync, readFileSync } from 'node:fs';
import { inject } from 'vitest';

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
    if (Date.now() > until) throw new Error(`the shared site build into ${DIST} has not ended after ${PATIENCE_MS / 60_000} minutes`);
    Atomics.wait(nap, 0, 0, 250);
  }
  const status = JSON.parse(readFileSync(shared.status, 'utf8')) as { ok: boolean; message?: string };
  if (!status.ok) throw new Error(status.message);
}

// Once, here, as a test file is collected, where no hook's or test's timeout applies (a synchronous
// hook that outlasts its timeout fails even when it ends well): every site test reads DIST.
ensureBuilt();
