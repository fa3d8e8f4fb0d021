import type { Rule } from './rule.ts';

export const windowUnknown: Rule = {
  id: 'window-unknown',
  meta: {
    description: 'A task names a window that does not exist',
    severity: 'error',
    docs: `A task's \`window\` names a window of the same runbook (in \`windows\` or \`ad_hoc_windows\`)
that the task must run inside. A misspelt or removed window would leave the task unchecked.

Incorrect:

\`\`\`yaml
windows:
  - id: weekly
tasks:
  - id: patching
    window: weekly-maintenance
\`\`\`

Correct:

\`\`\`yaml
tasks:
  - id: patching
    window: weekly
\`\`\``,
  },
  check({ corpus, report }) {
    for (const runbook of corpus.runbooks) {
      const ids = [...runbook.windows, ...runbook.ad_hoc_windows].map((w) => w.value.id);
      for (const task of runbook.tasks) {
        const name = task.value.window;
        if (name === undefined || ids.includes(name)) continue;
        const known = ids.length ? `; this runbook's windows are ${ids.map((id) => `'${id}'`).join(', ')}` : '; this runbook has no windows';
        report({ source: runbook.source, path: [...task.path, 'window'], message: `Task '${task.value.id}' names window '${name}', which does not exist${known}` });
      }
    }
  },
};
