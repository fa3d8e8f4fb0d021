import { z } from 'zod';
import { runbookSchema, STARLIGHT_FIELDS } from './runbook.ts';

/** Fields Starlight's docs schema defines, which keep Starlight's definition. */
const STARLIGHT_DEFINES = new Set(['title', 'description', 'slug', ...Object.keys(STARLIGHT_FIELDS)]);

/**
 * The runbook's fields for an editor's completion, checking and hover text, as an extension of
 * Starlight's docs schema: Astro's content intellisense writes the collection's JSON schema from
 * it, and the Astro VS Code extension applies that schema to each runbook's frontmatter. It never
 * fails a build: a field that does not parse is dropped from Astro's entry (almanac verify
 * reports it, and the site reads every runbook field from the verifier's model). Starlight's own
 * fields (`title`, `sidebar`, …) keep Starlight's schema.
 */
export function runbookEditorFields() {
  const fields = Object.entries(runbookSchema.shape as Record<string, z.ZodType>).filter(
    ([key]) => !STARLIGHT_DEFINES.has(key),
  );
  return z.object(Object.fromEntries(fields.map(([key, field]) => [key, field.optional().catch(undefined)])));
}
