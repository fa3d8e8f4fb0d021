import { configDefaults, defineConfig } from 'vitest/config';

/** Tests of the built site, pages and feeds: they share one build (test/site/global-setup.ts). */
const SITE_TESTS = ['test/site/**/*.test.ts'];

/**
 * Tests that need what a unit test may not: processes (the CLI as one, git, mkfifo, node in
 * another zone), the consumers' binaries (promtool, amtool, a live Alertmanager) or a generated
 * corpus of 1,000 runbooks. The unit tier starts no process.
 */
const TOOLS_TESTS = [
  'packages/verifier/test/author-loop.test.ts',
  'packages/verifier/test/cli.test.ts',
  'packages/verifier/test/diff.test.ts',
  'packages/verifier/test/hostile-text.test.ts',
  'packages/verifier/test/machine-zone.test.ts',
  'packages/verifier/test/pre-commit.test.ts',
  'packages/verifier/test/untrusted.test.ts',
  'test/alerting/alertmanager-e2e.test.ts',
  'test/alerting/hostile-alerting.test.ts',
  'test/alerting/tools.test.ts',
  'test/scale.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...SITE_TESTS, ...TOOLS_TESTS],
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
          globalSetup: ['test/site/global-setup.ts'],
          // Two files side by side: each waits on Chromium or Astro, not on itself; more than two
          // Chromiums on two cores only slow each other down (four timed out).
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
