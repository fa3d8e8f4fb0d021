import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../site/astro-build.ts';

/*
 * What a team gets from npm: both packages packed as they would be published, installed from
 * their tarballs into a copy of examples/starter outside this repository (so nothing resolves to
 * the workspace), then the CLI and the library on the oldest Node the verifier says it runs on
 * and on Node 24, and the starter's site built with the plugin. Node 22.12 comes from the `node`
 * package, installed into the temporary directory; Node 24 is this project's own.
 */

const NODE_24 = join(ROOT, 'node_modules/.bin/node');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'packages/verifier/package.json'), 'utf8')) as { version: string })
  .version;
const TODAY = '2026-11-23';
/** Installing from the registry and building on a loaded two-core machine; far more than it takes there. */
const INSTALL_MS = 8 * 60_000;
const BUILD_MS = 4 * 60_000;

let dir: string;
let starter: string;
let node22: string;

/** The environment less what `npm test` and Vitest set (npm_config_*, NODE_ENV=test…), which would change how npm installs or Astro builds. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(
    ([key]) => !/^(npm_|VITEST|NODE_ENV$|NODE_OPTIONS$|TEST$|PROD$|DEV$|MODE$|BASE_URL$|SSR$)/i.test(key),
  );
  return { ...Object.fromEntries(kept), ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

/** Runs a command to its end; its output and exit code, for the test to judge. */
function run(
  command: string,
  args: string[],
  cwd: string,
  { env = {}, timeout = BUILD_MS }: { env?: Record<string, string>; timeout?: number } = {},
) {
  const result = spawnSync(command, args, {
    cwd,
    env: cleanEnv(env),
    encoding: 'utf8',
    timeout,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    output: `${result.stdout}\n${result.stderr}`,
  };
}

/** Like `run`, and fails with the command's output unless it exits 0. */
function ok(command: string, args: string[], cwd: string, options?: Parameters<typeof run>[3]) {
  const result = run(command, args, cwd, options);
  if (result.code !== 0)
    throw new Error(`${[command, ...args].join(' ')} exited ${result.code}:\n${result.output.slice(-4000)}`);
  return result;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'almanac-packaging-'));
  // As published: the build test/build-packages.ts has just brought up to date, without running prepack again.
  const packed = JSON.parse(
    ok(
      'npm',
      [
        'pack',
        '--json',
        '--ignore-scripts',
        '--pack-destination',
        dir,
        '-w',
        '@almanac/verifier',
        '-w',
        '@almanac/starlight',
      ],
      ROOT,
    ).stdout,
  ) as Array<{ filename: string }>;
  starter = join(dir, 'starter');
  cpSync(join(ROOT, 'examples/starter'), starter, {
    recursive: true,
    filter: (source) => !/[/\\](node_modules|dist|\.astro)$/.test(source),
  });
  ok(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', ...packed.map(({ filename }) => join(dir, filename))],
    starter,
    { timeout: INSTALL_MS },
  );
  const nodes = join(dir, 'node-22');
  mkdirSync(nodes);
  // The `node` package downloads its binary in an install script, which npm runs only when allowed.
  writeFileSync(join(nodes, 'package.json'), JSON.stringify({ private: true, allowScripts: { node: true } }));
  ok('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', 'node@22.12.0'], nodes, { timeout: INSTALL_MS });
  node22 = join(nodes, 'node_modules/.bin/node');
}, 2 * INSTALL_MS);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 120_000);

describe('the packages installed from their tarballs into the starter', () => {
  it('are the built packages, not the workspace', () => {
    const installed = join(starter, 'node_modules/@almanac/verifier');
    expect(existsSync(join(installed, 'dist/index.js')) && existsSync(join(installed, 'dist/index.d.ts'))).toBe(true);
    expect(existsSync(join(installed, 'src'))).toBe(false);
    expect(readFileSync(join(starter, 'package.json'), 'utf8')).toContain('almanac-verifier-');
  });

  for (const [name, node] of [
    ['22.12', () => node22],
    ['24', () => NODE_24],
  ] as const) {
    describe(`on Node ${name}`, () => {
      it('runs the CLI: --version, and verify of the sample runbook', () => {
        expect(ok(node(), ['--version'], starter).stdout).toMatch(new RegExp(`^v${name.replace('.', '\\.')}`));
        expect(ok(node(), ['node_modules/.bin/almanac', '--version'], starter).stdout).toMatch(
          new RegExp(`^almanac ${VERSION.replaceAll('.', '\\.')} \\(tzdata `),
        );
        expect(ok(node(), ['node_modules/.bin/almanac', 'verify', '--now', TODAY], starter).stdout).toContain(
          '1 runbook files checked, no problems',
        );
      });

      it('imports the library: the public API, and no internals', () => {
        const script = `
          const almanac = await import('@almanac/verifier');
          const corpus = almanac.loadCorpus(['runbooks'], process.cwd());
          const result = almanac.verify(corpus, { today: '${TODAY}' });
          const feeds = almanac.feedSets(corpus, new almanac.TimeEngine(almanac.feedHorizon('${TODAY}')));
          console.log(JSON.stringify({ names: Object.keys(almanac).sort(), runbooks: corpus.runbooks.map((r) => r.id), json: JSON.parse(almanac.formatJson(result.findings, result.summary)), feeds: feeds.map((f) => f.path) }));`;
        const out = JSON.parse(ok(node(), ['--input-type=module', '-e', script], starter).stdout) as {
          names: string[];
          runbooks: string[];
          json: { findings: unknown[] };
          feeds: string[];
        };
        expect(out.runbooks).toEqual(['web-patching']);
        expect(out.json.findings).toEqual([]);
        expect(out.feeds).toEqual(expect.arrayContaining(['all', 'system/web', 'owner/web-team']));
        expect(out.names).toEqual(
          expect.arrayContaining([
            'loadCorpus',
            'verify',
            'formatStylish',
            'formatJson',
            'formatSarif',
            'formatGithub',
            'createFeedWriter',
            'prometheusRulesYaml',
            'alertmanagerTimeIntervalsYaml',
            'ALL_RULES',
          ]),
        );
        for (const internal of ['groupBy', 'DAY', 'escapeText', 'foldLine']) expect(out.names).not.toContain(internal);
      });
    });
  }

  it(
    'builds the starter’s site with the plugin: the runbook’s page, the calendar, the feeds and the alerting files',
    () => {
      // The starter's own `npm run build`, with Node 24 for its `node`.
      const script = (JSON.parse(readFileSync(join(starter, 'package.json'), 'utf8')) as { scripts: { build: string } })
        .scripts.build;
      expect(script).toMatch(/^node --env-file=build\.env /);
      const build = ok(NODE_24, script.split(' ').slice(1), starter, { env: { ALMANAC_NOW: TODAY } });
      // The plugin verified the runbooks as the build started.
      expect(build.output).toContain('runbooks: no problems');
      const dist = join(starter, 'dist');
      const page = readFileSync(join(dist, 'web/patching/index.html'), 'utf8');
      expect(page).toContain('Monthly patch window');
      expect(page).toContain('Web team');
      expect(readFileSync(join(dist, 'calendar/index.html'), 'utf8')).toContain('Monthly patch window');
      for (const path of [
        'owners/index.html',
        'report/index.html',
        'rules/index.html',
        'alerting/alertmanager-route.yml',
      ])
        expect(existsSync(join(dist, path)), path).toBe(true);
      const feed = readFileSync(join(dist, 'calendars/system/web.ics'), 'utf8');
      expect(feed).toMatch(/^BEGIN:VCALENDAR\r\n/);
      expect(feed).toContain('UID:web-patching-monthly-patch-');
      expect(feed).toContain('URL:https://runbooks.example.com/web/patching/');
      expect(readFileSync(join(dist, 'alerting/alertmanager-time-intervals.yml'), 'utf8')).toContain('web-patching');
    },
    BUILD_MS,
  );

  it(
    'verifies and builds any runbook tree put in runbooks/ (this repository’s), and stops the build on an error',
    () => {
      rmSync(join(starter, 'runbooks'), { recursive: true });
      cpSync(join(ROOT, 'runbooks'), join(starter, 'runbooks'), { recursive: true });
      const verify = run(NODE_24, ['node_modules/.bin/almanac', 'verify', '--format', 'json', '--now', TODAY], starter);
      expect(verify.code).toBe(0);
      const { summary } = JSON.parse(verify.stdout) as { summary: { files: number; errors: number } };
      const shipped = readdirSync(join(ROOT, 'runbooks'), { recursive: true, encoding: 'utf8' }).filter((name) =>
        name.endsWith('.mdx'),
      );
      expect(summary).toMatchObject({ files: shipped.length, errors: 0 });
      ok(NODE_24, ['node_modules/astro/bin/astro.mjs', 'build'], starter, { env: { ALMANAC_NOW: TODAY } });
      for (const path of [
        'smartmed/maintenance-schedule/index.html',
        'calendars/system/smartmed.ics',
        'alerting/prometheus-rules.yml',
      ])
        expect(existsSync(join(starter, 'dist', path)), path).toBe(true);

      writeFileSync(
        join(starter, 'runbooks/smartmed/broken.mdx'),
        '---\nid: broken\ntitle: Broken\nsystem: smartmed\nowners: [nobody-known]\ntimezone: UTC\n---\n',
      );
      const failed = run(NODE_24, ['node_modules/astro/bin/astro.mjs', 'build'], starter, {
        env: { ALMANAC_NOW: TODAY },
      });
      expect(failed.code).not.toBe(0);
      expect(failed.output).toContain('runbooks/smartmed/broken.mdx');
      expect(failed.output).toMatch(/the site is not built \(almanac verify\)/);
    },
    3 * BUILD_MS,
  );

  it(
    'works inside a larger docs site: a runbook folder among other pages, the site’s own home page and sidebar',
    () => {
      const docs = join(starter, 'src/content/docs');
      mkdirSync(join(docs, 'runbooks/web'), { recursive: true });
      mkdirSync(join(docs, 'guides'), { recursive: true });
      cpSync(join(ROOT, 'examples/starter/runbooks/owners.yaml'), join(docs, 'runbooks/owners.yaml'));
      cpSync(join(ROOT, 'examples/starter/runbooks/web/patching.mdx'), join(docs, 'runbooks/web/patching.mdx'));
      writeFileSync(join(docs, 'index.mdx'), '---\ntitle: Team docs\n---\n\nWelcome.\n');
      writeFileSync(join(docs, 'guides/onboarding.md'), '---\ntitle: Onboarding\n---\n\nHow we work.\n');
      writeFileSync(
        join(starter, 'src/content.config.ts'),
        "import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n",
      );
      const sidebar =
        "[{ label: 'Guides', items: [{ autogenerate: { directory: 'guides' } }] }, { label: 'Runbooks', items: [{ autogenerate: { directory: 'runbooks' } }] }]";
      writeFileSync(
        join(starter, 'astro.config.mjs'),
        `import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\nimport almanac from '@almanac/starlight';\nexport default defineConfig({ site: 'https://docs.example.com', integrations: [starlight({ title: 'Docs', sidebar: ${sidebar}, plugins: [almanac({ runbooks: 'src/content/docs/runbooks', homePage: false })] })] });\n`,
      );
      ok(NODE_24, ['node_modules/astro/bin/astro.mjs', 'build'], starter, { env: { ALMANAC_NOW: TODAY } });
      const dist = join(starter, 'dist');
      const home = readFileSync(join(dist, 'index.html'), 'utf8');
      expect(home).toContain('Welcome.');
      for (const label of ['Guides', 'Runbooks', 'Schedule']) expect(home).toContain(`>${label}<`);
      expect(readFileSync(join(dist, 'runbooks/web/patching/index.html'), 'utf8')).toContain('Monthly patch window');
      expect(existsSync(join(dist, 'guides/onboarding/index.html'))).toBe(true);
      expect(readFileSync(join(dist, 'calendar/index.html'), 'utf8')).toContain('href="/runbooks/web/patching/');
      expect(readFileSync(join(dist, 'calendars/all.ics'), 'utf8')).toContain(
        'URL:https://docs.example.com/runbooks/web/patching/',
      );
    },
    BUILD_MS,
  );
});
