import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli as runCli, project } from './project.ts';
import { ConfigError, loadConfig } from '../src/rules/config.ts';

const OWNERS = 'ops:\n  name: Operations\n  phone: "[Phone]"\n';
const RUNBOOK =
  '---\nid: a\ntitle: A\nsystem: s\nowners: [ops]\ntimezone: UTC\nreview:\n  cycle: P3M\n  last_reviewed: 2026-01-01\nobjectives:\n  - scenario: db\n    rto: PT1H\n    rpo: PT4H # almanac-ignore rpo-exceeds-backups -- replicated to the DR site\n    procedure: Restore\n---\n';

async function cli(args: string[], cwd: string) {
  const ran = await runCli(args, cwd);
  return { ...ran, json: ran.stdout.startsWith('{') ? JSON.parse(ran.stdout) : undefined };
}

describe('config', () => {
  it('works with no config file', () => {
    expect(loadConfig(project({}))).toEqual({ config: {} });
  });

  it('sets rule severities from JSON, .mjs or .ts', async () => {
    for (const [name, text] of [
      ['almanac.config.json', '{ "rules": { "review-overdue": "error", "owner-placeholder": "off" } }'],
      ['almanac.config.mjs', "export default { rules: { 'review-overdue': 'error', 'owner-placeholder': 'off' } };"],
      [
        'almanac.config.ts',
        "const config: { rules: Record<string, string> } = { rules: { 'review-overdue': 'error', 'owner-placeholder': 'off' } };\nexport default config;",
      ],
    ] as const) {
      const root = project({ [name]: text, 'runbooks/owners.yaml': OWNERS, 'runbooks/a.mdx': RUNBOOK });
      const { code, json, stderr } = await cli(['verify', '--format', 'json', '--now', '2026-11-23'], root);
      expect(stderr, name).toBe('');
      expect(
        json.findings.map((f: { ruleId: string; severity: string }) => `${f.ruleId}:${f.severity}`),
        name,
      ).toEqual(['review-overdue:error']);
      expect(code).toBe(1);
    }
  });

  it('refuses an invalid config with a clear message and exit 2', async () => {
    const root = project({
      'almanac.config.json': '{ "rules": { "no-such-rule": "warn", "schema": "loud" }, "colour": true }',
    });
    const { code, stderr } = await cli(['verify'], root);
    expect(code).toBe(2);
    expect(stderr).toContain('almanac: almanac.config.json is not valid:');
    expect(stderr).toContain('rules.schema: must be "off", "warn" or "error"');
    expect(stderr).toContain("unknown key 'colour'");
    const unknownRule = project({ 'almanac.config.json': '{ "rules": { "no-such-rule": "warn" } }' });
    expect(() => loadConfig(unknownRule)).toThrow(ConfigError);
    expect(() => loadConfig(unknownRule)).toThrow(
      /^almanac\.config\.json names unknown rule 'no-such-rule'; rules are schema, duplicate-id, .*, suppression$/,
    );
  });

  it('takes the owners file and the horizon from config', async () => {
    const root = project({
      'almanac.config.json': '{ "owners": "people.yaml", "horizon": { "daysAhead": 30 } }',
      'people.yaml': 'ops: { name: Ops, email: ops@example.com }\n',
      'runbooks/a.mdx': RUNBOOK.replace(/review:\n.*\n.*\n/, ''),
    });
    const { json } = await cli(['verify', '--format', 'json', '--now', '2026-11-23'], root);
    expect(json.findings).toEqual([]);
  });
});

describe('the feed budget in config', () => {
  it('takes feeds.maxBytes and feeds.maxEvents, and refuses what is not a whole number of them', () => {
    expect(
      loadConfig(project({ 'almanac.config.json': '{ "feeds": { "maxBytes": 2000000, "maxEvents": 1500 } }' })).config
        .feeds,
    ).toEqual({ maxBytes: 2_000_000, maxEvents: 1500 });
    const bad = project({ 'almanac.config.json': '{ "feeds": { "maxBytes": 0, "maxEvents": 1.5 } }' });
    expect(() => loadConfig(bad)).toThrow(/feeds\.maxBytes: .*feeds\.maxEvents must be a whole number of events/s);
  });
});

describe('--max-warnings and --output', () => {
  it('fails on more warnings than allowed, and writes the report to a file', async () => {
    const root = project({ 'runbooks/owners.yaml': OWNERS, 'runbooks/a.mdx': RUNBOOK });
    expect((await cli(['verify', '--now', '2026-11-23', '--max-warnings', '2'], root)).code).toBe(0);
    const strict = await cli(
      [
        'verify',
        '--now',
        '2026-11-23',
        '--max-warnings',
        '1',
        '--format',
        'json',
        '--output',
        join(root, 'report.json'),
      ],
      root,
    );
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('2 warnings, more than --max-warnings 1');
    expect(strict.stdout).toContain('⚠ 2 problems (0 errors, 2 warnings)');
    expect((await import('node:fs')).readFileSync(join(root, 'report.json'), 'utf8')).toContain('"warnings": 2');
  });
});

describe('almanac-ignore', () => {
  it('suppresses the finding on its line, and reports missing reasons and unused comments', async () => {
    const root = project({
      'runbooks/owners.yaml':
        'ops:\n  name: Operations\n  # almanac-ignore owner-placeholder\n  phone: "[Phone]"\n  email: ops@example.com # almanac-ignore owner-placeholder -- not a placeholder\n',
      'runbooks/a.mdx': RUNBOOK,
    });
    const { json } = await cli(['verify', '--format', 'json', '--now', '2026-11-23'], root);
    expect(
      json.findings.map(
        (f: { ruleId: string; file: string; line: number; message: string }) =>
          `${f.ruleId} ${f.file}:${f.line} ${f.message}`,
      ),
    ).toEqual([
      'review-overdue runbooks/a.mdx:9 Review overdue: last reviewed 2026-01-01, every 3 months, so due 2026-04-01 (236 days ago)',
      'suppression runbooks/owners.yaml:3 almanac-ignore owner-placeholder needs a reason: "# almanac-ignore owner-placeholder -- <why this is accepted>"',
      "suppression runbooks/owners.yaml:5 Unused almanac-ignore: no 'owner-placeholder' finding on line 5; remove the comment",
    ]);
  });
});
