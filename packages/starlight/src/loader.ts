import { glob } from 'astro/loaders';

/**
 * The docs collection's loader for a site whose docs are the runbook tree (outside src/content/docs):
 * every Markdown and MDX file but those starting with `_`, as the verifier reads them.
 */
export function runbooksLoader({ base = './runbooks' }: { base?: string } = {}) {
  return glob({ base, pattern: '**/[^_]*.{md,mdx}' });
}
