import { slug as githubSlug } from 'github-slugger';
import { posix } from 'node:path';

/** The runbook tree when none is given, which the site's collection reads by default (`runbooksLoader()`). */
export const DOCS_ROOT = 'runbooks';

/** Starlight's own docs folder, which its default `docsLoader()` reads. */
export const STARLIGHT_DOCS = 'src/content/docs';

/** The path of `file` below `folder`, or undefined when it is not inside it. */
function below(folder: string, file: string): string | undefined {
  const path = posix.relative(folder.replace(/^\.\//, '').replace(/\/+$/, ''), file);
  return path && !path.startsWith('../') && !posix.isAbsolute(path) ? path : undefined;
}

/**
 * A page's URL path on the site, as Astro's glob loader and Starlight route it: the frontmatter
 * `slug` when there is one, else the file's path below the folder the site's docs collection
 * reads, without its extension, each segment slugged as GitHub slugs headings, an `index` file
 * standing for its folder. That folder is Starlight's `src/content/docs` for a runbook folder
 * inside a larger docs site (`src/content/docs/ops/runbooks/plan.mdx` → `/ops/runbooks/plan/`),
 * else the runbook tree the file is in, which is then the collection (`runbooksLoader({ base })`:
 * `runbooks/mvono/Maintenance Plan.mdx` → `/mvono/maintenance-plan/`). The one function the site's
 * pages, feeds and alerting files, `almanac diff` and alert-threshold-drift use. A file in none
 * (a tree given on the command line) is routed from its whole path.
 *
 * `trees` are the runbook trees as given (the plugin's `runbooks` option, the paths of `almanac
 * diff`), from the project root; `runbooks/` counts as one when none holds the file.
 */
export function pageHref(page: { source: { file: string }; slug?: string }, trees: readonly string[] = []): string {
  if (page.slug !== undefined) return `/${page.slug}/`;
  const { file } = page.source;
  // The project root (`almanac diff .`) is no collection's folder.
  const inTree = trees
    .filter((tree) => !/^\.?\/?$/.test(tree))
    .map((tree) => below(tree, file))
    .filter((path) => path !== undefined);
  // The outermost tree that holds it, the collection's: a tree and a folder inside it may both be given.
  const path =
    below(STARLIGHT_DOCS, file) ?? inTree.sort((a, b) => b.length - a.length)[0] ?? below(DOCS_ROOT, file) ?? file;
  const id = path
    .replace(/\.mdx?$/, '')
    .split('/')
    .map((segment) => githubSlug(segment))
    .join('/')
    .replace(/(^|\/)index$/, '');
  return id ? `/${id}/` : '/';
}

/** The id of a threshold's row on its runbook page, which `runbook_url` points at. */
export function thresholdAnchor(metric: string): string {
  return `threshold-${metric}`;
}
