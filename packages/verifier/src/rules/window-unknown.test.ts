import { testRule, taskItem, windowItem } from '../../test/rule-tester.ts';
import { windowUnknown } from './window-unknown.ts';

testRule(windowUnknown, {
  valid: [
    {
      name: 'a window that exists',
      runbooks: [
        {
          windows: [windowItem()],
          tasks: [taskItem({ window: 'weekly', rrule: 'FREQ=WEEKLY;BYDAY=SU', start: '02:00' })],
        },
      ],
    },
    {
      name: 'an ad hoc window',
      runbooks: [
        {
          ad_hoc_windows: [{ id: 'emergency', title: 'Emergency', when: 'Any time', impact: 'downtime' }],
          tasks: [taskItem({ window: 'emergency' })],
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'one letter off',
      runbooks: [{ windows: [windowItem()], tasks: [taskItem({ window: 'weekyl' })] }],
      errors: [
        {
          path: 'tasks[0].window',
          messageId: 'taskWindow',
          message: /^Task '[^']+' names window 'weekyl', which does not exist; did you mean 'weekly'\?$/,
        },
      ],
    },
    {
      name: 'misspelt',
      runbooks: [{ windows: [windowItem()], tasks: [taskItem({ window: 'weekly-maintenance' })] }],
      errors: [
        {
          path: 'tasks[0].window',
          messageId: 'taskWindow',
          message: /names window 'weekly-maintenance', which does not exist; this runbook's windows are 'weekly'/,
        },
      ],
    },
    {
      name: 'a misspelt supersedes',
      runbooks: [
        {
          windows: [
            windowItem(),
            windowItem({ id: 'monthly', rrule: 'FREQ=MONTHLY;BYDAY=-1SU', supersedes: ['weeky'] }),
          ],
        },
      ],
      errors: [
        {
          path: 'windows[1].supersedes[0]',
          messageId: 'supersedesUnknown',
          message:
            /^Window 'monthly' supersedes 'weeky', which is not a window of this runbook; did you mean 'weekly'\?$/,
        },
      ],
    },
    {
      name: 'a window that supersedes itself',
      runbooks: [{ windows: [windowItem({ supersedes: ['weekly'] })] }],
      errors: [{ path: 'windows[0].supersedes[0]', messageId: 'supersedesItself', message: /supersedes itself/ }],
    },
    {
      name: 'no windows at all',
      runbooks: [{ tasks: [taskItem({ window: 'weekly' })] }],
      errors: [{ messageId: 'taskWindow', message: /this runbook has no windows/ }],
    },
  ],
});
