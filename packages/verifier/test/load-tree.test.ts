import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus, LoadError } from '../src/load/load-tree.ts';
import { verify } from '../src/rules/verify.ts';

function tree(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'almanac-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return root;
}

const OWNERS = 'ops:\n  name: Operations\n  email: ops@example.com\n';
const RUNBOOK = '---\nid: a\ntitle: A\nsystem: s\nowners: [ops]\n---\n\nBody\n';

describe('loadCorpus', () => {
  it('reads a tree with its owners.yaml, skipping _files, hidden folders and other extensions', () => {
    const root = tree({
      'runbooks/owners.yaml': OWNERS,
      'runbooks/a.mdx': RUNBOOK,
      'runbooks/sub/b.md': RUNBOOK.replace('id: a', 'id: b'),
      'runbooks/_draft.mdx': 'x',
      'runbooks/.hidden/c.mdx': 'x',
      'runbooks/notes.txt': 'x',
    });
    const corpus = loadCorpus(['runbooks'], root);
    expect(corpus.runbooks.map((r) => r.source.file)).toEqual(['runbooks/a.mdx', 'runbooks/sub/b.md']);
    expect(corpus.runbooks[0]!.registry.owners.ops?.name).toBe('Operations');
    expect(corpus.loadReports).toEqual([]);
  });

  it('reports a file that is not UTF-8 at its line and column', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('---\nid: a\ntitle: Caf'),
      0xe9,
      ...new TextEncoder().encode('\n---\n'),
    ]);
    const root = tree({ 'runbooks/owners.yaml': OWNERS, 'runbooks/latin1.mdx': bytes });
    const { findings } = verify(loadCorpus(['runbooks'], root), { today: '2026-11-23' });
    expect(findings).toMatchObject([
      {
        ruleId: 'parse',
        file: 'runbooks/latin1.mdx',
        line: 3,
        column: 11,
        message: 'The file is not UTF-8 text; save it as UTF-8',
      },
    ]);
  });

  it('does not follow a symbolic link loop, and reports it', () => {
    const root = tree({ 'runbooks/owners.yaml': OWNERS, 'runbooks/a.mdx': RUNBOOK });
    symlinkSync(join(root, 'runbooks'), join(root, 'runbooks', 'loop'));
    const corpus = loadCorpus(['runbooks'], root);
    expect(corpus.runbooks).toHaveLength(1);
    expect(corpus.loadReports).toMatchObject([
      { ruleId: 'parse', message: expect.stringContaining('symbolic link to a folder') },
    ]);
  });

  it('says so when a tree has no owners.yaml', () => {
    const root = tree({ 'runbooks/a.mdx': RUNBOOK });
    const { findings } = verify(loadCorpus(['runbooks'], root), { today: '2026-11-23' });
    expect(findings).toMatchObject([
      {
        ruleId: 'owner-unknown',
        message: "Owner 'ops' is not in an owners.yaml (none in runbooks or the folders above it)",
      },
    ]);
  });

  it('gives a file argument the owners.yaml of the nearest folder above it', () => {
    const root = tree({ 'runbooks/owners.yaml': OWNERS, 'runbooks/team/a.mdx': RUNBOOK });
    const corpus = loadCorpus(['runbooks/team/a.mdx'], root);
    expect(corpus.runbooks[0]!.registry.file).toBe('runbooks/owners.yaml');
    expect(corpus.registries[0]!.owners.ops).toBeDefined();
  });

  it('refuses a path that does not exist, as a tool error rather than a finding', () => {
    expect(() => loadCorpus(['nowhere'], tree({}))).toThrow(LoadError);
  });
});
