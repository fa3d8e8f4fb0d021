import { parseRruleBody } from '@almanac/verifier/internal';

export const CADENCES = ['daily', 'weekly', 'monthly', 'quarterly', 'annual', 'other'] as const;
export type Cadence = (typeof CADENCES)[number];

export const CADENCE_TITLES: Record<Cadence, string> = {
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  annual: 'Annual',
  other: 'Other schedules',
};

/** How often a task comes round, as runbooks group their checklists, from the rule as the verifier reads it. */
export function cadenceOf(rrule: string): Cadence {
  const parsed = parseRruleBody(rrule);
  if (!parsed.ok) return 'other';
  const { freq, interval: n, byMonth } = parsed.rule;
  switch (freq) {
    case 'DAILY':
      return n === 1 ? 'daily' : 'other';
    case 'WEEKLY':
      return n === 1 ? 'weekly' : 'other';
    case 'MONTHLY':
      if (byMonth.length)
        return byMonth.length === 4 && n === 1 ? 'quarterly' : byMonth.length === 1 && n === 1 ? 'annual' : 'other';
      return n === 1 ? 'monthly' : n === 3 ? 'quarterly' : n === 12 ? 'annual' : 'other';
    case 'YEARLY':
      if (n !== 1) return 'other';
      return byMonth.length === 4
        ? 'quarterly'
        : byMonth.length === 12
          ? 'monthly'
          : byMonth.length <= 1
            ? 'annual'
            : 'other';
    default:
      return 'other';
  }
}
