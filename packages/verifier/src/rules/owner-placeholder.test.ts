import { testRule } from '../../test/rule-tester.ts';
import { ownerPlaceholder } from './owner-placeholder.ts';

testRule(ownerPlaceholder, {
  valid: [
    {
      name: 'real contacts',
      runbooks: [{}],
      owners: { ops: { name: 'Operations', email: 'ops@example.com', phone: '+254 711 000 000' } },
    },
  ],
  invalid: [
    {
      name: 'seed placeholders',
      runbooks: [{}],
      owners: {
        ops: { name: 'Operations', phone: '+254 7XX XXX XXX' },
        team: { name: 'System Administration', contacts: [{ role: 'Primary', name: '[Name]', phone: '[Phone]' }] },
        dba: { name: 'DBA', email: '[email]' },
      },
      errors: [
        {
          file: 'runbooks/owners.yaml',
          path: 'ops.phone',
          messageId: 'placeholder',
          message: /Owner 'ops' has a placeholder phone '\+254 7XX XXX XXX'/,
          line: 3,
        },
        { messageId: 'placeholder', path: 'team.contacts[0].name', message: /Primary name '\[Name\]'/ },
        { messageId: 'placeholder', path: 'team.contacts[0].phone' },
        { messageId: 'placeholder', path: 'dba.email' },
      ],
    },
  ],
});
