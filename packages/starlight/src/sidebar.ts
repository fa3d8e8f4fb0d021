import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { StarlightRouteData } from '@astrojs/starlight/route-data';

type SidebarEntry = StarlightRouteData['sidebar'][number];

/** Up to this many runbooks, the sidebar the plugin makes lists every one on every page (`sidebarFullUpTo`). */
export const SIDEBAR_FULL_UP_TO = 100;

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

/** The pages somewhere below a folder: a folder is a system's group only if it holds one (owners.d holds only YAML). */
function pagesIn(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => /(^|\/)[^_/][^/]*\.mdx?$/.test(name))
    .length;
}

/**
 * One sidebar group per top folder of the runbook tree (`runbooks`, from `root`): a folder is a
 * system. Starlight finds a group's pages by their entry ids, which for a tree inside
 * src/content/docs start from there, and for a tree loaded as the collection (runbooksLoader) from
 * the project root.
 */
export function systemGroups(root: string, runbooks: string) {
  const ids = runbooks.replace(/^src\/content\/docs\//, '');
  const systems = readdirSync(join(root, runbooks), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !/^[._]/.test(entry.name))
    .map((entry) => ({ system: entry.name, pages: pagesIn(join(root, runbooks, entry.name)) }))
    .filter(({ pages }) => pages > 0)
    .sort((a, b) => (a.system < b.system ? -1 : 1));
  return {
    groups: systems.map(({ system }) => ({
      label: system,
      items: [{ autogenerate: { directory: `${ids}/${system}` } }],
    })),
    pages: systems.reduce((sum, { pages }) => sum + pages, 0),
  };
}

/**
 * The sidebar of a large tree on one page: each system other than the page's own becomes one link,
 * to its first page, where its group opens. Starlight writes every link of the sidebar into every
 * page: at 1,000 runbooks that was a third of each page's bytes and of the build's time. The
 * systems are every group after the Schedule group, which the plugin's sidebar puts first: by
 * place, not by label, since a system's folder may have any name.
 */
export function foldSystems(sidebar: SidebarEntry[]): SidebarEntry[] {
  return sidebar.map((entry, index) => {
    if (index === 0 || entry.type !== 'group' || holdsCurrent(entry)) return entry;
    const first = firstLink(entry);
    return first
      ? { type: 'link', label: entry.label, href: first.href, isCurrent: false, attrs: {}, badge: undefined }
      : entry;
  });
}

function holdsCurrent(entry: SidebarEntry): boolean {
  return entry.type === 'link' ? entry.isCurrent : entry.entries.some(holdsCurrent);
}

function firstLink(entry: SidebarEntry): Extract<SidebarEntry, { type: 'link' }> | undefined {
  if (entry.type === 'link') return entry;
  for (const child of entry.entries) {
    const link = firstLink(child);
    if (link) return link;
  }
  return undefined;
}
