import { testRule, windowItem } from '../../test/rule-tester.ts';
import { windowOverlap } from './window-overlap.ts';

const weekly = windowItem();
const monthly = windowItem({ id: 'monthly', title: 'Monthly', rrule: 'FREQ=MONTHLY;BYDAY=-1SU', duration: 'PT4H' });

testRule(windowOverlap, {
  valid: [
    { name: 'monthly supersedes weekly', runbooks: [{ windows: [weekly, { ...monthly, supersedes: ['weekly'] }] }] },
    {
      name: 'back to back is no overlap',
      runbooks: [{ windows: [weekly, windowItem({ id: 'after', start: '04:00' })] }],
    },
    {
      name: 'different systems may overlap',
      runbooks: [{ windows: [weekly] }, { system: 'other', windows: [weekly] }],
    },
    {
      name: 'Sunday and Wednesday',
      runbooks: [{ windows: [weekly, windowItem({ id: 'secondary', rrule: 'FREQ=WEEKLY;BYDAY=WE' })] }],
    },
  ],
  invalid: [
    {
      name: 'the platform guide: monthly on last Sundays over weekly Sundays',
      runbooks: [{ windows: [weekly, monthly] }],
      errors: [
        {
          path: 'windows[1].id',
          messageId: 'overlaps',
          message:
            /^Window 'monthly' \(Sun 02:00–06:00 UTC\) overlaps window 'weekly' \(Sun 02:00–04:00 UTC\) on 2026-11-29 and 13 more times; if 'monthly' replaces 'weekly' on those days, add supersedes: \[weekly\]$/,
        },
      ],
    },
    {
      name: 'across runbooks of one system, in two zones',
      runbooks: [
        { windows: [weekly] },
        { timezone: 'Africa/Nairobi', windows: [windowItem({ id: 'nairobi', start: '05:30', duration: 'PT1H' })] },
      ],
      errors: [
        {
          file: 'runbooks/r1.mdx',
          path: 'windows[0].id',
          messageId: 'overlaps',
          message:
            /Window 'nairobi' \(Sun 05:30–06:30 Africa\/Nairobi = Sun 02:30–03:30 UTC\) overlaps window 'weekly' in runbooks\/r0\.mdx:\d+ \(Sun 02:00–04:00 UTC\)/,
        },
      ],
    },
    {
      // Back to back in winter (07:00–08:00 and 08:00–09:00 UTC); from the spring change New York's 03:00 is 07:00 UTC.
      name: 'two zones that meet only after a clock change: the date, the change and the fix',
      runbooks: [
        { windows: [windowItem({ id: 'utc', rrule: 'FREQ=DAILY', start: '07:00', duration: 'PT1H' })] },
        {
          timezone: 'America/New_York',
          windows: [windowItem({ id: 'new-york', rrule: 'FREQ=DAILY', start: '03:00', duration: 'PT1H' })],
        },
      ],
      errors: [
        {
          file: 'runbooks/r1.mdx',
          messageId: 'overlaps',
          message:
            /on 2027-03-14 and \d+ more times; they meet only after the clock change on 2027-03-14, when America\/New_York starts daylight saving time: keep both windows in one time zone \(UTC\), or move one$/,
        },
      ],
    },
  ],
});
