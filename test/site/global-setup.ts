import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { BUILD_TODAY, startBuild } from './astro-build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The site tier's shared build: its output directory, and the file that says how the build ended once it has. */
    siteBuild: { dist: string; status: string };
  }
}

/** The zone the shared build runs in: as far from UTC as zones go, so that a page that depends on the build machine's zone shows it. */
const BUILD_ZONE = 'Pacific/Kiritimati';

/**
 * Starts the one build every site test reads and returns at once: the unit tier runs while it
 * builds, and importing `build.ts` waits for it. Into a temporary directory, never dist/, so that no
 * test reads a build of older runbooks.
 */
export default function setup(project: TestProject): () => Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'almanac-site-'));
  const dist = join(dir, 'dist');
  const status = join(dir, 'status.json');
  const log = join(dir, 'build.log');
  const build = startBuild(dist, { TZ: BUILD_ZONE, ALMANAC_NOW: BUILD_TODAY }, log);
  const ended = new Promise<void>((done) => {
    let settled = false;
    const end = (result: { ok: boolean; message?: string }) => {
      if (settled) return;
      settled = true;
      // Whole or not at all: a test reads the status as soon as the file is there.
      writeFileSync(`${status}.part`, JSON.stringify(result));
      renameSync(`${status}.part`, status);
      done();
    };
    build.on('error', (error) => end({ ok: false, message: `astro build could not start: ${error.message}` }));
    build.on('exit', (code, signal) =>
      end(
        code === 0
          ? { ok: true }
          : {
              ok: false,
              message: `astro build failed (${signal ?? `exit ${code}`}):\n${readFileSync(log, 'utf8').slice(-4000)}`,
            },
      ),
    );
  });
  project.provide('siteBuild', { dist, status });
  return async () => {
    if (build.exitCode === null && build.signalCode === null) build.kill();
    await ended;
    rmSync(dir, { recursive: true, force: true });
  };
}
