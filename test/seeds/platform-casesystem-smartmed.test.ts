// Seeds 001 (platform maintenance guide), 003 (case system maintenance & operations guide) and
// 004 (SmartMed maintenance schedule): every row read off each seed table is in the runbook's
// frontmatter, and the shipped runbooks verify clean (warnings only).
// Each seed contradiction, stated as the seed does, is tested in test/seed-contradictions.test.ts.
import { describe, expect, it } from 'vitest';
import type { Runbook } from '@almanac/verifier';
import { count, runbook, verifiesWithWarningsOnly } from './shipped-runbooks.ts';

/** Items of a list whose id starts with a prefix (the seed table they were read from). */
function withPrefix(r: Runbook, list: 'tasks' | 'windows' | 'ad_hoc_windows' | 'monitors', prefix: string): string[] {
  return (r[list] as Array<{ value: { id: string } }>).map((i) => i.value.id).filter((id) => id.startsWith(prefix));
}

describe('seed 001: platform maintenance guide (runbooks/platform/maintenance-guide.mdx)', () => {
  const r = runbook('platform-maintenance-guide');

  it('is system platform, in UTC, reviewed quarterly, with no review date (the guide gives none)', () => {
    expect(r.system).toBe('platform');
    expect(r.timezone).toBe('UTC');
    expect(r.review).toEqual({ cycle: 'P3M' });
  });
  it('Daily Monitoring: 3 system health check tasks', () => {
    expect(withPrefix(r, 'tasks', 'daily-monitoring-')).toHaveLength(3);
  });
  it('Real-time Monitoring: 3 critical metric thresholds', () => {
    expect(count(r, 'thresholds')).toBe(3);
    expect(r.thresholds.map((t) => t.value.metric)).toEqual([
      'authentication-failures',
      'api-error-rate',
      'response-time',
    ]);
  });
  it('Automated Checks: 9 checks, 3 sub-hourly monitors and 6 tasks', () => {
    expect(withPrefix(r, 'monitors', 'auto-')).toHaveLength(3);
    expect(count(r, 'monitors')).toBe(3);
    expect(withPrefix(r, 'tasks', 'auto-')).toHaveLength(6);
  });
  it('Regular Updates: 3 weekly and 3 monthly update tasks', () => {
    expect(withPrefix(r, 'tasks', 'weekly-update-')).toHaveLength(3);
    expect(withPrefix(r, 'tasks', 'monthly-update-')).toHaveLength(3);
  });
  it('Review Schedules: 3 weekly, 3 monthly and 3 quarterly reviews', () => {
    expect(withPrefix(r, 'tasks', 'weekly-review-')).toHaveLength(3);
    expect(withPrefix(r, 'tasks', 'monthly-review-')).toHaveLength(3);
    expect(withPrefix(r, 'tasks', 'quarterly-review-')).toHaveLength(3);
  });
  it('24 tasks in all', () => {
    expect(count(r, 'tasks')).toBe(24);
  });
  it('Scheduled Maintenance: 2 windows with a time, quarterly window ad hoc; monthly supersedes weekly', () => {
    expect(r.windows.map((w) => w.value.id)).toEqual(['weekly', 'monthly']);
    expect(r.windows[1]!.value.supersedes).toEqual(['weekly']);
    expect(withPrefix(r, 'ad_hoc_windows', 'quarterly')).toHaveLength(1);
  });
  it('Emergency Maintenance: 3 ad hoc windows', () => {
    expect(withPrefix(r, 'ad_hoc_windows', 'emergency-')).toHaveLength(3);
    expect(count(r, 'ad_hoc_windows')).toBe(4);
  });
  it('Maintenance Windows: 6 notification rules (3 scheduled, 3 emergency)', () => {
    expect(count(r, 'notifications')).toBe(6);
  });
  it('Primary Contacts: 3 teams, each with 2 placeholder contacts kept verbatim', () => {
    expect(r.owners).toEqual(['platform-system-administration', 'platform-security-team', 'platform-development-team']);
    const registry = r.registry.owners;
    for (const id of r.owners) {
      expect(registry[id]?.contacts).toHaveLength(2);
      for (const c of registry[id]!.contacts!) expect([c.name, c.phone]).toEqual(['[Name]', '[Phone]']);
    }
  });
  it('Escalation Path: 3 levels', () => {
    expect(r.escalation.map((e) => [e.value.level, e.value.respond_within])).toEqual([
      [1, 'PT30M'],
      [2, 'PT15M'],
      [3, 'PT5M'],
    ]);
    for (const e of r.escalation) expect(r.registry.owners[e.value.owner]?.contact).toBe('[Contact details]');
  });
  it('no recovery objectives, retention, support targets or capacity triggers in the seed', () => {
    for (const list of ['objectives', 'retention', 'support_targets', 'capacity_triggers'] as const)
      expect(count(r, list)).toBe(0);
  });
});

describe('seed 003: case system maintenance & operations guide (runbooks/case-system/maintenance-operations.mdx)', () => {
  const r = runbook('case-system-maintenance-operations');

  it('is system case-system, cron times in UTC, version 3.0 of January 2025', () => {
    expect(r.system).toBe('case-system');
    expect(r.timezone).toBe('UTC');
    expect(r.version).toBe('3.0');
    expect(r.review).toEqual({ cycle: 'P3M', last_reviewed: '2025-01-01' });
  });
  it('Maintenance Schedule: 14 tasks (3 daily, 3 weekly, 4 monthly, 4 quarterly)', () => {
    expect(withPrefix(r, 'tasks', 'schedule-')).toHaveLength(14);
  });
  it('Regular Maintenance Tasks: 9 tasks (3 daily, 3 weekly, 3 monthly)', () => {
    expect(withPrefix(r, 'tasks', 'regular-')).toHaveLength(9);
  });
  it('Backup Procedures: 1 automated backup and 2 restoration tests', () => {
    expect(withPrefix(r, 'tasks', 'backup-')).toHaveLength(3);
  });
  it('Backup Retention: 3 rules', () => {
    expect(r.retention.map((x) => [x.value.backup, x.value.keep])).toEqual([
      ['Daily backups', 'P7D'],
      ['Weekly backups', 'P4W'],
      ['Monthly backups', 'P12M'],
    ]);
  });
  it('Log Management: 2 rotations and 3 regular log reviews', () => {
    expect(withPrefix(r, 'tasks', 'log-')).toHaveLength(5);
  });
  it('System Health Checks: 9 checks (3 daily, 3 weekly, 3 monthly)', () => {
    expect(withPrefix(r, 'tasks', 'health-')).toHaveLength(9);
  });
  it('Cron Jobs: 4 jobs at their cron times', () => {
    expect(
      r.tasks.filter((t) => t.value.id.startsWith('cron-')).map((t) => [t.value.id, t.value.rrule, t.value.start]),
    ).toEqual([
      ['cron-database-backup', 'FREQ=DAILY', '02:00'],
      ['cron-log-archiving', 'FREQ=WEEKLY;BYDAY=SU', '03:00'],
      ['cron-database-optimization', 'FREQ=MONTHLY;BYMONTHDAY=1', '04:00'],
      ['cron-cleanup-temp', 'FREQ=DAILY', '01:00'],
    ]);
  });
  it('Recovery Testing: 3 test frequencies (monthly, quarterly, annually)', () => {
    expect(withPrefix(r, 'tasks', 'recovery-test-')).toHaveLength(3);
  });
  it('Growth Monitoring: 1 weekly storage growth check', () => {
    expect(withPrefix(r, 'tasks', 'capacity-')).toHaveLength(1);
  });
  it('Maintenance Checklist: 18 items (4 daily, 4 weekly, 5 monthly, 5 quarterly)', () => {
    expect(withPrefix(r, 'tasks', 'checklist-daily-')).toHaveLength(4);
    expect(withPrefix(r, 'tasks', 'checklist-weekly-')).toHaveLength(4);
    expect(withPrefix(r, 'tasks', 'checklist-monthly-')).toHaveLength(5);
    expect(withPrefix(r, 'tasks', 'checklist-quarterly-')).toHaveLength(5);
  });
  it('66 tasks in all, 2 of them the daily 2 AM database backup', () => {
    expect(count(r, 'tasks')).toBe(66);
    expect(r.tasks.filter((t) => t.value.kind === 'backup').map((t) => t.value.activity)).toEqual([
      'database-backup',
      'database-backup',
    ]);
  });
  it('Monitoring Tools: 12 continuous monitors', () => {
    expect(count(r, 'monitors')).toBe(12);
    expect(r.monitors.every((m) => m.value.every === undefined)).toBe(true);
  });
  it('Set Up Alerts For: 6 thresholds', () => {
    expect(count(r, 'thresholds')).toBe(6);
  });
  it('Alert Channels: 4 notification rules', () => {
    expect(count(r, 'notifications')).toBe(4);
  });
  it('no windows, escalation, objectives, support targets or capacity triggers in the seed', () => {
    for (const list of [
      'windows',
      'ad_hoc_windows',
      'escalation',
      'objectives',
      'support_targets',
      'capacity_triggers',
    ] as const)
      expect(count(r, list)).toBe(0);
  });
});

describe('seed 004: SmartMed maintenance schedule (runbooks/smartmed/maintenance-schedule.mdx)', () => {
  const r = runbook('smartmed-maintenance-schedule');

  it('is system smartmed, in UTC, version 1.0 of 2026-01-06, reviewed monthly', () => {
    expect(r.system).toBe('smartmed');
    expect(r.timezone).toBe('UTC');
    expect(r.version).toBe('1.0');
    expect(r.review).toEqual({ cycle: 'P1M', last_reviewed: '2026-01-06' });
  });
  it('Daily Tasks: 4 rows, 3 tasks at 09:00 and 1 ongoing monitor', () => {
    const daily = r.tasks.filter((t) => t.value.id.startsWith('daily-'));
    expect(daily.map((t) => t.value.start)).toEqual(['09:00', '09:00', '09:00']);
    expect(withPrefix(r, 'monitors', 'daily-')).toHaveLength(1);
  });
  it('Weekly Tasks: 5 rows', () => {
    expect(withPrefix(r, 'tasks', 'weekly-')).toHaveLength(5);
  });
  it('Monthly Tasks: 5 rows', () => {
    expect(withPrefix(r, 'tasks', 'monthly-')).toHaveLength(5);
  });
  it('Quarterly Tasks: 6 rows', () => {
    expect(withPrefix(r, 'tasks', 'quarterly-')).toHaveLength(6);
  });
  it('Annual Tasks: 6 rows', () => {
    expect(withPrefix(r, 'tasks', 'annual-')).toHaveLength(6);
  });
  it('Automated Maintenance: 4 rows, 3 tasks and the automatic certificate renewal', () => {
    expect(withPrefix(r, 'tasks', 'auto-')).toHaveLength(3);
    expect(withPrefix(r, 'monitors', 'auto-')).toEqual(['auto-certificate-renewal']);
  });
  it('28 tasks in all', () => {
    expect(count(r, 'tasks')).toBe(28);
  });
  it('Automated Monitoring: 4 monitors', () => {
    expect(
      r.monitors.filter((m) => m.value.id.startsWith('monitor-')).map((m) => m.value.every ?? 'real-time'),
    ).toEqual(['PT1M', 'PT5M', 'real-time', 'PT5M']);
    expect(count(r, 'monitors')).toBe(6);
  });
  it('Scheduled Maintenance: 3 rows, primary and secondary windows and the emergency window ad hoc', () => {
    expect(r.windows.map((w) => [w.value.id, w.value.rrule, w.value.start, w.value.duration, w.value.notice])).toEqual([
      ['primary', 'FREQ=WEEKLY;BYDAY=SU', '02:00', 'PT4H', 'PT72H'],
      ['secondary', 'FREQ=WEEKLY;BYDAY=WE', '02:00', 'PT2H', 'PT72H'],
    ]);
    expect(r.ad_hoc_windows.map((w) => w.value.id)).toEqual(['emergency']);
  });
  it('Maintenance Notification Process: 6 rules (3 planned, 3 emergency)', () => {
    expect(count(r, 'notifications')).toBe(6);
  });
  it('Daily Checklist and Security Log Review: 2 thresholds', () => {
    expect(r.thresholds.map((t) => t.value.metric)).toEqual(['error-rate', 'failed-login-attempts']);
  });
  it('Contacts: 4 rows, placeholders kept verbatim', () => {
    const registry = r.registry.owners;
    expect(r.owners.map((id) => [id, registry[id]?.email ?? registry[id]?.contact])).toEqual([
      ['smartmed-devops-lead', '[email]'],
      ['smartmed-security-lead', '[email]'],
      ['smartmed-dba', '[email]'],
      ['smartmed-on-call', '[rotation]'],
    ]);
  });
  it('no objectives, escalation, retention, support targets or capacity triggers in the seed', () => {
    for (const list of ['objectives', 'escalation', 'retention', 'support_targets', 'capacity_triggers'] as const)
      expect(count(r, list)).toBe(0);
  });
});

verifiesWithWarningsOnly(['platform', 'case-system', 'smartmed']);
