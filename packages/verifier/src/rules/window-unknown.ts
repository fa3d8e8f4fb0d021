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
      for (const window of runbook.windows) {
        (window.value.supersedes ?? []).forEach((name, index) => {
          const path = [...window.path, 'supersedes', index];
          if (name === window.value.id) report({ source: runbook.source, path, message: `Window '${name}' supersedes itself; name the window it replaces` });
          else if (!runbook.windows.some((w) => w.value.id === name)) {
            const others = runbook.windows.filter((w) => w !== window).map((w) => `'${w.value.id}'`);
            report({ source: runbook.source, path, message: `Window '${window.value.id}' supersedes '${name}', which is not a window of this runbook${others.length ? `; its other windows are ${others.join(', ')}` : ''}` });
          }
        });
      }
    }
  },
};
