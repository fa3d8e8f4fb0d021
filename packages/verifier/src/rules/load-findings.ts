import type { Rule } from './rule.ts';

/** `parse` and `schema` report what loading found, so config can set their severity like any rule's. */
function loadFindings(id: 'parse' | 'schema', meta: Omit<Rule['meta'], 'messages'>): Rule {
  return {
    id,
    meta: { ...meta, messages: { found: '{{message}}' } },
    check({ corpus, report }) {
      // Loading words its findings itself (YAML and schema errors come in many shapes): one template carries them.
      for (const { ruleId, message, ...at } of corpus.loadReports)
        if (ruleId === id) report({ ...at, messageId: 'found', data: { message } });
    },
  };
}

export const parse = loadFindings('parse', {
  description: 'A file that cannot be read: not UTF-8, broken YAML, an unclosed frontmatter',
  severity: 'error',
  docs: `A runbook must be UTF-8 text whose frontmatter is valid YAML between two \`---\` lines.
The finding points at the first byte or token that cannot be read.

Incorrect:

\`\`\`yaml
---
id: database
title: Database maintenance
system: billing
owners: [ops]
tasks: [
---
\`\`\`

Correct:

\`\`\`yaml
---
id: database
title: Database maintenance
system: billing
owners: [ops]
tasks: []
---
\`\`\``,
  howToFix: `Save the file as UTF-8, close the frontmatter with a line of \`---\`, and fix the YAML at the line and column given (often an unquoted value containing \`: \` or a tab for indentation).`,
});

export const schema = loadFindings('schema', {
  description:
    'Frontmatter that does not match the schema: a wrong type, a missing field, a bad duration or HH:MM time',
  severity: 'error',
  docs: `Every field is checked against the runbook schema (\`packages/verifier/runbook.schema.json\`,
which editors use for completion). The finding points at the offending key or value and says
what a correct value looks like. An item with a wrong value is left out of the other checks
(one whose only fault is an unknown field is kept); the file's other items are still checked,
and a runbook with a bad \`id\`, \`title\` or \`system\` is checked under names from its path.

Incorrect:

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: UTC
tasks:
  - id: db-backup-full
    title: Full database backup
    kind: backup
    owner: ops
    rrule: FREQ=DAILY
    start: 2:00        # not "HH:MM"
    duration: 30 min   # not ISO 8601
\`\`\`

Correct:

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: UTC
tasks:
  - id: db-backup-full
    title: Full database backup
    kind: backup
    owner: ops
    rrule: FREQ=DAILY
    start: "02:00"
    duration: PT30M
\`\`\``,
  howToFix: `Read the message: it names the field, what it must be and what it found. Quote times (\`start: "02:00"\`), write durations as ISO 8601 (\`PT2H\`, \`P1D\`), and check a misspelt field name against the "did you mean". In VS Code the schema completes and checks the frontmatter as you type (see the README's "Writing a runbook"). \`almanac verify --fix\` quotes an unquoted \`start\` such as \`2:00\`.`,
});
