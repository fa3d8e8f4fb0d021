/**
 * How many cases a fast-check property tries: FAST_CHECK_RUNS when it is set; else 300 in CI
 * (CI=true), where a rare case is worth the time, and 50 on a developer's machine, where the
 * suite must stay quick. A property whose cases are worth more runs than most asks for a
 * multiple. Seeds are fixed, so a shorter run tries the first cases of the longer one.
 */
export function propertyRuns(multiple = 1): number {
  const ci = process.env.CI !== undefined && !['', '0', 'false'].includes(process.env.CI);
  const runs = Number(process.env.FAST_CHECK_RUNS) || (ci ? 300 : 50);
  return Math.max(1, Math.round(runs * multiple));
}
