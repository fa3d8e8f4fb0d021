import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

/** Tests of the built site, pages and feeds: they share one build (test/site/global-setup.ts). */
const SITE_TESTS = ['test/site/**/*.test.ts'];

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Tests that need what a unit test may not: processes (the CLI as one, git, mkfifo, node in
 * another zone), the consumers' binaries (promtool, amtool, a live Alertmanager, cmark-gfm,
 * python icalendar and libical) or a generated
 * corpus of 1,000 runbooks. The unit tier starts no process.
 */
const TOOLS_TESTS = [
  'packages/verifier/test/author-loop.test.ts',
  'packages/verifier/test/cli.test.ts',
  'packages/verifier/test/diff.test.ts',
  'packages/verifier/test/hostile-text.test.ts',
  'packages/verifier/test/machine-zone.test.ts',
  'packages/verifier/test/markdown-report.test.ts',
  'packages/verifier/test/pre-commit.test.ts',
  'packages/verifier/test/untrusted.test.ts',
  'test/alerting/alertmanager-e2e.test.ts',
  'test/alerting/hostile-alerting.test.ts',
  'test/alerting/tools.test.ts',
  'test/feeds/clients.test.ts',
  'test/scale.test.ts',
  'test/workflow.test.ts',
];

export default defineConfig({
  // The tests run the packages' sources, as the type check reads them; the packaging test installs their build.
  resolve: {
    alias: [
      { find: /^@almanac\/verifier$/, replacement: source('./packages/verifier/src/index.ts') },
      { find: /^@almanac\/verifier\/internal$/, replacement: source('./packages/verifier/src/internal.ts') },
      { find: /^@almanac\/verifier\/time-words$/, replacement: source('./packages/verifier/src/time/time-words.ts') },
      // What the plugin's pages are configured with in a site (packages/starlight/src/index.ts), for its modules tested here.
      { find: /^virtual:@almanac\/starlight\/options$/, replacement: source('./test/lib/site-options.ts') },
    ],
  },
  test: {
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          globalSetup: ['test/build-packages.ts'],
          include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...SITE_TESTS, ...TOOLS_TESTS, 'test/packaging/**'],
          setupFiles: ['test/no-processes.ts'],
          // Vitest's default on two cores is one worker, which leaves a core idle; the unit tests are all CPU.
          maxWorkers: 2,
          // One module graph per worker, not per file: importing the verifier afresh for each of
          // sixty files was half the tier's time (27 s of 56). No unit test mutates a global it
          // does not restore.
          isolate: false,
          // First, while the site tier's build runs beside it.
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'tools',
          include: TOOLS_TESTS,
          // The CLI as a process runs the verifier's build (its bin).
          globalSetup: ['test/build-packages.ts'],
          // Mostly waiting on processes, so two files side by side.
          maxWorkers: 2,
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: SITE_TESTS,
          globalSetup: ['test/build-packages.ts', 'test/site/global-setup.ts'],
          // Two files side by side: each waits on Chromium or Astro, not on itself; more than two
          // Chromiums on two cores only slow each other down (four timed out).
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'packaging',
          include: ['test/packaging/**/*.test.ts'],
          globalSetup: ['test/build-packages.ts'],
          // Beside the site tier, in its two workers (Vitest wants one count for a group): it waits on npm and Astro more than on a core.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
