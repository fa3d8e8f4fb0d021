import { describe, expect, it } from 'vitest';
import {
  horizonAround,
  parseRunbookFile,
  TimeEngine,
  type OwnersRegistry,
  type Runbook,
} from '@almanac/verifier/internal';
import { agenda, overlapsInWords } from '../../packages/starlight/src/lib/schedule/agenda.ts';
import { nextWindow, startOfToday, upcomingWindows } from '../../packages/starlight/src/lib/schedule/occurrences.ts';
import { distinctOwnerName, ownedWindows, ownerRecords, systemsOf } from '../../packages/starlight/src/lib/owners.ts';
import { summarySections } from '../../packages/starlight/src/lib/sections.ts';
import { taskTimeInWords, windowInWords } from '../../packages/starlight/src/lib/schedule/item-words.ts';

const registry: OwnersRegistry = {
  file: 'runbooks/owners.yaml',
  owners: { ops: { name: 'Operations' }, dba: { name: 'Database team', kind: 'team' } },
};

function runbook(name: string, frontmatter: string): Runbook {
  const parsed = parseRunbookFile(
    `runbooks/${name}.mdx`,
    new TextEncoder().encode(`---\n${frontmatter}\n---\nBody\n`),
    registry,
  );
  if (!parsed.runbook) throw new Error(parsed.reports.map((r) => r.message).join('\n'));
  return parsed.runbook;
}

const db = runbook(
  'db',
  `id: db
title: Database
system: db
owners: [dba]
timezone: UTC
windows:
  - { id: weekly, title: Weekly, rrule: "FREQ=WEEKLY;BYDAY=SU", start: "02:00", duration: PT2H, impact: minimal }
  - { id: late, title: Late, rrule: "FREQ=WEEKLY;BYDAY=SU", start: "03:00", duration: PT2H, impact: none }
tasks:
  - { id: backup, title: Backup, kind: backup, rrule: FREQ=DAILY, start: "01:00", owner: ops }
escalation:
  - { level: 1, owner: ops, respond_within: PT30M }`,
);
const web = runbook(
  'web',
  `id: web
title: Web
system: web
owners: [ops, ghost]
timezone: Africa/Nairobi
windows:
  - { id: nightly, title: Nightly, rrule: "FREQ=WEEKLY;BYDAY=SU", start: "05:00", duration: PT1H, impact: degraded }`,
);

const today = '2026-11-23'; // a Monday
const from = startOfToday(today);
const time = new TimeEngine(horizonAround(today));

describe('upcoming windows', () => {
  it('starts at midnight UTC of the build day', () => {
    expect(new Date(from).toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });

  it('lists a runbook’s next occurrences, soonest first', () => {
    const next = upcomingWindows(db, time, from, 3);
    expect(next.map((o) => [o.window.value.id, new Date(o.start).toISOString()])).toEqual([
      ['weekly', '2026-11-29T02:00:00.000Z'],
      ['late', '2026-11-29T03:00:00.000Z'],
      ['weekly', '2026-12-06T02:00:00.000Z'],
    ]);
  });

  it('finds the soonest window of all runbooks', () => {
    // 05:00 Nairobi is 02:00 UTC, the same instant as db's weekly window; either is the soonest.
    expect(new Date(nextWindow([web, db], time, from)!.start).toISOString()).toBe('2026-11-29T02:00:00.000Z');
  });
});

describe('agenda', () => {
  const weeks = agenda([db, web], time, from, 8);

  it('lists eight weeks from the Monday of today, quiet ones too', () => {
    expect(weeks).toHaveLength(8);
    expect(weeks[0]!.monday).toBe('2026-11-23');
    expect(weeks[7]!.monday).toBe('2027-01-11');
  });

  it('stops after the day on which the entries reach the most it may list, and lists one day at least', () => {
    const perWeek = weeks.map((week) => week.days.reduce((n, day) => n + day.entries.length, 0));
    const [first, second] = perWeek as [number, number];
    expect(first).toBeGreaterThan(0);
    expect(agenda([db, web], time, from, 8, first + second).map((w) => w.monday)).toEqual(['2026-11-23', '2026-11-30']);
    expect(agenda([db, web], time, from, 8, first + 1).map((w) => w.monday)).toEqual(['2026-11-23', '2026-11-30']);
    // Within a week: a large organisation's single week is too heavy a page.
    expect(agenda([db, web], time, from, 8, 1)).toEqual([weeks[0]]);
    // Within a week, after a day: a large organisation's one week is too heavy a page.
    const nightly = runbook(
      'nightly',
      'id: nightly\ntitle: Nightly\nsystem: ops\nowners: [ops]\ntimezone: UTC\nwindows:\n  - { id: n, title: N, rrule: FREQ=DAILY, start: "02:00", duration: PT1H, impact: none }',
    );
    expect(agenda([nightly], time, from, 8, 3).map((week) => week.days.map((day) => day.date))).toEqual([
      ['2026-11-23', '2026-11-24', '2026-11-25'],
    ]);
    expect(agenda([db, web], time, from, 8, Number.POSITIVE_INFINITY)).toHaveLength(8);
  });

  it('groups occurrences by UTC day', () => {
    const sunday = weeks[0]!.days.find((d) => d.date === '2026-11-29')!;
    expect(sunday.entries.map((e) => `${e.runbook.system}/${e.window.value.id}`)).toEqual([
      'db/weekly',
      'web/nightly',
      'db/late',
    ]);
  });

  it('marks overlaps, within a system and across systems', () => {
    const [weekly, nightly, late] = weeks[0]!.days.find((d) => d.date === '2026-11-29')!.entries;
    expect(weekly!.overlaps.map((o) => `${o.runbook.system}/${o.window.value.id}`)).toEqual(['web/nightly', 'db/late']);
    expect(nightly!.overlaps.map((o) => `${o.runbook.system}/${o.window.value.id}`)).toEqual(['db/weekly']);
    // Late starts as nightly ends: touching is no overlap.
    expect(late!.overlaps.map((o) => `${o.runbook.system}/${o.window.value.id}`)).toEqual(['db/weekly']);
  });

  it('names a few overlaps and counts the rest', () => {
    const [weekly] = weeks[0]!.days.find((d) => d.date === '2026-11-29')!.entries;
    expect(overlapsInWords(weekly!.overlaps)).toBe('web: Nightly (02:00–03:00 UTC) and db: Late (03:00–05:00 UTC)');
    expect(overlapsInWords(weekly!.overlaps, 1)).toBe('web: Nightly (02:00–03:00 UTC) and 1 more window');
    expect(overlapsInWords([...weekly!.overlaps, ...weekly!.overlaps], 1)).toBe(
      'web: Nightly (02:00–03:00 UTC) and 3 more windows',
    );
  });

  it('holds the tasks each occurrence really runs, so only those owners are named', () => {
    const vacuum = runbook(
      'vacuum',
      `id: vacuum
title: Vacuum
system: vacuum
owners: [ops]
timezone: UTC
windows:
  - { id: weekly, title: Weekly, rrule: "FREQ=WEEKLY;BYDAY=SU", start: "02:00", duration: PT2H, impact: minimal }
tasks:
  - { id: vacuum, title: Vacuum, kind: optimization, rrule: "FREQ=MONTHLY;BYDAY=1SU", start: "02:30", duration: PT30M, owner: dba, window: weekly }`,
    );
    const entries = agenda([vacuum], time, from, 2).flatMap((week) => week.days.flatMap((day) => day.entries));
    expect(
      entries.map((e) => [new Date(e.start).toISOString().slice(0, 10), e.tasks.map((t) => t.task.value.id)]),
    ).toEqual([
      ['2026-11-29', []],
      ['2026-12-06', ['vacuum']],
    ]);
  });
});

describe('owners', () => {
  const records = ownerRecords([db, web], [registry]);

  it('names an owner alone by name, or with its id when another owner has the same name', () => {
    const owners = { a: { name: 'System Administrator' }, b: { name: 'System Administrator' }, c: { name: 'DBA' } };
    expect(distinctOwnerName(owners, 'a')).toBe('System Administrator (a)');
    expect(distinctOwnerName(owners, 'b')).toBe('System Administrator (b)');
    expect(distinctOwnerName(owners, 'c')).toBe('DBA');
    expect(distinctOwnerName(owners, 'nobody')).toBe('nobody');
  });

  it('lists every registry owner and every unknown id, by name', () => {
    expect(records.map((r) => r.id)).toEqual(['dba', 'ghost', 'ops']);
    expect(records.find((r) => r.id === 'ghost')!.owner).toBeUndefined();
  });

  it('collects what each owner is responsible for', () => {
    const ops = records.find((r) => r.id === 'ops')!;
    expect(ops.runbooks.map((r) => r.id)).toEqual(['web']);
    expect(ops.tasks.map((t) => t.task.value.id)).toEqual(['backup']);
    expect(ops.escalations).toHaveLength(1);
    expect(systemsOf(ops)).toEqual(['db', 'web']);
  });
});

describe('summary sections', () => {
  it('has every section, marking empty those the runbook defines nothing for', () => {
    const sections = summarySections(db, new Set());
    expect(sections.map((s) => s.id)).toEqual([
      'owners',
      'windows',
      'tasks',
      'thresholds',
      'objectives',
      'escalation',
      'support-targets',
      'notifications',
      'retention',
      'capacity-triggers',
      'monitors',
    ]);
    expect(sections.filter((s) => !s.empty).map((s) => s.id)).toEqual(['owners', 'windows', 'tasks', 'escalation']);
  });

  it('keeps anchors apart from the headings of the runbook’s text', () => {
    expect(summarySections(db, new Set(['tasks'])).find((s) => s.key === 'tasks')!.id).toBe('tasks-summary');
  });
});

describe('schedules in words', () => {
  const mvono = runbook(
    'mvono',
    `id: mvono
title: Mvono
system: mvono
owners: [ops]
timezone: Africa/Nairobi
windows:
  - { id: weekly, title: Weekly, rrule: "FREQ=WEEKLY;BYDAY=SU", start: "02:00", duration: PT2H, timezone: UTC, impact: minimal }
  - { id: local, title: Local, rrule: "FREQ=WEEKLY;BYDAY=SU", start: "02:00", duration: PT2H, impact: minimal }
tasks:
  - { id: optimize, title: Optimize, kind: optimization, rrule: "FREQ=WEEKLY;BYDAY=SU", start: "05:30", duration: PT1H, owner: ops }
  - { id: check, title: Check, kind: check, rrule: FREQ=DAILY, owner: ops }`,
  );
  const [weekly, local] = mvono.windows.map((w) => w.value);
  const [optimize, check] = mvono.tasks.map((t) => t.value);

  it('gives a UTC window in the runbook’s zone too', () => {
    expect(windowInWords(mvono, weekly!, time)).toBe('Every Sunday, 02:00–04:00 UTC (05:00–07:00 Nairobi)');
  });

  it('gives a local window in UTC, with the day it falls on there', () => {
    expect(windowInWords(mvono, local!, time)).toBe(
      'Every Sunday, 02:00–04:00 Nairobi (23:00–01:00 UTC, the day before)',
    );
  });

  it('gives a task’s time in its zone and in UTC', () => {
    expect(taskTimeInWords(mvono, optimize!, time)).toBe('05:30–06:30 Nairobi (02:30–03:30 UTC)');
    expect(taskTimeInWords(mvono, check!, time)).toBe('any time that day (Nairobi time)');
  });
});

describe('tasks run several times a day, in words', () => {
  const backups = runbook(
    'backups',
    `id: backups
title: Backups
system: backups
owners: [ops]
timezone: Africa/Nairobi
tasks:
  - { id: incremental, title: Incremental, kind: backup, rrule: "FREQ=HOURLY;INTERVAL=4;BYHOUR=4,8,12,16,20", start: "04:00", owner: ops, backup: { type: incremental } }
  - { id: token, title: Token check, kind: check, rrule: FREQ=HOURLY, owner: ops }`,
  );
  const [incremental, token] = backups.tasks.map((t) => t.value);

  it('gives every run of the day in both zones, not only the first', () => {
    expect(taskTimeInWords(backups, incremental!, time)).toBe(
      '04:00, 08:00, 12:00, 16:00 and 20:00 Nairobi (01:00, 05:00, 09:00, 13:00 and 17:00 UTC)',
    );
  });

  it('says an hourly task with no start has no set minute', () => {
    expect(taskTimeInWords(backups, token!, time)).toBe('at no set minute (Nairobi time)');
  });
});

describe('the windows an owner’s feed holds', () => {
  const shop = runbook(
    'shop',
    `id: shop
title: Shop
system: shop
owners: [ops]
timezone: UTC
windows:
  - { id: weekly, title: Weekly, rrule: "FREQ=WEEKLY;BYDAY=SU", start: "02:00", duration: PT2H, impact: minimal }
  - { id: monthly, title: Monthly, rrule: "FREQ=MONTHLY;BYDAY=-1SU", start: "02:00", duration: PT4H, impact: downtime, supersedes: [weekly] }
  - { id: yearly, title: Yearly, rrule: "FREQ=YEARLY", start: "02:00", duration: PT4H, impact: downtime }
tasks:
  - { id: reindex, title: Reindex, kind: check, rrule: "FREQ=MONTHLY;BYDAY=1SU", start: "02:30", duration: PT30M, owner: dba, window: weekly }`,
  );
  const records = ownerRecords([shop], [registry]);
  const windowsOf = (id: string) =>
    ownedWindows(records.find((r) => r.id === id)!).map(({ window, through }) => [
      window.id,
      through && { tasks: through.tasks.map((t) => t.id), replaces: through.replaces?.id },
    ]);

  it('are every window of the runbooks it owns', () => {
    expect(windowsOf('ops')).toEqual([
      ['weekly', undefined],
      ['monthly', undefined],
      ['yearly', undefined],
    ]);
  });

  it('are, elsewhere, the window its task names and those that supersede it, through that task only', () => {
    expect(windowsOf('dba')).toEqual([
      ['weekly', { tasks: ['reindex'], replaces: undefined }],
      ['monthly', { tasks: ['reindex'], replaces: 'weekly' }],
    ]);
  });
});
