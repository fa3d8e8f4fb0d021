import { describe, expect, it } from 'vitest';
import { recurrenceInWords, scheduleInWords, zoneTimeName } from './words.ts';

describe('recurrenceInWords', () => {
  it.each([
    ['FREQ=DAILY', 'every day'],
    ['FREQ=DAILY;INTERVAL=2', 'every 2 days'],
    ['FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR', 'every Monday, Tuesday, Wednesday, Thursday and Friday'],
    ['FREQ=WEEKLY;BYDAY=SU', 'every Sunday'],
    // No BYDAY: the anchor, 2000-01-01, was a Saturday.
    ['FREQ=WEEKLY', 'every Saturday'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', 'every 2 weeks on Monday'],
    ['FREQ=MONTHLY;BYDAY=-1SU', 'the last Sunday of every month'],
    ['FREQ=MONTHLY;BYDAY=1SU', 'the first Sunday of every month'],
    ['FREQ=MONTHLY;BYDAY=-2FR', 'the 2nd to last Friday of every month'],
    ['FREQ=MONTHLY', 'the 1st of every month'],
    ['FREQ=MONTHLY;BYMONTHDAY=-1', 'the last day of every month'],
    ['FREQ=MONTHLY;INTERVAL=3', 'the 1st of January, April, July and October'],
    ['FREQ=MONTHLY;INTERVAL=5', 'the 1st of every 5 months'],
    ['FREQ=MONTHLY;BYMONTH=1,7;BYMONTHDAY=15', 'the 15th of January and July'],
    ['FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=22', 'every year on the 22nd of March'],
    ['FREQ=HOURLY;INTERVAL=6', 'every 6 hours'],
  ])('%s is "%s"', (rrule, words) => {
    expect(recurrenceInWords(rrule)).toBe(words);
  });

  it('gives a rule the words cannot say exactly, or an invalid one, as written', () => {
    expect(recurrenceInWords('FREQ=MONTHLY;BYDAY=MO;BYSETPOS=-1')).toBe('by the rule FREQ=MONTHLY;BYDAY=MO;BYSETPOS=-1');
    expect(recurrenceInWords('FREQ=HOURLY;BYHOUR=4,8')).toBe('by the rule FREQ=HOURLY;BYHOUR=4,8');
    expect(recurrenceInWords('FREQ=SOMETIMES')).toBe('by the rule FREQ=SOMETIMES');
  });
});

describe('scheduleInWords', () => {
  it('says the time of day and its zone, a span past midnight by its clock, and a long one by its length', () => {
    expect(scheduleInWords({ rrule: 'FREQ=WEEKLY;BYDAY=SU', start: '02:00', duration: 'PT2H' }, 'UTC')).toBe('every Sunday, 02:00–04:00 UTC');
    expect(scheduleInWords({ rrule: 'FREQ=DAILY', start: '23:30', duration: 'PT1H' }, 'Africa/Nairobi')).toBe('every day, 23:30–00:30 Africa/Nairobi');
    expect(scheduleInWords({ rrule: 'FREQ=DAILY', start: '06:00' }, 'Europe/London')).toBe('every day at 06:00 Europe/London');
    expect(scheduleInWords({ rrule: 'FREQ=MONTHLY', start: '22:00', duration: 'P2D' }, 'UTC')).toBe('the 1st of every month, 22:00 UTC for 2 days');
    expect(scheduleInWords({ rrule: 'FREQ=WEEKLY;BYDAY=MO' }, 'Africa/Nairobi')).toBe('every Monday, at no set hour (Africa/Nairobi)');
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
