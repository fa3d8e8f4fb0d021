import { findingFingerprint, type Finding } from '../load/finding.ts';

/**
 * Findings the change brings and findings it fixes, matched as SARIF fingerprints match alerts:
 * by rule, file and YAML path (the line where a finding has no path), so that a finding whose
 * lines moved is neither. `renamed` maps a base file to its name in the working tree. A finding
 * reported twice at one place on one side and once on the other counts once as new (or fixed).
 */
export function matchFindings(
  before: readonly Finding[],
  after: readonly Finding[],
  renamed: ReadonlyMap<string, string>,
): { new: Finding[]; fixed: Finding[] } {
  const unmatched = new Map<string, Finding[]>();
  for (const finding of before) {
    const key = findingFingerprint({ ...finding, file: renamed.get(finding.file) ?? finding.file });
    let list = unmatched.get(key);
    if (!list) unmatched.set(key, (list = []));
    list.push(finding);
  }
  const added: Finding[] = [];
  for (const finding of after) {
    const list = unmatched.get(findingFingerprint(finding));
    if (list?.length) list.shift();
    else added.push(finding);
  }
  return { new: added, fixed: [...unmatched.values()].flat() };
}
