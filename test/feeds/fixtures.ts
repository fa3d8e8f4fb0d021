import { feedHorizon, TimeEngine, type Corpus } from '@almanac/verifier';
import { corpusOf } from './client.ts';

/*
 * Small runbooks whose windows exercise what feeds get wrong: a Europe/London window on both
 * DST change days (its 01:30 start falls in the spring gap and is ambiguous in the autumn), an
 * Africa/Nairobi window that crosses local midnight, and a last-Sunday-of-month window that
 * supersedes a weekly one, with tasks inside them owned by other owners.
 */

export const OWNERS = {
  'ledger-team': { name: 'Ledger Team', email: 'ledger@example.org' },
  'ledger-dba': { name: 'Ledger DBA', phone: '+44 20 7946 0000' },
  'mvono-it': { name: 'Mvono IT', email: 'it@mvono.example' },
  'nairobi-dba': { name: 'Nairobi DBA' },
  ops: { name: 'Operations' },
  'ops-dba': { name: 'Ops DBA' },
  'on-leave': { name: 'Owns nothing' },
  'desk-team': { name: 'Desk Team' },
};

export const LONDON = {
  id: 'ledger-maintenance',
  title: 'Ledger maintenance',
  system: 'ledger',
  owners: ['ledger-team'],
  timezone: 'Europe/London',
  windows: [
    {
      id: 'weekly',
      title: 'Weekly patching',
      rrule: 'FREQ=WEEKLY;BYDAY=SU',
      start: '01:30',
      duration: 'PT3H',
      impact: 'degraded',
      notice: 'PT24H',
    },
  ],
  tasks: [
    {
      id: 'reindex',
      title: 'Reindex ledgers',
      kind: 'optimization',
      rrule: 'FREQ=WEEKLY;BYDAY=SU',
      start: '02:45',
      duration: 'PT30M',
      owner: 'ledger-dba',
      window: 'weekly',
    },
  ],
};

export const NAIROBI = {
  id: 'mvono-plan',
  title: 'Mvono maintenance plan',
  system: 'mvono',
  owners: ['mvono-it'],
  timezone: 'Africa/Nairobi',
  windows: [
    {
      id: 'saturday-night',
      title: 'Saturday night window',
      rrule: 'FREQ=WEEKLY;BYDAY=SA',
      start: '23:00',
      duration: 'PT4H',
      impact: 'minimal',
    },
  ],
  tasks: [
    {
      id: 'vacuum',
      title: 'Vacuum the database',
      kind: 'optimization',
      rrule: 'FREQ=MONTHLY;BYDAY=1SU',
      start: '01:00',
      duration: 'PT1H',
      owner: 'nairobi-dba',
      window: 'saturday-night',
    },
  ],
};

/**
 * A title with every character that could break out of a value that a title may hold (the schema
 * refuses line breaks in titles), and more than 75 octets of non-ASCII; the line break that
 * would start an event of its own is in the window's description, which may run over lines.
 */
export const NASTY_TITLE = 'Monthly: DB; upgrade, \\ "ünïcødé" 🛠️ メンテナンス メンテナンス';
const NASTY_DESCRIPTION =
  'Replaces the weekly window; see https://status.example.org/?a=1,b=2\nEND:VEVENT\nBEGIN:VEVENT\nUID:injected';

export const LAST_SUNDAY = {
  id: 'core-ops',
  title: 'Core ops; the "main", runbook',
  system: 'core',
  owners: ['ops', 'unregistered-owner'],
  timezone: 'UTC',
  windows: [
    {
      id: 'weekly',
      title: 'Weekly maintenance',
      rrule: 'FREQ=WEEKLY;BYDAY=SU',
      start: '02:00',
      duration: 'PT2H',
      impact: 'minimal',
      notice: 'PT24H',
    },
    {
      id: 'monthly',
      title: NASTY_TITLE,
      rrule: 'FREQ=MONTHLY;BYDAY=-1SU',
      start: '02:00',
      duration: 'PT4H',
      impact: 'downtime',
      notice: 'P1M',
      remind_at_start: true,
      supersedes: ['weekly'],
      description: NASTY_DESCRIPTION,
    },
  ],
  tasks: [
    // Names the weekly window but runs on last Sundays: it lies in the monthly window that replaces it.
    {
      id: 'restore-test',
      title: 'Restore test',
      kind: 'restore-test',
      rrule: 'FREQ=MONTHLY;BYDAY=-1SU',
      start: '03:00',
      duration: 'PT1H',
      owner: 'ops-dba',
      window: 'weekly',
    },
  ],
};

/**
 * Windows in a zone with DST: most are series that clients must place through the feed's
 * VTIMEZONE on both sides of each change, and one whose rule is outside Outlook's templates.
 */
export const NEW_YORK = {
  id: 'desk-plan',
  title: 'Trading desk plan',
  system: 'desk',
  owners: ['desk-team'],
  timezone: 'America/New_York',
  windows: [
    {
      id: 'mornings',
      title: 'Morning restarts',
      rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR',
      start: '06:00',
      duration: 'PT1H',
      impact: 'minimal',
    },
    {
      id: 'fortnightly',
      title: 'Fortnightly patching',
      rrule: 'BYDAY=TU;INTERVAL=2;FREQ=WEEKLY',
      start: '22:00',
      duration: 'PT5H',
      impact: 'degraded',
    },
    {
      id: 'quarterly',
      title: 'Quarterly failover',
      rrule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=2SA',
      start: '20:00',
      duration: 'PT6H',
      impact: 'downtime',
    },
    {
      id: 'month-end',
      title: 'Month-end close',
      rrule: 'FREQ=MONTHLY;BYMONTHDAY=-1',
      start: '18:00',
      duration: 'PT2H',
      impact: 'minimal',
    },
  ],
  tasks: [],
};

export const FILES = {
  'runbooks/ledger/maintenance.mdx': LONDON,
  'runbooks/mvono/Maintenance-Plan.mdx': NAIROBI,
  'runbooks/core/ops.mdx': LAST_SUNDAY,
  'runbooks/desk/plan.mdx': NEW_YORK,
};

export function fixtureCorpus(files: Record<string, Record<string, unknown>> = FILES): Corpus {
  return corpusOf(files, OWNERS);
}

/** 2026-01-30 to 2027-04-05: both of 2026's DST changes in London and the spring one of 2027. */
export const TODAY = '2026-03-01';

export function fixtureTime(today = TODAY): TimeEngine {
  return new TimeEngine(feedHorizon(today));
}
