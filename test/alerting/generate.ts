import {
  alertmanagerRouteYaml,
  alertmanagerTimeIntervalsYaml,
  feedHorizon,
  loadConfig,
  loadCorpus,
  muteIntervals,
  muteRoutes,
  prometheusRuleGroups,
  prometheusRulesYaml,
  siteUrlOf,
  thresholdAnchor,
  thresholdQueries,
  TimeEngine,
  type Runbook,
} from '@almanac/verifier/internal';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const SITE = siteUrlOf(loadConfig(ROOT).config);

/** The runbook page's URL as Starlight routes it, for runbooks under a `runbooks/` folder. */
function pageUrl(runbook: Runbook): string {
  return `${SITE}/${runbook.source.file.replace(/^.*?runbooks\//, '').replace(/\.mdx?$/, '')}/`;
}

/** What the build writes to dist/alerting/, for a runbook tree (with its project's config) on a day. */
export function alertingOf(root: string, today: string, tree = 'runbooks') {
  const { config } = loadConfig(root);
  const corpus = loadCorpus([tree], root, { ownersFile: config.owners });
  const time = new TimeEngine(feedHorizon(today, config.feeds));
  const { exported, unexported } = thresholdQueries(corpus.runbooks, config.metrics);
  const groups = prometheusRuleGroups(
    exported,
    (runbook, threshold) => `${pageUrl(runbook)}#${thresholdAnchor(threshold.value.metric)}`,
  );
  const intervals = muteIntervals(corpus.runbooks, time);
  return {
    corpus,
    time,
    unexported,
    groups,
    intervals,
    routes: muteRoutes(intervals),
    rulesYaml: prometheusRulesYaml(groups, unexported),
    intervalsYaml: alertmanagerTimeIntervalsYaml(intervals, time.horizon),
    routeYaml: alertmanagerRouteYaml(intervals),
  };
}
