import { getCollection } from 'astro:content';

/** What this needs of a docs entry; spelled out so the type check passes before `astro sync` has generated the collection's types. */
interface DocsEntry {
  id: string;
  filePath?: string;
}

/**
 * Each page's URL path by its file (`runbooks/mvono/plan.mdx` → `/mvono/plan/`), as Starlight
 * routes it: from the docs collection's own ids, whatever folder the collection reads (a runbook
 * folder inside a larger docs site has `runbooks/…` in its ids). The verifier's `pageHref`, which
 * `almanac diff` uses, gives the same paths for a collection based at `runbooks/`, this site's
 * and the starter's (test/site/page-paths.test.ts).
 */
export async function pageHrefs(): Promise<Map<string, string>> {
  const entries: DocsEntry[] = await getCollection('docs');
  return new Map(entries.flatMap((entry) => (entry.filePath ? [[entry.filePath, entry.id === 'index' ? '/' : `/${entry.id}/`] as const] : [])));
}
