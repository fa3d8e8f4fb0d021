import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { project } from '../packages/verifier/test/project.ts';

interface Step {
  id?: string;
  if?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  if?: string;
  permissions?: Record<string, string>;
  steps: Step[];
}

const text = readFileSync(new URL('../.github/workflows/almanac.yml', import.meta.url), 'utf8');
const workflow = parse(text) as { permissions: unknown; jobs: Record<string, Job> };
const actionText = readFileSync(new URL('../action.yml', import.meta.url), 'utf8');
const action = parse(actionText) as {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
};

describe('the example workflow, as it runs on untrusted pull requests', () => {
  it('grants nothing by default, and each job only what it uses', () => {
    expect(workflow.permissions).toEqual({});
    expect(workflow.jobs.verify!.permissions).toEqual({ contents: 'read', 'security-events': 'write' });
    expect(workflow.jobs.build!.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });

  it('keeps no credentials on disk after checkout', () => {
    const checkouts = Object.values(workflow.jobs).flatMap((job) =>
      job.steps.filter((step) => step.uses?.startsWith('actions/checkout')),
    );
    expect(checkouts.length).toBeGreaterThan(0);
    for (const step of checkouts) expect(step.with?.['persist-credentials']).toBe(false);
  });

  it('verifies pull requests and builds the site, whose MDX runs as code, only from main and the schedule', () => {
    expect(workflow.jobs.verify!.if).toBe("github.event_name == 'pull_request'");
    expect(workflow.jobs.build!.if).toBe("github.event_name != 'pull_request'");
    expect(workflow.jobs.deploy).toMatchObject({ needs: 'build' });
  });

  it('pins every action, here and in action.yml, to a full commit, with the release it is in a comment', () => {
    const steps = [...Object.values(workflow.jobs).flatMap((job) => job.steps), ...action.runs.steps];
    // `./` is this repository's own action (action.yml), checked out with the code it checks.
    const uses = steps.flatMap((step) => (step.uses && step.uses !== './' ? [step.uses] : []));
    expect(uses.length).toBe(8);
    for (const name of uses) expect(name).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
    // The comment is not in the parsed YAML: each `uses:` line of the text carries one.
    const lines = [text, actionText]
      .flatMap((file) => file.split('\n'))
      .filter((line) => /^\s*(- )?uses:/.test(line) && !/uses: \.\/$/.test(line));
    expect(lines).toHaveLength(uses.length);
    for (const line of lines) expect(line).toMatch(/@[0-9a-f]{40} # v\d+(\.\d+)*$/);
  });

  it('writes the SARIF report under $RUNNER_TEMP and uploads only that one, never a file from the checkout', () => {
    const verify = action.runs.steps.find((step) => step.id === 'verify')!;
    expect(verify.run).toContain('sarif="$RUNNER_TEMP/almanac.sarif"');
    expect(verify.run).toContain('--output "$sarif"');
    const upload = action.runs.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif'))!;
    expect(upload.with?.sarif_file).toBe('${{ steps.verify.outputs.sarif-file }}');
    expect(upload.if).toContain("steps.verify.outputs.sarif-file != ''");
    expect(text + actionText).not.toMatch(/hashFiles\('almanac\.sarif'\)/);
  });
});

describe('the GitHub Action (action.yml)', () => {
  it('is what the example workflow verifies pull requests with', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['paths', 'format', 'fail-on']));
    expect(workflow.jobs.verify!.steps.map((step) => step.uses)).toContain('./');
    // The action installs only the verifier (what `package` names), never the repository under test;
    // this repository passes the verifier it holds, packed.
    expect(action.runs.steps.some((step) => step.run?.includes('npm ci'))).toBe(false);
    const own = workflow.jobs.verify!.steps.find((step) => step.uses === './')!;
    expect(own.with?.package).toBe('${{ runner.temp }}/almanac-verifier.tgz');
    expect(workflow.jobs.verify!.steps.find((step) => step.run?.includes('npm pack'))!.run).toContain(
      '-w @almanac/verifier',
    );
  });

  /*
   * The shell of its Verify and Result steps, run with bash as the runner would (-e, pipefail),
   * with `almanac` on PATH the workspace's bin, on a project of one runbook.
   */
  const OWNERS = 'ops:\n  name: Operations\n  email: ops@example.com\n';
  const runbook = (fields: string) => `---\nid: a\ntitle: A\nsystem: s\nowners: [ops]\ntimezone: UTC\n${fields}---\n`;
  const WARNING = runbook('review:\n  cycle: P3M\n  last_reviewed: 2026-01-01\n');
  const ERROR = runbook('review:\n  cycle: P3M\n  last_reviewed: 2026-13-01\n');
  const script = (id: string) => action.runs.steps.find((step) => step.id === id || step.name === id)!.run!;
  const ROOT = new URL('..', import.meta.url).pathname;
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  function runStep(step: string, cwd: string, env: Record<string, string>) {
    const temp = join(cwd, '.runner');
    mkdirSync(join(temp, 'bin'), { recursive: true });
    const shim = join(temp, 'bin/almanac');
    writeFileSync(
      shim,
      `#!/bin/sh\nexec '${join(ROOT, 'node_modules/.bin/node')}' '${join(ROOT, 'packages/verifier/bin/almanac.js')}' "$@"\n`,
    );
    chmodSync(shim, 0o755);
    const output = join(temp, 'output');
    writeFileSync(output, '', { flag: 'a' });
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script(step)], {
      cwd,
      encoding: 'utf8',
      env: {
        PATH: `${join(temp, 'bin')}:${process.env.PATH}`,
        RUNNER_TEMP: temp,
        GITHUB_OUTPUT: output,
        ALMANAC_NOW: '2026-11-23',
        ...env,
      },
    });
    const outputs = Object.fromEntries(
      readFileSync(output, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split(/=(.*)/s).slice(0, 2)),
    );
    return { code: result.status, stdout: result.stdout, outputs };
  }

  function verifyThenResult(files: Record<string, string>, inputs: { format: string; 'fail-on': string }) {
    const dir = project(files);
    dirs.push(dir);
    const verify = runStep('verify', dir, { PATHS: 'runbooks', FORMAT: inputs.format, FAIL_ON: inputs['fail-on'] });
    const result = runStep('Result', dir, { CODE: verify.outputs['exit-code'] ?? '', FAIL_ON: inputs['fail-on'] });
    return { verify, result };
  }

  it('annotates findings and fails on an error, after recording the exit code for the steps that follow', () => {
    const { verify, result } = verifyThenResult(
      { 'runbooks/owners.yaml': OWNERS, 'runbooks/a.mdx': ERROR },
      { format: 'annotations', 'fail-on': 'error' },
    );
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/^::error file=runbooks\/a\.mdx,line=\d+/m);
    expect(verify.outputs['exit-code']).toBe('1');
    expect(result.code).toBe(1);
  });

  it('passes warnings unless fail-on is warning, and reports without failing when it is never', () => {
    const files = { 'runbooks/owners.yaml': OWNERS, 'runbooks/a.mdx': WARNING };
    expect(verifyThenResult(files, { format: 'annotations', 'fail-on': 'error' }).result.code).toBe(0);
    expect(verifyThenResult(files, { format: 'annotations', 'fail-on': 'warning' }).result.code).toBe(1);
    expect(
      verifyThenResult(
        { 'runbooks/owners.yaml': OWNERS, 'runbooks/a.mdx': ERROR },
        { format: 'annotations', 'fail-on': 'never' },
      ).result.code,
    ).toBe(0);
  });

  it('writes SARIF under the runner’s temporary directory for the upload step', () => {
    const { verify } = verifyThenResult(
      { 'runbooks/owners.yaml': OWNERS, 'runbooks/a.mdx': ERROR },
      { format: 'both', 'fail-on': 'error' },
    );
    const sarif = verify.outputs['sarif-file']!;
    expect(sarif).toMatch(/\.runner\/almanac\.sarif$/);
    expect(existsSync(sarif)).toBe(true);
    expect(
      (JSON.parse(readFileSync(sarif, 'utf8')) as { runs: Array<{ results: unknown[] }> }).runs[0]!.results.length,
    ).toBeGreaterThan(0);
    expect(verify.outputs['exit-code']).toBe('1');
  });

  it('refuses an input it does not know, as a run that could not check', () => {
    const { verify } = verifyThenResult(
      { 'runbooks/owners.yaml': OWNERS, 'runbooks/a.mdx': WARNING },
      { format: 'pdf', 'fail-on': 'error' },
    );
    expect(verify.code).toBe(2);
    expect(verify.stdout).toContain("format must be annotations, sarif or both, not 'pdf'");
  });
});
