import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './site/astro-build.ts';

/** The packages whose build (dist/) the bin, the site's build and the packaging test run: what `npm ci` builds (their `prepare`). */
const PACKAGES = ['packages/verifier', 'packages/starlight'];

/** The newest modification time of the files under `dir`, 0 when there are none. */
function newest(dir: string): number {
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  return Math.max(0, ...names.map((name) => statSync(join(dir, name)).mtimeMs));
}

/**
 * Builds a package again when a source is newer than its build, so that a test never runs an
 * older build of code just edited; an up-to-date build costs only the look (a few ms).
 */
export default function setup(): void {
  for (const pkg of PACKAGES) {
    const dir = join(ROOT, pkg);
    const built = statSync(join(dir, 'dist/index.js'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (Math.max(newest(join(dir, 'src')), statSync(join(dir, 'package.json')).mtimeMs) <= built) continue;
    execFileSync(
      join(ROOT, 'node_modules/.bin/node'),
      [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.build.json')],
      { stdio: 'inherit' },
    );
  }
}
