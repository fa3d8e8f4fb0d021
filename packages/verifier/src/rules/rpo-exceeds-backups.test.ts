import { testRule, taskItem } from '../../test/rule-tester.ts';
import { rpoExceedsBackups } from './rpo-exceeds-backups.ts';

const backup = (fields: Record<string, unknown>) =>
  taskItem({ kind: 'backup', backup: { type: 'incremental' }, owner: 'ops', ...fields });
const mvonoBackups = [
  backup({ id: 'full', start: '00:00', backup: { type: 'full' } }),
  backup({ id: 'incremental', start: '16:00' }),
];
const objective = (rpo: string, fields: Record<string, unknown> = {}) => ({
  scenario: 'single-record-corruption',
  rto: 'PT1H',
  rpo,
  procedure: 'Restore',
  ...fields,
});

testRule(rpoExceedsBackups, {
  valid: [
    {
      name: 'every 4 hours meets 4 hours',
      runbooks: [
        {
          timezone: 'Africa/Nairobi',
          tasks: [...mvonoBackups, backup({ id: 'four-hourly', rrule: 'FREQ=HOURLY;INTERVAL=4', start: '00:00' })],
          objectives: [objective('PT4H')],
        },
      ],
    },
    { name: 'daily meets a day', runbooks: [{ tasks: [backup({})], objectives: [objective('PT24H')] }] },
    {
      name: 'backups in another runbook of the system count',
      runbooks: [{ tasks: [backup({})] }, { objectives: [objective('P1D')] }],
    },
    {
      name: 'a daily backup in UTC meets a day all year',
      runbooks: [
        {
          timezone: 'America/Chicago',
          tasks: [backup({ start: '07:30', timezone: 'UTC' })],
          objectives: [objective('P1D')],
        },
      ],
    },
    { name: 'met by replication', runbooks: [{ objectives: [objective('PT0S', { rpo_met_by: 'replication' })] }] },
  ],
  invalid: [
    {
      name: 'the Mvono plan: RPO 4 hours, backups at 00:00 and 16:00 EAT',
      runbooks: [{ timezone: 'Africa/Nairobi', tasks: mvonoBackups, objectives: [objective('PT4H')] }],
      errors: [
        {
          path: 'objectives[0].rpo',
          messageId: 'gap',
          message:
            /^RPO 4 hours for 'single-record-corruption' cannot be met: backups of system 'demo' are up to 16 hours apart \(\w{3} \d{4}-\d\d-\d\d 00:00 → \w{3} \d{4}-\d\d-\d\d 16:00 Africa\/Nairobi\); schedule backups closer together, or set rpo_met_by if replication meets it$/,
        },
      ],
    },
    {
      name: 'a daily backup in Chicago is 25 hours from the next when the clocks go back',
      runbooks: [{ timezone: 'America/Chicago', tasks: [backup({ start: '02:30' })], objectives: [objective('P1D')] }],
      errors: [
        {
          messageId: 'clockChange',
          message:
            /^RPO 1 day for 'single-record-corruption' cannot be met: backups of system 'demo' are 1 day 1 hour apart on 2027-11-07, when America\/Chicago leaves daylight saving time \(Sat 2027-11-06 02:30 → Sun 2027-11-07 02:30 America\/Chicago\); schedule the backup in UTC \(timezone: UTC, start: "07:30"\), set rpo_met_by if replication meets it, or accept it with # almanac-ignore rpo-exceeds-backups -- <why>$/,
        },
      ],
    },
    {
      name: 'no backups at all',
      runbooks: [{ objectives: [objective('PT24H')] }],
      errors: [{ messageId: 'tooFewBackups', message: /fewer than two scheduled backups/ }],
    },
    {
      name: 'another system’s backups do not count',
      runbooks: [{ system: 'other', tasks: [backup({})] }, { objectives: [objective('PT24H')] }],
      errors: [{ messageId: 'tooFewBackups', file: 'runbooks/r1.mdx' }],
    },
  ],
});
