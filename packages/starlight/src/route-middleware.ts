import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import options from 'virtual:@almanac/starlight/options';
import { runbookOfPage } from './lib/model.ts';
import { summarySections } from './lib/sections.ts';
import { foldSystems } from './sidebar.ts';

/**
 * Folds a large sidebar to the page's own system (sidebar.ts). Puts a runbook's page's runbook on
 * `Astro.locals.runbook`, for the summary above its text, and lists the summary's sections
 * (owners, windows, tasks…) in its "On this page", before its text's headings.
 */
export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  if (options.foldSidebar) route.sidebar = foldSystems(route.sidebar);
  const { filePath } = route.entry;
  const runbook = filePath ? runbookOfPage(context.locals.model, filePath) : undefined;
  context.locals.runbook = runbook;
  if (!runbook || !route.toc) return;
  const sections = summarySections(runbook, new Set(route.headings.map((h) => h.slug)));
  const [overview, ...body] = route.toc.items;
  if (!overview) return;
  // Starlight calls the top of the page "Overview", which many runbooks also title a section of their text: here the top is the summary.
  route.toc.items = [
    { ...overview, text: 'Summary' },
    ...sections.map(({ id, title }) => ({ depth: 2, slug: id, text: title, children: [] })),
    ...body,
  ];
});
