import { testRule, taskItem } from '../../test/rule-tester.ts';
import { scheduleConflict } from './schedule-conflict.ts';

const restore = (fields: Record<string, unknown>) => taskItem({ kind: 'restore-test', activity: 'full-restore-test', start: undefined, ...fields });

testRule(scheduleConflict, {
  valid: [
    { name: 'one activity, one schedule, stated twice', runbooks: [{ tasks: [restore({ id: 'a', rrule: 'FREQ=MONTHLY;INTERVAL=3' })] }, { tasks: [restore({ id: 'b', rrule: 'FREQ=MONTHLY;INTERVAL=3' })] }] },
    { name: 'different activities', runbooks: [{ tasks: [restore({ id: 'a', rrule: 'FREQ=MONTHLY;INTERVAL=3' }), restore({ id: 'b', activity: 'dr-drill', rrule: 'FREQ=YEARLY' })] }] },
  ],
  invalid: [
    {
      name: 'quarterly full restore against a Q3-only DR test',
      runbooks: [{ tasks: [restore({ id: 'full-restore', rrule: 'FREQ=MONTHLY;INTERVAL=3' }), restore({ id: 'dr-test', rrule: 'FREQ=YEARLY;BYMONTH=7' })] }],
      errors: [{ path: 'tasks[1].activity', messageId: 'differs', message: /^Task 'dr-test' is activity 'full-restore-test' on FREQ=YEARLY;BYMONTH=7 at any time UTC, but task 'full-restore' at runbooks\/r0\.mdx:\d+ is the same activity on FREQ=MONTHLY;INTERVAL=3 at any time UTC$/ }],
    },
  ],
});
