import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '@almanac/verifier';
import { runbookOfPage } from '../../packages/starlight/src/lib/model.ts';

/*
 * What Astro's glob loader finds under runbooks/ and the verifier does not read must not become a
 * page: a bare `astro build`, without `almanac verify` first, would publish it unverified.
 */
describe('a page’s runbook', () => {
  const dir = mkdtempSync(join(tmpdir(), 'almanac-pages-'));
  const outside = mkdtempSync(join(tmpdir(), 'almanac-outside-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });
  mkdirSync(join(dir, 'runbooks/db'), { recursive: true });
  writeFileSync(join(dir, 'runbooks/owners.yaml'), 'ops: { name: Operations }\n');
  writeFileSync(
    join(dir, 'runbooks/db/backups.mdx'),
    '---\nid: db-backups\ntitle: Backups\nsystem: db\nowners: [ops]\n---\nText\n',
  );
  writeFileSync(join(dir, 'runbooks/db/broken.mdx'), '---\nid: db-broken\ntitle: [unclosed\n---\nText\n');
  writeFileSync(join(outside, 'secret.mdx'), '---\ntitle: Secret\n---\nNot for the site\n');
  symlinkSync(outside, join(dir, 'runbooks/linked'));
  const corpus = loadCorpus(['runbooks'], dir);
  const model = {
    corpus,
    byFile: new Map(corpus.runbooks.map((r) => [r.source.file, r])),
    filesRead: new Set(corpus.filesRead),
  };

  it('is the verifier’s runbook of the file', () => {
    expect(runbookOfPage(model, 'runbooks/db/backups.mdx')?.id).toBe('db-backups');
  });

  it('is none for a file the verifier read but could not make a runbook of, whose page still shows', () => {
    expect(runbookOfPage(model, 'runbooks/db/broken.mdx')).toBeUndefined();
  });

  it('stops the build for a file behind a link the verifier refused, with its reason', () => {
    expect(() => runbookOfPage(model, 'runbooks/linked/secret.mdx')).toThrow(
      'runbooks/linked/secret.mdx is not published: the verifier did not read it (runbooks/linked: The path is a symbolic link that leaves the runbook tree; it is not followed or read). Run `npm run verify`.',
    );
  });

  it('leaves Starlight’s own pages alone', () => {
    expect(runbookOfPage(model, 'src/content/docs/404.md')).toBeUndefined();
  });
});
