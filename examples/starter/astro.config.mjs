// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import almanac from '@almanac/starlight';

export default defineConfig({
  // Where the site is published: the calendar feeds link here. ALMANAC_SITE_URL overrides it at build time.
  site: 'https://runbooks.example.com',
  integrations: [
    starlight({
      title: 'Runbooks',
      plugins: [almanac({ runbooks: 'runbooks' })],
    }),
  ],
});
