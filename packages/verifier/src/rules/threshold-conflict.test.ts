import { testRule } from '../../test/rule-tester.ts';
import { thresholdConflict } from './threshold-conflict.ts';

const threshold = (warning: number, fields: Record<string, unknown> = {}) => ({ metric: 'error-rate', unit: 'percent', comparator: '>', warning: { value: warning }, critical: { value: 5 }, response: 'Investigate', ...fields });

testRule(thresholdConflict, {
  valid: [
    { name: 'the same levels in two runbooks', runbooks: [{ thresholds: [threshold(1)] }, { thresholds: [threshold(1, { response: 'Page on-call' })] }] },
    { name: 'other systems', runbooks: [{ thresholds: [threshold(1)] }, { system: 'other', thresholds: [threshold(2)] }] },
  ],
  invalid: [
    {
      name: 'a different warning level elsewhere',
      runbooks: [{ thresholds: [threshold(1)] }, { thresholds: [threshold(2)] }],
      errors: [{ file: 'runbooks/r1.mdx', path: 'thresholds[0].metric', message: /^Metric 'error-rate' of system 'demo' has warning > 2, critical > 5 here but warning > 1, critical > 5 at runbooks\/r0\.mdx:\d+$/ }],
    },
    { name: 'a different duration', runbooks: [{ thresholds: [threshold(1), threshold(1, { warning: { value: 1, for: 'PT10M' } })] }], errors: [{ path: 'thresholds[1].metric', message: /warning > 1 for 10 minutes/ }] },
  ],
});
