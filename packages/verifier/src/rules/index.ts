import { duplicateId } from './duplicate-id.ts';
import { parse, schema } from './load-findings.ts';
import { ownerPlaceholder } from './owner-placeholder.ts';
import { ownerUnknown } from './owner-unknown.ts';
import { reviewOverdue } from './review-overdue.ts';
import type { Rule } from './rule.ts';
import { timezoneMissing } from './timezone-missing.ts';
import { timezoneUnknown } from './timezone-unknown.ts';

/** Every rule, in the order the README lists them. */
export const ALL_RULES: readonly Rule[] = [
  parse,
  schema,
  duplicateId,
  timezoneUnknown,
  timezoneMissing,
  ownerUnknown,
  ownerPlaceholder,
  reviewOverdue,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(ALL_RULES.map((rule) => [rule.id, rule]));
