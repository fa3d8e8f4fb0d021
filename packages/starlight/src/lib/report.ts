import type { Finding, Runbook } from '@almanac/verifier';
import { ownerIdsOf } from './owners.ts';

/** The report page's anchor for a file's findings: `runbooks/mvono/plan.mdx` → `runbooks-mvono-plan-mdx`. */
export function fileAnchor(file: string): string {
  return file
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export interface FileFindings {
  file: string;
  rules: Array<{ ruleId: string; findings: Finding[] }>;
  errors: number;
  warnings: number;
}

/** Findings by file, then by rule, in the verifier's order (file, line, column). */
export function groupFindings(findings: readonly Finding[]): FileFindings[] {
  const files = new Map<string, FileFindings>();
  for (const finding of findings) {
    let file = files.get(finding.file);
    if (!file) files.set(finding.file, (file = { file: finding.file, rules: [], errors: 0, warnings: 0 }));
    let rule = file.rules.find((r) => r.ruleId === finding.ruleId);
    if (!rule) file.rules.push((rule = { ruleId: finding.ruleId, findings: [] }));
    rule.findings.push(finding);
    if (finding.severity === 'error') file.errors++;
    else file.warnings++;
  }
  return [...files.values()];
}

/**
 * A runbook's findings and those of its owners' entries in owners.yaml (a placeholder phone of
 * the owner to call is the runbook's problem too, though it is reported in the registry).
 */
export function runbookFindings(
  runbook: Runbook,
  findingsByFile: ReadonlyMap<string, readonly Finding[]>,
): { own: readonly Finding[]; owners: Finding[] } {
  const ids = ownerIdsOf(runbook);
  const registry =
    runbook.registry.file === runbook.source.file ? [] : (findingsByFile.get(runbook.registry.file) ?? []);
  return {
    own: findingsByFile.get(runbook.source.file) ?? [],
    owners: registry.filter((f) => f.path !== undefined && ids.has(f.path.split(/[.[]/)[0]!)),
  };
}
