import { describe, expect, it } from 'vitest';
import { testRule } from '../../test/rule-tester.ts';
import { alertThresholdDrift, levelOf } from './alert-threshold-drift.ts';

const CPU = {
  metric: 'server-cpu',
  unit: 'percent',
  comparator: '>',
  warning: { value: 70, for: 'PT10M' },
  critical: { value: 85, for: 'PT5M' },
  response: 'Investigate',
};
const URL_CPU = 'https://runbooks.example.com/r0/#threshold-server-cpu';

/** A rules file with one alert, its fields overriding a correct warning alert for CPU. */
function rules(fields: Record<string, string | undefined> = {}): string {
  const f = { expr: '(cpu_busy_percent) > 70', for: '10m', severity: 'warning', url: URL_CPU, ...fields };
  return [
    'groups:',
    '  - name: demo',
    '    rules:',
    '      - record: cpu_busy_percent',
    '        expr: 100 - avg(rate(node_cpu_seconds_total{mode="idle"}[5m])) * 100',
    '      - alert: DemoServerCpu',
    `        expr: ${f.expr}`,
    ...(f.for === undefined ? [] : [`        for: ${f.for}`]),
    ...(f.severity === undefined ? [] : ['        labels:', `          severity: ${f.severity}`]),
    '        annotations:',
    `          runbook_url: ${f.url}`,
    '',
  ].join('\n');
}

testRule(alertThresholdDrift, {
  valid: [
    { name: 'no rules file given', runbooks: [{ thresholds: [CPU] }] },
    {
      name: 'an alert with the runbook’s level, comparator and for',
      runbooks: [{ thresholds: [CPU] }],
      prometheusRules: [rules()],
    },
    {
      name: 'the critical level, written the other way round',
      runbooks: [{ thresholds: [CPU] }],
      prometheusRules: [rules({ expr: '85 < cpu_busy_percent', for: '300s', severity: 'critical' })],
    },
    {
      name: 'an alert linking a page of no runbook given',
      runbooks: [{ thresholds: [CPU] }],
      prometheusRules: [rules({ url: 'https://example.com/other/#threshold-server-cpu', expr: 'x > 1' })],
    },
    {
      name: 'an alert linking no threshold row',
      runbooks: [{ thresholds: [CPU] }],
      prometheusRules: [rules({ url: 'https://runbooks.example.com/r0/', expr: 'x > 1' })],
    },
  ],
  invalid: [
    {
      name: 'a different warning value',
      runbooks: [{ thresholds: [CPU] }],
      prometheusRules: [rules({ expr: '(cpu_busy_percent) > 75' })],
      errors: [
        {
          file: 'prometheus/rules0.yml',
          line: 7,
          column: 15,
          path: 'groups[0].rules[1].expr',
          messageId: 'levelDiffers',
          message:
            /^Alert 'DemoServerCpu' fires at > 75, but the runbook's warning level of 'server-cpu' is > 70 for 10m \(runbooks\/r0\.mdx:\d+\)$/,
        },
      ],
    },
    {
      name: 'a different comparator',
      runbooks: [{ thresholds: [CPU] }],
      prometheusRules: [rules({ expr: 'cpu_busy_percent >= 70' })],
      errors: [{ path: 'groups[0].rules[1].expr', messageId: 'levelDiffers', message: /fires at >= 70/ }],
    },
    {
      name: 'a different for',
      runbooks: [{ thresholds: [CPU] }],
      prometheusRules: [rules({ for: '5m' })],
      errors: [
        {
          line: 8,
          path: 'groups[0].rules[1].for',
          messageId: 'forDiffers',
          message: /holds for 5m, but the runbook's warning level of 'server-cpu' is > 70 for 10m/,
        },
      ],
    },
    {
      name: 'no for where the runbook has one',
      runbooks: [{ thresholds: [CPU] }],
      prometheusRules: [rules({ for: undefined })],
      errors: [{ path: 'groups[0].rules[1].alert', messageId: 'forDiffers', message: /holds for no time/ }],
    },
    {
      name: 'a for that is not a duration',
      runbooks: [{ thresholds: [CPU] }],
      prometheusRules: [rules({ for: 'ten' })],
      errors: [
        { path: 'groups[0].rules[1].for', messageId: 'badFor', message: /'ten', which is not a Prometheus duration/ },
      ],
    },
    {
      name: 'an expr with no comparison',
      runbooks: [{ thresholds: [CPU] }],
      prometheusRules: [rules({ expr: 'cpu_busy_percent' })],
      errors: [{ path: 'groups[0].rules[1].expr', messageId: 'noExprLevel', message: /has no level to compare/ }],
    },
    {
      name: 'a threshold the runbook does not have',
      runbooks: [{ thresholds: [CPU] }],
      prometheusRules: [rules({ url: 'https://runbooks.example.com/r0/#threshold-memory' })],
      errors: [
        {
          path: 'groups[0].rules[1].annotations.runbook_url',
          messageId: 'noThreshold',
          message: /links threshold 'memory', which runbook 'runbook-0' \(runbooks\/r0\.mdx\) does not have/,
        },
      ],
    },
    {
      name: 'no severity label',
      runbooks: [{ thresholds: [CPU] }],
      prometheusRules: [rules({ severity: undefined })],
      errors: [
        {
          path: 'groups[0].rules[1].alert',
          messageId: 'noSeverity',
          message: /has no severity label 'warning' or 'critical'/,
        },
      ],
    },
    {
      name: 'a level the runbook does not give',
      runbooks: [{ thresholds: [{ ...CPU, warning: undefined }] }],
      prometheusRules: [rules()],
      errors: [{ path: 'groups[0].rules[1].labels.severity', messageId: 'noLevel', message: /has no warning level/ }],
    },
  ],
});

describe('levelOf', () => {
  it('reads the comparison an expr ends or starts with, and nothing else', () => {
    expect(levelOf('(up) > 70')).toEqual({ comparator: '>', value: 70 });
    expect(levelOf('x < bool 0.5')).toEqual({ comparator: '<', value: 0.5 });
    expect(levelOf('1e3 <= x')).toEqual({ comparator: '>=', value: 1000 });
    expect(levelOf('rate(x[5m])')).toBeUndefined();
  });
});
