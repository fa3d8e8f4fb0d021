import {
  alertmanagerRouteYaml,
  alertmanagerTimeIntervalsYaml,
  muteIntervals,
  prometheusRuleGroups,
  prometheusRulesYaml,
  thresholdAnchor,
  thresholdQueries,
  type UnexportedThreshold,
} from '@almanac/verifier/internal';
import { perModel, type SiteModel } from './model.ts';
import { pageHrefs } from './pages.ts';

/*
 * The alerting files of this build (dist/alerting/), from the verifier's model: Prometheus rules
 * from the thresholds, Alertmanager intervals and routes from the windows over the feeds' horizon.
 */

export interface AlertingFiles {
  'prometheus-rules.yml': string;
  'alertmanager-time-intervals.yml': string;
  'alertmanager-route.yml': string;
}

/** The thresholds with no query or no level: listed on the report page and in the build output. */
export function unexportedThresholds({ corpus, config }: SiteModel): UnexportedThreshold[] {
  return thresholdQueries(corpus.runbooks, config.metrics).unexported;
}

/** The alerting files of a model, worked out once for its three endpoints. */
export const getAlertingFiles = perModel(build);

async function build(model: SiteModel): Promise<AlertingFiles> {
  const { corpus, config, siteUrl } = model;
  const hrefs = await pageHrefs();
  const { exported, unexported } = thresholdQueries(corpus.runbooks, config.metrics);
  const groups = prometheusRuleGroups(
    exported,
    (runbook, threshold) =>
      `${siteUrl}${hrefs.get(runbook.source.file) ?? '/'}#${thresholdAnchor(threshold.value.metric)}`,
  );
  const time = model.feedTime;
  const intervals = muteIntervals(corpus.runbooks, time);
  const alerts = groups.reduce((n, group) => n + group.rules.length, 0);
  console.log(
    `alerting: ${alerts} Prometheus alerts from ${exported.length} thresholds, ${intervals.length} Alertmanager mute intervals from windows`,
  );
  if (unexported.length) {
    console.log(
      `alerting: ${unexported.length} thresholds not exported:\n${unexported.map((u) => `  ${u.runbook.source.file}: ${u.threshold.value.metric}: ${u.reason}`).join('\n')}`,
    );
  }
  return {
    'prometheus-rules.yml': prometheusRulesYaml(groups, unexported),
    'alertmanager-time-intervals.yml': alertmanagerTimeIntervalsYaml(intervals, time.horizon),
    'alertmanager-route.yml': alertmanagerRouteYaml(intervals),
  };
}
