import { testRule, taskItem, windowItem } from '../../test/rule-tester.ts';
import { duplicateId } from './duplicate-id.ts';

testRule(duplicateId, {
  valid: [
    {
      name: 'distinct ids',
      runbooks: [{ windows: [windowItem()], tasks: [taskItem({ id: 'a' }), taskItem({ id: 'b' })] }, { id: 'other' }],
    },
  ],
  invalid: [
    {
      name: 'two runbooks with one id',
      runbooks: [{ id: 'same' }, { id: 'same' }],
      errors: [
        { path: 'id', file: 'runbooks/r1.mdx', messageId: 'runbook', message: /already used by runbooks\/r0\.mdx/ },
      ],
    },
    {
      name: 'two tasks with one id',
      runbooks: [{ tasks: [taskItem({ id: 'log-review' }), taskItem({ id: 'log-review' })] }],
      errors: [{ path: 'tasks[1].id', messageId: 'item', message: /already used by tasks\[0\] on line \d+/ }],
    },
    {
      name: 'two windows whose feed events would share UIDs',
      runbooks: [
        { id: 'db', windows: [windowItem({ id: 'backup-weekly' })] },
        { id: 'db-backup', windows: [windowItem({ id: 'weekly' })] },
      ],
      errors: [
        {
          path: 'windows[0].id',
          file: 'runbooks/r1.mdx',
          messageId: 'uid',
          message:
            /Window 'weekly' of runbook 'db-backup' would give its calendar events the same UIDs \(db-backup-weekly-<start>\) as window 'backup-weekly' of runbook 'db' in runbooks\/r0\.mdx/,
        },
      ],
    },
    {
      name: 'a task named like a window',
      runbooks: [{ windows: [windowItem()], tasks: [taskItem({ id: 'weekly' })] }],
      errors: [{ messageId: 'item', path: 'tasks[0].id' }],
    },
  ],
});
