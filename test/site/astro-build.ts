import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { isPlainMarkdown } from '../../packages/starlight/src/loader.ts';
import { splitFrontmatter } from '../../packages/verifier/src/load/frontmatter.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

/** The day the shared build is made for (ALMANAC_NOW), so that what the pages show does not depend on the day the tests run. */
export const BUILD_TODAY = '2026-11-23';

// Vitest's own variables (NODE_ENV=test, DEV=1, MODE=test…) would make a development build, one without search.
const VITEST_ENV = new Set(['NODE_ENV', 'TEST', 'PROD', 'DEV', 'BASE_URL', 'MODE', 'SSR', 'FORCE_TTY']);

/**
 * The environment of a test build: the tests' own, less Vitest's and SOURCE_DATE_EPOCH (the
 * feeds then take DTSTAMP and SEQUENCE from git, as a CI build of a full clone does).
 */
function buildEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !VITEST_ENV.has(key) && !key.startsWith('VITEST') && key !== 'SOURCE_DATE_EPOCH',
    ),
  );
  return { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', ...env };
}

/** An `astro` command with the project's Node 24 (the `node` devDependency), whichever Node runs the tests. */
const astro = (...args: string[]) =>
  [join(ROOT, 'node_modules/.bin/node'), [join(ROOT, 'node_modules/astro/bin/astro.mjs'), ...args]] as const;

/** Builds the site into `outDir`, waiting for it (the plugin verifies the runbooks as it starts). */
export function buildSite(outDir: string, env: Record<string, string> = {}): void {
  const [node, args] = astro('build', '--outDir', outDir);
  execFileSync(node, args, { cwd: ROOT, env: buildEnv(env), stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Starts the same build without waiting for it; its output goes to `log`. */
export function startBuild(outDir: string, env: Record<string, string>, log: string): ChildProcess {
  return startAstro(ROOT, ['build', '--outDir', outDir], env, log);
}

/** Starts `astro dev` in the project at `root` (a copy of this one), on 127.0.0.1 at `port`; its output goes to `log`. */
export function startDev(root: string, port: number, log: string): ChildProcess {
  return startAstro(root, ['dev', '--host', '127.0.0.1', '--port', String(port)], {}, log);
}

function startAstro(cwd: string, command: string[], env: Record<string, string>, log: string): ChildProcess {
  const [node, args] = astro(...command);
  const out = openSync(log, 'w');
  return spawn(node, args, { cwd, env: buildEnv(env), stdio: ['ignore', out, out] });
}

/** What a copy of the project holds besides node_modules (runbooks only when asked: a test may bring its own tree). */
const PROJECT = ['src', 'public', 'packages', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/**
 * A copy of this project in a temporary directory, with its packages built, for a test that builds
 * or serves a runbook tree of its own. node_modules is hard-linked, in a second: Astro cannot
 * compile Starlight's components from a symbolic link that leads out of the project. Less the
 * caches of Vite and Astro, which the copy makes its own.
 */
export function copyProject(prefix: string, extra: readonly string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const name of [...PROJECT, ...extra]) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  execFileSync('cp', ['-al', join(ROOT, 'node_modules'), join(dir, 'node_modules')]);
  for (const cache of ['.vite', '.vite-temp', '.astro'])
    rmSync(join(dir, 'node_modules', cache), { recursive: true, force: true });
  return dir;
}

/**
 * The site half of `npm run build` in such a copy: `astro build`, whose Almanac plugin verifies
 * the runbooks as it starts; its exit code and its output, stdout and stderr together.
 */
export function buildCopy(dir: string, env: Record<string, string> = {}): { status: number | null; output: string } {
  const [node, args] = astro('build');
  const run = spawnSync(node, args, {
    cwd: dir,
    encoding: 'utf8',
    timeout: 600_000,
    env: buildEnv({ NODE_ENV: 'production', ...env }),
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** Whether runbooksLoader renders a runbook file as Markdown: its body split where Astro's loaders split it (the verifier's splitFrontmatter). */
export function rendersAsMarkdown(file: string): boolean {
  const split = splitFrontmatter(readFileSync(file, 'utf8'));
  return isPlainMarkdown(split.kind === 'frontmatter' ? split.body : undefined);
}

/**
 * A runbook page's text (Starlight's Markdown content), as Markdown and MDX both write it: the
 * renderers (and this site's two MDX settings) spell the same HTML differently: `a="true"` or
 * `a`, `a: b` or `a:b`, `/>` or `>`, `&quot;` or `"`, a newline between tags or none.
 */
export function runbookText(html: string): string {
  return html
    .slice(html.indexOf('<div class="sl-markdown-content">'), html.indexOf('<footer'))
    .replace(/ data-pagefind-ignore="true"/g, ' data-pagefind-ignore')
    .replace(/&quot;/g, '"')
    .replace(/&#(39|x27);/g, "'")
    .replace(/style="([^"]*)"/g, (_all, style: string) => `style="${style.replace(/([:;])\s+/g, '$1')}"`)
    .replace(/\s*\/>/g, '>')
    .replace(/>\s+</g, '><');
}
