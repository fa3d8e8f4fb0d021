import { testRule, taskItem, windowItem } from '../../test/rule-tester.ts';
import { taskOutsideWindow } from './task-outside-window.ts';

const utcWindow = windowItem({ timezone: 'UTC' });
const sunday = (fields: Record<string, unknown>) =>
  taskItem({ rrule: 'FREQ=WEEKLY;BYDAY=SU', window: 'weekly', ...fields });

testRule(taskOutsideWindow, {
  valid: [
    {
      name: '05:00 EAT is 02:00 UTC, inside',
      runbooks: [
        { timezone: 'Africa/Nairobi', windows: [utcWindow], tasks: [sunday({ start: '05:00', duration: 'PT1H' })] },
      ],
    },
    {
      name: 'a task that fills the window exactly',
      runbooks: [{ windows: [windowItem()], tasks: [sunday({ start: '02:00', duration: 'PT2H' })] }],
    },
    {
      name: 'a task inside a window that supersedes its own',
      runbooks: [
        {
          windows: [
            windowItem(),
            windowItem({ id: 'monthly', rrule: 'FREQ=MONTHLY;BYDAY=-1SU', duration: 'PT4H', supersedes: ['weekly'] }),
          ],
          tasks: [sunday({ start: '02:00', duration: 'PT2H' })],
        },
      ],
    },
    { name: 'a task with no window is not checked', runbooks: [{ tasks: [taskItem()] }] },
  ],
  invalid: [
    {
      name: 'a task in Chicago time inside a UTC window until the clocks go forward',
      runbooks: [
        {
          timezone: 'UTC',
          windows: [windowItem({ rrule: 'FREQ=WEEKLY;BYDAY=SU', start: '10:00', duration: 'PT1H' })],
          tasks: [
            taskItem({
              window: 'weekly',
              rrule: 'FREQ=WEEKLY;BYDAY=SU',
              start: '04:30',
              duration: 'PT30M',
              timezone: 'America/Chicago',
            }),
          ],
        },
      ],
      errors: [
        {
          path: 'tasks[0].start',
          messageId: 'outside',
          message:
            /occurrences, first on 2027-03-14, when America\/Chicago starts daylight saving time; keep the task in the window's time zone \(UTC\)$/,
        },
      ],
    },
    {
      name: '02:00 EAT against a 02:00-04:00 UTC window',
      runbooks: [
        {
          timezone: 'Africa/Nairobi',
          windows: [utcWindow],
          tasks: [sunday({ id: 'db-optimization', start: '02:00' })],
        },
      ],
      errors: [
        {
          path: 'tasks[0].start',
          messageId: 'outside',
          message:
            /^Task 'db-optimization' \(Sun 02:00 Africa\/Nairobi = Sat 23:00 UTC\) is outside window 'weekly' \((Sat|Sun) 02:00–04:00 UTC\): every occurrence$/,
        },
      ],
    },
    {
      name: 'runs past the end of the window',
      runbooks: [{ windows: [windowItem()], tasks: [sunday({ start: '03:00', duration: 'PT2H' })] }],
      errors: [
        {
          path: 'tasks[0].start',
          messageId: 'outside',
          message: /\(Sun 03:00 UTC\) is outside window 'weekly' \(Sun 02:00–04:00 UTC\): every occurrence/,
        },
      ],
    },
    {
      name: 'a daily task is outside a weekly window six days in seven',
      runbooks: [{ windows: [windowItem()], tasks: [taskItem({ start: '02:00', window: 'weekly' })] }],
      errors: [{ messageId: 'outside', message: /: \d+ of \d+ occurrences, first on 2026-11-1\d/ }],
    },
    {
      name: 'an EAT task against a London window gives both sides in UTC',
      runbooks: [
        {
          timezone: 'Africa/Nairobi',
          windows: [windowItem({ timezone: 'Europe/London' })],
          tasks: [sunday({ start: '08:00', duration: 'PT30M' })],
        },
      ],
      errors: [
        {
          messageId: 'outside',
          message:
            /^Task 'task' \(Sun 08:00 Africa\/Nairobi = Sun 05:00 UTC\) is outside window 'weekly' \(Sun 02:00–04:00 Europe\/London = Sun 0[12]:00–0[34]:00 UTC\): every occurrence$/,
        },
      ],
    },
    {
      name: 'no start time',
      runbooks: [{ windows: [windowItem()], tasks: [sunday({ start: undefined })] }],
      errors: [{ path: 'tasks[0].window', messageId: 'noStart', message: /has no start time/ }],
    },
  ],
});
