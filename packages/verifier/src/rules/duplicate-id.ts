import type { Item, Runbook } from '../load/corpus.ts';
import type { Rule } from './rule.ts';

/** Lists whose items carry an id that must be unique within the runbook. */
const ID_LISTS = ['windows', 'ad_hoc_windows', 'tasks', 'monitors'] as const;

export const duplicateId: Rule = {
  id: 'duplicate-id',
  meta: {
    description:
      'Two runbooks, or two items of one runbook, with the same id; two windows whose feed events would share UIDs (db + backup-weekly, db-backup + weekly)',
    severity: 'error',
    docs: `Runbook ids name pages, feeds and calendar event UIDs; window and task ids are what
tasks and feeds refer to. Runbook ids are unique across all runbooks, and item ids across a
runbook's windows, tasks and monitors. The finding is on the second one and names the first.

A window's calendar events have the UID \`<runbook id>-<window id>-<start>@<site>\`, so window
\`backup-weekly\` of runbook \`db\` and window \`weekly\` of runbook \`db-backup\` would give two
events one UID wherever they start together: clients would merge them, and the feeds refuse to
be built. That is reported too, on the second window, whether or not the two start together in
the checked dates yet.

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
      uid: "Window '{{window}}' of runbook '{{runbook}}' would give its calendar events the same UIDs ({{prefix}}-<start>) as window '{{other}}' of runbook '{{otherRunbook}}' in {{file}}: the feeds cannot publish both; rename one of the ids",
    },
  },
  check({ corpus, report }) {
    const byId = new Map<string, Runbook>();
    /** Windows by the start of their events' UIDs (`eventUid` in feeds/feed.ts). */
    const byUid = new Map<string, { runbook: Runbook; window: Item<{ id: string }> }>();
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

      for (const window of runbook.windows) {
        const prefix = `${runbook.id}-${window.value.id}`;
        const first = byUid.get(prefix);
        if (!first) byUid.set(prefix, { runbook, window });
        // The same runbook and window ids twice are the duplicates reported as such.
        else if (first.runbook.id !== runbook.id) {
          report({
            source: runbook.source,
            path: [...window.path, 'id'],
            messageId: 'uid',
            data: {
              window: window.value.id,
              runbook: runbook.id,
              prefix,
              other: first.window.value.id,
              otherRunbook: first.runbook.id,
              file: first.runbook.source.file,
            },
            related: [
              {
                source: first.runbook.source,
                path: [...first.window.path, 'id'],
                message: `events of '${first.runbook.id}-${first.window.value.id}' have the same UIDs`,
              },
            ],
          });
        }
      }

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
            related: [
              { source: runbook.source, path: [...earlier.path, 'id'], message: `first use of '${item.value.id}'` },
            ],
          });
        }
      }
    }
  },
};
