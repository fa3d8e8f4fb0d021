import { testRule, taskItem } from '../../test/rule-tester.ts';
import { ownerUnknown } from './owner-unknown.ts';

testRule(ownerUnknown, {
  valid: [{ name: 'owners that exist', runbooks: [{ owners: ['ops'], tasks: [taskItem()], escalation: [{ level: 1, owner: 'ops', respond_within: 'PT30M' }] }] }],
  invalid: [
    {
      name: 'unknown owners everywhere they can be named',
      runbooks: [{ owners: ['ops', 'dba'], tasks: [taskItem({ owner: 'nobody' })], escalation: [{ level: 1, owner: 'cto', respond_within: 'PT5M' }] }],
      errors: [
        { path: 'owners[1]', messageId: 'unknown', message: /Owner 'dba' is not in runbooks\/owners\.yaml/ },
        { messageId: 'unknown', path: 'tasks[0].owner', message: /'nobody'/ },
        { messageId: 'unknown', path: 'escalation[0].owner', message: /'cto'/ },
      ],
    },
    { name: 'suggests a near id', runbooks: [{ owners: ['op'] }], errors: [{ messageId: 'unknownNear', message: /did you mean 'ops'\?/ }] },
  ],
});
