import { describe, expect, it } from 'vitest';
import { clock, offsetAt } from './format.ts';
import {
  clockTimes,
  contactsInOrder,
  howLongInWords,
  instantWithUtc,
  isUtc,
  noStartInWords,
  noticeInWords,
  occurrenceBothZones,
  ownerInWords,
  spanInWords,
  spanWithUtc,
  timeMarkup,
  zoneName,
  type Clock,
  type OffsetClock,
} from './time-words.ts';

const at = (iso: string) => Date.parse(iso);
const offsetClock: OffsetClock = (instant, zone) => ({ ...clock(instant, zone), offset: offsetAt(instant, zone) });
/** A clock like the browser's: no weekday of its own, so the words work it out from the date. */
const dateOnlyClock: Clock = (instant, zone) => {
  const { date, time } = clock(instant, zone);
  return { date, time };
};

describe('spanInWords', () => {
  const start = at('2026-03-29T00:30:00Z');
  const end = at('2026-03-29T02:30:00Z');

  it('writes one span in each style', () => {
    expect(spanInWords(start, end, 'Europe/London', 'page', clock)).toBe('Sun 29 Mar 2026, 00:30–03:30 London');
    expect(spanInWords(start, end, 'Europe/London', 'message', clock)).toBe('Sun 00:30–03:30 Europe/London');
    // Across the spring-forward change each end has its own offset.
    expect(spanInWords(start, end, 'Europe/London', 'feed', offsetClock)).toBe(
      'Sun 2026-03-29 00:30 (UTC+00:00) – 03:30 (UTC+01:00) Europe/London',
    );
    expect(
      spanInWords(at('2026-07-05T01:00:00Z'), at('2026-07-05T03:00:00Z'), 'Europe/London', 'feed', offsetClock),
    ).toBe('Sun 2026-07-05 02:00–04:00 Europe/London (UTC+01:00)');
    expect(spanInWords(start, end, 'UTC', 'feed', offsetClock)).toBe('Sun 2026-03-29 00:30–02:30 UTC');
  });

  it('names the end’s day only where it differs, and works out weekdays a clock does not give', () => {
    const late = at('2026-11-28T22:00:00Z');
    const after = at('2026-11-29T01:00:00Z');
    expect(spanInWords(late, after, 'UTC', 'message', dateOnlyClock)).toBe('Sat 22:00–Sun 01:00 UTC');
    expect(spanInWords(late, after, 'UTC', 'feed', offsetClock)).toBe('Sat 2026-11-28 22:00–Sun 2026-11-29 01:00 UTC');
    expect(spanWithUtc(late, after, 'Africa/Nairobi', dateOnlyClock)).toBe(
      'Sun 01:00–04:00 Africa/Nairobi = Sat 22:00–Sun 01:00 UTC',
    );
    expect(instantWithUtc(late, 'Africa/Nairobi', dateOnlyClock)).toBe('Sun 01:00 Africa/Nairobi = Sat 22:00 UTC');
    expect(instantWithUtc(late, 'UTC', clock)).toBe('Sat 22:00 UTC');
  });

  it('gives times of day alone, and one time for a span of no length', () => {
    expect(clockTimes(at('2026-11-29T02:00:00Z'), at('2026-11-29T03:00:00Z'), 'Africa/Nairobi', clock)).toBe(
      '05:00–06:00',
    );
    expect(clockTimes(at('2026-11-29T02:00:00Z'), at('2026-11-29T02:00:00Z'), 'UTC', clock)).toBe('02:00');
  });
});

describe('what counts as UTC', () => {
  const start = at('2026-11-29T02:00:00Z');
  const end = at('2026-11-29T04:00:00Z');

  it('is UTC under each of its IANA names, in every style', () => {
    for (const zone of ['UTC', 'Etc/UTC', 'Etc/Zulu']) {
      expect(isUtc(zone)).toBe(true);
      expect(zoneName(zone, 'message')).toBe('UTC');
      expect(zoneName(zone, 'page')).toBe('UTC');
      expect(spanWithUtc(start, end, zone, clock)).toBe('Sun 02:00–04:00 UTC');
      expect(instantWithUtc(start, zone, clock)).toBe('Sun 02:00 UTC');
      expect(spanInWords(start, end, zone, 'feed', offsetClock)).toBe('Sun 2026-11-29 02:00–04:00 UTC');
      expect(spanInWords(start, end, zone, 'page', clock)).toBe('Sun 29 Nov 2026, 02:00–04:00 UTC');
    }
    expect(isUtc('Etc/GMT')).toBe(false);
    expect(zoneName('America/Argentina/Buenos_Aires', 'page')).toBe('Buenos Aires');
    expect(zoneName('America/Argentina/Buenos_Aires', 'message')).toBe('America/Argentina/Buenos_Aires');
  });

  it('writes an instant in a feed as one time, not a span of none', () => {
    expect(spanInWords(start, start, 'UTC', 'feed', offsetClock)).toBe('Sun 2026-11-29 02:00 UTC');
    expect(spanInWords(start, start, 'Europe/London', 'feed', offsetClock)).toBe(
      'Sun 2026-11-29 02:00 Europe/London (UTC+00:00)',
    );
  });
});

describe('an occurrence in its zone and UTC', () => {
  it('names the UTC date only where it is another day', () => {
    expect(
      occurrenceBothZones(
        { start: at('2026-11-28T22:00:00Z'), end: at('2026-11-29T00:00:00Z') },
        'Africa/Nairobi',
        dateOnlyClock,
      ),
    ).toBe('Sun 29 Nov 2026, 01:00–03:00 Nairobi (Sat 28 Nov 2026, 22:00–00:00 UTC)');
    expect(
      occurrenceBothZones(
        { start: at('2026-11-29T05:00:00Z'), end: at('2026-11-29T07:00:00Z') },
        'Africa/Nairobi',
        clock,
      ),
    ).toBe('Sun 29 Nov 2026, 08:00–10:00 Nairobi (05:00–07:00 UTC)');
    expect(
      occurrenceBothZones(
        { start: at('2026-11-29T00:00:00Z'), end: at('2026-11-30T00:00:00Z'), allDay: true },
        'Africa/Nairobi',
        clock,
      ),
    ).toBe('Sun 29 Nov 2026 (the whole day, Nairobi)');
  });

  it('gives a <time> its attributes, without an end for an instant alone', () => {
    expect(
      timeMarkup(
        { start: at('2026-11-29T05:00:00Z'), end: at('2026-11-29T07:00:00Z') },
        'Africa/Nairobi',
        clock,
        'UTC',
      ),
    ).toEqual({
      datetime: '2026-11-29T05:00Z',
      end: '2026-11-29T07:00Z',
      zone: 'UTC',
      zones: 'Africa/Nairobi UTC',
      allDay: false,
      text: 'Sun 29 Nov 2026, 08:00–10:00 Nairobi (05:00–07:00 UTC)',
    });
    expect(timeMarkup({ start: at('2026-11-29T05:00:00Z') }, 'UTC', clock)).toEqual({
      datetime: '2026-11-29T05:00Z',
      zone: 'UTC',
      zones: 'UTC',
      allDay: false,
      text: 'Sun 29 Nov 2026, 05:00 UTC',
    });
  });
});

describe('notices, unset hours and lengths of time', () => {
  it('words a notice the same for the site and the feeds', () => {
    expect(noticeInWords('P2D')).toBe('2 days ahead');
    expect(noticeInWords('PT0S')).toBe('as it starts');
    expect(noticeInWords(undefined)).toBe('not stated in the runbook');
  });

  it('says whose day an item with no start falls in', () => {
    expect(noStartInWords('Nairobi')).toBe('any time that day (Nairobi time)');
    expect(noStartInWords('Africa/Nairobi', { duration: 'PT1H' })).toBe(
      'any time that day (Africa/Nairobi time), taking 1 hour',
    );
    expect(noStartInWords('Etc/UTC', { subDaily: true })).toBe('at no set minute (UTC)');
    expect(noStartInWords(undefined)).toBe('any time that day');
  });

  it('counts down and ages in its two styles', () => {
    expect(howLongInWords(90 * 60_000, 'countdown')).toBe('1 h 30 min');
    expect(howLongInWords(10_000, 'countdown')).toBe('1 min');
    expect(howLongInWords(90 * 60_000, 'age')).toBe('2 hours');
    expect(howLongInWords(-5, 'age')).toBe('0 minutes');
  });
});

describe('contacts', () => {
  const team = {
    name: 'Database Team',
    email: 'dba@example.org',
    contact: '#dba on Slack',
    phone: '+254 711 000 000',
    contacts: [
      { role: 'Primary', name: 'Jane', email: 'jane@example.org', phone: '+254 7XX XXX XXX' },
      { role: 'Backup' },
    ],
  };

  it('come phone first, then email, then words, the owner’s own before each person’s', () => {
    expect(contactsInOrder(team)).toEqual({
      ways: [
        { kind: 'phone', value: '+254 711 000 000' },
        { kind: 'email', value: 'dba@example.org' },
        { kind: 'text', value: '#dba on Slack' },
      ],
      people: [
        {
          role: 'Primary',
          name: 'Jane',
          ways: [
            { kind: 'phone', value: '+254 7XX XXX XXX' },
            { kind: 'email', value: 'jane@example.org' },
          ],
        },
        { role: 'Backup', name: undefined, ways: [] },
      ],
    });
  });

  it('read in that order on one line, a placeholder marked, a person with nothing to reach left out', () => {
    expect(ownerInWords(team)).toBe(
      'Database Team (+254 711 000 000, dba@example.org, #dba on Slack; Primary: Jane, +254 7XX XXX XXX (placeholder), jane@example.org)',
    );
    expect(ownerInWords({ name: 'Backups' })).toBe('Backups');
  });
});
