import { didYouMean } from '../load/did-you-mean.ts';
import { fillMessage, type Finding, type Severity } from '../load/finding.ts';
import type { SourceFile } from '../load/source-file.ts';

/** `# almanac-ignore rule-a, rule-b -- why`, as a trailing comment or on its own line above. */
const DIRECTIVE = /#\s*almanac-ignore\b(.*)$/;

interface Directive {
  file: string;
  /** The line the directive is written on, and the line it applies to. */
  line: number;
  column: number;
  target: number;
  rules: string[];
  reason?: string;
  used: Set<string>;
}

export const SUPPRESSION_RULE_ID = 'suppression';

export const suppressionMeta = {
  description: 'An almanac-ignore comment with no reason, an unknown rule, or nothing to suppress',
  severity: 'error' as Severity,
  docs: `A finding that is accepted on purpose can be silenced with a YAML comment on its line or
on the line above: \`# almanac-ignore <ruleId> -- <reason>\`. The reason is required, so the next
reader knows why; a suppression that no longer suppresses anything is reported so it does not
outlive its purpose.

Incorrect:

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: UTC
tasks:
  - { id: nightly-backup, title: Nightly backup, kind: backup, rrule: FREQ=DAILY, start: "01:00", owner: ops, backup: { type: full } }
objectives:
  - scenario: single-record-corruption
    rto: PT1H
    procedure: Restore the record from the replica
    rpo: PT4H # almanac-ignore rpo-exceeds-backups
\`\`\`

Correct:

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: UTC
tasks:
  - { id: nightly-backup, title: Nightly backup, kind: backup, rrule: FREQ=DAILY, start: "01:00", owner: ops, backup: { type: full } }
objectives:
  - scenario: single-record-corruption
    rto: PT1H
    procedure: Restore the record from the replica
    rpo: PT4H # almanac-ignore rpo-exceeds-backups -- replication to the DR site meets it (ticket OPS-142)
\`\`\``,
  howToFix: `Give every \`almanac-ignore\` a rule id that exists (the message suggests the nearest) and a reason after \` -- \`; remove one that no longer suppresses anything.`,
  messages: {
    noRule: 'almanac-ignore names no rule; write "# almanac-ignore <ruleId> -- <reason>"',
    noReason: 'almanac-ignore {{rules}} needs a reason: "# almanac-ignore {{rules}} -- <why this is accepted>"',
    unknownRule: "almanac-ignore names unknown rule '{{rule}}'{{near}}",
    unused: "Unused almanac-ignore: no '{{rule}}' finding on line {{line}}; remove the comment",
  },
};

/** Reads directives from the YAML part of a file; comments exist nowhere else. */
function directivesOf(source: SourceFile): Directive[] {
  if (!source.yamlText.includes('almanac-ignore')) return [];
  const first = source.positionOfYamlOffset(0).line;
  const lines = source.yamlText.split('\n');
  const found: Directive[] = [];
  lines.forEach((text, i) => {
    const match = DIRECTIVE.exec(text);
    if (!match) return;
    const [list, reason] = match[1]!.split(/\s--\s?/, 2) as [string, string | undefined];
    const ownLine = text.slice(0, match.index).trim() === '';
    const line = first + i;
    found.push({
      file: source.file,
      line,
      column: match.index + 1,
      target: ownLine ? line + 1 : line,
      rules: list.split(/[\s,]+/).filter(Boolean),
      reason: reason?.trim() || undefined,
      used: new Set(),
    });
  });
  return found;
}

/**
 * Removes the findings that a directive covers and reports the directives themselves: those
 * without a reason, naming an unknown rule, or suppressing nothing.
 */
export function applySuppressions(
  findings: Finding[],
  sources: Iterable<SourceFile>,
  rules: { known: ReadonlySet<string>; active: ReadonlySet<string> },
  /** Undefined when the suppression rule is off: directives still suppress, but are not checked. */
  severity: Severity | undefined,
): Finding[] {
  const directives = [...sources].flatMap(directivesOf);
  if (directives.length === 0) return findings;
  const byTarget = new Map<string, Directive[]>();
  for (const d of directives)
    byTarget.set(`${d.file}:${d.target}`, [...(byTarget.get(`${d.file}:${d.target}`) ?? []), d]);

  const kept = findings.filter((f) => {
    const directive = byTarget.get(`${f.file}:${f.line}`)?.find((d) => d.rules.includes(f.ruleId));
    directive?.used.add(f.ruleId);
    return !directive;
  });
  if (!severity) return kept;
  const report = (
    d: Directive,
    messageId: keyof typeof suppressionMeta.messages,
    data: Record<string, string | number> = {},
  ) =>
    kept.push({
      ruleId: SUPPRESSION_RULE_ID,
      severity,
      file: d.file,
      line: d.line,
      column: d.column,
      message: fillMessage(suppressionMeta.messages[messageId], data),
      messageId,
    });
  for (const d of directives) {
    if (d.rules.length === 0) report(d, 'noRule');
    if (!d.reason && d.rules.length) report(d, 'noReason', { rules: d.rules.join(', ') });
    for (const rule of d.rules) {
      if (!rules.known.has(rule)) report(d, 'unknownRule', { rule, near: didYouMean(rule, rules.known) });
      else if (rules.active.has(rule) && !d.used.has(rule)) report(d, 'unused', { rule, line: d.target });
    }
  }
  return kept;
}
