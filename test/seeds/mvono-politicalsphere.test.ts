// Seeds 000 (Mvono Consultants maintenance plan) and 002 (Political Sphere maintenance SOP):
// every row read off each seed table and every scheduled checklist item is in the runbook's
// frontmatter, and the shipped runbooks verify clean (warnings only).
// Each seed contradiction, stated as the seed does, is tested in test/seed-contradictions.test.ts.
import { describe, expect, it } from 'vitest';
import type { Runbook } from '@almanac/verifier';
import { count, runbook, verifiesWithWarningsOnly } from './shipped-runbooks.ts';

/** Tasks whose id starts with a prefix (the seed table or section they were read from). */
function tasks(r: Runbook, prefix: string) {
  return r.tasks.map((t) => t.value).filter((t) => t.id.startsWith(prefix));
}

describe('seed 000: Mvono Consultants maintenance plan (runbooks/mvono/maintenance-plan.mdx)', () => {
  const r = runbook('mvono-maintenance-plan');

  it('is system mvono, in EAT (Africa/Nairobi), reviewed every 3 months, with no review date (the plan gives none)', () => {
    expect(r.system).toBe('mvono');
    expect(r.timezone).toBe('Africa/Nairobi');
    expect(r.review).toEqual({ cycle: 'P3M' });
  });
  it('Daily Maintenance table: 5 tasks at 12:00 AM, 6:00 AM, 8:00 AM, 4:00 PM (every 4 hours from 04:00) and 5:00 PM EAT', () => {
    const daily = tasks(r, 'daily-');
    expect(daily).toHaveLength(5);
    expect(daily.map((t) => [t.title, t.start])).toEqual([
      ['Database Backup', '00:00'],
      ['Log Review', '06:00'],
      ['System Health Check', '08:00'],
      ['Incremental Backup (every 4 hours)', '04:00'],
      ['End-of-Day Check', '17:00'],
    ]);
    expect(daily.find((t) => t.id === 'daily-incremental-backup')!.rrule).toBe(
      'FREQ=HOURLY;INTERVAL=4;BYHOUR=4,8,12,16,20',
    );
  });
  it('Weekly Maintenance table: 7 tasks, Monday to Sunday', () => {
    const weekly = tasks(r, 'weekly-');
    expect(weekly).toHaveLength(7);
    expect(weekly.map((t) => /BYDAY=([A-Z0-9,]+)/.exec(t.rrule)![1])).toEqual([
      'MO',
      'TU',
      'WE',
      'TH',
      'FR',
      'SA',
      '2SU,3SU,4SU,5SU',
    ]);
  });
  it('Monthly Maintenance table: 4 tasks, weeks 1 to 4 from the 1st, 8th, 15th and 22nd', () => {
    const monthly = tasks(r, 'monthly-');
    expect(monthly).toHaveLength(4);
    expect(monthly.map((t) => t.rrule)).toEqual([
      'FREQ=MONTHLY;BYMONTHDAY=1',
      'FREQ=MONTHLY;BYMONTHDAY=8',
      'FREQ=MONTHLY;BYMONTHDAY=15',
      'FREQ=MONTHLY;BYMONTHDAY=22',
    ]);
  });
  it('Quarterly Maintenance table: 4 tasks', () => {
    expect(tasks(r, 'quarterly-')).toHaveLength(4);
  });
  it('Routine Maintenance Procedures: 1 database, 1 system update and 2 backup verification tasks', () => {
    expect(tasks(r, 'db-')).toHaveLength(1);
    expect(tasks(r, 'updates-')).toHaveLength(1);
    expect(tasks(r, 'backup-')).toHaveLength(2);
  });
  it('Security Maintenance: 3 access control review and 3 security scanning tasks', () => {
    expect(tasks(r, 'access-')).toHaveLength(3);
    expect(tasks(r, 'security-')).toHaveLength(3);
  });
  it('Recovery Testing: 3 tasks', () => {
    expect(tasks(r, 'recovery-')).toHaveLength(3);
  });
  it('Documentation Maintenance: 3 scheduled tasks; Annual Maintenance Review: 1', () => {
    expect(tasks(r, 'docs-')).toHaveLength(3);
    expect(tasks(r, 'annual-')).toHaveLength(1);
  });
  it('37 tasks in all; backups: daily full, 4-hourly incremental, weekly full system', () => {
    expect(count(r, 'tasks')).toBe(37);
    expect(r.tasks.filter((t) => t.value.kind === 'backup').map((t) => [t.value.id, t.value.backup?.type])).toEqual([
      ['daily-database-backup', 'full'],
      ['daily-incremental-backup', 'incremental'],
      ['weekly-system-backup', 'full'],
    ]);
  });
  it('tasks that are one activity share one schedule', () => {
    const byActivity = new Map<string, Set<string>>();
    for (const { value: t } of r.tasks) {
      if (!t.activity) continue;
      byActivity.set(t.activity, (byActivity.get(t.activity) ?? new Set()).add(`${t.rrule} ${t.start ?? ''}`));
    }
    for (const activity of ['full-restore-test', 'security-audit', 'monthly-restore-test', 'user-access-audit']) {
      expect(r.tasks.filter((t) => t.value.activity === activity)).toHaveLength(2);
    }
    for (const schedules of byActivity.values()) expect(schedules.size).toBe(1);
  });
  it('Real-time Monitoring, Security Scanning, Feature Updates and Capacity Monitoring Metrics: 4 + 1 + 1 + 5 monitors', () => {
    expect(count(r, 'monitors')).toBe(11);
    expect(r.monitors.filter((m) => m.value.id.startsWith('capacity-'))).toHaveLength(5);
  });
  it('Alerting Thresholds table: 6 rows', () => {
    expect(count(r, 'thresholds')).toBe(6);
    expect(r.thresholds.map((t) => [t.value.metric, t.value.warning?.value, t.value.critical?.value])).toEqual([
      ['server-cpu', 70, 85],
      ['memory-usage', 75, 90],
      ['disk-space', 80, 90],
      ['database-connections', 80, 90],
      ['response-time', 2, 5],
      ['error-rate', 1, 5],
    ]);
  });
  it('Expansion Triggers table: 5 capacity triggers', () => {
    expect(count(r, 'capacity_triggers')).toBe(5);
  });
  it('Recovery Time Objectives table: 5 objectives', () => {
    expect(count(r, 'objectives')).toBe(5);
    expect(r.objectives.map((o) => [o.value.scenario, o.value.rto, o.value.rpo])).toEqual([
      ['single-record-corruption', 'PT1H', 'PT4H'],
      ['database-failure', 'PT4H', 'PT24H'],
      ['application-failure', 'PT2H', 'PT0S'],
      ['complete-system-failure', 'PT8H', 'PT24H'],
      ['catastrophic-data-center-loss', 'PT24H', 'PT48H'],
    ]);
  });
  it('Response Time Targets table: 4 support targets', () => {
    expect(count(r, 'support_targets')).toBe(4);
    expect(r.support_targets.map((s) => s.value.severity)).toEqual(['critical', 'high', 'medium', 'low']);
  });
  it('Feature Updates, Error Tracking and Emergency Change Process: 3 notification rules', () => {
    expect(count(r, 'notifications')).toBe(3);
  });
  it('no maintenance windows, escalation levels with times, or retention rules in the seed', () => {
    for (const list of ['windows', 'ad_hoc_windows', 'escalation', 'retention'] as const)
      expect(count(r, list)).toBe(0);
  });
  it('Contact Information: 5 contacts (4 placeholder phones), plus Development Team and automation', () => {
    const mvono = Object.entries(r.registry.owners).filter(([id]) => id.startsWith('mvono-'));
    expect(mvono).toHaveLength(7);
    const contacts = mvono.filter(([, o]) => o.email);
    expect(contacts.map(([id]) => id)).toEqual([
      'mvono-system-administrator',
      'mvono-database-administrator',
      'mvono-security-officer',
      'mvono-support-team',
      'mvono-it-manager',
    ]);
    expect(contacts.filter(([, o]) => o.phone === '+254 7XX XXX XXX')).toHaveLength(4);
  });
});

describe('seed 002: Political Sphere maintenance SOP (runbooks/political-sphere/maintenance-sop.mdx)', () => {
  const r = runbook('political-sphere-maintenance-sop');

  it('is system political-sphere, in Europe/London, version 1.0.0, last updated 2025-11-14, reviewed quarterly', () => {
    expect(r.system).toBe('political-sphere');
    expect(r.timezone).toBe('Europe/London');
    expect(r.version).toBe('1.0.0');
    expect(r.status).toBe('Draft');
    expect(r.review).toEqual({ cycle: 'P3M', last_reviewed: '2025-11-14' });
  });
  for (const [section, prefix, rrule] of [
    ['Daily Tasks', 'daily-', 'FREQ=DAILY'],
    ['Weekly Tasks', 'weekly-', 'FREQ=WEEKLY'],
    ['Monthly Tasks', 'monthly-', 'FREQ=MONTHLY'],
    ['Quarterly Tasks', 'quarterly-', 'FREQ=MONTHLY;INTERVAL=3'],
  ] as const) {
    it(`Maintenance Schedule, ${section}: 4 tasks, ${rrule}, no time of day`, () => {
      const list = tasks(r, prefix);
      expect(list).toHaveLength(4);
      for (const t of list) {
        expect(t.rrule).toBe(rrule);
        expect(t.start).toBeUndefined();
      }
    });
  }
  it('16 tasks in all', () => {
    expect(count(r, 'tasks')).toBe(16);
  });
  it('Prerequisites: 1 ad hoc maintenance window, announced 48 hours ahead', () => {
    expect(r.ad_hoc_windows.map((w) => [w.value.id, w.value.notice])).toEqual([['maintenance-window', 'PT48H']]);
    expect(count(r, 'windows')).toBe(0);
  });
  it('Communication Plan: 4 notification rules', () => {
    expect(count(r, 'notifications')).toBe(4);
  });
  it('Maintenance Process and Risk Mitigation: 2 monitors', () => {
    expect(count(r, 'monitors')).toBe(2);
  });
  it('no thresholds, objectives, escalation, retention, support targets or capacity triggers in the seed', () => {
    for (const list of [
      'thresholds',
      'objectives',
      'escalation',
      'retention',
      'support_targets',
      'capacity_triggers',
    ] as const)
      expect(count(r, list)).toBe(0);
  });
  it('Owner and Document Owner: 2 teams, no contacts in the seed', () => {
    const ps = Object.entries(r.registry.owners).filter(([id]) => id.startsWith('political-sphere-'));
    expect(ps.map(([id]) => id)).toEqual(['political-sphere-operations-team', 'political-sphere-documentation-team']);
  });
});

verifiesWithWarningsOnly(['mvono', 'political-sphere']);
