import { DEFAULT_SITE_URL, loadConfig, siteUrlOf, type AlmanacConfig } from '@almanac/verifier';

/** What `almanac({ … })` takes. Each falls back on almanac.config.json, which `almanac verify` reads too. */
export interface AlmanacOptions {
  /** The runbook tree, from the project root: `runbooks` by default, or a folder inside the docs, such as `src/content/docs/runbooks`. */
  runbooks?: string;
  /** The owners registry for every runbook, from the project root; by default owners.yaml at the tree's root. */
  owners?: string;
  /** Where the site is published, for the feeds' links and UIDs. ALMANAC_SITE_URL overrides it; without it, the config's siteUrl, then Astro's `site`. */
  siteUrl?: string;
  /** How far the calendar feeds reach around the day of the build (30 days back and 400 ahead by default). */
  feeds?: { daysBack?: number; daysAhead?: number };
  /** The schedule's home page at `/`; false for a site whose own home page is there. */
  homePage?: boolean;
  /** Whether an error finding stops the build (true by default); false builds anyway, as a preview of a branch with errors would. */
  stopOnErrors?: boolean;
  /** A build with CI=true and no site URL (siteUrl, ALMANAC_SITE_URL, almanac.config.json or Astro's `site`) fails instead of warning. */
  requireSiteUrlInCi?: boolean;
  /**
   * Up to this many runbooks (100 by default), the sidebar the plugin makes lists every runbook on
   * every page; above it, a page lists its own system's runbooks and each other system as one link.
   * A site with its own `sidebar` keeps it as it is.
   */
  sidebarFullUpTo?: number;
}

/** The options the site's pages read (a virtual module carries them from the config to the pages). */
export interface SiteOptions {
  /** The project root, absolute. */
  root: string;
  runbooks: string;
  owners?: string;
  siteUrl?: string;
  /** Astro's `site`, the last resort for the site's URL. */
  astroSite?: string;
  feeds?: { daysBack?: number; daysAhead?: number };
  /** Whether the plugin's sidebar folds each system but the page's own into one link (more runbooks than `sidebarFullUpTo`). */
  foldSidebar?: boolean;
}

export function siteOptions(options: AlmanacOptions, root: string, astroSite: string | undefined): SiteOptions {
  const runbooks = (options.runbooks ?? 'runbooks').replace(/^\.\//, '').replace(/\/+$/, '');
  return { root, runbooks, owners: options.owners, siteUrl: options.siteUrl, astroSite, feeds: options.feeds };
}

/**
 * Why the build's links will not work, when no site URL is given anywhere: every feed, event and
 * alert link then points at a placeholder host.
 */
export function missingSiteUrl(
  options: SiteOptions,
  env: Record<string, string | undefined> = process.env,
): string | undefined {
  if (env.ALMANAC_SITE_URL || options.siteUrl || options.astroSite || loadConfig(options.root).config.siteUrl)
    return undefined;
  return (
    `no siteUrl: the calendar subscribe links, each feed event's URL and the alerts' runbook_url point at ${DEFAULT_SITE_URL}, which is not this site. ` +
    'Set almanac({ siteUrl }), "siteUrl" in almanac.config.json, Astro\'s `site`, or ALMANAC_SITE_URL.'
  );
}

/**
 * The verifier's config with the plugin's options over almanac.config's: one config for the check
 * as the build starts and for every page and feed. Astro's `site` comes after the config's siteUrl.
 */
export function siteConfig(options: SiteOptions): { config: AlmanacConfig; siteUrl: string } {
  const { config: file } = loadConfig(options.root);
  const config: AlmanacConfig = {
    ...file,
    ...(options.owners !== undefined && { owners: options.owners }),
    ...(options.feeds !== undefined && { feeds: options.feeds }),
  };
  return { config, siteUrl: siteUrlOf({ ...config, siteUrl: options.siteUrl ?? file.siteUrl ?? options.astroSite }) };
}
