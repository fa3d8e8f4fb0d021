import { testRule } from '../../test/rule-tester.ts';
import { thresholdOrder } from './threshold-order.ts';

const threshold = (comparator: string, warning: number, critical: number) => ({
  metric: 'cpu-utilization',
  unit: 'percent',
  comparator,
  warning: { value: warning, for: 'PT10M' },
  critical: { value: critical, for: 'PT5M' },
  response: 'Investigate',
});

testRule(thresholdOrder, {
  valid: [
    { name: 'high is bad', runbooks: [{ thresholds: [threshold('>', 70, 85)] }] },
    { name: 'low is bad', runbooks: [{ thresholds: [threshold('<', 20, 10)] }] },
    {
      name: 'one level only',
      runbooks: [
        {
          thresholds: [{ metric: 'auth-failures', comparator: '>', critical: { value: 10 }, response: 'Investigate' }],
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'reversed for >',
      runbooks: [{ thresholds: [threshold('>', 90, 85)] }],
      errors: [
        {
          path: 'thresholds[0].warning.value',
          messageId: 'misordered',
          message: /warning 90 must be below critical 85 when higher is worse/,
        },
      ],
    },
    {
      name: 'equal',
      runbooks: [{ thresholds: [threshold('>', 85, 85)] }],
      errors: [{ messageId: 'misordered', path: 'thresholds[0].warning.value' }],
    },
    {
      name: 'reversed for <',
      runbooks: [{ thresholds: [threshold('<', 10, 20)] }],
      errors: [{ messageId: 'misordered', message: /must be above critical 20 when lower is worse/ }],
    },
  ],
});
