import { describe, expect, it } from 'vitest';
import { cadenceOf } from '../../packages/starlight/src/lib/schedule/cadence.ts';

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
