import { clock, offsetIn } from '../time/format.ts';
import { MINUTE } from '../time/units.ts';

/**
 * The clock change in a zone between two instants, in words: "on 2027-11-07, when
 * America/Chicago leaves daylight saving time"; undefined when its clocks did not change.
 */
export function clockChangeBetween(from: number, to: number, zone: string): string | undefined {
  const before = offsetIn(zone, from);
  const after = offsetIn(zone, to);
  if (before === after) return undefined;
  let lo = from;
  let hi = to;
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (offsetIn(zone, mid) === before) lo = mid;
    else hi = mid;
  }
  return `on ${clock(hi, zone).date}, when ${zone} ${after < before ? 'leaves' : 'starts'} daylight saving time`;
}
