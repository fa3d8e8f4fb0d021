import { Temporal } from 'temporal-polyfill';

/**
 * The date a review falls due: last review plus the cycle, in calendar terms (P3M is three
 * months). None when no review was ever recorded: `review-missing` says so, and nothing may
 * count a cycle from a date nobody wrote.
 */
export function reviewDue(lastReviewed: string | undefined, cycle: string): string | undefined {
  return lastReviewed === undefined
    ? undefined
    : Temporal.PlainDate.from(lastReviewed).add(Temporal.Duration.from(cycle)).toString();
}
