import { defineCollection } from 'astro:content';
import { docsSchema } from '@astrojs/starlight/schema';
import { runbooksLoader } from '@almanac/starlight/loader';

/*
 * Runbooks are the docs. Their own fields are not declared here: Starlight needs only `title`, the
 * rest is dropped from the entry, and pages read every runbook field from the verifier's model
 * (@almanac/starlight's lib/model.ts), so the site never judges frontmatter differently from `almanac verify`.
 */
export const collections = {
  docs: defineCollection({ loader: runbooksLoader(), schema: docsSchema() }),
};
