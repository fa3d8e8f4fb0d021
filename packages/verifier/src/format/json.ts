import { contractFinding, type Finding } from '../model/finding.ts';
import { tzdataVersion } from '../time/zone.ts';

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
}

/**
 * The contract's JSON: `{ findings, summary }`, each finding with ruleId, severity, file, line,
 * column, message; and `tzdata`, the zone data the schedules were checked with.
 */
export function formatJson(findings: readonly Finding[], summary: Summary): string {
  return `${JSON.stringify({ findings: findings.map(contractFinding), summary, tzdata: tzdataVersion() }, null, 2)}\n`;
}
