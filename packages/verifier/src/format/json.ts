import type { Finding } from '../model/finding.ts';

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
}

/** The contract's JSON: `{ findings, summary }`, each finding with ruleId, severity, file, line, column, message. */
export function formatJson(findings: readonly Finding[], summary: Summary): string {
  return `${JSON.stringify({ findings, summary }, null, 2)}\n`;
}
