import { SourceFile } from './source-file.ts';
import type { DataPath } from './yaml-locate.ts';
import { parseYamlFast } from './yaml-fast.ts';

/** One alerting rule of a hand-written Prometheus rules file, with its path in that file. */
export interface AlertRuleEntry {
  path: DataPath;
  alert: string;
  expr: unknown;
  for: unknown;
  labels: Record<string, unknown>;
  annotations: Record<string, unknown>;
}

/** A Prometheus rules file (`groups:` of `rules:`), its alerting rules read; recording rules are left out. */
export interface PrometheusRulesFile {
  source: SourceFile;
  alerts: AlertRuleEntry[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a rules file's text, or says why it is not one, with the file:line:col of the problem:
 * the CLI exits 2 with that message, as for a config it cannot use.
 */
export function parsePrometheusRulesFile(file: string, text: string): PrometheusRulesFile | { error: string } {
  const source = new SourceFile(file, text);
  const parsed = parseYamlFast(text, { aliases: true });
  const at = (path: DataPath) => {
    const { line, column } = source.positionOf(path);
    return `${file}:${line}:${column}`;
  };
  if (!parsed.ok) {
    const { line, column } = source.positionOfYamlOffset(parsed.offset);
    return { error: `${file}:${line}:${column}: not YAML: ${parsed.message}` };
  }
  if (!isRecord(parsed.data) || !Array.isArray(parsed.data.groups))
    return { error: `${at([])}: not a Prometheus rules file: it has no 'groups' list` };
  const alerts: AlertRuleEntry[] = [];
  for (const [g, group] of parsed.data.groups.entries()) {
    if (!isRecord(group) || !Array.isArray(group.rules))
      return { error: `${at(['groups', g])}: a rule group needs a 'rules' list` };
    for (const [r, rule] of group.rules.entries()) {
      if (!isRecord(rule) || typeof rule.alert !== 'string') continue;
      alerts.push({
        path: ['groups', g, 'rules', r],
        alert: rule.alert,
        expr: rule.expr,
        for: rule.for,
        labels: isRecord(rule.labels) ? rule.labels : {},
        annotations: isRecord(rule.annotations) ? rule.annotations : {},
      });
    }
  }
  return { source, alerts };
}
