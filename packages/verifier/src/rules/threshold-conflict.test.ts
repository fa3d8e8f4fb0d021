import { describe, expect, it } from 'vitest';
import { corpusOf, testRule } from '../../test/rule-tester.ts';
import { verify } from './verify.ts';
import { thresholdConflict } from './threshold-conflict.ts';

const threshold = (warning: number, fields: Record<string, unknown> = {}) => ({
  metric: 'error-rate',
  unit: 'percent',
  comparator: '>',
  warning: { value: warning },
  critical: { value: 5 },
  response: 'Investigate',
  ...fields,
});

testRule(thresholdConflict, {
  valid: [
    {
      name: 'the same levels in two runbooks',
      runbooks: [{ thresholds: [threshold(1)] }, { thresholds: [threshold(1, { response: 'Page on-call' })] }],
    },
    {
      name: 'other systems',
      runbooks: [{ thresholds: [threshold(1)] }, { system: 'other', thresholds: [threshold(2)] }],
    },
  ],
  invalid: [
    {
      name: 'a different warning level elsewhere',
      runbooks: [{ thresholds: [threshold(1)] }, { thresholds: [threshold(2)] }],
      errors: [
        {
          file: 'runbooks/r1.mdx',
          path: 'thresholds[0].metric',
          messageId: 'differs',
          message:
            /^Metric 'error-rate' of system 'demo' has warning > 2, critical > 5 here but warning > 1, critical > 5 at runbooks\/r0\.mdx:\d+$/,
        },
      ],
    },
    {
      name: 'Prometheus names are compared exactly',
      runbooks: [
        {
          thresholds: [
            threshold(1, { metric: 'node_cpu_seconds_total' }),
            threshold(1, { metric: 'node_cpu_seconds' }),
          ],
        },
        { thresholds: [threshold(2, { metric: 'node_cpu_seconds_total' })] },
      ],
      errors: [
        {
          file: 'runbooks/r1.mdx',
          path: 'thresholds[0].metric',
          messageId: 'differs',
          message:
            /^Metric 'node_cpu_seconds_total' of system 'demo' has warning > 2, critical > 5 here but warning > 1/,
        },
      ],
    },
    {
      name: 'a different duration',
      runbooks: [{ thresholds: [threshold(1), threshold(1, { warning: { value: 1, for: 'PT10M' } })] }],
      errors: [{ path: 'thresholds[1].metric', messageId: 'differs', message: /warning > 1 for 10 minutes/ }],
    },
  ],
});

describe('a runbook with metric names as monitoring systems spell them', () => {
  const prometheus = [
    threshold(70, { metric: 'node_cpu_seconds_total', unit: 'percent', critical: { value: 85 } }),
    threshold(1, { metric: 'job:http_requests_errors:rate5m' }),
    threshold(1, { metric: 'pg_stat_database_deadlocks' }),
  ];
  const findings = (runbooks: Array<Record<string, unknown>>) =>
    verify(corpusOf({ runbooks }), { today: '2026-11-23' }).findings.map((f) => `${f.ruleId} ${f.file} ${f.path}`);

  it('verifies clean', () => {
    expect(findings([{ thresholds: prometheus }, { thresholds: [prometheus[1]] }])).toEqual([]);
  });

  it('still has its conflicting thresholds caught', () => {
    expect(
      findings([
        { thresholds: prometheus },
        { thresholds: [threshold(2, { metric: 'job:http_requests_errors:rate5m' })] },
      ]),
    ).toEqual(['threshold-conflict runbooks/r1.mdx thresholds[0].metric']);
  });
});
