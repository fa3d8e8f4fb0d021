import { defineCollection } from 'astro:content';
import { docsSchema } from '@astrojs/starlight/schema';
import { runbooksLoader } from '@almanac/starlight/loader';
import { runbookEditorFields } from '@almanac/verifier';

/*
 * Runbooks are the docs. Starlight needs only `title`; pages read every runbook field from the
 * verifier's model (@almanac/starlight's lib/model.ts), so the site never judges frontmatter
 * differently from `almanac verify`. The runbook fields extend the schema only for editors: Astro's
 * content intellisense turns them into the JSON schema the Astro VS Code extension completes and
 * checks frontmatter with, and a field that does not parse is dropped here, never a build failure.
 */
export const collections = {
  docs: defineCollection({ loader: runbooksLoader(), schema: docsSchema({ extend: runbookEditorFields() }) }),
};
