import { didYouMean } from '../load/did-you-mean.ts';
import { rawIdsOf } from '../load/raw-data.ts';
import type { Rule } from './rule.ts';

export const windowUnknown: Rule = {
  id: 'window-unknown',
  meta: {
    description: 'A task, or a window that supersedes another, names a window that does not exist',
    severity: 'error',
    docs: `A task's \`window\` names a window of the same runbook (in \`windows\` or \`ad_hoc_windows\`)
that the task must run inside; a window's \`supersedes\` names the windows of the runbook it
replaces. A misspelt or removed window would leave the task unchecked, or the overlap unexplained.

Incorrect:

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: UTC
windows:
  - id: weekly
    title: Weekly maintenance
    rrule: FREQ=WEEKLY;BYDAY=SU
    start: "02:00"
    duration: PT2H
    impact: minimal
tasks:
  - { id: patching, title: OS patching, kind: update, rrule: FREQ=WEEKLY;BYDAY=SU, start: "02:30", owner: ops, window: weekly-maintenance }
\`\`\`

Correct:

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: UTC
windows:
  - id: weekly
    title: Weekly maintenance
    rrule: FREQ=WEEKLY;BYDAY=SU
    start: "02:00"
    duration: PT2H
    impact: minimal
tasks:
  - { id: patching, title: OS patching, kind: update, rrule: FREQ=WEEKLY;BYDAY=SU, start: "02:30", owner: ops, window: weekly }
\`\`\``,
    howToFix: `Use the window id the "did you mean" names, or add the window to \`windows\` (or \`ad_hoc_windows\`) of the same runbook. A window with a schema error still exists: fix its own finding instead.`,
    messages: {
      taskWindow: "Task '{{task}}' names window '{{window}}', which does not exist{{known}}",
      supersedesItself: "Window '{{window}}' supersedes itself; name the window it replaces",
      supersedesUnknown:
        "Window '{{window}}' supersedes '{{superseded}}', which is not a window of this runbook{{others}}",
    },
  },
  check({ corpus, report }) {
    for (const runbook of corpus.runbooks) {
      const ids = [...runbook.windows, ...runbook.ad_hoc_windows].map((w) => w.value.id);
      // A window written with a schema error exists: its own finding is the one to fix.
      const written = () => [...rawIdsOf(runbook.source, 'windows'), ...rawIdsOf(runbook.source, 'ad_hoc_windows')];
      for (const task of runbook.tasks) {
        const name = task.value.window;
        if (name === undefined || ids.includes(name) || written().includes(name)) continue;
        const hint = didYouMean(name, ids);
        const known =
          hint ||
          (ids.length
            ? `; this runbook's windows are ${ids.map((id) => `'${id}'`).join(', ')}`
            : '; this runbook has no windows');
        report({
          source: runbook.source,
          path: [...task.path, 'window'],
          messageId: 'taskWindow',
          data: { task: task.value.id, window: name, known },
        });
      }
      for (const window of runbook.windows) {
        (window.value.supersedes ?? []).forEach((name, index) => {
          const path = [...window.path, 'supersedes', index];
          if (name === window.value.id)
            report({ source: runbook.source, path, messageId: 'supersedesItself', data: { window: name } });
          else if (
            !runbook.windows.some((w) => w.value.id === name) &&
            !rawIdsOf(runbook.source, 'windows').includes(name)
          ) {
            const others = runbook.windows.filter((w) => w !== window).map((w) => w.value.id);
            const hint =
              didYouMean(name, others) ||
              (others.length ? `; its other windows are ${others.map((id) => `'${id}'`).join(', ')}` : '');
            report({
              source: runbook.source,
              path,
              messageId: 'supersedesUnknown',
              data: { window: window.value.id, superseded: name, others: hint },
            });
          }
        });
      }
    }
  },
};
