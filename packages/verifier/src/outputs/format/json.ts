import { contractFinding, type Finding } from '../../load/finding.ts';
import { tzdataVersion } from '../../time/zone.ts';

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
}

/**
 * The contract's JSON: `{ findings, summary }`, each finding with ruleId, severity, file, line,
 * column, message; `tzdata`, the zone data the schedules were checked with; and, when paths were
 * given and the rest of their trees had findings, `leftOut`: how many were not reported.
 */
export function formatJson(
  findings: readonly Finding[],
  summary: Summary,
  leftOut?: { errors: number; warnings: number },
): string {
  const extra = leftOut && leftOut.errors + leftOut.warnings > 0 ? { leftOut } : {};
  return `${JSON.stringify({ findings: findings.map(contractFinding), summary, tzdata: tzdataVersion(), ...extra }, null, 2)}\n`;
}
