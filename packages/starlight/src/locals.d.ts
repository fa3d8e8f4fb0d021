/// <reference types="astro/client" />
// Starlight's own locals (starlightRoute, t), which the runbook components read.
/// <reference types="@astrojs/starlight" />

declare namespace App {
  interface Locals {
    /** The verifier's model this request is rendered from, put here by middleware.ts. */
    model: import('./lib/model.ts').SiteModel;
    /** The runbook a runbook's page shows (route-middleware.ts); absent on every other page. */
    runbook?: import('@almanac/verifier').Runbook;
  }
}

/** The plugin's options, as the site's pages read them (index.ts writes this module). */
declare module 'virtual:@almanac/starlight/options' {
  const options: import('./options.ts').SiteOptions;
  export default options;
}
