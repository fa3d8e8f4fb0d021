import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { prometheusRuleGroups, prometheusRulesYaml, thresholdQueries } from '@almanac/verifier';
import { corpusOf } from '../../packages/verifier/test/rule-tester.ts';
import { project } from '../../packages/verifier/test/project.ts';
import { promtoolTests, tool } from './consumers.ts';
import { alertingOf, ROOT, SITE } from './generate.ts';

/*
 * The generated files read by the real tools: promtool (Debian's `prometheus`) and amtool
 * (`prometheus-alertmanager`), as .ci/run installs them.
 */

const TODAY = '2026-11-23';
const shipped = alertingOf(ROOT, TODAY);

const memory = `${SITE}/mvono/maintenance-plan/#threshold-memory-usage`;
const labels = (severity: string) => ({
  severity,
  system: 'mvono',
  runbook: 'mvono-maintenance-plan',
  instance: 'db1',
});
const annotations = (summary: string) => ({
  summary,
  description: 'Restart services or investigate',
  runbook_url: memory,
});
const warning = {
  exp_labels: labels('warning'),
  exp_annotations: annotations('memory-usage of mvono above 75 percent for 15 minutes (now 80)'),
};
const warningLater = {
  exp_labels: labels('warning'),
  exp_annotations: annotations('memory-usage of mvono above 75 percent for 15 minutes (now 95)'),
};
const critical = {
  exp_labels: labels('critical'),
  exp_annotations: annotations('memory-usage of mvono above 90 percent for 5 minutes (now 95)'),
};

/**
 * mvono's memory-usage (warning above 75 % for 15 minutes, critical above 90 % for 5): 50 % used
 * for ten minutes, 80 % from minute 10, 95 % from minute 40.
 */
function unitTests(cases: Array<{ at: string; alerts: object[] }>): string {
  return stringify(
    promtoolTests(
      [
        { series: 'node_memory_MemTotal_bytes{system="mvono", instance="db1"}', values: '100x60' },
        { series: 'node_memory_MemAvailable_bytes{system="mvono", instance="db1"}', values: '50x9 20x29 5x20' },
      ],
      cases.map(({ at, alerts }) => ({ eval_time: at, alertname: 'MvonoMemoryUsage', exp_alerts: alerts })),
    ),
  );
}

describe('the generated Prometheus rules, read by promtool', () => {
  it('pass promtool check rules', () => {
    const dir = project({ 'rules.yml': shipped.rulesYaml });
    const { code, output } = tool('promtool', ['check', 'rules', 'rules.yml'], dir);
    expect(output).toMatch(/SUCCESS: \d+ rules found/);
    expect(code, output).toBe(0);
  });

  it('fire the warning and the critical only once the level has been passed for its for duration, with runbook_url', () => {
    const dir = project({
      'rules.yml': shipped.rulesYaml,
      'tests.yml': unitTests([
        { at: '10m', alerts: [] },
        { at: '24m', alerts: [] },
        { at: '25m', alerts: [warning] },
        { at: '44m', alerts: [warningLater] },
        { at: '45m', alerts: [warningLater, critical] },
      ]),
    });
    const { code, output } = tool('promtool', ['test', 'rules', 'tests.yml'], dir);
    expect(code, output).toBe(0);
  });

  it('would fail the unit test that expected the warning a minute early (so the test above can fail)', () => {
    const dir = project({ 'rules.yml': shipped.rulesYaml, 'tests.yml': unitTests([{ at: '24m', alerts: [warning] }]) });
    const { code, output } = tool('promtool', ['test', 'rules', 'tests.yml'], dir);
    expect(code, output).not.toBe(0);
    expect(output).toMatch(/FAILED/);
  });

  it('pass promtool check rules whatever text the runbook gives: template braces, quotes, backslashes, other scripts', () => {
    const response = 'Page {{ $labels.instance }} "now" \\ then; réponse 応答 }}{{{';
    const corpus = corpusOf({
      runbooks: [
        {
          system: '3d-print',
          thresholds: [
            {
              metric: 'queue',
              comparator: '<',
              warning: { value: -0.5, for: 'P1DT1H30M' },
              response,
              query: 'sum(queue_depth{system="$system", path=~"a\\\\b"})',
            },
          ],
        },
      ],
    });
    expect(corpus.loadReports).toEqual([]);
    const { exported, unexported } = thresholdQueries(corpus.runbooks);
    const groups = prometheusRuleGroups(exported, () => 'https://runbooks.example.com/r0/#threshold-queue');
    expect(groups[0]!.rules[0]).toMatchObject({
      alert: 'Almanac3dPrintQueue',
      expr: '(sum(queue_depth{system="3d-print", path=~"a\\\\b"})) < -0.5',
      for: '1d1h30m',
    });
    const dir = project({ 'rules.yml': prometheusRulesYaml(groups, unexported) });
    const { code, output } = tool('promtool', ['check', 'rules', 'rules.yml'], dir);
    expect(code, output).toBe(0);
  });
});

describe('the generated Alertmanager intervals and routes, read by amtool', () => {
  it('pass amtool check-config inside a complete alertmanager.yml', () => {
    expect(shipped.intervals.length).toBeGreaterThan(0);
    const config = {
      route: { receiver: 'ops', group_by: ['alertname', 'system'], routes: shipped.routes },
      receivers: [{ name: 'ops', webhook_configs: [{ url: 'http://127.0.0.1:9/' }] }],
      time_intervals: shipped.intervals.map(({ name, time_intervals }) => ({ name, time_intervals })),
    };
    const dir = project({ 'alertmanager.yml': stringify(config) });
    const { code, output } = tool('amtool', ['check-config', 'alertmanager.yml'], dir);
    expect(output).toContain('SUCCESS');
    expect(code, output).toBe(0);
  });

  it('pass amtool check-config as the files are written, pasted into a config', () => {
    const pasted = `${shipped.intervalsYaml}\n${shipped.routeYaml.replace('route:\n', 'route:\n  receiver: "ops"\n')}\nreceivers:\n  - name: "ops"\n`;
    const dir = project({ 'alertmanager.yml': pasted });
    const { code, output } = tool('amtool', ['check-config', 'alertmanager.yml'], dir);
    expect(code, output).toBe(0);
  });
});
