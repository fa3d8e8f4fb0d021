import type { Runbook } from '@almanac/verifier';
import type { SectionKey } from './sections.ts';

/**
 * What a runbook declares, as Pagefind metadata fields of its page: its window titles, its task
 * titles, the scenarios of its recovery objectives. Pagefind searches metadata fields and adds a
 * boost for each field that holds the query's words (weight 1 unless `metaWeights` says
 * otherwise), once per field however often the words occur. Body weights cannot do this: they
 * count occurrences, so a long runbook that says "week" sixty times outranks the one that owns
 * the "Weekly maintenance" window, whatever weight that window's heading carries.
 */
const FIELDS: Partial<Record<SectionKey, (runbook: Runbook) => string[]>> = {
  windows: (r) => [...r.windows, ...r.ad_hoc_windows].map((w) => w.value.title),
  tasks: (r) => r.tasks.map((t) => t.value.title),
  objectives: (r) =>
    r.objectives.length ? [`RTO and RPO: ${r.objectives.map((o) => o.value.scenario).join(', ')}`] : [],
};

/** The `data-pagefind-meta` value of a summary section (`windows:Weekly maintenance. …`), or undefined when it has none. */
export function searchMeta(runbook: Runbook, key: SectionKey): string | undefined {
  const values = FIELDS[key]?.(runbook) ?? [];
  // Pagefind takes everything after the first colon as the value, commas and colons included.
  return values.length ? `${key}:${values.join('. ')}` : undefined;
}
