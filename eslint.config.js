// ESLint: typescript-eslint's recommended rules (without type information: the type-aware set took
// three times as long and tsc already checks the types) for every .ts/.js file, and
// eslint-plugin-astro's for the .astro components. Layout is Prettier's (npm run format), not ESLint's.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // Builds, Astro's generated types, the bench's generated corpus and test output.
    ignores: ['**/dist/', '**/.astro/', 'bench/.corpus/', 'test/screenshots/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      // As tsc's noUnusedParameters: a leading underscore marks a parameter kept for its position;
      // destructuring with a rest drops the named fields on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Runbook text reaches YAML, iCalendar, Markdown and terminals: finding and escaping control
      // characters is this code's job, so every control range in a regular expression is deliberate.
      'no-control-regex': 'off',
    },
  },
  {
    // What the site runs in the browser.
    files: ['packages/starlight/src/scripts/**', '**/*.astro'],
    languageOptions: { globals: globals.browser },
  },
);
