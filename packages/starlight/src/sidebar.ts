import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The links to the pages the plugin adds. */
export const SCHEDULE_GROUP = {
  label: 'Schedule',
  items: [
    { label: 'Calendar', link: '/calendar/' },
    { label: 'Owners', link: '/owners/' },
    { label: 'Findings', link: '/report/' },
    { label: 'Rules', link: '/rules/' },
  ],
};

/** A folder is a system's group only if a page lives somewhere below it (owners.d holds only YAML). */
function holdsPages(dir: string): boolean {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).some((name) => /(^|\/)[^_/][^/]*\.mdx?$/.test(name));
}

/**
 * One sidebar group per top folder of the runbook tree (`runbooks`, from `root`): a folder is a
 * system. Starlight finds a group's pages by their entry ids, which for a tree inside
 * src/content/docs start from there, and for a tree loaded as the collection (runbooksLoader) from
 * the project root.
 */
export function systemGroups(root: string, runbooks: string) {
  const ids = runbooks.replace(/^src\/content\/docs\//, '');
  return readdirSync(join(root, runbooks), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !/^[._]/.test(entry.name) && holdsPages(join(root, runbooks, entry.name)))
    .map((entry) => entry.name)
    .sort()
    .map((system) => ({ label: system, items: [{ autogenerate: { directory: `${ids}/${system}` } }] }));
}
