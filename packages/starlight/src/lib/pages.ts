import { getCollection } from 'astro:content';
import options from 'virtual:@almanac/starlight/options';
import { pageHref } from '@almanac/verifier/internal';
import { getModel, perModel, type SiteModel } from './model.ts';

/** What this needs of a docs entry; spelled out so the type check passes before `astro sync` has generated the collection's types. */
interface DocsEntry {
  id: string;
  filePath?: string;
}

/**
 * Each page's URL path by its file (`runbooks/mvono/plan.mdx` → `/mvono/plan/`), as Starlight
 * routes it from the docs collection's ids. A runbook's is the verifier's `pageHref` too, the one
 * function its feed events, the alerts' `runbook_url` and `almanac diff` use, whatever folder the
 * collection reads; where Starlight routes a runbook's page elsewhere (a collection that reads
 * neither the runbook tree nor Starlight's docs folder around it), the build stops, since those
 * links would lead nowhere. Worked out once per model: every owner's page, the feeds and the
 * alerting files ask, and the check walks every runbook.
 */
export function pageHrefs(): Promise<Map<string, string>> {
  return hrefsOf(getModel());
}

const hrefsOf = perModel(async (model: SiteModel): Promise<Map<string, string>> => {
  const entries: DocsEntry[] = await getCollection('docs');
  const hrefs = new Map(
    entries.flatMap((entry) =>
      entry.filePath ? [[entry.filePath, entry.id === 'index' ? '/' : `/${entry.id}/`] as const] : [],
    ),
  );
  for (const runbook of model.corpus.runbooks) {
    const { file } = runbook.source;
    const href = pageHref(runbook, [options.runbooks]);
    const routed = hrefs.get(file);
    // Not a page of the collection: the feeds say so when they need its link.
    if (routed === undefined) continue;
    if (routed !== href) {
      throw new Error(
        `${file}: Starlight routes its page at ${routed}, but its feed events, alerts and \`almanac diff\` link it at ${href}. ` +
          `Let the docs collection read the runbook tree (\`loader: runbooksLoader({ base: './${options.runbooks}' })\`), or put the runbooks inside src/content/docs with Starlight's own loader.`,
      );
    }
  }
  return hrefs;
});
