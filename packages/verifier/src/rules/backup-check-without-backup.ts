import type { Task } from '../schema/runbook.ts';
import type { Rule } from './rule.ts';
import { unparsedBackups } from './unparsed-backups.ts';

/** "Backup verification", "daily-backup-status", "Verify backups": a task about backups, by its name. */
const NAMES_BACKUPS = /(?:^|[^a-z])backups?(?![a-z])/i;

/** Kinds that look at something already there; a backup task itself, an update or an "other" may set backups up. */
const VERIFYING_KINDS: ReadonlySet<Task['kind']> = new Set(['check', 'audit', 'review']);

/** What a task does to backups, for the message; none when it does not concern them. */
function checksBackups(task: Task): string | undefined {
  if (task.kind === 'restore-test') return 'is a restore test';
  if (
    VERIFYING_KINDS.has(task.kind) &&
    [task.id, task.title, task.activity ?? ''].some((name) => NAMES_BACKUPS.test(name))
  )
    return 'checks backups';
  return undefined;
}

export const backupCheckWithoutBackup: Rule = {
  id: 'backup-check-without-backup',
  meta: {
    description: 'A backup check or restore test in a system with no backup task and no `backup_source`',
    severity: 'warning',
    docs: `A plan that verifies backups every Friday and tests a restore every quarter, but schedules
no backup and says nothing of where backups come from, leaves the reader unable to tell whether
there is anything to verify. The rule looks at every \`restore-test\` task, and every \`check\`,
\`audit\` or \`review\` task whose id, title or activity names backups ("Backup verification",
\`daily-backup-status\`). It is satisfied by any \`kind: backup\` task of the same system, in any
of its runbooks, or by \`backup_source\` in one of them: where the backups are taken when no
runbook schedules them (a managed database's snapshots, another team's job). \`rpo_met_by\` does
not count: it says how an RPO is met, not where the backups a check looks at come from.

A warning, not an error: the backups may well exist outside the runbooks, and nothing the runbook
states contradicts itself; what is missing is where they are. Say so with \`backup_source\`, or
schedule the backup.

Incorrect:

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: UTC
tasks:
  - { id: weekly-backup-verification, title: Backup verification, kind: check, rrule: "FREQ=WEEKLY;BYDAY=FR", owner: ops }
  - { id: quarterly-restore-test, title: Backup restoration test, kind: restore-test, rrule: "FREQ=MONTHLY;INTERVAL=3", owner: ops }
\`\`\`

Correct:

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: UTC
backup_source: Nightly snapshots of the managed PostgreSQL service, kept 35 days (AWS RDS)
tasks:
  - { id: weekly-backup-verification, title: Backup verification, kind: check, rrule: "FREQ=WEEKLY;BYDAY=FR", owner: ops }
  - { id: quarterly-restore-test, title: Backup restoration test, kind: restore-test, rrule: "FREQ=MONTHLY;INTERVAL=3", owner: ops }
\`\`\``,
    howToFix: `Add the backup task to a runbook of the system, or say where the backups are taken with \`backup_source\`.`,
    messages: {
      noBackup:
        "Task '{{task}}' {{what}}, but system '{{system}}' has no backup task and no backup_source; schedule the backup, or say where backups are taken with backup_source",
    },
  },
  check({ corpus, report }) {
    const backedUp = new Set<string>();
    for (const runbook of corpus.runbooks) {
      if (runbook.backup_source !== undefined || runbook.tasks.some((task) => task.value.kind === 'backup'))
        backedUp.add(runbook.system);
    }
    // A backup task written with a schema error is the finding to fix, not the checks of its backups.
    const hasUnparsedBackup = unparsedBackups(corpus);
    for (const runbook of corpus.runbooks) {
      if (backedUp.has(runbook.system)) continue;
      for (const { value, path } of runbook.tasks) {
        const what = checksBackups(value);
        if (!what || hasUnparsedBackup(runbook.system)) continue;
        report({
          source: runbook.source,
          path: [...path, 'id'],
          messageId: 'noBackup',
          data: { task: value.id, what, system: runbook.system },
        });
      }
    }
  },
};
