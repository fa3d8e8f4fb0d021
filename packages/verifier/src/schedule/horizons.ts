import { horizonAround, TimeEngine, unionOf } from '../time/engine.ts';
import type { Horizon } from '../time/expand.ts';

/** The feeds' rolling horizon by default: a month of past windows, and a little over a year ahead. */
const FEED_DAYS_BACK = 30;
const FEED_DAYS_AHEAD = 400;

/** Days back and ahead of today, as almanac.config's `horizon` and `feeds` set them. */
export interface Days {
  daysBack?: number;
  daysAhead?: number;
}

/** The days the checks look at, around today (almanac.config's `horizon`). */
export function checksHorizon(today: string, days: Days = {}): Horizon {
  return horizonAround(today, days.daysBack, days.daysAhead);
}

/** The horizon feeds expand over, around today, from almanac.config's `feeds` where it sets one. */
export function feedHorizon(today: string, days: Days = {}): Horizon {
  return horizonAround(today, days.daysBack ?? FEED_DAYS_BACK, days.daysAhead ?? FEED_DAYS_AHEAD);
}

/** A model's engines: the checks' and the feeds', over their own days. */
export interface ModelTimes {
  checks: TimeEngine;
  feeds: TimeEngine;
}

/**
 * The checks' and the feeds' engines as views of one engine over both horizons: the rules, the
 * pages, the feeds and the alerting files read one schedule, each item expanded once.
 */
export function modelTimes(today: string, config: { horizon?: Days; feeds?: Days }): ModelTimes {
  const [checks, feeds] = [checksHorizon(today, config.horizon), feedHorizon(today, config.feeds)];
  const whole = new TimeEngine(unionOf(checks, feeds));
  return { checks: whole.within(checks), feeds: whole.within(feeds) };
}
