import type { Item, Runbook } from '../model/corpus.ts';
import type { Rule } from './rule.ts';

/** Lists whose items carry an id that must be unique within the runbook. */
const ID_LISTS = ['windows', 'ad_hoc_windows', 'tasks', 'monitors'] as const;

export const duplicateId: Rule = {
  id: 'duplicate-id',
  meta: {
    description: 'Two runbooks, or two items of one runbook, with the same id',
    severity: 'error',
    docs: `Runbook ids name pages, feeds and calendar event UIDs; window and task ids are what
tasks and feeds refer to. Runbook ids are unique across all runbooks, and item ids across a
runbook's windows, tasks and monitors. The finding is on the second one and names the first.

Incorrect:

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: UTC
tasks:
  - { id: log-review, title: Application log review, kind: review, rrule: FREQ=DAILY, owner: ops }
  - { id: log-review, title: Security log review, kind: review, rrule: FREQ=WEEKLY;BYDAY=MO, owner: ops }
\`\`\`

Correct (the second task has its own id):

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: UTC
tasks:
  - { id: log-review, title: Application log review, kind: review, rrule: FREQ=DAILY, owner: ops }
  - { id: security-log-review, title: Security log review, kind: review, rrule: FREQ=WEEKLY;BYDAY=MO, owner: ops }
\`\`\``,
    howToFix: `Rename one of the two: runbook ids must be unique across the whole tree (the message names the other file), item ids within their runbook. Renaming a runbook changes its page URL and its calendar UIDs, so rename the newer one.`,
    messages: {
      runbook: "Runbook id '{{id}}' is already used by {{file}}",
      item: "Id '{{id}}' is already used by {{first}} on line {{line}}",
    },
  },
  check({ corpus, report }) {
    const byId = new Map<string, Runbook>();
    for (const runbook of corpus.runbooks) {
      const first = byId.get(runbook.id);
      if (first) {
        report({
          source: runbook.source,
          path: ['id'],
          messageId: 'runbook',
          data: { id: runbook.id, file: first.source.file },
          related: [{ source: first.source, path: ['id'], message: `first use of '${runbook.id}'` }],
        });
      } else byId.set(runbook.id, runbook);

      const items = new Map<string, Item<{ id: string }>>();
      for (const list of ID_LISTS) {
        for (const item of runbook[list] as Array<Item<{ id: string }>>) {
          const earlier = items.get(item.value.id);
          if (!earlier) {
            items.set(item.value.id, item);
            continue;
          }
          const line = runbook.source.positionOf([...earlier.path, 'id']).line;
          report({
            source: runbook.source,
            path: [...item.path, 'id'],
            messageId: 'item',
            data: { id: item.value.id, first: `${earlier.path[0]}[${earlier.path[1]}]`, line },
            related: [{ source: runbook.source, path: [...earlier.path, 'id'], message: `first use of '${item.value.id}'` }],
          });
        }
      }
    }
  },
};
