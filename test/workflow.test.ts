import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  id?: string;
  if?: string;
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

describe('the example workflow, as it runs on untrusted pull requests', () => {
  it('grants nothing by default, and each job only what it uses', () => {
    expect(workflow.permissions).toEqual({});
    expect(workflow.jobs.verify!.permissions).toEqual({ contents: 'read', 'security-events': 'write' });
    expect(workflow.jobs.build!.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });

  it('keeps no credentials on disk after checkout', () => {
    const checkouts = Object.values(workflow.jobs).flatMap((job) => job.steps.filter((step) => step.uses?.startsWith('actions/checkout')));
    expect(checkouts.length).toBeGreaterThan(0);
    for (const step of checkouts) expect(step.with?.['persist-credentials']).toBe(false);
  });

  it('verifies pull requests and builds the site, whose MDX runs as code, only from main and the schedule', () => {
    expect(workflow.jobs.verify!.if).toBe("github.event_name == 'pull_request'");
    expect(workflow.jobs.build!.if).toBe("github.event_name != 'pull_request'");
    expect(workflow.jobs.deploy).toMatchObject({ needs: 'build' });
  });

  it('pins every action to a full commit, with the release it is in a comment', () => {
    const uses = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((step) => (step.uses ? [step.uses] : [])));
    expect(uses.length).toBe(7);
    for (const action of uses) expect(action).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
    // The comment is not in the parsed YAML: each `uses:` line of the text carries one.
    const lines = text.split('\n').filter((line) => /^\s*(- )?uses:/.test(line));
    expect(lines).toHaveLength(uses.length);
    for (const line of lines) expect(line).toMatch(/@[0-9a-f]{40} # v\d+(\.\d+)*$/);
  });

  it('writes the SARIF report under $RUNNER_TEMP and uploads only that one, never a file from the checkout', () => {
    const steps = workflow.jobs.verify!.steps;
    const sarif = steps.find((step) => step.run?.includes('--format sarif'))!;
    expect(sarif.run).toMatch(/--output "\$RUNNER_TEMP\/almanac\.sarif"/);
    // A run with findings exits 1 and has written the report; exit 2 (could not run) fails the step.
    expect(sarif.run).toMatch(/\|\| \[ \$\? -eq 1 \]$/);
    const upload = steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif'))!;
    expect(upload.with?.sarif_file).toBe('${{ runner.temp }}/almanac.sarif');
    expect(upload.if).toBe(`always() && steps.${sarif.id}.outcome == 'success'`);
    expect(text).not.toMatch(/hashFiles\('almanac\.sarif'\)/);
  });
});
