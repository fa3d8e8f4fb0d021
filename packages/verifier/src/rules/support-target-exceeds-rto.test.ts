import { testRule } from '../../test/rule-tester.ts';
import { supportTargetExceedsRto } from './support-target-exceeds-rto.ts';

const objective = (scenario: string, rto: string) => ({
  scenario,
  rto,
  rpo: 'PT24H',
  rpo_met_by: 'not-applicable',
  procedure: 'Restore',
});
const target = (severity: string, resolve_within: string | undefined, fields: Record<string, unknown> = {}) => ({
  severity,
  respond_within: 'PT15M',
  resolve_within,
  ...fields,
});
/** The Mvono plan's Response Time Targets. */
const mvonoTargets = [
  target('critical', 'PT2H'),
  target('high', 'PT8H'),
  target('medium', 'P2D', { business_time: true }),
  target('low', 'P5D', { business_time: true }),
];

testRule(supportTargetExceedsRto, {
  valid: [
    {
      name: 'the RTO is the most urgent resolution target',
      runbooks: [{ objectives: [objective('application-failure', 'PT2H')], support_targets: mvonoTargets }],
    },
    {
      name: 'the same length written otherwise',
      runbooks: [
        { objectives: [objective('application-failure', 'PT120M')], support_targets: [target('critical', 'PT2H')] },
      ],
    },
    { name: 'no support targets', runbooks: [{ objectives: [objective('database-failure', 'PT4H')] }] },
    {
      name: 'support targets with no resolution target',
      runbooks: [
        { objectives: [objective('database-failure', 'PT4H')], support_targets: [target('critical', undefined)] },
      ],
    },
    {
      name: 'another system’s support targets',
      runbooks: [
        { objectives: [objective('database-failure', 'PT4H')] },
        { system: 'other', support_targets: [target('critical', 'PT2H')] },
      ],
    },
    {
      name: 'the fastest target, in whatever order they are listed',
      runbooks: [
        {
          objectives: [objective('outage', 'PT1H')],
          support_targets: [target('low', 'P5D'), target('sev1', 'PT1H'), target('high', 'PT8H')],
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'Mvono: critical issues resolved within 2 hours, single-record corruption RTO 1 hour',
      runbooks: [{ objectives: [objective('single-record-corruption', 'PT1H')], support_targets: mvonoTargets }],
      errors: [
        {
          path: 'objectives[0].rto',
          messageId: 'exceeds',
          message:
            /^RTO 1 hour for 'single-record-corruption' cannot hold: 'critical' issues, the most urgent support severity, are to be resolved within 2 hours \(runbooks\/r0\.mdx:\d+\); shorten that target, or lengthen the RTO$/,
        },
      ],
    },
    {
      name: 'Mvono: database failure RTO 4 hours, complete system failure 8 hours, critical issues 2 hours',
      runbooks: [
        {
          objectives: [objective('database-failure', 'PT4H'), objective('complete-system-failure', 'PT8H')],
          support_targets: mvonoTargets,
        },
      ],
      errors: [
        {
          path: 'objectives[0].rto',
          messageId: 'twoDeadlines',
          message:
            /^Two deadlines for one outage: 'database-failure' has an RTO of 4 hours, but 'critical' issues, the most urgent support severity, are to be resolved within 2 hours \(runbooks\/r0\.mdx:\d+\); say which holds$/,
        },
        {
          messageId: 'twoDeadlines',
          path: 'objectives[1].rto',
          message: /^Two deadlines for one outage: 'complete-system-failure' has an RTO of 8 hours/,
        },
      ],
    },
    {
      name: 'support targets in another runbook of the system',
      runbooks: [
        { support_targets: [target('critical', 'PT2H')] },
        { objectives: [objective('database-failure', 'PT4H')] },
      ],
      errors: [
        { file: 'runbooks/r1.mdx', messageId: 'twoDeadlines', message: /within 2 hours \(runbooks\/r0\.mdx:\d+\)/ },
      ],
    },
    {
      name: 'business days equal to the RTO may pass it',
      runbooks: [
        {
          objectives: [objective('reporting-outage', 'P2D')],
          support_targets: [target('medium', 'P2D', { business_time: true })],
        },
      ],
      errors: [
        {
          messageId: 'exceeds',
          message:
            /^RTO 2 days for 'reporting-outage' cannot hold: 'medium' issues, the most urgent support severity, are to be resolved within 2 business days/,
        },
      ],
    },
  ],
});
