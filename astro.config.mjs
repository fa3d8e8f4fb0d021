// @ts-check
import { readdirSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import { loadConfig, siteUrlOf } from '@almanac/verifier';

/**
 * A folder is a system's group only if a page lives somewhere below it (owners.d holds only YAML).
 * @param {string} dir
 */
function holdsPages(dir) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).some((name) => /(^|\/)[^_/][^/]*\.mdx?$/.test(name));
}

/** One sidebar group per top folder of runbooks/: a folder is a system. */
function systemGroups() {
  return readdirSync('runbooks', { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !/^[._]/.test(entry.name) && holdsPages(`runbooks/${entry.name}`))
    .map((entry) => entry.name)
    .sort()
    .map((system) => ({ label: system, items: [{ autogenerate: { directory: `runbooks/${system}` } }] }));
}

export default defineConfig({
  // The same resolution as the verifier and the feeds: ALMANAC_SITE_URL, then almanac.config's siteUrl.
  site: siteUrlOf(loadConfig(process.cwd()).config),
  integrations: [
    starlight({
      title: 'Almanac',
      description: 'Maintenance runbooks as code: schedules, owners, thresholds and recovery objectives.',
      markdown: { processedDirs: ['./runbooks/'] },
      expressiveCode: {
        shiki: {
          // Shiki stops colouring a line after 500 ms by default, which a loaded machine reaches: a build would colour code differently from the last.
          transformers: [{ name: 'almanac:no-tokenize-time-limit', preprocess: (_code, options) => void (options.tokenizeTimeLimit = 0) }],
        },
      },
      customCss: ['./src/styles/runbook.css', './src/styles/print.css'],
      components: {
        PageTitle: './src/components/overrides/PageTitle.astro',
        MarkdownContent: './src/components/overrides/MarkdownContent.astro',
        Footer: './src/components/overrides/Footer.astro',
      },
      routeMiddleware: './src/route-middleware.ts',
      sidebar: [
        {
          label: 'Schedule',
          items: [
            { label: 'Calendar', link: '/calendar/' },
            { label: 'Owners', link: '/owners/' },
            { label: 'Findings', link: '/report/' },
            { label: 'Rules', link: '/rules/' },
          ],
        },
        ...systemGroups(),
      ],
    }),
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
