import { durationMs } from './duration.ts';
import { DAY, HOUR, MINUTE } from './units.ts';

/** Prometheus's units, largest first, as its duration strings (`1h30m`) use them. */
const UNITS: Array<[string, number]> = [
  ['y', 365 * DAY],
  ['w', 7 * DAY],
  ['d', DAY],
  ['h', HOUR],
  ['m', MINUTE],
  ['s', 1000],
  ['ms', 1],
];

const DURATION = /^(?:\d+(?:y|w|d|h|ms|m|s))+$/;

/** An ISO 8601 duration as Prometheus writes one: PT10M → 10m, PT1H30M → 1h30m; a day is 24 hours. */
export function prometheusDuration(iso: string): string {
  let ms = durationMs(iso);
  if (ms === 0) return '0s';
  let out = '';
  for (const [unit, size] of UNITS) {
    const n = Math.floor(ms / size);
    if (n > 0) out += `${n}${unit}`;
    ms -= n * size;
  }
  return out;
}

/** A Prometheus duration (`5m`, `1h30m`) in milliseconds; undefined when it is not one. */
export function parsePrometheusDuration(text: string): number | undefined {
  if (!DURATION.test(text)) return undefined;
  let ms = 0;
  for (const [, n, unit] of text.matchAll(/(\d+)(ms|y|w|d|h|m|s)/g))
    ms += Number(n) * UNITS.find(([u]) => u === unit)![1];
  return ms;
}
