import { testRule, windowItem } from '../../test/rule-tester.ts';
import { localTimeAmbiguous, localTimeGap } from './local-time.ts';

// Europe/London: clocks go forward at 01:00 on 2027-03-28 and back at 02:00 on 2027-10-31.
const london = (start: string) => [{ timezone: 'Europe/London', windows: [windowItem({ start, duration: 'PT1H' })] }];

testRule(localTimeGap, {
  valid: [
    { name: 'a start outside the gap', runbooks: london('03:00') },
    { name: 'UTC has no gaps', runbooks: [{ windows: [windowItem({ start: '01:30' })] }] },
  ],
  invalid: [
    {
      name: '01:30 on the last Sunday of March',
      runbooks: london('01:30'),
      errors: [
        {
          path: 'windows[0].start',
          messageId: 'gap',
          message: /does not exist on 2027-03-28 \(clocks go forward\); it will start at 02:30 that day/,
        },
      ],
    },
  ],
});

testRule(localTimeAmbiguous, {
  valid: [{ name: 'a start outside the repeated hour', runbooks: london('03:00') }],
  invalid: [
    {
      name: '01:30 on the last Sunday of October',
      runbooks: london('01:30'),
      errors: [
        {
          path: 'windows[0].start',
          messageId: 'ambiguous',
          message: /happens twice on 2027-10-31 \(clocks go back\); the first, 00:30 UTC, is used/,
        },
      ],
    },
  ],
});
