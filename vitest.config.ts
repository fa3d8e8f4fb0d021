import { configDefaults, defineConfig } from 'vitest/config';

/** Tests of the built site, pages and feeds: they share one build (test/site/global-setup.ts). */
const SITE_TESTS = ['test/site/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...SITE_TESTS],
          // First, while the site tier's build runs beside it.
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: SITE_TESTS,
          globalSetup: ['test/site/global-setup.ts'],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
