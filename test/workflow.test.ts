import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  if?: string;
  permissions?: Record<string, string>;
  steps: Step[];
}

const workflow = parse(readFileSync(new URL('../.github/workflows/almanac.yml', import.meta.url), 'utf8')) as { permissions: unknown; jobs: Record<string, Job> };

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
});
