import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli as runCli, project } from './project.ts';

/* `almanac verify --prometheus-rules FILE` and the config's `prometheusRules`, through the CLI. */

const cli = (args: string[], cwd: string) => runCli(['verify', '--now', '2026-11-23', ...args], cwd);

const RUNBOOK = `---
id: web
title: Web
system: web
owners: [ops]
timezone: UTC
review: { cycle: P1Y, last_reviewed: 2026-11-01 }
thresholds:
  - { metric: latency, unit: seconds, comparator: ">", warning: { value: 2, for: PT5M }, response: Look }
---
`;
const alert = (value: number, comment = '') => `groups:
  - name: web
    rules:
      - alert: WebLatency
        expr: (latency_seconds) > ${value}${comment}
        for: 5m
        labels: { severity: warning }
        annotations: { runbook_url: "https://runbooks.example.com/web/#threshold-latency" }
`;
const files = (rules: string, extra: Record<string, string> = {}) => ({
  'runbooks/owners.yaml': 'ops: { name: Ops, email: ops@example.com }\n',
  'runbooks/web.mdx': RUNBOOK,
  'monitoring/rules.yml': rules,
  ...extra,
});

describe('almanac verify --prometheus-rules', () => {
  it('reports drift at its line and column in the rules file, with a code frame, and exits 1', async () => {
    const root = project(files(alert(3)));
    const { code, stdout } = await cli(['--prometheus-rules', 'monitoring/rules.yml'], root);
    expect(code).toBe(1);
    expect(stdout).toContain('monitoring/rules.yml');
    expect(stdout).toMatch(
      /5:15\s+error\s+Alert 'WebLatency' fires at > 3, but the runbook's warning level of 'latency' is > 2 for 5m \(runbooks\/web\.mdx:9\)\s+alert-threshold-drift/,
    );
    expect(stdout).toContain('> 5 |         expr: (latency_seconds) > 3');
  });

  it('passes an alert that agrees, and reads the file from the config too', async () => {
    expect((await cli(['--prometheus-rules', 'monitoring/rules.yml'], project(files(alert(2))))).code).toBe(0);
    const root = project(files(alert(3), { 'almanac.config.json': '{ "prometheusRules": ["monitoring/rules.yml"] }' }));
    const { code, stdout } = await cli(['--format', 'json'], root);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).findings).toMatchObject([
      {
        ruleId: 'alert-threshold-drift',
        file: 'monitoring/rules.yml',
        line: 5,
        column: 15,
        path: 'groups[0].rules[0].expr',
      },
    ]);
  });

  it('honours an almanac-ignore comment in the rules file', async () => {
    const root = project(files(alert(3, ' # almanac-ignore alert-threshold-drift -- paged later on purpose (OPS-7)')));
    expect(await cli(['--prometheus-rules', 'monitoring/rules.yml'], root)).toMatchObject({ code: 0 });
  });

  it('exits 2 with where and why for a missing file, broken YAML or a file that is not a rules file, touching nothing', async () => {
    for (const [text, message] of [
      [undefined, /^almanac: Cannot read Prometheus rules file 'monitoring\/rules\.yml' \(ENOENT\)\n$/],
      ['groups:\n  - name: [x\n', /^almanac: monitoring\/rules\.yml:\d+:\d+: not YAML: /],
      ['alerts: []\n', /^almanac: monitoring\/rules\.yml:1:1: not a Prometheus rules file: it has no 'groups' list\n$/],
      [
        'groups:\n  - name: x\n    rules: 3\n',
        /^almanac: monitoring\/rules\.yml:2:5: a rule group needs a 'rules' list\n$/,
      ],
    ] as const) {
      const root = project(
        text === undefined
          ? { 'runbooks/owners.yaml': 'ops: { name: Ops }\n', 'runbooks/web.mdx': RUNBOOK }
          : files(text),
      );
      const before = readdirSync(root, { recursive: true }).sort();
      const { code, stderr } = await cli(['--prometheus-rules', 'monitoring/rules.yml'], root);
      expect(code, String(text)).toBe(2);
      expect(stderr).toMatch(message);
      expect(readdirSync(root, { recursive: true }).sort()).toEqual(before);
    }
  });

  it('refuses a config whose prometheusRules or metrics is the wrong type', async () => {
    for (const config of ['{ "prometheusRules": 3 }', '{ "metrics": { "cpu": 3 } }', '{ "metrics": { "cpu": " " } }']) {
      const { code, stderr } = await cli([], project(files(alert(2), { 'almanac.config.json': config })));
      expect(code, config).toBe(2);
      expect(stderr).toMatch(/almanac\.config\.json is not valid:\n {2}(prometheusRules|metrics\.cpu): /);
    }
  });
});
