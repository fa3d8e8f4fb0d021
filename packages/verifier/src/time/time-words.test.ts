import { describe, expect, it } from 'vitest';
import { clock, offsetAt } from './format.ts';
import { clockTimes, spanInWords, spanWithUtc, instantWithUtc, type Clock, type OffsetClock } from './time-words.ts';

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
    expect(spanInWords(start, end, 'Europe/London', 'feed', offsetClock)).toBe('Sun 2026-03-29 00:30 (UTC+00:00) – 03:30 (UTC+01:00) Europe/London');
    expect(spanInWords(at('2026-07-05T01:00:00Z'), at('2026-07-05T03:00:00Z'), 'Europe/London', 'feed', offsetClock)).toBe('Sun 2026-07-05 02:00–04:00 Europe/London (UTC+01:00)');
    expect(spanInWords(start, end, 'UTC', 'feed', offsetClock)).toBe('Sun 2026-03-29 00:30–02:30 UTC');
  });

  it('names the end’s day only where it differs, and works out weekdays a clock does not give', () => {
    const late = at('2026-11-28T22:00:00Z');
    const after = at('2026-11-29T01:00:00Z');
    expect(spanInWords(late, after, 'UTC', 'message', dateOnlyClock)).toBe('Sat 22:00–Sun 01:00 UTC');
    expect(spanInWords(late, after, 'UTC', 'feed', offsetClock)).toBe('Sat 2026-11-28 22:00–Sun 2026-11-29 01:00 UTC');
    expect(spanWithUtc(late, after, 'Africa/Nairobi', dateOnlyClock)).toBe('Sun 01:00–04:00 Africa/Nairobi = Sat 22:00–Sun 01:00 UTC');
    expect(instantWithUtc(late, 'Africa/Nairobi', dateOnlyClock)).toBe('Sun 01:00 Africa/Nairobi = Sat 22:00 UTC');
    expect(instantWithUtc(late, 'UTC', clock)).toBe('Sat 22:00 UTC');
  });

  it('gives times of day alone, and one time for a span of no length', () => {
    expect(clockTimes(at('2026-11-29T02:00:00Z'), at('2026-11-29T03:00:00Z'), 'Africa/Nairobi', clock)).toBe('05:00–06:00');
    expect(clockTimes(at('2026-11-29T02:00:00Z'), at('2026-11-29T02:00:00Z'), 'UTC', clock)).toBe('02:00');
  });
});
