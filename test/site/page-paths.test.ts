import { describe, expect, it } from 'vitest';
import { pageHref } from '@almanac/verifier/internal';
import { modelOfBuild, runbookHrefs } from './build.ts';

/*
 * Starlight routes runbook pages from the docs collection's ids; the site's links, feeds and
 * alerts, `almanac diff` and alert-threshold-drift take them from the verifier's `pageHref`. The
 * two must agree (the build stops where they do not; the layout of a runbook folder inside a
 * larger docs site: nested-docs.test.ts).
 */
describe('page paths', () => {
  it('are the same from the verifier as from the built site, for every shipped runbook', () => {
    const { runbooks } = modelOfBuild();
    const built = runbookHrefs(runbooks);
    for (const runbook of runbooks) expect(pageHref(runbook), runbook.source.file).toBe(built.get(runbook));
  });
});
