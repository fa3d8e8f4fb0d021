import { describe, expect, it } from 'vitest';
import {
  horizonAround,
  parseRunbookFile,
  scheduleWindows,
  TimeEngine,
  type Finding,
  type OwnersRegistry,
  type Runbook,
} from '@almanac/verifier/internal';
import { liveSchedule, LIVE_DAYS } from '../../packages/starlight/src/lib/live-schedule.ts';
import { accessibleMarkdown } from '../../packages/starlight/src/lib/markdown-a11y.ts';
import { reachableContacts, unreachableBecause } from '../../packages/starlight/src/lib/owners.ts';
import { runbookFindings } from '../../packages/starlight/src/lib/report.ts';
import { occurrenceWords, type Clock } from '@almanac/verifier/time-words';

const registry: OwnersRegistry = {
  file: 'runbooks/owners.yaml',
  owners: {
    ops: { name: 'Operations', phone: '+254 7XX XXX XXX', email: 'ops@example.com' },
    dba: {
      name: 'DBA',
      kind: 'team',
      contacts: [
        { role: 'Primary', name: '[Name]', phone: '+44 20 7946 0000' },
        { role: 'Backup', phone: '[Phone]' },
      ],
    },
    bot: { name: 'Backups', kind: 'automation' },
    stub: { name: 'Stub', phone: '[Phone]', email: '[email]' },
    other: { name: 'Someone else', phone: '[Phone]' },
    night: { name: 'Night shift', email: 'night@example.com' },
  },
};

function runbook(frontmatter: string): Runbook {
  const parsed = parseRunbookFile(
    'runbooks/db.mdx',
    new TextEncoder().encode(`---\n${frontmatter}\n---\nBody\n`),
    registry,
  );
  if (!parsed.runbook) throw new Error(parsed.reports.map((r) => r.message).join('\n'));
  return parsed.runbook;
}

const db = runbook(`id: db
title: Database
system: db
owners: [ops, dba, bot, stub, ghost]
timezone: Africa/Nairobi
windows:
  - { id: weekly, title: Weekly, rrule: "FREQ=WEEKLY;BYDAY=SU", start: "02:00", duration: PT2H, impact: minimal }
  - { id: yearly, title: Yearly, rrule: "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=1", start: "02:00", duration: PT2H, impact: downtime }
tasks:
  - { id: backup, title: Backup, kind: backup, rrule: FREQ=DAILY, start: "01:00", owner: bot }
  - { id: vacuum, title: Vacuum, kind: check, rrule: "FREQ=MONTHLY;BYDAY=1SU", start: "02:30", duration: PT30M, owner: night, window: weekly }`);

describe('whom to call', () => {
  it('offers only real contacts, the owner’s own and each named person’s', () => {
    expect(reachableContacts(registry.owners.ops)).toEqual([{ kind: 'email', value: 'ops@example.com' }]);
    expect(reachableContacts(registry.owners.dba)).toEqual([
      { kind: 'phone', value: '+44 20 7946 0000', who: 'Primary' },
    ]);
    expect(reachableContacts(registry.owners.stub)).toEqual([]);
  });

  it('tells placeholders from no details and from an owner owners.yaml lacks', () => {
    expect(unreachableBecause(registry.owners.stub)).toBe('placeholder');
    expect(unreachableBecause(registry.owners.bot)).toBe('none');
    expect(unreachableBecause(undefined)).toBe('unknown');
  });
});

describe('a runbook’s findings', () => {
  it('include owners.yaml’s findings about the owners it names, and no others', () => {
    const finding = (file: string, path: string): Finding => ({
      ruleId: 'owner-placeholder',
      severity: 'warning',
      file,
      line: 1,
      column: 1,
      message: path,
      path,
    });
    const byFile = new Map([
      [
        'runbooks/owners.yaml',
        [
          finding('runbooks/owners.yaml', 'stub.phone'),
          finding('runbooks/owners.yaml', 'dba.contacts[1].phone'),
          finding('runbooks/owners.yaml', 'other.phone'),
        ],
      ],
      ['runbooks/db.mdx', [finding('runbooks/db.mdx', 'review')]],
    ]);
    const { own, owners } = runbookFindings(db, byFile);
    expect(own.map((f) => f.path)).toEqual(['review']);
    expect(owners.map((f) => f.path)).toEqual(['stub.phone', 'dba.contacts[1].phone']);
  });
});

describe('the windows a page embeds', () => {
  const from = Date.parse('2026-12-01T00:00:00Z');
  const time = new TimeEngine(horizonAround('2026-12-01'));
  const schedule = liveSchedule(
    [{ runbook: db, href: '/db/', occurrences: scheduleWindows([db], time) }],
    { from, horizonEnd: time.horizon.to },
    from + 3_600_000,
  );

  it('holds the fortnight’s occurrences and each window’s first after it', () => {
    const until = from + LIVE_DAYS * 86_400_000;
    const starts = schedule.occurrences.map(([start, , i]) => [
      new Date(start).toISOString(),
      schedule.windows[i]!.title,
    ]);
    const weekly = starts.filter(([, title]) => title === 'Weekly');
    // Sundays 6 and 13 December at 02:00 Nairobi; the 20th, the first after the fortnight; and 3
    // January, the first after it that holds the monthly task of an owner not the runbook's.
    expect(weekly.map(([start]) => start)).toEqual([
      '2026-12-05T23:00:00.000Z',
      '2026-12-12T23:00:00.000Z',
      '2026-12-19T23:00:00.000Z',
      '2027-01-02T23:00:00.000Z',
    ]);
    // After 16 December only each window's next for each set of owners: the weekly one's twice, and the yearly one's in June.
    expect(
      schedule.occurrences.filter(([start]) => start >= until).map(([start]) => new Date(start).toISOString()),
    ).toEqual(['2026-12-19T23:00:00.000Z', '2027-01-02T23:00:00.000Z', '2027-05-31T23:00:00.000Z']);
    // Whom each concerns beyond the runbook's owners: the task's owner, on its first Sundays only.
    expect(
      schedule.occurrences
        .filter((o) => o.length === 4)
        .map(([start, , , others]) => [new Date(start).toISOString(), others]),
    ).toEqual([
      ['2026-12-05T23:00:00.000Z', ['night']],
      ['2027-01-02T23:00:00.000Z', ['night']],
    ]);
    expect(schedule.windows.map((w) => [w.title, w.href, w.zone])).toEqual([
      ['Weekly', '/db/#window-weekly', 'Africa/Nairobi'],
      ['Yearly', '/db/#window-yearly', 'Africa/Nairobi'],
    ]);
    expect(schedule.windows.map((w) => w.owners)).toEqual([db.owners, db.owners]);
    expect(schedule.until).toBe(until);
  });

  it('ends its fortnight where the occurrences it was given end', () => {
    const week = new TimeEngine({ from: from - 86_400_000, to: from + 7 * 86_400_000 });
    const short = liveSchedule(
      [{ runbook: db, href: '/db/', occurrences: scheduleWindows([db], week) }],
      { from, horizonEnd: week.horizon.to },
      from,
    );
    expect(short.until).toBe(from + 7 * 86_400_000);
    expect(short.occurrences.map(([start]) => new Date(start).toISOString())).toEqual(['2026-12-05T23:00:00.000Z']);
  });

  it('under a budget, stops with the day that holds the last occurrence it allows, and holds none after', () => {
    const daily = runbook(`id: daily
title: Daily
system: db
owners: [ops]
timezone: UTC
windows:
  - { id: nightly, title: Nightly, rrule: FREQ=DAILY, start: "22:00", duration: PT4H, impact: minimal }`);
    const both = [daily, db].map((r) => ({ runbook: r, href: `/${r.id}/`, occurrences: scheduleWindows([r], time) }));
    // Three allowed: the night of 30 November, under way as the 1st begins, then those of 1 and 2 December; with the 2nd's day its other occurrences (none).
    const cut = liveSchedule(both, { from, horizonEnd: time.horizon.to, budget: { maxOccurrences: 3 } }, from);
    expect(cut.occurrences.map(([start]) => new Date(start).toISOString())).toEqual([
      '2026-11-30T22:00:00.000Z',
      '2026-12-01T22:00:00.000Z',
      '2026-12-02T22:00:00.000Z',
    ]);
    // It knows what comes next until its last start; the database's weekly window, later, is not in it at all.
    expect(cut.until).toBe(Date.parse('2026-12-02T22:00:00Z'));
    expect(cut.windows.map((w) => w.title)).toEqual(['Nightly']);
    // A budget the fortnight stays within changes nothing.
    expect(liveSchedule(both, { from, horizonEnd: time.horizon.to, budget: { maxOccurrences: 100 } }, from)).toEqual(
      liveSchedule(both, { from, horizonEnd: time.horizon.to }, from),
    );
  });
});

describe('the runbooks’ text made accessible', () => {
  it('demotes the text’s h1, names task-list checkboxes, and puts tables and code in labelled regions', () => {
    const html = accessibleMarkdown(
      '<div class="sl-heading-wrapper level-h1"><h1 id="plan">Plan</h1></div>' +
        '<ul><li><input type="checkbox" disabled/> <strong>Backups</strong>: check "them"<ul><li>nested</li></ul></li></ul>' +
        '<table><thead><tr><th>Task</th><th>When</th></tr></thead><tbody><tr><td>a</td><td>b</td></tr></tbody></table>' +
        '<pre data-language="bash"><code>ls</code></pre>',
    );
    expect(html).not.toContain('<h1');
    expect(html).toContain('<div class="sl-heading-wrapper level-h2"><h2 id="plan">Plan</h2></div>');
    expect(html).toContain('<input type="checkbox" disabled aria-label="Backups: check &quot;them&quot;" />');
    expect(html).toContain(
      '<div class="table-scroll" role="region" tabindex="0" aria-label="Table: Task, When"><table>',
    );
    expect(html).toContain('</table></div>');
    expect(html).toContain('<pre data-language="bash" tabindex="0" role="region" aria-label="Code (bash)">');
  });
});

describe('times in words, with any clock', () => {
  it('names a later end day, and an instant without a span', () => {
    const utc: Clock = (instant) => ({
      date: new Date(instant).toISOString().slice(0, 10),
      time: new Date(instant).toISOString().slice(11, 16),
    });
    const at = (iso: string) => Date.parse(iso);
    expect(occurrenceWords({ start: at('2026-12-02T02:00Z'), end: at('2026-12-02T04:00Z') }, 'UTC', utc)).toBe(
      'Wed 2 Dec 2026, 02:00–04:00 UTC',
    );
    expect(occurrenceWords({ start: at('2026-12-02T02:00Z'), end: at('2026-12-03T04:00Z') }, 'UTC', utc)).toBe(
      'Wed 2 Dec 2026, 02:00 UTC to Thu 3 Dec 2026, 04:00',
    );
    expect(occurrenceWords({ start: at('2026-12-02T02:00Z'), end: at('2026-12-02T02:00Z') }, 'UTC', utc)).toBe(
      'Wed 2 Dec 2026, 02:00 UTC',
    );
  });
});
