import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/cli.ts';
import { fsWatcher, type Watcher } from '../src/cli/watch.ts';
import { authorTree, PAYROLL } from './author-tree.ts';
import { project } from './project.ts';

/** A watcher the test drives: it records what is watched and fires changes when told. */
function fakeWatcher() {
  const state = { folders: [] as readonly string[], onChange: (_file: string) => {}, stopped: 0 };
  const watcher: Watcher = (folders, onChange) => {
    state.folders = folders;
    state.onChange = onChange;
    return () => state.stopped++;
  };
  return { state, watcher };
}

/** Resolves once `text` has been printed `times` times. */
function printed(out: { text: string }, text: string, times = 1): Promise<void> {
  return new Promise((resolve) => {
    const poll = () => (out.text.split(text).length - 1 >= times ? resolve() : setTimeout(poll, 5));
    poll();
  });
}

describe('almanac verify --watch', () => {
  it('verifies again when the author’s runbook changes, and stops cleanly with the last exit code', async () => {
    const root = project(authorTree(PAYROLL.replace('owners: [payroll-dba]', 'owners: [payrol-dba]')));
    const { state, watcher } = fakeWatcher();
    const stop = new AbortController();
    const out = { text: '' };
    const done = run(['verify', 'runbooks/payroll', '--watch', '--quiet', '--now', '2026-12-07'], {
      stdout: (t) => (out.text += t),
      stderr: (t) => (out.text += t),
      cwd: root,
      color: false,
      watch: { watcher, signal: stop.signal, debounceMs: 0 },
    });
    await printed(out, 'Watching for changes');
    expect(out.text).toContain("did you mean 'payroll-dba'?");
    // The tree around the runbook is read, so its folders are watched, and cwd for the config.
    expect(state.folders).toEqual(
      expect.arrayContaining([root, join(root, 'runbooks'), join(root, 'runbooks/payroll')]),
    );

    const file = join(root, 'runbooks/payroll/maintenance.mdx');
    writeFileSync(file, PAYROLL.replace('rpo: P1D', 'rpo: P2D'));
    state.onChange(file);
    state.onChange(file);
    state.onChange(join(root, 'runbooks/payroll/notes.txt'));
    await printed(out, 'Watching for changes', 2);
    const second = out.text.slice(out.text.indexOf('maintenance.mdx changed; verifying again'));
    expect(second).toContain('✔ 1 runbook files checked, no problems');
    // Two events of one save, and a file verify does not read, are one run.
    expect(out.text.split('verifying again')).toHaveLength(2);

    stop.abort();
    expect(await done).toBe(0);
    expect(state.stopped).toBeGreaterThan(0);
  });

  it('refuses --fix and --output, which would write on every change', async () => {
    let stderr = '';
    const code = await run(['verify', '--watch', '--fix'], {
      stdout: () => {},
      stderr: (t) => (stderr += t),
      cwd: project({}),
      color: false,
    });
    expect(code).toBe(2);
    expect(stderr).toContain('--watch reports in the terminal');
  });

  it('watches real folders with Node’s watcher', async () => {
    const root = project({ 'runbooks/a.mdx': '' });
    const changed = new Promise<string>((resolve) => {
      const stop = fsWatcher([join(root, 'runbooks')], (file) => {
        stop();
        resolve(file);
      });
      setTimeout(() => writeFileSync(join(root, 'runbooks/a.mdx'), 'x'), 50);
    });
    expect(await changed).toBe(join(root, 'runbooks/a.mdx'));
  });
});
