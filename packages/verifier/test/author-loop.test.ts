import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authorTree, PAYROLL } from './author-tree.ts';
import { cli, project } from './project.ts';

const NOW = ['--now', '2026-12-07'];
const json = async (args: string[], root: string) => {
  const run = await cli([...args, '--format', 'json', ...NOW], root);
  return { code: run.code, ...JSON.parse(run.stdout) };
};

describe('verify reports what it is asked about', () => {
  it('gives a file its own findings and its owners’, counting the other teams’ in one line', async () => {
    const root = project(authorTree());
    const { stdout } = await cli(['verify', 'runbooks/payroll/maintenance.mdx', ...NOW], root);
    expect(stdout).toContain('runbooks/payroll/maintenance.mdx\n');
    expect(stdout).not.toMatch(/mvono|platform/);
    expect(stdout).toContain('5 warnings in other files of the tree not shown (--all shows them)');
    const report = await json(['verify', 'runbooks/payroll/maintenance.mdx'], root);
    expect(new Set(report.findings.map((f: { file: string }) => f.file))).toEqual(
      new Set(['runbooks/payroll/maintenance.mdx']),
    );
    expect(report.summary).toEqual({ files: 1, errors: 1, warnings: 1 });
    expect(report.leftOut).toEqual({ errors: 0, warnings: 5 });
  });

  it('reports the registry entry of an owner the runbook names', async () => {
    const tree = authorTree();
    tree['runbooks/owners.yaml'] = tree['runbooks/owners.yaml']!.replace('payroll-dba@example.org', '"[Email]"');
    const report = await json(['verify', 'runbooks/payroll'], project(tree));
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        file: 'runbooks/owners.yaml',
        ruleId: 'owner-placeholder',
        message: expect.stringContaining("'payroll-dba'"),
      }),
    );
    expect(report.findings.filter((f: { file: string }) => f.file === 'runbooks/owners.yaml')).toHaveLength(1);
  });

  it('still compares the file with the rest of the tree, and --all shows everything', async () => {
    const root = project(authorTree(PAYROLL.replace('id: payroll', 'id: mvono')));
    const report = await json(['verify', 'runbooks/payroll/maintenance.mdx'], root);
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'duplicate-id',
        file: 'runbooks/payroll/maintenance.mdx',
        message: "Runbook id 'mvono' is already used by runbooks/mvono/plan.mdx",
      }),
    );
    const all = await json(['verify', 'runbooks/payroll/maintenance.mdx', '--all'], root);
    expect(all.leftOut).toBeUndefined();
    expect(all.findings.length).toBe(report.findings.length + report.leftOut.warnings);
  });

  it('exits by the errors asked about only', async () => {
    const tree = authorTree();
    tree['runbooks/mvono/plan.mdx'] = tree['runbooks/mvono/plan.mdx']!.replace('[mvono-admin]', '[nobody]');
    const root = project(tree);
    expect((await json(['verify', 'runbooks/mvono'], root)).code).toBe(1);
    const platform = await json(['verify', 'runbooks/platform'], root);
    expect(platform.code).toBe(0);
    expect(platform.leftOut.errors).toBe(2);
  });
});

describe('the owners registry of a path', () => {
  it('is the nearest owners.yaml above a folder given', async () => {
    const report = await json(['verify', 'runbooks/payroll'], project(authorTree()));
    expect(report.findings.filter((f: { ruleId: string }) => f.ruleId === 'owner-unknown')).toEqual([]);
  });

  it('stops at the repository root, and says where it looked', async () => {
    const root = project({
      'owners.yaml': 'payroll-dba: { name: Outside }\n',
      'repo/.git/HEAD': 'ref: refs/heads/main\n',
      'repo/runbooks/payroll/maintenance.mdx': PAYROLL,
    });
    const report = await json(['verify', 'runbooks/payroll'], `${root}/repo`);
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'owner-unknown',
        message: "Owner 'payroll-dba' is not in an owners.yaml (none in runbooks/payroll or the folders above it)",
      }),
    );
  });

  it('is the config’s owners file when it names one', async () => {
    const tree = authorTree();
    const root = project({
      ...tree,
      'runbooks/owners.yaml': 'ops: { name: Ops }\n',
      'teams.yaml': tree['runbooks/owners.yaml']!,
      'almanac.config.json': '{"owners": "teams.yaml"}',
    });
    const report = await json(['verify', 'runbooks/payroll'], root);
    expect(report.findings.filter((f: { ruleId: string }) => f.ruleId === 'owner-unknown')).toEqual([]);
  });

  it('checks an owners.yaml given as a path as a registry', async () => {
    const report = await json(['verify', 'runbooks/owners.yaml'], project(authorTree()));
    expect(report.findings.map((f: { ruleId: string; file: string }) => `${f.ruleId} ${f.file}`)).toEqual(
      Array(3).fill('owner-placeholder runbooks/owners.yaml'),
    );
    expect(report.leftOut).toEqual({ errors: 1, warnings: 3 });
  });
});

describe('messages that say what to fix', () => {
  const findings = async (payroll: string, owners?: string) => {
    const tree = authorTree(payroll);
    if (owners) tree['runbooks/owners.yaml'] += owners;
    return (await json(['verify', 'runbooks/payroll'], project(tree))).findings as Array<{
      ruleId: string;
      message: string;
      line: number;
    }>;
  };

  it('suggests the owner one letter away from a typo', async () => {
    const found = await findings(PAYROLL.replace('owners: [payroll-dba]', 'owners: [payrol-dba]'));
    expect(found).toContainEqual(
      expect.objectContaining({
        ruleId: 'owner-unknown',
        message: "Owner 'payrol-dba' is not in runbooks/owners.yaml; did you mean 'payroll-dba'?",
      }),
    );
  });

  it('reports a window with a bad field once, at the field, not at each task that names it', async () => {
    const window =
      'windows:\n  - { id: weekly, title: Weekly, rrule: FREQ=WEEKLY;BYDAY=SU, start: "01:00", duration: PT3H, impact: minor }\ntasks:';
    const found = await findings(
      PAYROLL.replace('tasks:', window).replace('owner: payroll-dba,', 'owner: payroll-dba, window: weekly,'),
    );
    expect(found.filter((f) => f.ruleId === 'window-unknown')).toEqual([]);
    expect(found).toContainEqual(
      expect.objectContaining({
        ruleId: 'schema',
        message: expect.stringContaining('windows[0].impact must be one of'),
      }),
    );
  });

  it('reports an owner with a bad entry in the registry there, not at each runbook that names it', async () => {
    const found = await findings(
      PAYROLL.replace('owners: [payroll-dba]', 'owners: [payroll-dba, payroll-oncall]'),
      'payroll-oncall: { name: On call, kind: squad }\n',
    );
    expect(found.filter((f) => f.ruleId === 'owner-unknown')).toEqual([]);
  });
});

describe('--quiet and --fix', () => {
  const TYPOS = PAYROLL.replace('owners: [payroll-dba]', 'owners: [payrol-dba]  # the team')
    .replace('timezone: America/Chicago', 'timezone: "EAT"')
    .replace('start: "02:30"', 'start: 2:30');

  it('--quiet reports errors only, and counts only errors left out', async () => {
    const root = project(authorTree());
    const report = await json(['verify', 'runbooks/payroll', '--quiet'], root);
    expect(report.findings.map((f: { severity: string }) => f.severity)).toEqual(['error']);
    expect(report.summary.warnings).toBe(0);
    expect(report.leftOut).toBeUndefined();
    expect((await cli(['verify', '--quiet', ...NOW], root)).stdout).not.toMatch(/^\s+\d+:\d+\s+warning/m);
  });

  it('--fix-dry-run prints the certain fixes as a diff git applies, and changes nothing', async () => {
    const root = project(authorTree(TYPOS));
    const { stdout, code } = await cli(['verify', 'runbooks/payroll/maintenance.mdx', '--fix-dry-run', ...NOW], root);
    expect(readFileSync(join(root, 'runbooks/payroll/maintenance.mdx'), 'utf8')).toBe(TYPOS);
    const diff = stdout.slice(0, stdout.indexOf('\n\n'));
    expect(diff).toContain('-owners: [payrol-dba]  # the team\n+owners: [payroll-dba]  # the team\n');
    expect(diff).toContain('-timezone: "EAT"\n+timezone: "Africa/Nairobi"\n');
    expect(diff).toContain(
      '+  - { id: backup, title: Nightly backup, kind: backup, rrule: FREQ=DAILY, start: "02:30", owner: payroll-dba',
    );
    execFileSync('git', ['init', '-q'], { cwd: root });
    execFileSync('git', ['apply', '--check', '-'], { cwd: root, input: `${diff}\n` });
    // The fixed findings are not reported; what is left decides the exit code.
    expect(stdout).not.toMatch(/owner-unknown|timezone-unknown|schema/);
    expect(code).toBe(0);
  });

  it('--fix edits only the fixed tokens and reports what is left', async () => {
    const root = project(authorTree(TYPOS));
    const { stdout, stderr } = await cli(['verify', 'runbooks/payroll/maintenance.mdx', '--fix', ...NOW], root);
    const fixed = readFileSync(join(root, 'runbooks/payroll/maintenance.mdx'), 'utf8');
    expect(fixed).toBe(
      TYPOS.replace('[payrol-dba]', '[payroll-dba]')
        .replace('"EAT"', '"Africa/Nairobi"')
        .replace('start: 2:30', 'start: "02:30"'),
    );
    expect(stderr).toBe('almanac: fixed 3 problem(s) in runbooks/payroll/maintenance.mdx\n');
    expect(stdout).not.toMatch(/owner-unknown|timezone-unknown/);
  });

  it('leaves a fix that is not certain to the author', async () => {
    const tree = authorTree(
      PAYROLL.replace('owners: [payroll-dba]', 'owners: [payroll-db]').replace(
        'timezone: America/Chicago',
        'timezone: IST',
      ),
    );
    tree['runbooks/owners.yaml'] += 'payroll-dbb: { name: Other }\n';
    const root = project(tree);
    const { stdout } = await cli(['verify', 'runbooks/payroll', '--fix-dry-run', ...NOW], root);
    expect(stdout).not.toContain('--- a/');
    expect(stdout).toContain("did you mean 'payroll-dba' or 'payroll-dbb'?");
  });
});

describe('--fix keeps the file as it was written around the fix', () => {
  it('keeps a byte order mark and CRLF line ends', async () => {
    const text = `\uFEFF${PAYROLL.replace('timezone: America/Chicago', 'timezone: EAT').replaceAll('\n', '\r\n')}`;
    const root = project(authorTree(text));
    await cli(['verify', 'runbooks/payroll/maintenance.mdx', '--fix', ...NOW], root);
    expect(readFileSync(join(root, 'runbooks/payroll/maintenance.mdx'), 'utf8')).toBe(
      text.replace('timezone: EAT', 'timezone: Africa/Nairobi'),
    );
  });
});

describe('one finding per mistake', () => {
  it('does not judge the RPO against a schedule that lost a backup task to a schema error', async () => {
    const root = project(authorTree(PAYROLL.replace('start: "02:30"', 'start: 2:30')));
    const found = (await json(['verify', 'runbooks/payroll'], root)).findings as Array<{ ruleId: string }>;
    expect(found.map((f) => f.ruleId)).toEqual(['schema']);
  });

  it('does not call a restore test unbacked when the backup task failed the schema', async () => {
    const restore =
      '  - { id: restore, title: Restore test, kind: restore-test, rrule: FREQ=MONTHLY, start: "04:00", owner: payroll-dba }\nobjectives:';
    const root = project(authorTree(PAYROLL.replace('start: "02:30"', 'start: 2:30').replace('objectives:', restore)));
    const found = (await json(['verify', 'runbooks/payroll'], root)).findings as Array<{ ruleId: string }>;
    expect(found.map((f) => f.ruleId)).toEqual(['schema']);
  });
});
