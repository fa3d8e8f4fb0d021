import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { authorTree, PAYROLL } from './author-tree.ts';
import { cli, project } from './project.ts';

const [hook] = parse(readFileSync(new URL('../../../.pre-commit-hooks.yaml', import.meta.url), 'utf8')) as Array<{
  id: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames: boolean;
}>;
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.email=a@example.org', '-c', 'user.name=A', ...args], { cwd, encoding: 'utf8' });

describe('the pre-commit hook', () => {
  it('runs the project’s almanac verify on the staged files', () => {
    expect(hook).toMatchObject({
      id: 'almanac-verify',
      entry: 'npx --no-install almanac verify',
      language: 'system',
      pass_filenames: true,
    });
  });

  it('selects runbooks and owners registries, not drafts or other Markdown', () => {
    // pre-commit matches `files` with Python's re.search, which reads this pattern as JavaScript does.
    const files = new RegExp(hook!.files);
    for (const path of [
      'runbooks/a.mdx',
      'runbooks/payroll/maintenance.md',
      'runbooks/owners.yaml',
      'runbooks/team/owners.yaml',
    ])
      expect(files.test(path), path).toBe(true);
    for (const path of [
      'README.md',
      'runbooks/_draft.mdx',
      'runbooks/payroll/_notes.md',
      'src/pages/index.mdx',
      'runbooks/notes.txt',
    ])
      expect(files.test(path), path).toBe(false);
  });

  it('fails a commit that stages a runbook with an error, reporting that runbook, not the other teams’', async () => {
    const root = project(authorTree());
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'tree');
    writeFileSync(
      join(root, 'runbooks/payroll/maintenance.mdx'),
      PAYROLL.replace('owners: [payroll-dba]', 'owners: [payrol-dba]'),
    );
    writeFileSync(join(root, 'README.md'), '# not a runbook\n');
    git(root, 'add', '-A');
    const staged = git(root, 'diff', '--cached', '--name-only')
      .split('\n')
      .filter((path) => new RegExp(hook!.files).test(path));
    expect(staged).toEqual(['runbooks/payroll/maintenance.mdx']);
    const { code, stdout } = await cli([...hook!.entry.split(' ').slice(3), ...staged, '--now', '2026-12-07'], root);
    expect(code).toBe(1);
    expect(stdout).toContain("did you mean 'payroll-dba'?");
    expect(stdout).not.toMatch(/mvono|platform/);
  });
});

describe('almanac diff on a folder below its registry', () => {
  it('reads the base with the same registry as the working tree: an unchanged runbook has no new finding', async () => {
    const root = project(authorTree());
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'tree');
    const { code, stdout } = await cli(
      ['diff', 'runbooks/payroll', '--base', 'HEAD', '--format', 'json', '--now', '2026-12-07'],
      root,
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).findings.new).toEqual([]);
  });
});
