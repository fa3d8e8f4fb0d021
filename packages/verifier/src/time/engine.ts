import {
  newWallMemo,
  occurrencesOf,
  resolveWalls,
  wallTimes,
  type Expansion,
  type Horizon,
  type Occurrence,
  type Recurrence,
  type ResolvedWalls,
  type Walls,
} from './expand.ts';
import { DAY } from './units.ts';
import { ZoneTimeline } from './zone.ts';

const NO_START = Symbol('none');

/** Distinct occurrences one engine keeps: about a gigabyte; a realistic 10,000-runbook corpus holds about 6 million. */
export const MAX_HELD_OCCURRENCES = 15_000_000;

/** The default horizon: a week back, 400 days ahead of today. */
export function horizonAround(today: string, daysBack = 7, daysAhead = 400): Horizon {
  const midnight = Date.parse(`${today}T00:00:00Z`);
  return { from: midnight - daysBack * DAY, to: midnight + daysAhead * DAY };
}

/** The smallest horizon that holds both. */
export function unionOf(a: Horizon, b: Horizon): Horizon {
  return { from: Math.min(a.from, b.from), to: Math.max(a.to, b.to) };
}

/**
 * Expansions shared by every rule, page and feed: each distinct recurrence in each zone is
 * expanded once, and each zone's offsets are read once. The steps are shared further: the pattern
 * is expanded once per rule and start (once per rule for rules that keep one time of day), wall
 * times are resolved once per zone, and only the ends are computed per duration.
 */
export class TimeEngine {
  readonly horizon: Horizon;
  /** The engine this one is a view of (`within`): its expansions, cut to this horizon. */
  readonly #whole: TimeEngine | undefined;
  readonly #zones = new Map<string, ZoneTimeline>();
  readonly #tree = new Map<
    string,
    Map<
      string | symbol,
      { walls: Walls; zones: Map<string, { resolved: ResolvedWalls; byDuration: Map<string | symbol, Expansion> }> }
    >
  >();
  readonly #wallMemo = newWallMemo();
  readonly #maxHeld: number;
  #held = 0;
  readonly #byItem = new WeakMap<
    Recurrence,
    { zone: string; rrule: string; start?: string; duration?: string; expansion: Expansion }
  >();

  constructor(
    horizon: Horizon,
    { maxOccurrences = MAX_HELD_OCCURRENCES, whole }: { maxOccurrences?: number; whole?: TimeEngine } = {},
  ) {
    this.horizon = horizon;
    this.#maxHeld = maxOccurrences;
    this.#whole = whole;
  }

  /**
   * This engine's expansions over a part of its horizon, as an engine of that horizon would
   * make them: the checks and the feeds look at different days of one schedule, which is
   * expanded once for both.
   */
  within(horizon: Horizon): TimeEngine {
    if (horizon.from < this.horizon.from || horizon.to > this.horizon.to)
      throw new RangeError("a view must lie within its engine's horizon");
    return new TimeEngine(horizon, { maxOccurrences: this.#maxHeld, whole: this });
  }

  zone(name: string): ZoneTimeline {
    let timeline = this.#zones.get(name);
    if (!timeline) this.#zones.set(name, (timeline = new ZoneTimeline(name, this.horizon.from, this.horizon.to)));
    return timeline;
  }

  expand(recurrence: Recurrence, zone: string): Expansion {
    // Every rule asks again for the same item: remember the answer on the item itself (by
    // identity), checked against its fields so that a changed item is expanded afresh.
    const seen = this.#byItem.get(recurrence);
    if (
      seen &&
      seen.zone === zone &&
      seen.rrule === recurrence.rrule &&
      seen.start === recurrence.start &&
      seen.duration === recurrence.duration
    )
      return seen.expansion;
    const expansion =
      (this.#whole && this.#cut(this.#whole.expand(recurrence, zone))) || this.#expand(recurrence, zone);
    this.#byItem.set(recurrence, {
      zone,
      rrule: recurrence.rrule,
      start: recurrence.start,
      duration: recurrence.duration,
      expansion,
    });
    return expansion;
  }

  /**
   * The whole engine's expansion cut to this horizon: the same occurrences, since each is resolved
   * on its own and kept when it starts in the horizon. Not when the whole has none to give here
   * or refused the item: why it has none (ended, never occurs, too many) is worded for a
   * horizon, so this one works it out.
   */
  #cut(whole: Expansion): Expansion | undefined {
    if (!whole.ok) return undefined;
    const occurrences = this.#inside(whole.occurrences);
    if (!occurrences.length) return undefined;
    // Most items lie wholly inside both views (the feeds' days hold the checks'): nothing is copied then.
    return occurrences === whole.occurrences ? whole : { ok: true, occurrences, shifted: this.#inside(whole.shifted) };
  }

  /** The occurrences (in start order, as an expansion holds them) that start in this horizon: the list itself when all do. */
  #inside(occurrences: Occurrence[]): Occurrence[] {
    const { from, to } = this.horizon;
    let first = 0;
    let end = occurrences.length;
    while (first < end && occurrences[first]!.start < from) first++;
    while (end > first && occurrences[end - 1]!.start >= to) end--;
    return first === 0 && end === occurrences.length ? occurrences : occurrences.slice(first, end);
  }

  #expand(recurrence: Recurrence, zone: string): Expansion {
    // Nested maps by rule, start, zone and duration: the strings are the runbooks' own, whose
    // hashes are kept, so no key is built. No start (an all-day task) is its own entry.
    let byStart = this.#tree.get(recurrence.rrule);
    if (!byStart) this.#tree.set(recurrence.rrule, (byStart = new Map()));
    const startKey = recurrence.start ?? NO_START;
    let node = byStart.get(startKey);
    if (!node)
      byStart.set(startKey, (node = { walls: wallTimes(recurrence, this.horizon, this.#wallMemo), zones: new Map() }));
    const walls = node.walls;
    if (!walls.ok) return walls;
    let inZone = node.zones.get(zone);
    if (!inZone) {
      const resolved = resolveWalls(
        walls.walls,
        recurrence.start === undefined,
        this.zone(zone),
        this.horizon,
        walls.until,
      );
      node.zones.set(zone, (inZone = { resolved, byDuration: new Map() }));
    }
    const durationKey = recurrence.duration ?? NO_START;
    let expansion = inZone.byDuration.get(durationKey);
    if (!expansion) {
      const count = inZone.resolved.starts.length;
      // Hostile or runaway input (ten thousand hourly tasks) must not exhaust memory: past the
      // budget an item is reported, not expanded. Shared expansions count once.
      if (this.#held + count > this.#maxHeld) {
        return {
          ok: false,
          message: `is not expanded: the runbooks' schedules already hold ${this.#maxHeld.toLocaleString('en')} occurrences in the horizon, as many as one run checks; verify fewer runbooks at a time, or shorten the horizon`,
        };
      }
      this.#held += count;
      inZone.byDuration.set(durationKey, (expansion = occurrencesOf(inZone.resolved, recurrence, this.zone(zone))));
    }
    return expansion;
  }
}
