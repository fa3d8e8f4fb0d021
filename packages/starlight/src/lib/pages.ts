import { getCollection } from 'astro:content';
import { pageHref } from '@almanac/verifier/internal';

/** What this needs of a docs entry; spelled out so the type check passes before `astro sync` has generated the collection's types. */
interface DocsEntry {
  filePath?: string;
  data: { slug?: string };
}

/** Each page's URL path by its file (`runbooks/mvono/plan.mdx` → `/mvono/plan/`): the verifier's `pageHref`, which `almanac diff` uses too. */
export async function pageHrefs(): Promise<Map<string, string>> {
  const entries: DocsEntry[] = await getCollection('docs');
  return new Map(entries.flatMap((entry) => (entry.filePath ? [[entry.filePath, pageHref({ source: { file: entry.filePath }, slug: entry.data.slug })] as const] : [])));
}
