import { isPlaceholder } from '../time/time-words.ts';
import type { Rule } from './rule.ts';

const CONTACT_FIELDS = ['name', 'email', 'phone', 'contact'] as const;

export const ownerPlaceholder: Rule = {
  id: 'owner-placeholder',
  meta: {
    description: 'An owner whose contact is a placeholder ([Name], XXX, [email])',
    severity: 'warning',
    docs: `A runbook read at 3 a.m. must say whom to call. Contact details copied from a template
(\`[Name] - [Phone]\`, \`+254 7XX XXX XXX\`, \`[email]\`) are kept so the gap stays visible: this rule
points at each one in owners.yaml until a real contact replaces it.

Incorrect:

\`\`\`yaml
# runbooks/owners.yaml
system-administrator:
  name: System Administrator
  phone: "+254 7XX XXX XXX"
\`\`\`

Correct:

\`\`\`yaml
# runbooks/owners.yaml
system-administrator:
  name: System Administrator
  phone: "+254 711 000 123"
\`\`\``,
    howToFix: `Replace the placeholder in \`owners.yaml\` with the real name, email or phone. If the contact is not known yet, remove the field rather than keep a placeholder.`,
    messages: {
      placeholder: "Owner '{{owner}}' has a placeholder {{field}} '{{value}}'; replace it with a real contact",
    },
  },
  check({ corpus, report }) {
    for (const registry of corpus.registries) {
      if (!registry.source) continue;
      for (const [id, owner] of Object.entries(registry.owners)) {
        const entries: Array<{ path: Array<string | number>; value: string | undefined; field: string }> =
          CONTACT_FIELDS.map((field) => ({ path: [id, field], value: owner[field], field }));
        owner.contacts?.forEach((contact, index) => {
          for (const field of CONTACT_FIELDS.slice(0, 3)) {
            entries.push({
              path: [id, 'contacts', index, field],
              value: contact[field as 'name' | 'email' | 'phone'],
              field: `${contact.role ?? `contact ${index + 1}`} ${field}`,
            });
          }
        });
        for (const { path, value, field } of entries) {
          if (value === undefined || !isPlaceholder(value)) continue;
          report({ source: registry.source, path, messageId: 'placeholder', data: { owner: id, field, value } });
        }
      }
    }
  },
};
