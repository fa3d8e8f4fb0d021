import { describe, expect, it } from 'vitest';
import { cadenceOf, describeRrule } from '../../src/lib/recurrence.ts';

describe('describeRrule', () => {
  it.each([
    ['FREQ=DAILY', 'Every day'],
    ['FREQ=DAILY;INTERVAL=2', 'Every 2 days'],
    ['FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR', 'Every weekday (Monday to Friday)'],
    ['FREQ=HOURLY', 'Every hour'],
    ['FREQ=HOURLY;INTERVAL=6', 'Every 6 hours'],
    ['FREQ=WEEKLY;BYDAY=SU', 'Every Sunday'],
    ['FREQ=WEEKLY;BYDAY=MO,TH', 'Every Monday and Thursday'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', 'Every 2 weeks on Monday'],
    // No BYDAY: the verifier anchors rules at 2000-01-01, a Saturday.
    ['FREQ=WEEKLY', 'Every Saturday'],
    ['FREQ=MONTHLY', '1st of every month'],
    ['FREQ=MONTHLY;BYDAY=-1SU', 'Last Sunday of every month'],
    ['FREQ=MONTHLY;BYDAY=1SU', 'First Sunday of every month'],
    ['FREQ=MONTHLY;BYDAY=2SU,3SU,4SU', 'Second, third and fourth Sunday of every month'],
    ['FREQ=MONTHLY;BYDAY=1MO,-1FR', 'First Monday and last Friday of every month'],
    ['FREQ=MONTHLY;BYDAY=-2FR', 'Second to last Friday of every month'],
    ['FREQ=MONTHLY;BYMONTHDAY=1,15', '1st and 15th of every month'],
    ['FREQ=MONTHLY;BYMONTHDAY=-1', 'Last day of every month'],
    ['FREQ=MONTHLY;INTERVAL=3', '1st of January, April, July and October (every 3 months)'],
    ['FREQ=MONTHLY;INTERVAL=5', '1st of every 5 months'],
    ['FREQ=YEARLY', 'Every year on 1 January'],
    ['FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15', 'Every year on 15 March'],
    ['FREQ=YEARLY;BYMONTH=3,9', 'Every year on 1 March and 1 September'],
    ['FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'Every year on the last Sunday of October'],
    ['FREQ=WEEKLY;BYDAY=SU;UNTIL=20271231', 'Every Sunday, until Fri 31 Dec 2027'],
  ])('%s reads "%s"', (rrule, words) => {
    expect(describeRrule(rrule)).toBe(words);
  });

  it('names the hours of a rule that lists them, at the minute of its start', () => {
    expect(describeRrule('FREQ=HOURLY;INTERVAL=4;BYHOUR=4,8,12,16,20', '04:00')).toBe('Every day at 04:00, 08:00, 12:00, 16:00 and 20:00');
    expect(describeRrule('FREQ=DAILY;BYHOUR=9,17', '09:30')).toBe('Every day at 09:30 and 17:30');
    expect(describeRrule('FREQ=DAILY;BYDAY=MO;BYHOUR=9;BYMINUTE=15')).toBe('Every Monday at 09:15');
  });

  it('shows a rule it cannot say exactly as written', () => {
    expect(describeRrule('FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1')).toBe('Repeats by the rule FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1');
    // From 04:00 every 3 hours never reaches 08:00.
    expect(describeRrule('FREQ=HOURLY;INTERVAL=3;BYHOUR=4,8', '04:00')).toBe('Repeats by the rule FREQ=HOURLY;INTERVAL=3;BYHOUR=4,8');
    expect(describeRrule('FREQ=DAILY;BYHOUR=9;BYMINUTE=0,30')).toBe('Repeats by the rule FREQ=DAILY;BYHOUR=9;BYMINUTE=0,30');
  });
});

describe('cadenceOf', () => {
  it.each([
    ['FREQ=DAILY', 'daily'],
    ['FREQ=WEEKLY;BYDAY=MO,TH', 'weekly'],
    ['FREQ=MONTHLY;BYDAY=-1SU', 'monthly'],
    ['FREQ=MONTHLY;INTERVAL=3', 'quarterly'],
    ['FREQ=YEARLY;BYMONTH=1,4,7,10', 'quarterly'],
    ['FREQ=YEARLY', 'annual'],
    ['FREQ=MONTHLY;INTERVAL=12', 'annual'],
    ['FREQ=HOURLY;INTERVAL=6', 'other'],
    ['FREQ=WEEKLY;INTERVAL=2', 'other'],
  ])('%s is %s', (rrule, cadence) => {
    expect(cadenceOf(rrule)).toBe(cadence);
  });
});
