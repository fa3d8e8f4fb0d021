import { describe, expect, it } from 'vitest';
import { timeMarkup } from '@almanac/verifier/time-words';
import { wallClock } from '../../packages/starlight/src/lib/format.ts';
import type { LiveSchedule } from '../../packages/starlight/src/lib/live-schedule.ts';
import {
  ageWords,
  agendaZoneWords,
  clock,
  countdownWords,
  liveTime,
  mondayOf,
  statusAt,
  timeInZones,
  zoneOfMode,
} from '../../packages/starlight/src/scripts/reader-words.ts';

/*
 * The reader's browser's words (src/scripts/reader-words.ts, on Intl's clock), held to the
 * build's (the verifier's clock) for the same instant and zone.
 */

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe('a <time> the browser writes', () => {
  const cases: Array<[string, number, number | undefined, string]> = [
    // 01:00–03:00 on Sunday in Nairobi is 22:00–00:00 on Saturday in UTC: the UTC half names its date.
    ['a UTC date that differs', at('2026-11-28T22:00:00Z'), at('2026-11-29T00:00:00Z'), 'Africa/Nairobi'],
    ['the same date', at('2026-11-29T05:00:00Z'), at('2026-11-29T07:00:00Z'), 'Africa/Nairobi'],
    ['a span over a clock change', at('2026-03-29T00:30:00Z'), at('2026-03-29T02:30:00Z'), 'Europe/London'],
    ['UTC', at('2026-11-29T02:00:00Z'), at('2026-11-29T04:00:00Z'), 'UTC'],
    ['an instant, "until" it', at('2026-11-29T23:30:00Z'), undefined, 'America/New_York'],
  ];

  it.each(cases)('is the build’s for %s', (_, start, end, zone) => {
    expect(liveTime(start, end, zone)).toEqual(timeMarkup({ start, end }, zone, wallClock));
  });

  it('names the UTC date where it is another day', () => {
    expect(liveTime(at('2026-11-28T22:00:00Z'), at('2026-11-29T00:00:00Z'), 'Africa/Nairobi').text).toBe(
      'Sun 29 Nov 2026, 01:00–03:00 Nairobi (Sat 28 Nov 2026, 22:00–00:00 UTC)',
    );
  });
});

describe('a time in the reader’s chosen zone', () => {
  const time = {
    start: at('2026-11-29T02:00:00Z'),
    end: at('2026-11-29T04:00:00Z'),
    allDay: false,
    ownZone: 'Africa/Nairobi',
    zones: ['Africa/Nairobi', 'UTC'],
    spanOnly: false,
  };

  it('leads with the chosen zone, then UTC and the runbook’s, each with its date where that differs', () => {
    expect(timeInZones(time, zoneOfMode('reader', 'Africa/Nairobi', 'America/New_York'))).toEqual({
      text: 'Sat 28 Nov 2026, 21:00–23:00 New York',
      extra: ' · Sun 29 Nov 2026, 02:00–04:00 UTC · Sun 29 Nov 2026, 05:00–07:00 Nairobi',
    });
  });

  it('does not name a zone twice under another of its names', () => {
    expect(timeInZones({ ...time, ownZone: 'Etc/UTC', zones: ['Etc/UTC', 'UTC'] }, 'UTC')).toEqual({
      text: 'Sun 29 Nov 2026, 02:00–04:00 UTC',
      extra: undefined,
    });
  });

  it('leaves out the date under a day heading, and marks a span into the next day', () => {
    expect(timeInZones({ ...time, spanOnly: true, end: at('2026-11-29T05:00:00Z') }, 'Asia/Tokyo').text).toBe(
      '11:00–14:00 Tokyo',
    );
    expect(
      timeInZones(
        { ...time, spanOnly: true, start: at('2026-11-29T13:00:00Z'), end: at('2026-11-29T16:00:00Z') },
        'Asia/Tokyo',
      ).text,
    ).toBe('22:00–01:00 Tokyo (+1 day)');
  });

  it('says what the calendar groups by in each mode', () => {
    expect(agendaZoneWords('reader', 'Africa/Nairobi')).toBe(
      "by day in your time zone (Nairobi); times in your zone, then UTC and the window's own",
    );
    expect(agendaZoneWords('own')).toBe("by day in each runbook's time zone; times in it, then UTC");
  });

  it('reads the clock as the verifier does', () => {
    expect(clock(at('2026-03-29T01:30:00Z'), 'Europe/London')).toEqual(
      wallClock(at('2026-03-29T01:30:00Z'), 'Europe/London'),
    );
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
  });
});

describe('the live status', () => {
  const now = at('2026-11-29T03:00:00Z');

  it('counts down and ages in words a glance reads', () => {
    expect(countdownWords(now + 20_000, now, 'left')).toBe('1 min left');
    expect(countdownWords(now + 1.5 * HOUR, now, 'in')).toBe('in 1 h 30 min');
    expect(countdownWords(now + 72 * HOUR, now, 'in')).toBe('in 3 days');
    expect(ageWords(now - HOUR, now)).toBe('1 hour ago');
    expect(ageWords(now - 50 * HOUR, now)).toBe('2 days ago');
    expect(ageWords(now + HOUR, now)).toBe('0 minutes ago');
  });

  it('tells what is under way and what is next, and when it cannot know', () => {
    const schedule = { builtAt: 0, until: at('2026-12-01T00:00:00Z'), windows: [], occurrences: [] } as LiveSchedule;
    const mine: Array<[number, number, number]> = [
      [at('2026-11-29T02:00:00Z'), at('2026-11-29T04:00:00Z'), 0],
      [at('2026-11-30T02:00:00Z'), at('2026-11-30T04:00:00Z'), 0],
    ];
    expect(statusAt(schedule, now, mine)).toEqual({ current: [mine[0]], next: mine[1], stale: false });
    expect(statusAt(schedule, at('2026-12-02T00:00:00Z'), mine)).toEqual({ current: [], next: undefined, stale: true });
  });
});
