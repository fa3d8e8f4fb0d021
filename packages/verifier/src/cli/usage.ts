/** A mistake in how the CLI was called: exit code 2 with a message, never a stack trace. */
export class UsageError extends Error {}

export function isDate(text: string): boolean {
  const day = new Date(`${text}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(text);
}

/** "Today" as --now gives it, else ALMANAC_NOW (which fixes it for the site build too); undefined for the real today. */
export function todayOption(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>> | undefined,
): string | undefined {
  const now = flag ?? (env?.ALMANAC_NOW || undefined);
  if (now !== undefined && !isDate(now))
    throw new UsageError(`${flag === undefined ? 'ALMANAC_NOW' : '--now'} takes a date YYYY-MM-DD, not '${now}'`);
  return now;
}
