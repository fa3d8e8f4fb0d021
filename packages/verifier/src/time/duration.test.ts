import { describe, expect, it } from 'vitest';
import { durationMs, humanizeDuration, humanizeMs, parseDuration } from './duration.ts';

describe('durations', () => {
  it('reads ISO 8601 durations and refuses others', () => {
    expect(parseDuration('P1DT12H')).toMatchObject({ days: 1, hours: 12 });
    for (const bad of ['P', 'PT', '4h', 'PT4', 'P1.5D', '']) expect(parseDuration(bad)).toBeUndefined();
    expect(durationMs('PT24H')).toBe(durationMs('P1D'));
  });

  it('says them as people do', () => {
    expect(humanizeDuration('PT4H')).toBe('4 hours');
    expect(humanizeDuration('PT1H30M')).toBe('1 hour 30 minutes');
    expect(humanizeDuration('P3M')).toBe('3 months');
    expect(humanizeDuration('PT0S')).toBe('0 minutes');
    expect(humanizeMs(28 * 3_600_000)).toBe('1 day 4 hours');
  });
});
