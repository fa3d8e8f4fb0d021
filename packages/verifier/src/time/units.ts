/*
 * Lengths of time in milliseconds, written once. Named days are always 24 hours here: the time
 * engine counts wall-clock days in floating UTC digits, where no day is shorter or longer.
 * No imports, so the browser's script can use them too.
 */

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
