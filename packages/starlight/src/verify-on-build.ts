import { formatStylish, loadCorpus, verifyWithConfig } from '@almanac/verifier';
import { loadOptionsOf } from '@almanac/verifier/internal';
import type { AstroIntegrationLogger } from 'astro';
import { siteConfig, type SiteOptions } from './options.ts';

/**
 * `almanac verify` as the build starts, with the site's config and "today" (ALMANAC_NOW): the
 * findings in the build's log, and an error that stops the build when any is an error (unless
 * `stopOnErrors` is false).
 */
export function verifyOnBuild(site: SiteOptions, logger: AstroIntegrationLogger, stopOnErrors: boolean): void {
  const { config } = siteConfig(site);
  const corpus = loadCorpus([site.runbooks], site.root, loadOptionsOf(config));
  const { findings } = verifyWithConfig(corpus, config, process.env.ALMANAC_NOW || undefined);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const report = formatStylish(findings, { color: false }).trim();
  if (errors && stopOnErrors)
    throw new Error(
      `${site.runbooks} has ${errors === 1 ? 'an error' : `${errors} errors`}; the site is not built (almanac verify):\n${report}`,
    );
  if (errors) logger.error(report);
  else if (report) logger.warn(report);
  else logger.info(`${site.runbooks}: no problems`);
}
