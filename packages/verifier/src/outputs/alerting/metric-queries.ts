import type { Item, Runbook } from '../../load/corpus.ts';
import { statementsBySystem } from '../../schedule/statements.ts';
import type { Threshold } from '../../schema/runbook.ts';

/** A threshold that becomes Prometheus alerts: its runbook, and the PromQL that gives its metric. */
export interface ExportedThreshold {
  runbook: Runbook;
  threshold: Item<Threshold>;
  query: string;
}

/** A threshold that does not, and why, for the build output and the report page. */
export interface UnexportedThreshold {
  runbook: Runbook;
  threshold: Item<Threshold>;
  reason: string;
}

/** Where a query comes from: the config's `metrics` map, metric name → PromQL. */
export type MetricQueries = Readonly<Record<string, string>>;

/**
 * Splits thresholds into those with a query (the threshold's own `query`, else the config's for
 * its metric) and those without, which are listed, never guessed: a query made up from a metric
 * name would alert on a series that may not exist, and so never page anyone. `$system` in a
 * query becomes the system id, so that one query per metric serves every system. A system's
 * metric stated in two runbooks is exported once, from the first: `threshold-conflict` makes
 * the two agree, and two alerts would page twice.
 */
export function thresholdQueries(
  runbooks: readonly Runbook[],
  metrics: MetricQueries = {},
): { exported: ExportedThreshold[]; unexported: UnexportedThreshold[] } {
  const exported: ExportedThreshold[] = [];
  const unexported: UnexportedThreshold[] = [];
  const queryOf = ({ metric, query }: Threshold) =>
    query ?? (Object.hasOwn(metrics, metric) ? metrics[metric] : undefined);
  const all = runbooks.flatMap((runbook) => runbook.thresholds.map((threshold) => ({ runbook, item: threshold })));
  const exportable = (value: Threshold) =>
    (value.warning || value.critical) && queryOf(value) !== undefined ? value.metric : undefined;
  const firsts = new Set(statementsBySystem(all, exportable).map(([first]) => first!.item));
  for (const { runbook, item: threshold } of all) {
    const { metric, warning, critical } = threshold.value;
    const query = queryOf(threshold.value);
    if (!warning && !critical) unexported.push({ runbook, threshold, reason: 'it has no warning or critical level' });
    else if (query === undefined)
      unexported.push({
        runbook,
        threshold,
        reason: `no query: give the threshold a 'query', or map '${metric}' in almanac.config.json 'metrics'`,
      });
    else if (!firsts.has(threshold))
      unexported.push({
        runbook,
        threshold,
        reason: `system '${runbook.system}' exports '${metric}' from an earlier runbook`,
      });
    else exported.push({ runbook, threshold, query: query.replaceAll('$system', runbook.system) });
  }
  return { exported, unexported };
}
