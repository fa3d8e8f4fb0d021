// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import almanac from '@almanac/starlight';

// Almanac's demo: its own runbooks/ as a Starlight site, all of it from the plugin (packages/starlight).
export default defineConfig({
  integrations: [
    starlight({
      title: 'Almanac',
      description: 'Maintenance runbooks as code: schedules, owners, thresholds and recovery objectives.',
      plugins: [almanac()],
    }),
    // Astro's MDX as it was before Starlight brought its own (`optimize: true`), which writes some attributes differently.
    mdx(),
  ],
  // Writes .astro/collections/*.schema.json, with which the Astro VS Code extension completes and checks runbook frontmatter (src/content.config.ts).
  experimental: { contentIntellisense: true },
  vite: {
    build: {
      rollupOptions: {
        // MDX pages carry Astro's "use astro:head-inject" directive, which the bundler warns about once per runbook; Astro handles it.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
});
