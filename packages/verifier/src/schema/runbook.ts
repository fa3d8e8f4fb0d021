import { z } from 'zod';
import {
  duration,
  isoDate,
  line,
  listOf,
  metricName,
  oneOf,
  plainLine,
  plainText,
  promqlQuery,
  rruleBody,
  slug,
  text,
  timeOfDay,
  zoneName,
} from './primitives.ts';

export const IMPACTS = ['none', 'minimal', 'degraded', 'downtime'] as const;
export const TASK_KINDS = [
  'backup',
  'restore-test',
  'review',
  'update',
  'optimization',
  'check',
  'audit',
  'other',
] as const;
export const BACKUP_TYPES = ['full', 'incremental', 'differential'] as const;

const ownerId = slug.describe('An owner id from runbooks/owners.yaml');

export const windowSchema = z
  .strictObject({
    id: slug.describe('The window id, unique in this runbook; tasks name it in `window`'),
    title: line,
    rrule: rruleBody.describe('RFC 5545 RRULE body without DTSTART, e.g. FREQ=WEEKLY;BYDAY=SU'),
    start: timeOfDay.describe(
      'Local start time, quoted: "02:00", read in this window\'s timezone, else the runbook\'s',
    ),
    duration: duration.describe('ISO 8601 duration: PT2H, PT30M'),
    timezone: zoneName
      .optional()
      .describe("IANA zone (Africa/Nairobi, UTC) the start is read in, instead of the runbook's"),
    impact: oneOf(IMPACTS).describe('What users see: none, minimal, degraded or downtime'),
    notice: duration.optional().describe('How far ahead users are told'),
    remind_at_start: z
      .boolean({ error: 'must be true or false' })
      .optional()
      .describe('Calendar feeds add a second reminder as the window starts'),
    supersedes: listOf(slug)
      .optional()
      .describe('Windows of this runbook that this one replaces when both fall on the same day'),
    description: text.optional(),
  })
  .describe('A recurring maintenance window, published in the calendar feeds');

/** Windows that exist but have no fixed time: "scheduled with stakeholders", "any time". */
export const adHocWindowSchema = z.strictObject({
  id: slug,
  title: line,
  when: text.describe('How the time is chosen, in words'),
  impact: oneOf(IMPACTS),
  notice: duration.optional(),
  approval: text.optional(),
  documentation: text.optional(),
});

export const taskSchema = z
  .strictObject({
    id: slug,
    title: line,
    kind: oneOf(TASK_KINDS).describe(
      'backup tasks count for rpo-exceeds-backups; restore-test and check relate to them',
    ),
    rrule: rruleBody.describe('RFC 5545 RRULE body without DTSTART, e.g. FREQ=DAILY'),
    start: timeOfDay
      .optional()
      .describe('Local start time, quoted: "02:30"; without it the task is due on the day, at no set hour'),
    duration: duration.optional(),
    timezone: zoneName
      .optional()
      .describe(
        "IANA zone the start is read in, instead of the runbook's. A daily backup kept in UTC stays 24 hours apart when local clocks change",
      ),
    owner: ownerId,
    window: slug.optional().describe('A window of this runbook the task must lie inside'),
    activity: slug
      .optional()
      .describe(
        'What the task does, when several tasks of a system describe the same activity; they must then agree on its schedule',
      ),
    backup: z.strictObject({ type: oneOf(BACKUP_TYPES), target: text.optional() }).optional(),
    description: text.optional(),
    tool: text.optional(),
  })
  .describe('A recurring maintenance activity');

const level = z.strictObject({
  value: z.number({ error: 'must be a number' }),
  for: duration.optional().describe('How long the value must hold before the level applies'),
});

export const thresholdSchema = z.strictObject({
  metric: metricName,
  unit: text.optional().describe('Free text shown beside the values (%, ms, GB); not checked'),
  comparator: oneOf(['>', '<']).describe('">" when high values are bad, "<" when low values are'),
  warning: level.optional(),
  critical: level.optional(),
  priority: oneOf(['low', 'medium', 'high', 'critical']).optional(),
  response: text,
  query: promqlQuery
    .optional()
    .describe('PromQL giving the metric, for the generated Prometheus alert; overrides almanac.config.json metrics'),
});

export const capacityTriggerSchema = z.strictObject({
  metric: metricName,
  condition: text.describe('When the trigger fires, in words: "80% of allocated space"'),
  action: text,
});

export const objectiveSchema = z.strictObject({
  scenario: slug.describe('The failure this objective is for: database-loss, full-outage'),
  rto: duration.describe('Recovery time objective: longest acceptable outage (ISO 8601: PT4H)'),
  rpo: duration.describe(
    'Recovery point objective: most data a failure may lose (ISO 8601: PT24H); checked against the gaps between backups',
  ),
  rpo_met_by: oneOf(['backups', 'replication', 'not-applicable'])
    .optional()
    .describe(
      'What keeps data loss within the RPO; only "backups" (the default) is checked against the backup schedule',
    ),
  procedure: text,
});

export const escalationSchema = z.strictObject({
  level: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be 1 or more'),
  owner: ownerId,
  respond_within: duration,
  description: text.optional(),
});

export const retentionSchema = z.strictObject({
  backup: text.describe('Which backups: "daily database backups"'),
  keep: duration,
});

export const supportTargetSchema = z.strictObject({
  severity: slug,
  respond_within: duration,
  resolve_within: duration.optional(),
  escalate_after: duration.optional(),
  escalate_to: text.optional(),
  business_time: z.boolean({ error: 'must be true or false' }).optional().describe('Durations count business days'),
});

export const notificationSchema = z.strictObject({
  event: text,
  lead: duration.optional().describe('How far ahead of the event'),
  repeat_every: duration.optional(),
  channel: text.optional(),
});

export const monitorSchema = z.strictObject({
  id: slug,
  title: line,
  every: duration.optional().describe('Omitted for continuous checks'),
  owner: ownerId.optional(),
  tool: text.optional(),
});

/** Every list of items in a runbook, by field: the loader validates their items one by one. */
export const LIST_FIELDS = {
  windows: windowSchema,
  ad_hoc_windows: adHocWindowSchema,
  tasks: taskSchema,
  monitors: monitorSchema,
  thresholds: thresholdSchema,
  capacity_triggers: capacityTriggerSchema,
  objectives: objectiveSchema,
  escalation: escalationSchema,
  retention: retentionSchema,
  support_targets: supportTargetSchema,
  notifications: notificationSchema,
} as const;

type ListFields = { [K in keyof typeof LIST_FIELDS]: z.ZodOptional<z.ZodArray<(typeof LIST_FIELDS)[K]>> };
const listFields = Object.fromEntries(
  Object.entries(LIST_FIELDS).map(([key, item]) => [key, listOf(item).optional()]),
) as ListFields;

/**
 * Starlight fields whose values become raw HTML or script on the page (`head` adds tags to
 * <head>, `banner` and `hero` render HTML): refused unless the config's `allowFrontmatter`
 * lists them, since a pull request that only edits a runbook must not put script on the site.
 */
export const HTML_FIELDS = ['head', 'banner', 'hero'] as const;

const label = line.describe('Plain text, one line');
const boolean = z.boolean({ error: 'must be true or false' });
const headingLevel = z
  .number({ error: 'must be a heading level from 1 to 6' })
  .int('must be a heading level from 1 to 6')
  .min(1, 'must be a heading level from 1 to 6')
  .max(6, 'must be a heading level from 1 to 6');

/**
 * Starlight's own frontmatter keys, allowed beside the runbook's so one file serves both, each
 * held to the plain values that cannot carry markup, attributes or a `javascript:` link: the
 * sidebar's `attrs`, a `prev`/`next` link or an `editUrl` of another scheme would put script
 * on every page. A key listed in the config's `allowFrontmatter` takes whatever Starlight takes.
 */
export const STARLIGHT_FIELDS = {
  sidebar: z
    .strictObject(
      {
        order: z.number({ error: 'must be a number' }).optional(),
        label: label.optional(),
        hidden: boolean.optional(),
        badge: label.optional(),
      },
      { error: 'must be a mapping of order, label, hidden and badge' },
    )
    .optional(),
  prev: z.union([boolean, label], { error: 'must be true, false or a label' }).optional(),
  next: z.union([boolean, label], { error: 'must be true, false or a label' }).optional(),
  editUrl: z
    .union([boolean, z.url({ protocol: /^https$/, error: 'must be true, false or an https: URL' })], {
      error: 'must be true, false or an https: URL',
    })
    .optional(),
  pagefind: boolean.optional(),
  tableOfContents: z
    .union(
      [boolean, z.strictObject({ minHeadingLevel: headingLevel.optional(), maxHeadingLevel: headingLevel.optional() })],
      {
        error: 'must be true, false or { minHeadingLevel, maxHeadingLevel }',
      },
    )
    .optional(),
  template: oneOf(['doc', 'splash']).optional(),
  draft: boolean.optional(),
  lastUpdated: z.union([boolean, isoDate], { error: 'must be true, false or a date YYYY-MM-DD' }).optional(),
  ...(Object.fromEntries(HTML_FIELDS.map((key) => [key, z.unknown().optional()])) as Record<
    (typeof HTML_FIELDS)[number],
    z.ZodOptional<z.ZodUnknown>
  >),
};

/** Keys the config's `allowFrontmatter` may list. */
export const ALLOWABLE_FIELDS = Object.keys(STARLIGHT_FIELDS) as Array<keyof typeof STARLIGHT_FIELDS>;

// The page's URL path becomes a file under dist/, so it may not climb out of it.
const pageSlug = z
  .string({ error: 'must be a URL path such as "mvono/plan"' })
  .regex(
    /^(?!.*(^|\/)\.\.?(\/|$))[a-z0-9][a-z0-9\-/]*$/,
    'must be a URL path of lowercase letters, digits, dashes and slashes, such as "mvono/plan"',
  );

export const runbookSchema = z
  .strictObject({
    id: slug.describe('The runbook id, unique in the tree: lowercase letters, digits and dashes'),
    title: plainLine,
    description: plainText.optional().describe("The page's description for search engines and link previews"),
    system: slug.describe('The system the runbook is for; runbooks of one system are compared with each other'),
    owners: listOf(ownerId).min(1, 'must name at least one owner'),
    timezone: zoneName
      .optional()
      .describe(
        'IANA zone (Africa/Nairobi, America/Chicago, UTC) every start time is read in, unless its item has its own',
      ),
    version: text.optional(),
    status: text.optional(),
    classification: text.optional(),
    review: z
      .strictObject({
        cycle: duration.describe('How often the runbook is reviewed: P3M, P1Y'),
        last_reviewed: isoDate
          .optional()
          .describe('The day the runbook was last reviewed; left out when nobody has recorded one'),
      })
      .optional(),
    backup_source: text
      .optional()
      .describe(
        "Where this system's backups are taken when no task of its runbooks takes them: a managed service, another team's job",
      ),
    ...listFields,
    ...STARLIGHT_FIELDS,
    slug: pageSlug.optional(),
  })
  .describe('An Almanac runbook: the YAML frontmatter of a runbooks/**/*.mdx file');

export type RunbookData = z.infer<typeof runbookSchema>;
export type Window = z.infer<typeof windowSchema>;
export type Task = z.infer<typeof taskSchema>;
export type Threshold = z.infer<typeof thresholdSchema>;
export type Objective = z.infer<typeof objectiveSchema>;
export type Escalation = z.infer<typeof escalationSchema>;
export type SupportTarget = z.infer<typeof supportTargetSchema>;

/** Frontmatter keys that make a page a runbook; any other page (an index, a guide) is just a page. */
export const RUNBOOK_MARKERS = ['system', 'owners', ...Object.keys(LIST_FIELDS)] as const;

/** A page that is not a runbook: the title Starlight shows, and Starlight's own keys. */
export const pageSchema = z.strictObject({
  title: plainLine,
  description: plainText.optional(),
  slug: pageSlug.optional(),
  ...STARLIGHT_FIELDS,
});
