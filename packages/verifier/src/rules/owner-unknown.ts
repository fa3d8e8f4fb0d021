import { ownerOf, ownerReferences } from '../model/owners.ts';
import type { Rule } from './rule.ts';

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
    messages: {
      unknown: "Owner '{{owner}}' is not in {{where}}",
      unknownNear: "Owner '{{owner}}' is not in {{where}}; did you mean '{{near}}'?",
    },
  },
  check({ corpus, report }) {
    for (const runbook of corpus.runbooks) {
      for (const { owner, path } of ownerReferences(runbook)) {
        if (ownerOf(runbook, owner)) continue;
        const near = Object.keys(runbook.registry.owners).find((id) => id.includes(owner) || owner.includes(id));
        const { registry } = runbook;
        const where = registry.source ? registry.file : registry.missing ? `an owners.yaml (${registry.missing})` : `${registry.file} (which does not exist)`;
        report({
          source: runbook.source,
          path,
          messageId: near ? 'unknownNear' : 'unknown',
          data: { owner, where, near: near ?? '' },
        });
      }
    }
  },
};
