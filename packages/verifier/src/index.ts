/*
 * The public API of @almanac/verifier, kept small in the manner of ESLint's: load a corpus, verify
 * it, format the findings, build the feeds and alerting files, and the types a rule is written
 * against. Everything else is `@almanac/verifier/internal` (ESLint's "use-at-your-own-risk"): the
 * Starlight plugin's helpers, with no promise between versions.
 */
export { loadConfig, siteUrlOf, ConfigError, DEFAULT_SITE_URL } from './rules/config.ts';
export type { AlmanacConfig } from './rules/config.ts';
export { loadCorpus, LoadError } from './load/load-tree.ts';
export type { LoadOptions } from './load/load-tree.ts';
export type { Corpus, Item, OwnersRegistry, Page, Runbook } from './load/corpus.ts';
export type { Owner, Owners } from './schema/owners.ts';
export type { Escalation, Objective, Task, Threshold, Window } from './schema/runbook.ts';
// The runbook fields for `docsSchema({ extend })`: Astro's content intellisense gives editors their completion and hover text.
export { runbookEditorFields } from './schema/editor-schema.ts';

export { verify, verifyWithConfig } from './rules/verify.ts';
export type { SeveritySetting, VerifyOptions, VerifyResult } from './rules/verify.ts';
export type { Finding, RelatedLocation, Severity } from './load/finding.ts';

export { formatStylish } from './outputs/format/stylish.ts';
export type { StylishOptions } from './outputs/format/stylish.ts';
export { formatJson } from './outputs/format/json.ts';
export type { Summary } from './outputs/format/json.ts';
export { formatSarif } from './outputs/format/sarif.ts';
export type { SarifOptions } from './outputs/format/sarif.ts';
export { formatGithub } from './outputs/format/github.ts';

export { TimeEngine } from './time/engine.ts';
export type { Horizon } from './time/expand.ts';
export { createFeedWriter } from './outputs/feeds/feed.ts';
export type { FeedOptions, FeedWriter } from './outputs/feeds/feed.ts';
export { feedSets } from './outputs/feeds/feed-sets.ts';
export { feedHorizon } from './schedule/horizons.ts';
export type { FeedSet } from './outputs/feeds/feed-sets.ts';

export { thresholdQueries } from './outputs/alerting/metric-queries.ts';
export type { ExportedThreshold, UnexportedThreshold, MetricQueries } from './outputs/alerting/metric-queries.ts';
export { prometheusRuleGroups, prometheusRulesYaml } from './outputs/alerting/prometheus-rules.ts';
export type { AlertRule, RuleGroup, RunbookUrl } from './outputs/alerting/prometheus-rules.ts';
export {
  muteIntervals,
  alertmanagerTimeIntervalsYaml,
  alertmanagerRouteYaml,
} from './outputs/alerting/alertmanager-intervals.ts';
export type { MuteInterval } from './outputs/alerting/alertmanager-intervals.ts';

export { ALL_RULES, RULE_METAS } from './rules/index.ts';
export type { Rule, RuleContext, RuleMeta, RuleReport } from './rules/rule.ts';
export type { ExpectedFinding, InvalidCase, RuleCase, RunbookInput } from './rules/rule-cases.ts';
