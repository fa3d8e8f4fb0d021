/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The verifier's model this request is rendered from, put here by src/middleware.ts. */
    model: import('./lib/model.ts').SiteModel;
    /** The runbook a runbook's page shows (src/route-middleware.ts); absent on every other page. */
    runbook?: import('@almanac/verifier').Runbook;
  }
}
