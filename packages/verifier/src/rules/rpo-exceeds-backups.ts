import { scheduled } from '../schedule/schedules.ts';
import { durationMs, humanizeDuration, humanizeMs } from '../time/duration.ts';
import { clock } from '../time/format.ts';
import { clockChangeBetween } from './clock-change.ts';
import type { Rule } from './rule.ts';
import { unparsedBackups } from './unparsed-backups.ts';

interface Gap {
  length: number;
  from: number;
  to: number;
  zone: string;
}

export const rpoExceedsBackups: Rule = {
  id: 'rpo-exceeds-backups',
  meta: {
    description: "An RPO shorter than the longest gap between that system's scheduled backups",
    severity: 'error',
    docs: `The recovery point objective is the most data a failure may lose. Data written just after
a backup is safe only at the next one, so the RPO can hold only if the longest gap between two
consecutive scheduled backups of the system (all backup tasks of all its runbooks, any type),
over the horizon, is no longer than the RPO. An objective met otherwise (replication, or no data
at stake, such as redeploying code) says so with \`rpo_met_by\`.

Incorrect:

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: UTC
tasks:
  - { id: full, title: Full backup, kind: backup, rrule: FREQ=DAILY, start: "00:00", owner: ops, backup: { type: full } }
  - { id: incremental, title: Incremental backup, kind: backup, rrule: FREQ=DAILY, start: "16:00", owner: ops, backup: { type: incremental } }
objectives:
  - { scenario: single-record-corruption, rto: PT1H, rpo: PT4H, procedure: Restore the record from the latest backup }   # gaps of 16 hours
\`\`\`

Correct (an incremental every 4 hours; or an RPO the schedule can meet):

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: UTC
tasks:
  - { id: full, title: Full backup, kind: backup, rrule: FREQ=DAILY, start: "00:00", owner: ops, backup: { type: full } }
  - { id: incremental, title: Incremental backup, kind: backup, rrule: FREQ=HOURLY;INTERVAL=4, start: "04:00", owner: ops, backup: { type: incremental } }
objectives:
  - { scenario: single-record-corruption, rto: PT1H, rpo: PT4H, procedure: Restore the record from the latest backup }
\`\`\``,
    howToFix: `Schedule backups closer together than the RPO, or raise the RPO to what the schedule gives. A gap that is longer only on the day the clocks go back (a daily backup at 02:30 America/Chicago is 25 hours from the next on that Sunday) is fixed by keeping the backup task in UTC (\`timezone: UTC\` and the \`start\` the message gives). An objective met otherwise (replication, or no data at stake) says so with \`rpo_met_by: replication\` (or \`not-applicable\`). A gap accepted on purpose is suppressed with \`# almanac-ignore rpo-exceeds-backups -- <why>\`.`,
    messages: {
      tooFewBackups:
        "RPO {{rpo}} for '{{scenario}}' cannot be met: system '{{system}}' has fewer than two scheduled backups in the horizon; add a backup task, or set rpo_met_by if replication meets it",
      gap: "RPO {{rpo}} for '{{scenario}}' cannot be met: backups of system '{{system}}' are up to {{gap}} apart ({{from}} → {{to}} {{zone}}); schedule backups closer together, or set rpo_met_by if replication meets it",
      clockChange:
        "RPO {{rpo}} for '{{scenario}}' cannot be met: backups of system '{{system}}' are {{gap}} apart {{change}} ({{from}} → {{to}} {{zone}}); schedule the backup in UTC (timezone: UTC, start: \"{{utcStart}}\"), set rpo_met_by if replication meets it, or accept it with # almanac-ignore rpo-exceeds-backups -- <why>",
    },
  },
  check({ corpus, time, report }) {
    // An expansion shared by several tasks (the same rule, start and zone) adds nothing to the
    // gaps and is counted once. Gaps are worked out only for systems an objective asks about.
    const lists = new Map<
      string,
      Map<readonly unknown[], { occurrences: ReadonlyArray<{ start: number }>; zone: string }>
    >();
    for (const { runbook, item, zone, occurrences } of scheduled(corpus, time, 'tasks')) {
      if (item.value.kind !== 'backup') continue;
      let ofSystem = lists.get(runbook.system);
      if (!ofSystem) lists.set(runbook.system, (ofSystem = new Map()));
      if (!ofSystem.has(occurrences)) ofSystem.set(occurrences, { occurrences, zone });
    }
    const gaps = new Map<string, Gap | undefined>();
    const longestGap = (system: string): Gap | undefined => {
      if (gaps.has(system)) return gaps.get(system);
      // Starts as plain numbers, sorted natively: systems with hourly backups have thousands.
      const backups = [...(lists.get(system)?.values() ?? [])];
      const starts = new Float64Array(backups.reduce((n, b) => n + b.occurrences.length, 0));
      let n = 0;
      for (const { occurrences } of backups) for (const o of occurrences) starts[n++] = o.start;
      starts.sort();
      let gap: Gap | undefined;
      for (let i = 1; i < starts.length; i++) {
        const length = starts[i]! - starts[i - 1]!;
        if (!gap || length > gap.length) gap = { length, from: starts[i - 1]!, to: starts[i]!, zone: '' };
      }
      // The zone of the backup that ends the gap, as it is read in its own runbook.
      if (gap) gap.zone = backups.find((b) => b.occurrences.some((o) => o.start === gap!.to))!.zone;
      gaps.set(system, gap);
      return gap;
    };

    // A backup task written with a schema error is left out of the schedule; its own finding is the one to fix.
    const hasUnparsedBackup = unparsedBackups(corpus);
    for (const runbook of corpus.runbooks) {
      for (const { value, path } of runbook.objectives) {
        if ((value.rpo_met_by ?? 'backups') !== 'backups') continue;
        const rpo = durationMs(value.rpo);
        const gap = longestGap(runbook.system);
        const intro = { rpo: humanizeDuration(value.rpo), scenario: value.scenario, system: runbook.system };
        if ((!gap || gap.length > rpo) && hasUnparsedBackup(runbook.system)) continue;
        if (!gap) {
          report({ source: runbook.source, path: [...path, 'rpo'], messageId: 'tooFewBackups', data: intro });
        } else if (gap.length > rpo) {
          const a = clock(gap.from, gap.zone);
          const b = clock(gap.to, gap.zone);
          // A gap longer only because the clocks went back is the zone's doing, and fixed in UTC.
          const change = clockChangeBetween(gap.from, gap.to, gap.zone);
          report({
            source: runbook.source,
            path: [...path, 'rpo'],
            messageId: change ? 'clockChange' : 'gap',
            data: {
              ...intro,
              gap: humanizeMs(gap.length),
              from: `${a.weekday} ${a.date} ${a.time}`,
              to: `${b.weekday} ${b.date} ${b.time}`,
              zone: gap.zone,
              change: change ?? '',
              utcStart: clock(gap.from, 'UTC').time,
            },
          });
        }
      }
    }
  },
};
