import { testRule, taskItem } from '../../test/rule-tester.ts';
import { ownerUnknown } from './owner-unknown.ts';

testRule(ownerUnknown, {
  valid: [
    {
      name: 'owners that exist',
      runbooks: [
        { owners: ['ops'], tasks: [taskItem()], escalation: [{ level: 1, owner: 'ops', respond_within: 'PT30M' }] },
      ],
    },
  ],
  invalid: [
    {
      name: 'unknown owners everywhere they can be named',
      runbooks: [
        {
          owners: ['ops', 'dba'],
          tasks: [taskItem({ owner: 'nobody' })],
          escalation: [{ level: 1, owner: 'cto', respond_within: 'PT5M' }],
        },
      ],
      errors: [
        { path: 'owners[1]', messageId: 'unknown', message: /Owner 'dba' is not in runbooks\/owners\.yaml/ },
        { messageId: 'unknown', path: 'tasks[0].owner', message: /'nobody'/ },
        { messageId: 'unknown', path: 'escalation[0].owner', message: /'cto'/ },
      ],
    },
    {
      name: 'suggests a near id',
      runbooks: [{ owners: ['op'] }],
      errors: [{ messageId: 'unknownNear', message: /did you mean 'ops'\?/ }],
    },
    {
      name: 'suggests the id one letter away, among other teams’ ids',
      owners: { ops: { name: 'Ops' }, 'payroll-dba': { name: 'Payroll DBAs' }, 'platform-team': { name: 'Platform' } },
      runbooks: [{ owners: ['payrol-dba'] }],
      errors: [
        {
          messageId: 'unknownNear',
          message: /^Owner 'payrol-dba' is not in runbooks\/owners\.yaml; did you mean 'payroll-dba'\?$/,
        },
      ],
    },
    {
      name: 'names every id as near as another, and suggests nothing far',
      owners: { 'db-a': { name: 'A' }, 'db-b': { name: 'B' } },
      runbooks: [{ owners: ['db-c', 'payroll'] }],
      errors: [
        { messageId: 'unknownNear', message: /did you mean 'db-a' or 'db-b'\?$/ },
        { messageId: 'unknown', message: /^Owner 'payroll' is not in runbooks\/owners\.yaml$/ },
      ],
    },
  ],
});
