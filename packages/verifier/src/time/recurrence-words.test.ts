import { describe, expect, it } from 'vitest';
import { zoneTimeName } from './format.ts';
import { recurrenceInWords, scheduleInWords } from './recurrence-words.ts';

describe('recurrenceInWords', () => {
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
    ['FREQ=MONTHLY;BYMONTH=1,7;BYMONTHDAY=15', '15th of January and July'],
    ['FREQ=YEARLY', 'Every year on 1 January'],
    ['FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15', 'Every year on 15 March'],
    ['FREQ=YEARLY;BYMONTH=3,9', 'Every year on 1 March and 1 September'],
    ['FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'Every year on the last Sunday of October'],
  ])('%s reads "%s" as a sentence', (rrule, words) => {
    expect(recurrenceInWords(rrule, { style: 'sentence' })).toBe(words);
  });

  it('starts with a small letter as a phrase, the default, for words inside a sentence', () => {
    expect(recurrenceInWords('FREQ=WEEKLY;BYDAY=SU')).toBe('every Sunday');
    expect(recurrenceInWords('FREQ=MONTHLY;BYDAY=-1SU')).toBe('last Sunday of every month');
    expect(recurrenceInWords('FREQ=MONTHLY;BYDAY=1SU', { style: 'phrase' })).toBe('first Sunday of every month');
  });

  it('says that a date in UNTIL ends the schedule at 00:00 that day, and which zone an instant is in', () => {
    // A 02:00 start on 31 December 2027 is after 00:00 that day, so it is not kept: "until Fri 31 Dec 2027" would read as if it were.
    expect(recurrenceInWords('FREQ=WEEKLY;BYDAY=SU;UNTIL=20271231', { style: 'sentence' })).toBe(
      'Every Sunday, until 00:00 on Fri 31 Dec 2027',
    );
    expect(recurrenceInWords('FREQ=DAILY;UNTIL=20270301T050000Z')).toBe('every day, until 05:00 UTC on Mon 1 Mar 2027');
    expect(recurrenceInWords('FREQ=DAILY;UNTIL=20270301T050000')).toBe('every day, until 05:00 on Mon 1 Mar 2027');
  });

  it('counts an INTERVAL of months from January, within BYMONTH, and never calls every second month every month', () => {
    expect(recurrenceInWords('FREQ=MONTHLY;INTERVAL=2;BYDAY=MO')).toBe(
      'every Monday in January, March, May, July, September and November',
    );
    expect(recurrenceInWords('FREQ=MONTHLY;INTERVAL=6;BYMONTH=1,3,7;BYMONTHDAY=15')).toBe('15th of January and July');
    expect(recurrenceInWords('FREQ=MONTHLY;BYMONTH=6;BYDAY=SA')).toBe('every Saturday in June');
    expect(recurrenceInWords('FREQ=MONTHLY;INTERVAL=5;BYDAY=MO')).toBe(
      'repeats by the rule FREQ=MONTHLY;INTERVAL=5;BYDAY=MO',
    );
    expect(recurrenceInWords('FREQ=MONTHLY;INTERVAL=5;BYMONTH=3')).toBe(
      'repeats by the rule FREQ=MONTHLY;INTERVAL=5;BYMONTH=3',
    );
  });

  it('gives as written the parts that narrow each other, and a weekday counted through the year', () => {
    for (const rrule of [
      'FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13',
      'FREQ=WEEKLY;BYDAY=SU;BYMONTH=6',
      'FREQ=DAILY;BYMONTHDAY=1',
      'FREQ=YEARLY;BYDAY=-1MO',
      'FREQ=YEARLY;INTERVAL=2;BYDAY=MO',
    ]) {
      expect(recurrenceInWords(rrule)).toBe(`repeats by the rule ${rrule}`);
    }
    expect(recurrenceInWords('FREQ=YEARLY;BYDAY=MO')).toBe('every Monday');
    expect(recurrenceInWords('FREQ=YEARLY;BYMONTH=12;BYDAY=SA,SU')).toBe('every Saturday and Sunday in December');
  });

  it('names the hours of a rule that lists them, at the minute of its start', () => {
    expect(recurrenceInWords('FREQ=HOURLY;INTERVAL=4;BYHOUR=4,8,12,16,20', { start: '04:00' })).toBe(
      'every day at 04:00, 08:00, 12:00, 16:00 and 20:00',
    );
    expect(recurrenceInWords('FREQ=DAILY;BYHOUR=9,17', { start: '09:30' })).toBe('every day at 09:30 and 17:30');
    expect(recurrenceInWords('FREQ=DAILY;BYDAY=MO;BYHOUR=9;BYMINUTE=15')).toBe('every Monday at 09:15');
  });

  it('gives a rule the words cannot say exactly, or an invalid one, as written', () => {
    expect(recurrenceInWords('FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1', { style: 'sentence' })).toBe(
      'Repeats by the rule FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1',
    );
    // From 04:00 every 3 hours never reaches 08:00.
    expect(recurrenceInWords('FREQ=HOURLY;INTERVAL=3;BYHOUR=4,8', { start: '04:00' })).toBe(
      'repeats by the rule FREQ=HOURLY;INTERVAL=3;BYHOUR=4,8',
    );
    expect(recurrenceInWords('FREQ=DAILY;BYHOUR=9;BYMINUTE=0,30')).toBe(
      'repeats by the rule FREQ=DAILY;BYHOUR=9;BYMINUTE=0,30',
    );
    expect(recurrenceInWords('FREQ=YEARLY;BYMONTHDAY=15')).toBe('repeats by the rule FREQ=YEARLY;BYMONTHDAY=15');
    expect(recurrenceInWords('FREQ=SOMETIMES')).toBe('repeats by the rule FREQ=SOMETIMES');
    expect(recurrenceInWords('FREQ=DAILY;COUNT=3')).toBe('repeats by the rule FREQ=DAILY;COUNT=3');
  });
});

describe('scheduleInWords', () => {
  it('says the time of day and its zone, a span past midnight by its clock, and a long one by its length', () => {
    expect(scheduleInWords({ rrule: 'FREQ=WEEKLY;BYDAY=SU', start: '02:00', duration: 'PT2H' }, 'UTC')).toBe(
      'every Sunday, 02:00–04:00 UTC',
    );
    expect(scheduleInWords({ rrule: 'FREQ=DAILY', start: '23:30', duration: 'PT1H' }, 'Africa/Nairobi')).toBe(
      'every day, 23:30–00:30 Africa/Nairobi',
    );
    expect(scheduleInWords({ rrule: 'FREQ=DAILY', start: '06:00' }, 'Europe/London')).toBe(
      'every day at 06:00 Europe/London',
    );
    expect(scheduleInWords({ rrule: 'FREQ=MONTHLY', start: '22:00', duration: 'P2D' }, 'UTC')).toBe(
      '1st of every month, 22:00 UTC for 2 days',
    );
    expect(scheduleInWords({ rrule: 'FREQ=WEEKLY;BYDAY=MO' }, 'Africa/Nairobi')).toBe(
      'every Monday, any time that day (Africa/Nairobi time)',
    );
  });
});

describe('zoneTimeName', () => {
  it('names summer and winter time where the zone has letters for them, and the offset always', () => {
    expect(zoneTimeName('Europe/London', Date.UTC(2027, 2, 28, 2))).toBe('BST (UTC+01:00)');
    expect(zoneTimeName('Europe/London', Date.UTC(2027, 0, 1))).toBe('GMT (UTC+00:00)');
    expect(zoneTimeName('Africa/Nairobi', Date.UTC(2027, 0, 1))).toBe('UTC+03:00');
    expect(zoneTimeName('Asia/Kolkata', Date.UTC(2027, 0, 1))).toBe('UTC+05:30');
  });
});
