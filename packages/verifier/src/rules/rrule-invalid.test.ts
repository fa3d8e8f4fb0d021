import { testRule, taskItem, windowItem } from '../../test/rule-tester.ts';
import { rruleInvalid } from './rrule-invalid.ts';

testRule(rruleInvalid, {
  valid: [
    {
      name: 'what the seeds need',
      runbooks: [
        {
          windows: [windowItem(), windowItem({ id: 'monthly', rrule: 'FREQ=MONTHLY;BYDAY=-1SU' })],
          tasks: [
            'FREQ=DAILY',
            'FREQ=WEEKLY;BYDAY=MO,TH',
            'FREQ=MONTHLY;BYDAY=1SU',
            'FREQ=MONTHLY;BYMONTHDAY=1',
            'FREQ=MONTHLY;INTERVAL=3',
            'FREQ=YEARLY;BYMONTH=1,4,7,10',
            'FREQ=YEARLY',
            'FREQ=HOURLY;INTERVAL=4',
            'FREQ=DAILY;BYHOUR=0,16',
          ].map((rrule, i) => taskItem({ id: `t${i}`, rrule })),
        },
      ],
    },
    {
      name: 'a leap day occurs, though not every year',
      runbooks: [{ tasks: [taskItem({ rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29' })] }],
    },
    {
      name: 'UNTIL ends a schedule that still runs',
      runbooks: [{ tasks: [taskItem({ rrule: 'FREQ=WEEKLY;BYDAY=SU;UNTIL=20991231' })] }],
    },
    {
      name: 'a rare rule with an UNTIL beyond the checked dates, and no occurrence in them',
      runbooks: [{ tasks: [taskItem({ rrule: 'FREQ=YEARLY;INTERVAL=5;UNTIL=20400101' })] }],
    },
    {
      name: 'UNTIL inside the checked dates',
      today: '2026-06-01',
      runbooks: [{ tasks: [taskItem({ rrule: 'FREQ=DAILY;UNTIL=20260701T000000Z' })] }],
    },
    { name: 'a trailing semicolon', runbooks: [{ tasks: [taskItem({ rrule: 'FREQ=WEEKLY;BYDAY=SU;' })] }] },
    {
      name: 'HOURLY with an INTERVAL that reaches its BYHOUR',
      runbooks: [{ tasks: [taskItem({ rrule: 'FREQ=HOURLY;INTERVAL=3;BYHOUR=3,9' })] }],
    },
    {
      name: 'numbered weekdays where RFC 5545 allows them',
      runbooks: [
        {
          tasks: [
            taskItem({ rrule: 'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU' }),
            taskItem({ id: 'b', rrule: 'FREQ=YEARLY;BYYEARDAY=100' }),
          ],
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'three-letter weekday',
      runbooks: [{ windows: [windowItem({ rrule: 'FREQ=WEEKLY;BYDAY=SUN' })] }],
      errors: [
        { path: 'windows[0].rrule', messageId: 'invalid', message: /has 'BYDAY=SUN', but BYDAY takes weekdays MO, TU/ },
      ],
    },
    {
      name: 'no FREQ',
      runbooks: [{ tasks: [taskItem({ rrule: 'BYDAY=MO' })] }],
      errors: [{ path: 'tasks[0].rrule', messageId: 'invalid', message: /has no FREQ/ }],
    },
    {
      name: 'unknown part',
      runbooks: [{ tasks: [taskItem({ rrule: 'FREQ=DAILY;EVERY=2' })] }],
      errors: [{ messageId: 'invalid', message: /unknown part 'EVERY=2'/ }],
    },
    {
      name: 'DTSTART',
      runbooks: [{ tasks: [taskItem({ rrule: 'DTSTART=20260101;FREQ=DAILY' })] }],
      errors: [{ messageId: 'invalid', message: /give the time in 'start'/ }],
    },
    {
      name: 'COUNT',
      runbooks: [{ tasks: [taskItem({ rrule: 'FREQ=DAILY;COUNT=3' })] }],
      errors: [{ messageId: 'invalid', message: /use UNTIL/ }],
    },
    {
      name: 'month 13',
      runbooks: [{ tasks: [taskItem({ rrule: 'FREQ=YEARLY;BYMONTH=13' })] }],
      errors: [{ messageId: 'invalid', message: /BYMONTH takes months 1 to 12/ }],
    },
    {
      name: 'never occurs',
      runbooks: [{ tasks: [taskItem({ rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30' })] }],
      errors: [{ path: 'tasks[0].rrule', messageId: 'invalid', message: /never occurs/ }],
    },
    {
      name: 'never occurs before its UNTIL',
      runbooks: [{ tasks: [taskItem({ rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;UNTIL=20300101' })] }],
      errors: [
        {
          messageId: 'invalid',
          message:
            /never occurs: no date matches all of its parts before its end \(UNTIL=20300101, 00:00 on 2030-01-01 in the item's zone\)/,
        },
      ],
    },
    {
      name: 'UNTIL already past',
      today: '2026-06-01',
      runbooks: [{ tasks: [taskItem({ rrule: 'FREQ=WEEKLY;BYDAY=SU;UNTIL=20250101', start: '02:00' })] }],
      errors: [
        {
          messageId: 'invalid',
          message:
            /RRULE 'FREQ=WEEKLY;BYDAY=SU;UNTIL=20250101' ended \(UNTIL=20250101, 00:00 on 2025-01-01 in the item's zone, before its 02:00 start that day\) before the checked dates begin on 2026-05-25; remove the item, or move UNTIL later/,
        },
      ],
    },
    {
      name: 'a numbered weekday in a weekly rule',
      runbooks: [{ windows: [windowItem({ rrule: 'FREQ=WEEKLY;BYDAY=5SU' })] }],
      errors: [
        {
          path: 'windows[0].rrule',
          messageId: 'invalid',
          message:
            /has 'BYDAY=5SU', but a numbered weekday such as 5SU belongs in a MONTHLY or YEARLY rule; in a WEEKLY rule write the weekday alone \(SU\)/,
        },
      ],
    },
    {
      name: 'a day of the month in a weekly rule',
      runbooks: [{ tasks: [taskItem({ rrule: 'FREQ=WEEKLY;BYMONTHDAY=3' })] }],
      errors: [{ messageId: 'invalid', message: /BYMONTHDAY in a WEEKLY rule/ }],
    },
    {
      name: 'a day of the year in a monthly rule',
      runbooks: [{ tasks: [taskItem({ rrule: 'FREQ=MONTHLY;BYYEARDAY=3' })] }],
      errors: [{ messageId: 'invalid', message: /BYYEARDAY in a MONTHLY rule/ }],
    },
    {
      name: 'UNTIL passed inside the checked dates, after the last occurrence',
      today: '2026-06-01',
      runbooks: [{ tasks: [taskItem({ rrule: 'FREQ=WEEKLY;BYDAY=SU;UNTIL=20260527' })] }],
      errors: [
        {
          messageId: 'ended',
          message:
            /has no occurrence in the checked dates before its end \(UNTIL=20260527, 00:00 on 2026-05-27 in the item's zone\): the schedule has ended/,
        },
      ],
    },
    {
      name: 'never occurs, with an UNTIL in the far future',
      runbooks: [{ tasks: [taskItem({ rrule: 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;UNTIL=99991231' })] }],
      errors: [
        { messageId: 'invalid', message: /never occurs: .* before its end \(UNTIL=99991231, 00:00 on 9999-12-31/ },
      ],
    },
    {
      name: 'an empty part inside the rule',
      runbooks: [{ tasks: [taskItem({ rrule: 'FREQ=DAILY;;BYHOUR=2' })] }],
      errors: [{ messageId: 'invalid', message: /has an empty part/ }],
    },
    {
      name: 'UNTIL that is not a date',
      runbooks: [{ tasks: [taskItem({ rrule: 'FREQ=DAILY;UNTIL=20270231' })] }],
      errors: [{ messageId: 'invalid', message: /has 'UNTIL=20270231', but UNTIL takes a UTC date and time/ }],
    },
    {
      name: 'an INTERVAL that never reaches BYHOUR (rrule.js hung on it)',
      runbooks: [{ windows: [windowItem({ rrule: 'FREQ=HOURLY;INTERVAL=2;BYHOUR=1', start: '00:00' })] }],
      errors: [
        {
          path: 'windows[0].rrule',
          messageId: 'invalid',
          message: /never occurs: counted every 2 hours from its start, it never reaches BYHOUR=1/,
        },
      ],
    },
    {
      name: 'a June rule whose UNTIL passed in the checked dates ran every June until then',
      today: '2026-12-01',
      runbooks: [{ tasks: [taskItem({ rrule: 'FREQ=YEARLY;BYMONTH=6;UNTIL=20261130T000000Z' })] }],
      errors: [
        {
          messageId: 'ended',
          message:
            /RRULE 'FREQ=YEARLY;BYMONTH=6;UNTIL=20261130T000000Z' has no occurrence in the checked dates before its end \(UNTIL=20261130T000000Z, 2026-11-30 00:00 UTC\): the schedule has ended/,
        },
      ],
    },
    {
      name: 'BYSETPOS beyond the one instance of each hour (issue 26: libical and ical.js keep 03:00)',
      runbooks: [{ windows: [windowItem({ rrule: 'FREQ=HOURLY;BYHOUR=3;BYSETPOS=2', start: '00:00' })] }],
      errors: [
        {
          path: 'windows[0].rrule',
          messageId: 'invalid',
          message:
            /never occurs: each hour of an HOURLY rule holds at most 1 instance for BYSETPOS to pick from, so BYSETPOS=2 never picks one/,
        },
      ],
    },
    {
      name: 'BYSETPOS beyond the one instance of each minute',
      runbooks: [{ tasks: [taskItem({ rrule: 'FREQ=MINUTELY;INTERVAL=60;BYHOUR=3;BYSETPOS=2' })] }],
      errors: [
        { messageId: 'invalid', message: /never occurs: each minute of a MINUTELY rule holds at most 1 instance/ },
      ],
    },
    {
      name: 'BYSETPOS with no other BY part',
      runbooks: [{ tasks: [taskItem({ rrule: 'FREQ=HOURLY;BYSETPOS=2' })] }],
      errors: [
        {
          path: 'tasks[0].rrule',
          messageId: 'invalid',
          message:
            /has BYSETPOS without another BYxxx part; RFC 5545 picks BYSETPOS positions among the times the other BY parts give each period/,
        },
      ],
    },
    {
      name: 'a value listed twice',
      runbooks: [{ tasks: [taskItem({ rrule: 'FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=1,+1' })] }],
      errors: [{ messageId: 'invalid', message: /has \+1 more than once in BYSETPOS; list each value once/ }],
    },
    {
      name: 'a weekday listed twice',
      runbooks: [{ tasks: [taskItem({ rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,MO' })] }],
      errors: [{ messageId: 'invalid', message: /has MO more than once in BYDAY/ }],
    },
    {
      name: 'more values than a list can hold',
      runbooks: [
        { tasks: [taskItem({ rrule: `FREQ=DAILY;BYHOUR=${Array.from({ length: 25 }, (_, h) => h % 24).join(',')}` })] },
      ],
      errors: [
        {
          messageId: 'invalid',
          message: /has more than 24 values in BYHOUR, which can hold at most 24 different ones; list each value once/,
        },
      ],
    },
    {
      name: 'a numbered weekday with a week number',
      runbooks: [{ tasks: [taskItem({ rrule: 'FREQ=YEARLY;BYWEEKNO=10;BYDAY=1MO' })] }],
      errors: [{ messageId: 'invalid', message: /has both BYWEEKNO and a numbered weekday \(1MO\)/ }],
    },
    {
      name: 'a week number outside a yearly rule',
      runbooks: [{ tasks: [taskItem({ rrule: 'FREQ=MONTHLY;BYWEEKNO=3' })] }],
      errors: [{ messageId: 'invalid', message: /BYWEEKNO in a MONTHLY rule; BYWEEKNO belongs in a YEARLY rule/ }],
    },
  ],
});
