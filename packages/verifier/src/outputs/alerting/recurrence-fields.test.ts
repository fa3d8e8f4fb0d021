import { describe, expect, it } from 'vitest';
import { parseRruleBody } from '../../time/rrule-body.ts';
import { recurrenceDayFields } from './recurrence-fields.ts';

const fields = (rule: string) => {
  const parsed = parseRruleBody(rule);
  if (!parsed.ok) throw new Error(parsed.message);
  return recurrenceDayFields(parsed);
};

describe('recurrenceDayFields', () => {
  it('says what Alertmanager can select', () => {
    expect(fields('FREQ=DAILY')).toEqual([{}]);
    expect(fields('FREQ=WEEKLY;BYDAY=SU,WE')).toEqual([{ weekdays: ['sunday', 'wednesday'] }]);
    expect(fields('FREQ=WEEKLY')).toEqual([{ weekdays: ['saturday'] }]);
    expect(fields('FREQ=MONTHLY')).toEqual([{ days_of_month: ['1'] }]);
    expect(fields('FREQ=MONTHLY;BYDAY=-1SU')).toEqual([{ weekdays: ['sunday'], days_of_month: ['-7:-1'] }]);
    expect(fields('FREQ=MONTHLY;BYDAY=MO,2TU,5FR')).toEqual([
      { weekdays: ['monday'] },
      { weekdays: ['tuesday'], days_of_month: ['8:14'] },
      { weekdays: ['friday'], days_of_month: ['29:31'] },
    ]);
    expect(fields('FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15')).toEqual([
      { days_of_month: ['15'], months: ['january', 'april', 'july', 'october'] },
    ]);
    expect(fields('FREQ=MONTHLY;INTERVAL=6;BYMONTH=7,8;BYMONTHDAY=-1')).toEqual([
      { days_of_month: ['-1'], months: ['july'] },
    ]);
    expect(fields('FREQ=YEARLY')).toEqual([{ days_of_month: ['1'], months: ['january'] }]);
    expect(fields('FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU')).toEqual([
      { weekdays: ['sunday'], days_of_month: ['-7:-1'], months: ['march'] },
    ]);
    expect(fields('FREQ=DAILY;BYDAY=FR;BYMONTHDAY=13')).toEqual([{ weekdays: ['friday'], days_of_month: ['13'] }]);
  });

  it('says why, where it cannot', () => {
    expect(fields('FREQ=WEEKLY;INTERVAL=2;BYDAY=TH')).toEqual({
      reason: 'its INTERVAL=2 has no Alertmanager equivalent',
    });
    expect(fields('FREQ=MONTHLY;INTERVAL=5')).toEqual({ reason: 'its INTERVAL=5 has no Alertmanager equivalent' });
    expect(fields('FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1')).toEqual({
      reason: 'its BYSETPOS has no Alertmanager equivalent',
    });
    expect(fields('FREQ=DAILY;UNTIL=20301231')).toEqual({ reason: 'its UNTIL has no Alertmanager equivalent' });
    expect(fields('FREQ=HOURLY')).toEqual({ reason: 'it repeats hourly' });
    expect(fields('FREQ=MONTHLY;BYDAY=-5SU')).toEqual({ reason: 'its BYDAY -5 has no Alertmanager equivalent' });
    expect(fields('FREQ=YEARLY;BYDAY=20MO')).toEqual({
      reason: 'a numbered weekday of the year has no Alertmanager equivalent',
    });
    expect(fields('FREQ=MONTHLY;BYDAY=1MO;BYMONTHDAY=1,2,3')).toEqual({
      reason: 'a numbered weekday together with BYMONTHDAY has no Alertmanager equivalent',
    });
  });
});
