import { expand, type Expansion, type Horizon, type Recurrence } from './expand.ts';
import { ZoneTimeline } from './zone.ts';

const DAY = 86_400_000;

/** The default horizon: a week back, 400 days ahead of today. */
export function horizonAround(today: string, daysBack = 7, daysAhead = 400): Horizon {
  const midnight = Date.parse(`${today}T00:00:00Z`);
  return { from: midnight - daysBack * DAY, to: midnight + daysAhead * DAY };
}

/**
 * Expansions shared by every rule, page and feed: each distinct recurrence in each zone is
 * expanded once, and each zone's offsets are read once.
 */
export class TimeEngine {
  readonly horizon: Horizon;
  readonly #zones = new Map<string, ZoneTimeline>();
  readonly #expansions = new Map<string, Expansion>();

  constructor(horizon: Horizon) {
    this.horizon = horizon;
  }

  zone(name: string): ZoneTimeline {
    let timeline = this.#zones.get(name);
    if (!timeline) this.#zones.set(name, (timeline = new ZoneTimeline(name, this.horizon.from, this.horizon.to)));
    return timeline;
  }

  expand(recurrence: Recurrence, zone: string): Expansion {
    const key = `${zone}\u0000${recurrence.rrule}\u0000${recurrence.start ?? ''}\u0000${recurrence.duration ?? ''}`;
    let expansion = this.#expansions.get(key);
    if (!expansion) this.#expansions.set(key, (expansion = expand(recurrence, this.zone(zone), this.horizon)));
    return expansion;
  }
}
