// Everything the workspace and the Starlight plugin use, beyond the public API of index.ts: no promise between versions.
export type { Corpus, Item, OwnersRegistry, Page, Runbook } from './load/corpus.ts';
export type { Finding, RelatedLocation, Severity } from './load/finding.ts';
export { zoneOf, knownZone } from './schedule/zones.ts';
export type { Owner, Owners } from './schema/owners.ts';
export { ownersSchema } from './schema/owners.ts';
export type { Escalation, Objective, Task, Threshold, Window } from './schema/runbook.ts';
export { runbookSchema, IMPACTS, TASK_KINDS } from './schema/runbook.ts';
export { loadCorpus, LoadError } from './load/load-tree.ts';
export type { LoadOptions } from './load/load-tree.ts';
export { parseRunbookFile, parseOwnersFile } from './load/parse-file.ts';
export { addRunbookFile } from './load/assemble.ts';
export { ALL_RULES, RULE_METAS } from './rules/index.ts';
export { loadConfig, loadOptionsOf, parseConfig, siteUrlOf, ConfigError, DEFAULT_SITE_URL } from './rules/config.ts';
export type { AlmanacConfig } from './rules/config.ts';
export type { Rule, RuleContext, RuleMeta } from './rules/rule.ts';
export { reviewDue } from './schedule/review.ts';
export { humanizeDuration, humanizeMs, durationMs, parseDuration } from './time/duration.ts';
export { TimeEngine, horizonAround } from './time/engine.ts';
export { tzdataVersion } from './time/zone.ts';
export type { Occurrence, Expansion, Horizon, Recurrence } from './time/expand.ts';
export { verify, todayUtc, verifyWithConfig } from './rules/verify.ts';
export type { VerifyOptions, VerifyResult } from './rules/verify.ts';
export { formatStylish } from './outputs/format/stylish.ts';
export { formatJson } from './outputs/format/json.ts';
export { windowOccurrences } from './schedule/windows.ts';
export type { WindowOccurrence } from './schedule/windows.ts';
export { overlappingPairs } from './time/intervals.ts';
export type { Span } from './time/intervals.ts';
export { createFeedWriter } from './outputs/feeds/feed.ts';
export type { FeedOptions, FeedWriter } from './outputs/feeds/feed.ts';
export { feedSets } from './outputs/feeds/feed-sets.ts';
export { checksHorizon, feedHorizon, modelTimes, type ModelTimes } from './schedule/horizons.ts';
export { ownerDirectory, ownerIdsOf, ownerIn, ownerOf, ownerReferences, windowOwners } from './schedule/owners.ts';
export type { OwnerReference } from './schedule/owners.ts';
export { scheduleWindows } from './outputs/feeds/schedule.ts';
export { isPortableRule, MAX_EXDATES, MAX_INSTANCES } from './outputs/feeds/series.ts';
export type { FeedSet } from './outputs/feeds/feed-sets.ts';
export type { ScheduledWindow, TaskRun } from './outputs/feeds/schedule.ts';
export {
  escapeText,
  foldLine,
  serializeLines,
  utcDateTime,
  icalDuration,
  MAX_LINE_OCTETS,
} from './outputs/feeds/ical-text.ts';
export { isPlaceholder } from './time/time-words.ts';
export { clock, offsetIn } from './time/format.ts';
export { isSubDaily, recurrenceInWords } from './time/recurrence-words.ts';
export type { RecurrenceStyle, RecurrenceWordsOptions } from './time/recurrence-words.ts';
export { parseRruleBody } from './time/rrule-body.ts';
export type { Recur } from './time/recur.ts';
export { DAY, HOUR, MINUTE } from './time/units.ts';
export { groupBy } from './schedule/group-by.ts';
export { thresholdQueries } from './outputs/alerting/metric-queries.ts';
export type { ExportedThreshold, UnexportedThreshold, MetricQueries } from './outputs/alerting/metric-queries.ts';
export { prometheusRuleGroups, prometheusRulesYaml, alertName } from './outputs/alerting/prometheus-rules.ts';
export type { AlertRule, RuleGroup, RunbookUrl } from './outputs/alerting/prometheus-rules.ts';
export {
  muteIntervals,
  muteRoutes,
  alertmanagerTimeIntervalsYaml,
  alertmanagerRouteYaml,
} from './outputs/alerting/alertmanager-intervals.ts';
export type { MuteInterval, TimeIntervalEntry } from './outputs/alerting/alertmanager-intervals.ts';
export { parsePrometheusRulesFile } from './load/prometheus-rules-file.ts';
export type { PrometheusRulesFile } from './load/prometheus-rules-file.ts';
export { pageHref, thresholdAnchor } from './schedule/page-path.ts';
