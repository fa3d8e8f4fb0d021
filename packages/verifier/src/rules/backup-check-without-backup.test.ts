import { taskItem, testRule } from '../../test/rule-tester.ts';
import { backupCheckWithoutBackup } from './backup-check-without-backup.ts';

const verification = taskItem({
  id: 'weekly-backup-verification',
  title: 'Backup verification',
  kind: 'check',
  rrule: 'FREQ=WEEKLY;BYDAY=FR',
});
const restoreTest = taskItem({
  id: 'quarterly-restore',
  title: 'Restoration test',
  kind: 'restore-test',
  rrule: 'FREQ=MONTHLY;INTERVAL=3',
});
const backup = taskItem({ id: 'nightly-backup', title: 'Nightly backup', kind: 'backup', backup: { type: 'full' } });

testRule(backupCheckWithoutBackup, {
  valid: [
    { name: 'checks beside the backup they check', runbooks: [{ tasks: [backup, verification, restoreTest] }] },
    { name: 'the backup in another runbook of the system', runbooks: [{ tasks: [verification] }, { tasks: [backup] }] },
    {
      name: 'a declared backup source',
      runbooks: [{ backup_source: 'RDS automated snapshots, kept 35 days', tasks: [verification, restoreTest] }],
    },
    {
      name: 'a backup source in another runbook of the system',
      runbooks: [{ tasks: [restoreTest] }, { backup_source: 'Managed by the platform team' }],
    },
    {
      name: 'checks of other things',
      runbooks: [
        {
          tasks: [
            taskItem({ id: 'disk-space', title: 'Disk space check' }),
            taskItem({ id: 'backupify-audit', title: 'Backupify licence audit', kind: 'audit' }),
          ],
        },
      ],
    },
    {
      name: 'setting backups up is not checking them',
      runbooks: [{ tasks: [taskItem({ id: 'backup-setup', title: 'Set up backups', kind: 'other' })] }],
    },
  ],
  invalid: [
    {
      name: 'SmartMed: weekly verification and quarterly restore test, no backup',
      runbooks: [{ tasks: [verification, restoreTest] }],
      errors: [
        {
          path: 'tasks[0].id',
          messageId: 'noBackup',
          message:
            /^Task 'weekly-backup-verification' checks backups, but system 'demo' has no backup task and no backup_source; schedule the backup, or say where backups are taken with backup_source$/,
        },
        { messageId: 'noBackup', path: 'tasks[1].id', message: /^Task 'quarterly-restore' is a restore test, but/ },
      ],
    },
    {
      name: 'named by its id only',
      runbooks: [{ tasks: [taskItem({ id: 'daily-backup-status', title: 'Verify automated jobs completed' })] }],
      errors: [{ messageId: 'noBackup', path: 'tasks[0].id' }],
    },
    {
      name: 'named by its activity only',
      runbooks: [
        {
          tasks: [taskItem({ id: 'friday-review', title: 'Friday review', kind: 'review', activity: 'backup-review' })],
        },
      ],
      errors: [{ messageId: 'noBackup', path: 'tasks[0].id' }],
    },
    {
      name: 'another system’s backup does not count',
      runbooks: [{ system: 'other', tasks: [backup] }, { tasks: [verification] }],
      errors: [{ messageId: 'noBackup', file: 'runbooks/r1.mdx' }],
    },
    {
      name: 'rpo_met_by does not say where backups come from',
      runbooks: [
        {
          tasks: [restoreTest],
          objectives: [{ scenario: 'db', rto: 'PT1H', rpo: 'PT0S', rpo_met_by: 'replication', procedure: 'Fail over' }],
        },
      ],
      errors: [{ messageId: 'noBackup', path: 'tasks[0].id' }],
    },
  ],
});
