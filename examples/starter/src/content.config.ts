import { defineCollection } from 'astro:content';
import { docsSchema } from '@astrojs/starlight/schema';
import { runbooksLoader } from '@almanac/starlight/loader';

// The docs are the runbooks in runbooks/ (not src/content/docs): what `almanac verify` reads is what the site shows.
export const collections = {
  docs: defineCollection({ loader: runbooksLoader({ base: './runbooks' }), schema: docsSchema() }),
};
