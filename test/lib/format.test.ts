import { afterEach, describe, expect, it } from 'vitest';
import { TimeEngine, type Occurrence } from '@almanac/verifier/internal';
import {
  daysBetween,
  formatClockSpan,
  formatDate,
  formatInOtherZone,
  formatLevel,
  isoInstant,
  isPlaceholder,
  listInWords,
  noticeInWords,
  wallClock,
  zoneLabel,
} from '../../packages/starlight/src/lib/format.ts';
import { localTimesInWords, occurrenceBothZones, occurrenceWords, ordinal } from '@almanac/verifier/time-words';
import { subscribeUrls, systemFeed, ownerFeed, ALL_FEED } from '../../packages/starlight/src/lib/feeds.ts';

const at = (iso: string) => Date.parse(iso);
const span = (start: string, end: string) => ({ start: at(start), end: at(end), allDay: false });

describe('zones and wall clocks', () => {
  it('names zones as people say them', () => {
    expect(zoneLabel('UTC')).toBe('UTC');
    expect(zoneLabel('Africa/Nairobi')).toBe('Nairobi');
    expect(zoneLabel('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
  });

  it('reads an instant on the wall clock of a zone', () => {
    expect(wallClock(at('2026-11-28T23:30:00Z'), 'Africa/Nairobi')).toEqual({ date: '2026-11-29', time: '02:30' });
    expect(wallClock(at('2026-07-01T00:00:00Z'), 'Europe/London')).toEqual({ date: '2026-07-01', time: '01:00' });
    expect(wallClock(at('2026-07-01T00:00:00Z'), 'UTC')).toEqual({ date: '2026-07-01', time: '00:00' });
  });

  it('formats dates from their digits', () => {
    expect(formatDate('2026-11-29')).toBe('Sun 29 Nov 2026');
    expect(formatDate('2026-11-29', 'long')).toBe('Sunday 29 November 2026');
    expect(daysBetween('2026-02-14', '2026-11-23')).toBe(282);
    expect(isoInstant(at('2026-11-29T02:00:00Z'))).toBe('2026-11-29T02:00Z');
  });
});

describe('spans and occurrences', () => {
  it('writes a span on one day, across midnight and over several days', () => {
    expect(formatClockSpan(at('2026-11-29T02:00:00Z'), at('2026-11-29T04:00:00Z'), 'UTC')).toBe('02:00–04:00 UTC');
    expect(formatClockSpan(at('2026-11-28T23:00:00Z'), at('2026-11-29T01:00:00Z'), 'UTC')).toBe('23:00–01:00 UTC');
    // Where a day's list is scanned, the next day is said; midnight is still the same evening.
    expect(formatClockSpan(at('2026-11-28T23:00:00Z'), at('2026-11-29T01:00:00Z'), 'UTC', true)).toBe(
      '23:00–01:00 UTC (+1 day)',
    );
    expect(formatClockSpan(at('2026-11-28T22:00:00Z'), at('2026-11-29T00:00:00Z'), 'UTC', true)).toBe(
      '22:00–00:00 UTC',
    );
    expect(formatClockSpan(at('2026-11-29T02:00:00Z'), at('2026-12-01T02:00:00Z'), 'UTC')).toBe(
      '02:00 UTC to Tue 1 Dec 2026, 02:00',
    );
    expect(formatClockSpan(at('2026-11-29T02:00:00Z'), at('2026-11-29T02:00:00Z'), 'UTC')).toBe('02:00 UTC');
  });

  it('gives an occurrence in its zone, and in UTC when that differs', () => {
    const occurrence = span('2026-11-28T23:00:00Z', '2026-11-29T01:00:00Z');
    expect(occurrenceWords(occurrence, 'Africa/Nairobi', wallClock)).toBe('Sun 29 Nov 2026, 02:00–04:00 Nairobi');
    expect(occurrenceBothZones(occurrence, 'Africa/Nairobi', wallClock)).toBe(
      'Sun 29 Nov 2026, 02:00–04:00 Nairobi (Sat 28 Nov 2026, 23:00–01:00 UTC)',
    );
    expect(occurrenceBothZones(span('2026-11-29T05:00:00Z', '2026-11-29T07:00:00Z'), 'Africa/Nairobi', wallClock)).toBe(
      'Sun 29 Nov 2026, 08:00–10:00 Nairobi (05:00–07:00 UTC)',
    );
    expect(occurrenceBothZones(span('2026-11-29T02:00:00Z', '2026-11-29T04:00:00Z'), 'UTC', wallClock)).toBe(
      'Sun 29 Nov 2026, 02:00–04:00 UTC',
    );
    expect(
      occurrenceWords({ ...span('2026-11-29T00:00:00Z', '2026-11-30T00:00:00Z'), allDay: true }, 'UTC', wallClock),
    ).toBe('Sun 29 Nov 2026 (the whole day, UTC)');
  });

  it('writes a recurring local time with its length', () => {
    expect(localTimesInWords('02:00', 'PT2H', 'UTC')).toBe('02:00–04:00 UTC');
    expect(localTimesInWords('23:00', 'PT3H', 'London')).toBe('23:00–02:00 London');
    expect(localTimesInWords('09:00', undefined, 'UTC')).toBe('09:00 UTC');
    expect(localTimesInWords('02:00', 'P2D', 'UTC')).toBe('02:00 UTC for 2 days');
  });
});

describe('the same times in another zone', () => {
  const engine = new TimeEngine({ from: at('2026-01-01T00:00:00Z'), to: at('2027-01-01T00:00:00Z') });
  const expand = (rrule: string, start: string, duration: string, zone: string): Occurrence[] => {
    const expansion = engine.expand({ rrule, start, duration }, zone);
    if (!expansion.ok) throw new Error(expansion.message);
    return expansion.occurrences;
  };

  it('converts a UTC window to a zone without daylight saving time', () => {
    expect(formatInOtherZone(expand('FREQ=WEEKLY;BYDAY=SU', '02:00', 'PT2H', 'UTC'), '02:00', 'Africa/Nairobi')).toBe(
      '05:00–07:00 Nairobi',
    );
  });

  it('names the day when the other zone is on another date', () => {
    expect(formatInOtherZone(expand('FREQ=WEEKLY;BYDAY=SU', '02:00', 'PT2H', 'Africa/Nairobi'), '02:00', 'UTC')).toBe(
      '23:00–01:00 UTC, the day before',
    );
  });

  it('gives both readings when daylight saving time moves the other zone', () => {
    expect(formatInOtherZone(expand('FREQ=MONTHLY;BYDAY=2TU', '22:00', 'PT3H', 'Europe/London'), '22:00', 'UTC')).toBe(
      '22:00–01:00 UTC or 21:00–00:00 UTC, with daylight saving time',
    );
  });

  it('reads an hourly rule from its stated start only', () => {
    expect(
      formatInOtherZone(expand('FREQ=HOURLY;INTERVAL=6', '00:00', 'PT10M', 'Africa/Nairobi'), '00:00', 'UTC'),
    ).toBe('21:00–21:10 UTC, the day before');
  });

  it('says nothing without occurrences', () => {
    expect(formatInOtherZone([], '02:00', 'UTC')).toBeUndefined();
  });
});

describe('durations, levels and contacts in words', () => {
  it('never shows a raw ISO duration', () => {
    expect(noticeInWords('PT24H')).toBe('24 hours ahead');
    expect(noticeInWords('P2W')).toBe('2 weeks ahead');
    expect(noticeInWords('PT0S')).toBe('as it starts');
    expect(noticeInWords(undefined)).toBe('not stated in the runbook');
  });

  it('writes threshold levels with unit, direction and hold time', () => {
    expect(formatLevel({ value: 70, for: 'PT10M' }, { unit: 'percent', comparator: '>' })).toBe(
      'above 70 % for 10 minutes',
    );
    expect(formatLevel({ value: 20 }, { unit: 'percent', comparator: '<' })).toBe('below 20 %');
    expect(formatLevel({ value: 10 }, { unit: 'per minute', comparator: '>' })).toBe('above 10 per minute');
    expect(formatLevel({ value: 3 }, { comparator: '>' })).toBe('above 3');
  });

  it('marks the placeholders the owner-placeholder rule reports', () => {
    for (const text of ['[Name]', '+254 7XX XXX XXX', '[email]', 'TBD', '<phone>'])
      expect(isPlaceholder(text)).toBe(true);
    for (const text of ['IT Manager', '+254 711 000 123', 'itmanager@example.com'])
      expect(isPlaceholder(text)).toBe(false);
  });

  it('counts and lists in words', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, -1, -2].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      'last',
      '2nd to last',
    ]);
    expect(listInWords(['a'])).toBe('a');
    expect(listInWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('feeds', () => {
  it('gives the webcal, https, Google Calendar, Outlook.com and Microsoft 365 URLs of a feed at the site URL', () => {
    expect(subscribeUrls('https://runbooks.example.com/', ALL_FEED, 'All windows & more')).toEqual({
      https: 'https://runbooks.example.com/calendars/all.ics',
      webcal: 'webcal://runbooks.example.com/calendars/all.ics',
      google: 'https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Frunbooks.example.com%2Fcalendars%2Fall.ics',
      outlook:
        'https://outlook.live.com/calendar/0/addfromweb?url=https%3A%2F%2Frunbooks.example.com%2Fcalendars%2Fall.ics&name=All%20windows%20%26%20more',
      office:
        'https://outlook.office.com/calendar/0/addfromweb?url=https%3A%2F%2Frunbooks.example.com%2Fcalendars%2Fall.ics&name=All%20windows%20%26%20more',
    });
    expect(systemFeed('mvono')).toBe('/calendars/system/mvono.ics');
    expect(ownerFeed('it-manager')).toBe('/calendars/owner/it-manager.ics');
  });
});

describe('independence from the machine zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    // Assigning undefined would set the string "undefined", which Node reads as GMT, for every later file in the worker.
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it('formats the same under any TZ', () => {
    const render = () => [
      occurrenceBothZones(span('2026-11-28T23:00:00Z', '2026-11-29T01:00:00Z'), 'Africa/Nairobi', wallClock),
      formatDate('2026-03-29'),
      formatClockSpan(at('2026-03-29T00:30:00Z'), at('2026-03-29T02:30:00Z'), 'Europe/London'),
    ];
    process.env.TZ = 'UTC';
    const expected = render();
    for (const zone of ['Pacific/Kiritimati', 'America/St_Johns', 'Asia/Kathmandu']) {
      process.env.TZ = zone;
      expect(render()).toEqual(expected);
    }
  });
});
