import { alertThresholdDrift } from './alert-threshold-drift.ts';
import { backupCheckWithoutBackup } from './backup-check-without-backup.ts';
import { duplicateId } from './duplicate-id.ts';
import { parse, schema } from './load-findings.ts';
import { localTimeAmbiguous, localTimeGap } from './local-time.ts';
import { objectiveConflict } from './objective-conflict.ts';
import { ownerPlaceholder } from './owner-placeholder.ts';
import { ownerUnknown } from './owner-unknown.ts';
import { reviewMissing } from './review-missing.ts';
import { reviewOverdue } from './review-overdue.ts';
import { rpoExceedsBackups } from './rpo-exceeds-backups.ts';
import { rruleInvalid } from './rrule-invalid.ts';
import type { Rule, RuleMeta } from './rule.ts';
import { SUPPRESSION_RULE_ID, suppressionMeta } from './suppressions.ts';
import { scheduleConflict } from './schedule-conflict.ts';
import { supportTargetExceedsRto } from './support-target-exceeds-rto.ts';
import { taskOutsideWindow } from './task-outside-window.ts';
import { thresholdConflict } from './threshold-conflict.ts';
import { thresholdOrder } from './threshold-order.ts';
import { timezoneMissing } from './timezone-missing.ts';
import { timezoneUnknown } from './timezone-unknown.ts';
import { windowOverlap } from './window-overlap.ts';
import { windowUnknown } from './window-unknown.ts';

/** Every rule, in the order the README lists them: the contract's, then Almanac's own. */
export const ALL_RULES: readonly Rule[] = [
  schema,
  duplicateId,
  timezoneUnknown,
  timezoneMissing,
  rruleInvalid,
  localTimeGap,
  localTimeAmbiguous,
  windowUnknown,
  taskOutsideWindow,
  windowOverlap,
  objectiveConflict,
  rpoExceedsBackups,
  thresholdOrder,
  thresholdConflict,
  ownerUnknown,
  ownerPlaceholder,
  reviewOverdue,
  parse,
  scheduleConflict,
  alertThresholdDrift,
  reviewMissing,
  supportTargetExceedsRto,
  backupCheckWithoutBackup,
];

/** Every rule id a finding can carry, with its docs: the rules, and the check of almanac-ignore comments. */
export const RULE_METAS: ReadonlyMap<string, RuleMeta> = new Map([
  ...ALL_RULES.map((rule) => [rule.id, rule.meta] as const),
  [SUPPRESSION_RULE_ID, suppressionMeta],
]);
