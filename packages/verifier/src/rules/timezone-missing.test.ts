import { testRule, taskItem, windowItem } from '../../test/rule-tester.ts';
import { timezoneMissing } from './timezone-missing.ts';

testRule(timezoneMissing, {
  valid: [
    { name: 'runbook zone', runbooks: [{ windows: [windowItem()], tasks: [taskItem()] }] },
    {
      name: 'item zones only',
      runbooks: [
        {
          timezone: undefined,
          windows: [windowItem({ timezone: 'UTC' })],
          tasks: [taskItem({ timezone: 'Africa/Nairobi' })],
        },
      ],
    },
    {
      name: 'a task with no time needs no zone',
      runbooks: [{ timezone: undefined, tasks: [taskItem({ start: undefined, timezone: undefined })] }],
    },
  ],
  invalid: [
    {
      name: 'times with no zone anywhere',
      runbooks: [{ timezone: undefined, windows: [windowItem()], tasks: [taskItem({ start: '09:00' })] }],
      errors: [
        { path: 'windows[0].start', messageId: 'missing', message: /Window 'weekly' starts at 02:00 in no time zone/ },
        { messageId: 'missing', path: 'tasks[0].start', message: /Task 'task' starts at 09:00/ },
      ],
    },
  ],
});
