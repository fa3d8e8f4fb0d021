import { ownerOf, ownerReferences } from '../schedule/owners.ts';
import { didYouMean, nearest } from '../load/did-you-mean.ts';
import { rawDataOf } from '../load/raw-data.ts';
import type { Rule } from './rule.ts';

const hasOwnKey = (data: unknown, key: string) => data !== null && typeof data === 'object' && Object.hasOwn(data, key);

export const ownerUnknown: Rule = {
  id: 'owner-unknown',
  meta: {
    description: 'An owner id missing from owners.yaml',
    severity: 'error',
    docs: `Every owner a runbook names (\`owners\`, a task's \`owner\`, an escalation level's
\`owner\`) must be an id in the \`owners.yaml\` at the root of its runbook tree, so that the
site and the feeds can show who to call.

Incorrect (\`dba\` is not in owners.yaml):

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [dba]
\`\`\`

Correct (\`dba\` added to owners.yaml with a name and contacts; or an owner that is there):

\`\`\`yaml
# runbooks/owners.yaml
dba: { name: Database Team, kind: team, email: dba@example.org }
# runbooks/database.mdx
id: database
title: Database maintenance
system: billing
owners: [dba]
\`\`\``,
    howToFix: `Use the owner id the "did you mean" names (\`almanac verify --fix\` writes it when only one is near), or add the owner to the registry with a name and a contact. The registry is the nearest \`owners.yaml\` in the runbook's folder or above it, or the config's \`owners\`. An owner whose registry entry has a schema error is reported there, not where it is named.`,
    messages: {
      unknown: "Owner '{{owner}}' is not in {{where}}",
      unknownNear: "Owner '{{owner}}' is not in {{where}}{{near}}",
    },
  },
  check({ corpus, report }) {
    for (const runbook of corpus.runbooks) {
      for (const { owner, path } of ownerReferences(runbook)) {
        if (ownerOf(runbook, owner)) continue;
        const { registry } = runbook;
        // An owner written in the registry with a schema error is reported there, not at each use.
        if (registry.source && hasOwnKey(rawDataOf(registry.source), owner)) continue;
        const near = nearest(owner, Object.keys(registry.owners));
        const where = registry.source
          ? registry.file
          : registry.missing
            ? `an owners.yaml (${registry.missing})`
            : `${registry.file} (which does not exist)`;
        report({
          source: runbook.source,
          path,
          messageId: near.length ? 'unknownNear' : 'unknown',
          data: { owner, where, near: didYouMean(owner, near) },
          // A unique near id is a certain fix; two are a choice for the author.
          fix: near.length === 1 ? { from: owner, text: near[0]! } : undefined,
        });
      }
    }
  },
};
