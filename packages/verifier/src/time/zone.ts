import { Temporal } from 'temporal-polyfill';
import { DAY } from './units.ts';

/** A local wall time resolved to an instant in a zone, and how it was resolved. */
export interface Resolved {
  /** Epoch milliseconds. */
  instant: number;
  /**
   * `gap`: the wall time does not exist that day (spring forward) and was moved forward by
   * the gap's length, as RFC 5545 §3.3.5 reads it. `ambiguous`: it exists twice (fall back)
   * and the first is taken.
   */
  kind: 'exact' | 'gap' | 'ambiguous';
}

/** Whether Temporal knows the zone under exactly this spelling (it would accept 'africa/nairobi'). */
export function isValidZone(zone: string): boolean {
  try {
    return Temporal.Now.instant().toZonedDateTimeISO(zone).timeZoneId === zone;
  } catch {
    return false;
  }
}

/**
 * A zone's UTC offsets over a span, read once from Temporal's time zone data as the list of
 * transitions, so that each of the many occurrences resolves by a binary search rather than a
 * call into the zone library.
 */
export class ZoneTimeline {
  readonly zone: string;
  readonly #from: number;
  readonly #to: number;
  /** Instants at which the offset changes, ascending. */
  readonly #transitions: number[] = [];
  /** #offsets[i] holds before #transitions[i]; the last one after the last transition. */
  readonly #offsets: number[] = [];

  constructor(zone: string, from: number, to: number) {
    this.zone = zone;
    this.#from = from - 2 * DAY;
    this.#to = to + 2 * DAY;
    let zdt: Temporal.ZonedDateTime | null = Temporal.Instant.fromEpochMilliseconds(this.#from).toZonedDateTimeISO(
      zone,
    );
    this.#offsets.push(zdt.offsetNanoseconds / 1e6);
    for (;;) {
      zdt = zdt.getTimeZoneTransition('next');
      if (!zdt || zdt.epochMilliseconds > this.#to) break;
      this.#transitions.push(zdt.epochMilliseconds);
      this.#offsets.push(zdt.offsetNanoseconds / 1e6);
    }
  }

  /** The offset in force at the span's start, and each change in the span: what a VTIMEZONE for it says. */
  changes(): { initial: number; from: number; transitions: Array<{ at: number; from: number; to: number }> } {
    return {
      initial: this.#offsets[0]!,
      from: this.#from,
      transitions: this.#transitions.map((at, i) => ({ at, from: this.#offsets[i]!, to: this.#offsets[i + 1]! })),
    };
  }

  /** The zone's offset from UTC at an instant, in milliseconds. */
  offsetAt(instant: number): number {
    if (instant < this.#from || instant > this.#to) {
      return Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(this.zone).offsetNanoseconds / 1e6;
    }
    const t = this.#transitions;
    let lo = 0;
    let hi = t.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (t[mid]! <= instant) lo = mid + 1;
      else hi = mid;
    }
    return this.#offsets[lo]!;
  }

  /**
   * Resolves many wall times at once, as `resolve` does one by one. Away from a transition
   * (none within a day either side) the offset is the one in force, and the wall time is exact;
   * only wall times near a transition take the general path. Fastest with ascending wall times.
   */
  resolveAll(walls: readonly number[]): { instants: number[]; kinds: Array<Resolved['kind']> } {
    const t = this.#transitions;
    const instants: number[] = new Array(walls.length);
    const kinds: Array<Resolved['kind']> = new Array(walls.length);
    // j: the number of transitions at or before wall - DAY, kept as wall times ascend.
    let j = 0;
    let previous = -Infinity;
    for (let i = 0; i < walls.length; i++) {
      const wall = walls[i]!;
      if (wall < previous) j = 0;
      previous = wall;
      while (j < t.length && t[j]! <= wall - DAY) j++;
      if (wall - DAY >= this.#from && wall + DAY <= this.#to && (j === t.length || t[j]! > wall + DAY)) {
        instants[i] = wall - this.#offsets[j]!;
        kinds[i] = 'exact';
      } else {
        const resolved = this.resolve(wall);
        instants[i] = resolved.instant;
        kinds[i] = resolved.kind;
      }
    }
    return { instants, kinds };
  }

  /** Resolves a wall time, given as epoch milliseconds of the same digits in UTC. */
  resolve(wall: number): Resolved {
    const before = this.offsetAt(wall - DAY);
    const after = this.offsetAt(wall + DAY);
    const fits = (offset: number) => this.offsetAt(wall - offset) === offset;
    const candidates = (before === after ? [before] : [before, after]).filter(fits).map((offset) => wall - offset);
    if (candidates.length === 1) return { instant: candidates[0]!, kind: 'exact' };
    if (candidates.length === 2) return { instant: Math.min(...candidates), kind: 'ambiguous' };
    // In a gap, the offset from before it carries the wall time forward by the gap's length.
    return { instant: wall - before, kind: 'gap' };
  }
}

/**
 * The IANA tzdata release the zones come from: Node's ICU, so a newer Node brings newer zone
 * data. Reports carry it because a zone's rules change (2026d-f moved America/Havana), and a
 * schedule checked with old data is off by the change.
 */
export function tzdataVersion(): string {
  return process.versions.tz ?? 'unknown';
}
