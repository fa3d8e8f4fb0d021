import { slug as githubSlug } from 'github-slugger';
import { posix } from 'node:path';

/** The folder the site's docs collection reads (src/content.config.ts): pages are routed from paths below it. */
export const DOCS_ROOT = 'runbooks';

/**
 * A page's URL path on the site, as Astro's glob loader and Starlight route it: the frontmatter
 * `slug` when there is one, else the file's path below the docs folder without its extension,
 * each segment slugged as GitHub slugs headings, an `index` file standing for its folder:
 * `runbooks/mvono/Maintenance Plan.mdx` → `/mvono/maintenance-plan/`. The one function the
 * site's feeds, `almanac diff` and alert-threshold-drift use. A file outside the docs folder
 * (a tree given on the command line) is routed from its whole path.
 */
export function pageHref(page: { source: { file: string }; slug?: string }): string {
  if (page.slug !== undefined) return `/${page.slug}/`;
  const below = posix.relative(DOCS_ROOT, page.source.file);
  const path = below.startsWith('../') ? page.source.file : below;
  const id = path.replace(/\.mdx?$/, '').split('/').map((segment) => githubSlug(segment)).join('/').replace(/(^|\/)index$/, '');
  return id ? `/${id}/` : '/';
}

/** The id of a threshold's row on its runbook page, which `runbook_url` points at. */
export function thresholdAnchor(metric: string): string {
  return `threshold-${metric}`;
}
