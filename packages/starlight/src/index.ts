import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { StarlightPlugin, StarlightUserConfig } from '@astrojs/starlight/types';
import type { AstroIntegration } from 'astro';
import { missingSiteUrl, siteConfig, siteOptions, type AlmanacOptions, type SiteOptions } from './options.ts';
import { SCHEDULE_GROUP, SIDEBAR_FULL_UP_TO, systemGroups } from './sidebar.ts';
import { verifyOnBuild } from './verify-on-build.ts';

export type { AlmanacOptions } from './options.ts';

const OPTIONS_MODULE = 'virtual:@almanac/starlight/options';

/** The pages and endpoints the plugin adds, by URL pattern. */
const ROUTES: Record<string, string> = {
  calendar: 'calendar.astro',
  owners: 'owners.astro',
  'owners/[owner]': 'owners/[owner].astro',
  report: 'report.astro',
  rules: 'rules.astro',
  'calendars/all.ics': 'calendars/all.ics.ts',
  'calendars/system/[system].ics': 'calendars/system/[system].ics.ts',
  'calendars/owner/[owner].ics': 'calendars/owner/[owner].ics.ts',
  'alerting/[file]': 'alerting/[file].ts',
};

/**
 * Almanac's pages in a Starlight site: each runbook's summary above its text, the calendar,
 * owners, findings and rules pages, the `.ics` feeds and the Prometheus and Alertmanager files.
 * The build verifies the runbooks first and stops on errors, as `almanac verify` would.
 */
export default function almanac(options: AlmanacOptions = {}): StarlightPlugin {
  return {
    name: '@almanac/starlight',
    hooks: {
      'config:setup'({ config, updateConfig, addIntegration, addRouteMiddleware, astroConfig, command, logger }) {
        const site = siteOptions(options, fileURLToPath(astroConfig.root), astroConfig.site);
        if (command === 'build') {
          verifyOnBuild(site, logger, options.stopOnErrors ?? true);
          const missing = missingSiteUrl(site);
          if (missing && options.requireSiteUrlInCi && process.env.CI === 'true')
            throw new Error(`${missing} (requireSiteUrlInCi stops a CI build without it)`);
          if (missing) logger.warn(missing);
        }
        const expressiveCode = config.expressiveCode ?? {};
        const systems = config.sidebar ? undefined : systemGroups(site.root, site.runbooks);
        site.foldSidebar = systems !== undefined && systems.pages > (options.sidebarFullUpTo ?? SIDEBAR_FULL_UP_TO);
        updateConfig({
          customCss: [
            ...(config.customCss ?? []),
            '@almanac/starlight/styles/runbook.css',
            '@almanac/starlight/styles/print.css',
          ],
          components: {
            PageTitle: '@almanac/starlight/components/overrides/PageTitle.astro',
            MarkdownContent: '@almanac/starlight/components/overrides/MarkdownContent.astro',
            Footer: '@almanac/starlight/components/overrides/Footer.astro',
            ...config.components,
          },
          markdown: {
            ...config.markdown,
            processedDirs: [...(config.markdown?.processedDirs ?? []), `./${site.runbooks}/`],
          },
          sidebar: systems ? [SCHEDULE_GROUP, ...systems.groups] : [...(config.sidebar ?? []), SCHEDULE_GROUP],
          ...(expressiveCode !== false && {
            expressiveCode: withoutTokenizeTimeLimit(expressiveCode === true ? {} : expressiveCode),
          }),
        });
        addRouteMiddleware({ entrypoint: '@almanac/starlight/route-middleware' });
        addIntegration(integration(site, options.homePage ?? true));
      },
    },
  };
}

type ExpressiveCode = Exclude<StarlightUserConfig['expressiveCode'], boolean | undefined>;

/** Shiki stops colouring a line after 500 ms by default, which a loaded machine reaches: a build would colour code differently from the last. */
function withoutTokenizeTimeLimit(expressiveCode: ExpressiveCode): ExpressiveCode {
  const shiki = typeof expressiveCode.shiki === 'object' ? expressiveCode.shiki : {};
  const transformer = {
    name: 'almanac:no-tokenize-time-limit',
    preprocess: (_code: string, options: { tokenizeTimeLimit?: number }) => void (options.tokenizeTimeLimit = 0),
  };
  return { ...expressiveCode, shiki: { ...shiki, transformers: [...(shiki.transformers ?? []), transformer] } };
}

function integration(site: SiteOptions, homePage: boolean): AstroIntegration {
  return {
    name: '@almanac/starlight',
    hooks: {
      'astro:build:generated'({ logger }) {
        try {
          releaseHeap();
        } catch (error) {
          logger.warn(`could not hand the build's garbage back before search indexing: ${(error as Error).message}`);
        }
      },
      'astro:config:setup'({ config, injectRoute, addMiddleware, updateConfig }) {
        addMiddleware({ entrypoint: '@almanac/starlight/middleware', order: 'pre' });
        for (const [pattern, file] of Object.entries({ ...(homePage && { '': 'index.astro' }), ...ROUTES })) {
          injectRoute({ pattern: `/${pattern}`, entrypoint: `@almanac/starlight/routes/${file}`, prerender: true });
        }
        updateConfig({
          // The feeds and pages link with the same URL as the sitemap and canonical links.
          ...(config.site === undefined && { site: siteConfig(site).siteUrl }),
          vite: {
            plugins: [
              {
                name: '@almanac/starlight:options',
                resolveId: (id: string) => (id === OPTIONS_MODULE ? `\0${OPTIONS_MODULE}` : undefined),
                load: (id: string) =>
                  id === `\0${OPTIONS_MODULE}` ? `export default ${JSON.stringify(site)};` : undefined,
              },
            ],
          },
        });
      },
    },
  };
}

/**
 * Hands the build's garbage back to the system once the pages are written. Starlight then runs
 * Pagefind's indexer, a process of its own, while this one waits: without this, the two hold
 * at once this process's whole heap, most of it garbage by then. Only a last-resort collection
 * gives V8's emptied pages back; an ordinary one keeps them (NOTES.md, "Runbooks without MDX of
 * their own render as Markdown"). V8 exposes it to a script only behind --expose-gc.
 */
function releaseHeap(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (options: { type: string; execution: string; flavor: string }) => void;
  gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}
