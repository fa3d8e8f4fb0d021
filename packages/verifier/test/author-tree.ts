/**
 * The tree a new author meets: other teams' runbooks and placeholder owners in runbooks/, and the
 * author's own runbook in runbooks/payroll/, whose registry is runbooks/owners.yaml above it.
 */
export const OTHER_OWNERS = `ops:
  name: Operations
  email: ops@example.org
mvono-admin:
  name: Mvono administrators
  phone: "+254 7XX XXX XXX"
platform-team:
  name: Platform
  contacts:
    - { role: Primary, name: "[Name]", phone: "[Phone]" }
`;

export const PAYROLL_OWNER = `payroll-dba:
  name: Payroll DBAs
  email: payroll-dba@example.org
`;

const other = (id: string, owner: string) => `---
id: ${id}
title: ${id}
system: ${id}
owners: [${owner}]
timezone: UTC
review: { cycle: P3M, last_reviewed: 2026-01-01 }
---
`;

export const PAYROLL = `---
id: payroll
title: Payroll maintenance
system: payroll
owners: [payroll-dba]
timezone: America/Chicago
review: { cycle: P3M, last_reviewed: 2026-11-01 }
tasks:
  - { id: backup, title: Nightly backup, kind: backup, rrule: FREQ=DAILY, start: "02:30", owner: payroll-dba, backup: { type: full } }
objectives:
  - { scenario: db-loss, rto: PT4H, rpo: P1D, procedure: Restore the nightly backup }
---
`;

/** The files of the tree, the author's runbook given (or replaced by) `payroll`. */
export function authorTree(payroll = PAYROLL): Record<string, string> {
  return {
    'runbooks/owners.yaml': OTHER_OWNERS + PAYROLL_OWNER,
    'runbooks/mvono/plan.mdx': other('mvono', 'mvono-admin'),
    'runbooks/platform/guide.mdx': other('platform', 'platform-team'),
    'runbooks/payroll/maintenance.mdx': payroll,
  };
}
