import { resolve } from 'node:path';
import type { SiteOptions } from '../../packages/starlight/src/options.ts';

/** The plugin's options as this repository's site passes them (none), for the site's modules run by the tests outside Astro. */
const options: SiteOptions = { root: resolve(import.meta.dirname, '../..'), runbooks: 'runbooks' };
export default options;
