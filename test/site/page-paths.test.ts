import { describe, expect, it } from 'vitest';
import { pageHref } from '@almanac/verifier/internal';
import { modelOfBuild, runbookHrefs } from './build.ts';

/*
 * The site routes runbook pages from its docs collection's ids; `almanac diff` and
 * alert-threshold-drift from the verifier's `pageHref`. For a collection based at runbooks/, as
 * this site's and the starter's are, the two must give the same path, or diff would report feed
 * URLs the site never writes.
 */
describe('page paths', () => {
  it('are the same from the verifier as from the built site, for every shipped runbook', () => {
    const { runbooks } = modelOfBuild();
    const built = runbookHrefs(runbooks);
    for (const runbook of runbooks) expect(pageHref(runbook), runbook.source.file).toBe(built.get(runbook));
  });
});
