import { describe, expect, it } from 'vitest';
import { parseRruleBody } from '../../time/rrule-body.ts';
import { ZoneTimeline } from '../../time/zone.ts';
import { isPortableRule, vtimezoneLines } from './series.ts';

const portable = (body: string) => {
  const parsed = parseRruleBody(body);
  if (!parsed.ok) throw new Error(parsed.message);
  return isPortableRule(parsed.rule);
};

describe('the portable subset: Outlook’s recurrence templates', () => {
  it('takes daily, weekly on days, monthly on a day or an nth weekday, yearly on one month', () => {
    for (const body of [
      'FREQ=DAILY',
      'FREQ=DAILY;INTERVAL=2',
      'FREQ=WEEKLY;BYDAY=MO,WE,FR',
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
      'FREQ=MONTHLY;BYMONTHDAY=15',
      'FREQ=MONTHLY;BYDAY=-1SU',
      'FREQ=MONTHLY;INTERVAL=3;BYDAY=2SA',
      'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1',
      'FREQ=YEARLY;BYMONTH=11;BYDAY=4TH',
    ]) {
      expect(portable(body), body).toBe(true);
    }
  });

  it('refuses what some client misreads or has no template for', () => {
    for (const body of [
      'FREQ=MONTHLY;BYMONTHDAY=-1',
      'FREQ=MONTHLY;BYMONTHDAY=31',
      'FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1',
      'FREQ=MONTHLY;BYDAY=5SU',
      'FREQ=MONTHLY;BYDAY=1SU,3SU',
      'FREQ=YEARLY;BYMONTH=1,4,7,10;BYDAY=2SA',
      'FREQ=YEARLY;BYWEEKNO=10',
      'FREQ=DAILY;BYHOUR=4,16',
      'FREQ=HOURLY;INTERVAL=6',
      'FREQ=DAILY;BYDAY=MO',
    ]) {
      expect(portable(body), body).toBe(false);
    }
  });
});

describe('VTIMEZONE from the engine’s zone data', () => {
  it('gives the offset at the start and each change in the span, each with DTSTART in the offset before it', () => {
    const lines = vtimezoneLines(new ZoneTimeline('Europe/London', Date.UTC(2026, 0, 10), Date.UTC(2026, 11, 31)));
    expect(lines).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Europe/London',
      'BEGIN:STANDARD',
      'DTSTART:20260108T000000',
      'TZOFFSETFROM:+0000',
      'TZOFFSETTO:+0000',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:20260329T010000',
      'TZOFFSETFROM:+0000',
      'TZOFFSETTO:+0100',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'DTSTART:20261025T020000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0000',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });

  it('writes offsets of minutes and of no change', () => {
    const kolkata = vtimezoneLines(new ZoneTimeline('Asia/Kolkata', Date.UTC(2026, 0, 10), Date.UTC(2026, 11, 31)));
    expect(kolkata.filter((line) => line.startsWith('TZOFFSET'))).toEqual(['TZOFFSETFROM:+0530', 'TZOFFSETTO:+0530']);
    const stJohns = vtimezoneLines(new ZoneTimeline('America/St_Johns', Date.UTC(2026, 0, 10), Date.UTC(2026, 5, 1)));
    expect(stJohns.filter((line) => line.startsWith('TZOFFSET'))).toEqual([
      'TZOFFSETFROM:-0330',
      'TZOFFSETTO:-0330',
      'TZOFFSETFROM:-0330',
      'TZOFFSETTO:-0230',
    ]);
  });
});
