import { testRule, taskItem, windowItem } from '../../test/rule-tester.ts';
import { rruleInvalid } from './rrule-invalid.ts';

testRule(rruleInvalid, {
  valid: [
    {
      name: 'what the seeds need',
      runbooks: [
        {
          windows: [windowItem(), windowItem({ id: 'monthly', rrule: 'FREQ=MONTHLY;BYDAY=-1SU' })],
          tasks: ['FREQ=DAILY', 'FREQ=WEEKLY;BYDAY=MO,TH', 'FREQ=MONTHLY;BYDAY=1SU', 'FREQ=MONTHLY;BYMONTHDAY=1', 'FREQ=MONTHLY;INTERVAL=3', 'FREQ=YEARLY;BYMONTH=1,4,7,10', 'FREQ=YEARLY', 'FREQ=HOURLY;INTERVAL=4', 'FREQ=DAILY;BYHOUR=0,16'].map((rrule, i) => taskItem({ id: `t${i}`, rrule })),
        },
      ],
    },
    { name: 'a leap day occurs, though not every year', runbooks: [{ tasks: [taskItem({ rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29' })] }] },
  ],
  invalid: [
    { name: 'three-letter weekday', runbooks: [{ windows: [windowItem({ rrule: 'FREQ=WEEKLY;BYDAY=SUN' })] }], errors: [{ path: 'windows[0].rrule', message: /has 'BYDAY=SUN', but BYDAY takes weekdays MO, TU/ }] },
    { name: 'no FREQ', runbooks: [{ tasks: [taskItem({ rrule: 'BYDAY=MO' })] }], errors: [{ path: 'tasks[0].rrule', message: /has no FREQ/ }] },
    { name: 'unknown part', runbooks: [{ tasks: [taskItem({ rrule: 'FREQ=DAILY;EVERY=2' })] }], errors: [{ message: /unknown part 'EVERY=2'/ }] },
    { name: 'DTSTART', runbooks: [{ tasks: [taskItem({ rrule: 'DTSTART=20260101;FREQ=DAILY' })] }], errors: [{ message: /give the time in 'start'/ }] },
    { name: 'COUNT', runbooks: [{ tasks: [taskItem({ rrule: 'FREQ=DAILY;COUNT=3' })] }], errors: [{ message: /use UNTIL/ }] },
    { name: 'month 13', runbooks: [{ tasks: [taskItem({ rrule: 'FREQ=YEARLY;BYMONTH=13' })] }], errors: [{ message: /BYMONTH takes months 1 to 12/ }] },
    { name: 'never occurs', runbooks: [{ tasks: [taskItem({ rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30' })] }], errors: [{ path: 'tasks[0].rrule', message: /never occurs/ }] },
  ],
});
