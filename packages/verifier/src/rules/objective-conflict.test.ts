import { testRule } from '../../test/rule-tester.ts';
import { objectiveConflict } from './objective-conflict.ts';

const objective = (fields: Record<string, unknown> = {}) => ({
  scenario: 'database-failure',
  rto: 'PT4H',
  rpo: 'PT24H',
  procedure: 'Restore from daily backup',
  ...fields,
});

testRule(objectiveConflict, {
  valid: [
    {
      name: 'the same objective stated twice alike',
      runbooks: [{ objectives: [objective()] }, { objectives: [objective({ rpo: 'P1D' })] }],
    },
    {
      name: 'another system',
      runbooks: [{ objectives: [objective()] }, { system: 'other', objectives: [objective({ rto: 'PT1H' })] }],
    },
  ],
  invalid: [
    {
      name: 'different RTO in another file',
      runbooks: [{ objectives: [objective()] }, { objectives: [objective({ rto: 'PT2H' })] }],
      errors: [
        {
          file: 'runbooks/r1.mdx',
          path: 'objectives[0].rto',
          messageId: 'differs',
          message:
            /^Scenario 'database-failure' of system 'demo' has RTO 2 hours here but 4 hours at runbooks\/r0\.mdx:\d+$/,
        },
      ],
    },
    {
      name: 'both differ in one file',
      runbooks: [{ objectives: [objective(), objective({ rto: 'PT8H', rpo: 'PT48H' })] }],
      errors: [
        { messageId: 'differs', path: 'objectives[1].rto' },
        { messageId: 'differs', path: 'objectives[1].rpo', message: /RPO 48 hours here but 24 hours/ },
      ],
    },
  ],
});
