import { testRule, taskItem } from '../../test/rule-tester.ts';
import { scheduleConflict } from './schedule-conflict.ts';

const restore = (fields: Record<string, unknown>) =>
  taskItem({ kind: 'restore-test', activity: 'full-restore-test', start: undefined, ...fields });

testRule(scheduleConflict, {
  valid: [
    {
      name: 'one activity, one schedule, stated twice',
      runbooks: [
        { tasks: [restore({ id: 'a', rrule: 'FREQ=MONTHLY;INTERVAL=3' })] },
        { tasks: [restore({ id: 'b', rrule: 'FREQ=MONTHLY;INTERVAL=3' })] },
      ],
    },
    {
      name: 'one rule written in another order',
      runbooks: [
        { tasks: [restore({ id: 'a', rrule: 'FREQ=WEEKLY;BYDAY=MO' })] },
        { tasks: [restore({ id: 'b', rrule: 'BYDAY=MO;FREQ=WEEKLY' })] },
      ],
    },
    {
      name: 'quarterly from the anchor, and the four quarter days of a year',
      runbooks: [
        {
          tasks: [
            restore({ id: 'a', rrule: 'FREQ=MONTHLY;INTERVAL=3' }),
            restore({ id: 'b', rrule: 'FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=1' }),
          ],
        },
      ],
    },
    {
      name: 'the same hour in lower case, with the zone stated once and taken once',
      runbooks: [
        {
          timezone: 'Europe/London',
          tasks: [
            restore({ id: 'a', rrule: 'freq=daily', start: '03:00' }),
            restore({ id: 'b', rrule: 'FREQ=DAILY;INTERVAL=1', start: '03:00', timezone: 'Europe/London' }),
          ],
        },
      ],
    },
    {
      name: 'different activities',
      runbooks: [
        {
          tasks: [
            restore({ id: 'a', rrule: 'FREQ=MONTHLY;INTERVAL=3' }),
            restore({ id: 'b', activity: 'dr-drill', rrule: 'FREQ=YEARLY' }),
          ],
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'quarterly full restore against a Q3-only DR test',
      runbooks: [
        {
          tasks: [
            restore({ id: 'full-restore', rrule: 'FREQ=MONTHLY;INTERVAL=3' }),
            restore({ id: 'dr-test', rrule: 'FREQ=YEARLY;BYMONTH=7' }),
          ],
        },
      ],
      errors: [
        {
          path: 'tasks[1].activity',
          messageId: 'differs',
          message:
            /^Task 'dr-test' is activity 'full-restore-test' on FREQ=YEARLY;BYMONTH=7 any time that day \(UTC\), but task 'full-restore' at runbooks\/r0\.mdx:\d+ is the same activity on FREQ=MONTHLY;INTERVAL=3 any time that day \(UTC\)$/,
        },
      ],
    },
    {
      name: 'the quarter days a month late',
      runbooks: [
        {
          tasks: [
            restore({ id: 'a', rrule: 'FREQ=MONTHLY;INTERVAL=3' }),
            restore({ id: 'b', rrule: 'FREQ=YEARLY;BYMONTH=2,5,8,11;BYMONTHDAY=1' }),
          ],
        },
      ],
      errors: [{ path: 'tasks[1].activity', messageId: 'differs' }],
    },
    {
      name: 'the same rule at another hour, and at no set hour',
      runbooks: [
        {
          tasks: [
            restore({ id: 'a', rrule: 'FREQ=WEEKLY;BYDAY=MO', start: '02:00' }),
            restore({ id: 'b', rrule: 'BYDAY=MO;FREQ=WEEKLY', start: '03:00' }),
            restore({ id: 'c', rrule: 'FREQ=WEEKLY;BYDAY=MO', start: undefined }),
          ],
        },
      ],
      errors: [
        {
          path: 'tasks[1].activity',
          messageId: 'differs',
          message: /on BYDAY=MO;FREQ=WEEKLY at 03:00 UTC, but task 'a'/,
        },
        {
          path: 'tasks[2].activity',
          messageId: 'differs',
          message: /on FREQ=WEEKLY;BYDAY=MO any time that day \(UTC\), but task 'a'/,
        },
      ],
    },
    {
      name: 'one hour of the day in two zones',
      runbooks: [
        {
          tasks: [
            restore({ id: 'a', rrule: 'FREQ=DAILY', start: '03:00' }),
            restore({ id: 'b', rrule: 'FREQ=DAILY', start: '03:00', timezone: 'Africa/Nairobi' }),
          ],
        },
      ],
      errors: [{ path: 'tasks[1].activity', messageId: 'differs' }],
    },
    {
      // 22:00 in New York is 03:00 UTC the next day until the clocks change in March.
      name: 'two zones that agree until a clock change: the date, the change and the fix',
      runbooks: [
        {
          tasks: [
            restore({ id: 'a', rrule: 'FREQ=DAILY', start: '03:00' }),
            restore({ id: 'b', rrule: 'FREQ=DAILY', start: '22:00', timezone: 'America/New_York' }),
          ],
        },
      ],
      errors: [
        {
          path: 'tasks[1].activity',
          messageId: 'differs',
          message:
            /; they agree until the clock change on 2027-03-14, when America\/New_York starts daylight saving time: keep both tasks in one time zone \(timezone: UTC\)$/,
        },
      ],
    },
  ],
});
