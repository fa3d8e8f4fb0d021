import type { Runbook } from '@almanac/verifier';

/** A section of the summary shown above a runbook's text: its heading and anchor. */
export interface Section {
  key: SectionKey;
  id: string;
  title: string;
  /** The runbook defines nothing for it: the section still shows, saying so, so "what is the RTO" has an answer where a reader looks. */
  empty: boolean;
}

export type SectionKey =
  | 'owners'
  | 'windows'
  | 'tasks'
  | 'thresholds'
  | 'objectives'
  | 'escalation'
  | 'support-targets'
  | 'notifications'
  | 'retention'
  | 'capacity-triggers'
  | 'monitors';

const TITLES: Array<[SectionKey, string, (runbook: Runbook) => boolean]> = [
  ['owners', 'Owners', (r) => r.owners.length > 0],
  ['windows', 'Maintenance windows', (r) => r.windows.length + r.ad_hoc_windows.length > 0],
  ['tasks', 'Tasks', (r) => r.tasks.length > 0],
  ['thresholds', 'Alert thresholds', (r) => r.thresholds.length > 0],
  ['objectives', 'Recovery objectives', (r) => r.objectives.length > 0],
  ['escalation', 'Escalation', (r) => r.escalation.length > 0],
  ['support-targets', 'Support targets', (r) => r.support_targets.length > 0],
  ['notifications', 'Notifications', (r) => r.notifications.length > 0],
  ['retention', 'Backup retention', (r) => r.retention.length > 0],
  ['capacity-triggers', 'Capacity triggers', (r) => r.capacity_triggers.length > 0],
  ['monitors', 'Monitors', (r) => r.monitors.length > 0],
];

/**
 * Every section of the summary, in page order, each marked empty when this runbook has no data
 * for it. An anchor that a heading of the runbook's own text already uses gets a suffix, so both
 * stay reachable.
 */
export function summarySections(runbook: Runbook, bodySlugs: ReadonlySet<string>): Section[] {
  return TITLES.map(([key, title, present]) => ({
    key,
    id: bodySlugs.has(key) ? `${key}-summary` : key,
    title,
    empty: !present(runbook),
  }));
}
