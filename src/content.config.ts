import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

/*
 * Runbooks are the docs. Their own fields are not declared here: Starlight needs only `title`, the
 * rest is dropped from the entry, and pages read every runbook field from the verifier's model
 * (src/lib/model.ts), so the site never judges frontmatter differently from `almanac verify`.
 */
export const collections = {
  docs: defineCollection({
    loader: glob({ base: './runbooks', pattern: '**/[^_]*.{md,mdx}' }),
    schema: docsSchema(),
  }),
};
