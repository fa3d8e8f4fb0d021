/**
 * Writes N synthetic runbooks that look like a large organisation's: runbooks grouped in
 * systems (several runbooks per system, so the cross-file rules have work), mixed time zones
 * (UTC, zones with and without daylight saving), 3–15 tasks and 1–4 windows each, thresholds,
 * recovery objectives, owners from a registry of about N/10, and MDX bodies of a few hundred
 * words. The same seed and count always give the same bytes.
 *
 * The corpus is consistent the way a maintained one is: windows of a system never overlap,
 * tasks that name a window lie inside it, shared activities, metrics and scenarios agree across
 * a system's runbooks, and backups meet the objectives. A small share carries what real corpora
 * carry: overdue reviews, placeholder contacts, a start time in a DST gap; about one runbook in
 * a thousand has an error (an owner id with a typo).
 *
 *   node bench/generate.ts <dir> <count> [--seed N]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

/** The "today" the bench verifies against (`--now`): review dates are relative to it. */
export const BENCH_TODAY = '2026-01-15';

/** mulberry32: small, fast, and the same everywhere. */
function rngFrom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const chance = (p: number) => next() < p;
  const shuffle = <T>(list: T[]): T[] => {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    return list;
  };
  const sample = <T>(list: readonly T[], n: number): T[] => shuffle([...list]).slice(0, n);
  return { next, int, pick, chance, shuffle, sample };
}
type Rng = ReturnType<typeof rngFrom>;

// --- vocabulary ---------------------------------------------------------------------------

/** Zones by weight: UTC, zones with daylight saving (both hemispheres), zones without. */
const ZONES: ReadonlyArray<[string, number]> = [
  ['UTC', 18],
  ['Europe/London', 10],
  ['Europe/Berlin', 8],
  ['Europe/Paris', 4],
  ['America/New_York', 10],
  ['America/Chicago', 5],
  ['America/Los_Angeles', 6],
  ['Australia/Sydney', 4],
  ['Pacific/Auckland', 2],
  ['Africa/Nairobi', 8],
  ['Africa/Lagos', 3],
  ['Asia/Kolkata', 6],
  ['Asia/Singapore', 5],
  ['Asia/Tokyo', 4],
  ['America/Sao_Paulo', 3],
  ['Asia/Dubai', 4],
];
const DST_ZONES = new Set([
  'Europe/London',
  'Europe/Berlin',
  'Europe/Paris',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Australia/Sydney',
  'Pacific/Auckland',
]);

const SYSTEM_WORDS = [
  'billing',
  'ledger',
  'payments',
  'identity',
  'search',
  'catalog',
  'checkout',
  'inventory',
  'shipping',
  'crm',
  'hr',
  'payroll',
  'analytics',
  'warehouse',
  'reporting',
  'mail',
  'chat',
  'wiki',
  'storage',
  'backup',
  'dns',
  'vpn',
  'gateway',
  'cache',
  'queue',
  'scheduler',
  'auth',
  'portal',
  'mobile',
  'web',
  'api',
  'etl',
  'lake',
  'ml',
  'media',
  'cdn',
  'edge',
  'kafka',
  'postgres',
  'mysql',
  'redis',
  'elastic',
  'k8s',
  'ci',
  'registry',
  'vault',
  'ldap',
  'sso',
  'erp',
  'pos',
];
const SYSTEM_SUFFIXES = ['', 'core', 'prod', 'eu', 'us', 'apac', 'internal', 'legacy', 'v2', 'platform'];
const RUNBOOK_KINDS = [
  'maintenance',
  'operations',
  'backup-and-restore',
  'patching',
  'monitoring',
  'disaster-recovery',
  'capacity',
  'security',
  'database',
  'network',
  'certificates',
  'on-call',
];
const TEAMS = [
  'platform',
  'infra',
  'database',
  'network',
  'security',
  'sre',
  'data',
  'payments',
  'identity',
  'web',
  'mobile',
  'support',
  'storage',
  'devops',
  'finance-it',
  'workplace-it',
];
const ROLES = ['team', 'oncall', 'lead', 'admins', 'automation', 'dba', 'engineers', 'vendor'];
const FIRST = [
  'Amina',
  'Brian',
  'Chen',
  'Divya',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jamal',
  'Kofi',
  'Lena',
  'Mateo',
  'Nia',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sami',
  'Tariq',
  'Uma',
  'Victor',
  'Wanjiru',
  'Xin',
  'Yusuf',
  'Zara',
];
const LAST = [
  'Otieno',
  'Smith',
  'Wang',
  'Iyer',
  'Petrova',
  'Haddad',
  'Mwangi',
  'Tanaka',
  'Silva',
  'Okafor',
  'Mensah',
  'Fischer',
  'Garcia',
  'Kamau',
  'Nasser',
  'Patel',
  'Brown',
  'Lopez',
  'Ahmed',
  'Kowalski',
];
const METRICS: ReadonlyArray<{ metric: string; unit: string; comparator: '>' | '<'; base: number }> = [
  { metric: 'cpu-utilization', unit: 'percent', comparator: '>', base: 70 },
  { metric: 'memory-utilization', unit: 'percent', comparator: '>', base: 75 },
  { metric: 'disk-usage', unit: 'percent', comparator: '>', base: 80 },
  { metric: 'error-rate', unit: 'percent', comparator: '>', base: 1 },
  { metric: 'response-time', unit: 'milliseconds', comparator: '>', base: 500 },
  { metric: 'queue-depth', unit: 'messages', comparator: '>', base: 1000 },
  { metric: 'replication-lag', unit: 'seconds', comparator: '>', base: 30 },
  { metric: 'free-connections', unit: 'connections', comparator: '<', base: 50 },
  { metric: 'cache-hit-rate', unit: 'percent', comparator: '<', base: 90 },
  { metric: 'certificate-days-left', unit: 'days', comparator: '<', base: 30 },
  { metric: 'backup-age', unit: 'hours', comparator: '>', base: 26 },
  { metric: 'failed-logins', unit: 'per minute', comparator: '>', base: 10 },
];
const SCENARIOS = [
  'database-failure',
  'region-outage',
  'data-corruption',
  'ransomware',
  'accidental-deletion',
  'node-failure',
  'network-partition',
  'storage-failure',
];
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
/** Window start hours: three hours apart, and never 01:00–02:59, where clocks change. */
const SLOT_HOURS = [0, 3, 6, 9, 12, 15, 18, 21];
const WORDS = (
  'the service database cluster node primary replica backup restore snapshot volume check verify confirm ' +
  'monitor alert dashboard metric log rotate archive certificate renew key secret token rotate patch update ' +
  'upgrade kernel package dependency release deploy rollback drain traffic load balancer health endpoint ' +
  'latency throughput capacity quota storage disk memory cpu queue consumer producer schedule window notice ' +
  'stakeholders approval change ticket incident escalate on-call engineer owner team runbook procedure step ' +
  'before after during while until when then and or with without each every all first next last ensure record ' +
  'document report review audit compliance access permission role account group policy firewall rule network ' +
  'route dns zone record cache invalidate warm index vacuum analyze reindex compact replicate failover promote'
).split(' ');
const STEP_VERBS = [
  'Check',
  'Confirm',
  'Drain',
  'Snapshot',
  'Apply',
  'Restart',
  'Verify',
  'Record',
  'Notify',
  'Review',
  'Rotate',
  'Archive',
  'Scale',
  'Promote',
  'Re-enable',
];

// --- YAML writing -------------------------------------------------------------------------

/** A scalar as YAML: plain when that reads back as the same string, quoted otherwise. */
function q(value: string): string {
  return /^[A-Za-z][A-Za-z0-9 ,._/()'-]*$/.test(value) &&
    !/(^|\s)(true|false|null|yes|no|on|off)$/i.test(value) &&
    !/\s$/.test(value)
    ? value
    : JSON.stringify(value);
}

function titleCase(slug: string): string {
  return slug
    .split('-')
    .map((w) =>
      w.length <= 3 && /^(api|dns|vpn|cdn|etl|crm|erp|pos|sso|ci|ml|hr|eu|us|v2)$/.test(w)
        ? w.toUpperCase()
        : w[0]!.toUpperCase() + w.slice(1),
    )
    .join(' ');
}

function words(rng: Rng, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(rng.pick(WORDS));
  return out.join(' ');
}

function sentence(rng: Rng, min = 8, max = 18): string {
  const text = words(rng, rng.int(min, max));
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function hhmm(minutes: number): string {
  const h = Math.floor(minutes / 60) % 24;
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function isoDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}`;
  return `PT${parts || '0M'}`;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

// --- the model of a system ------------------------------------------------------------------

interface Activity {
  name: string;
  kind: string;
  rrule: string;
  start?: string;
  duration: string;
  backup?: 'full' | 'incremental' | 'differential';
}

interface System {
  id: string;
  zone: string;
  /** Free (weekday, hour) window slots; each window takes one, so a system's windows never overlap. */
  slots: Array<{ day: (typeof WEEKDAYS)[number]; hour: number }>;
  backup: Activity;
  /** The largest gap between backups (in hours) the backup schedule can have, DST included. */
  backupGapHours: number;
  activities: Activity[];
  thresholds: Map<string, string[]>;
  objectives: Map<string, string[]>;
  owners: string[];
}

function weightedZone(rng: Rng): string {
  const total = ZONES.reduce((n, [, w]) => n + w, 0);
  let r = rng.next() * total;
  for (const [zone, w] of ZONES) if ((r -= w) < 0) return zone;
  return 'UTC';
}

function makeSystem(rng: Rng, id: string, ownerIds: string[]): System {
  const zone = weightedZone(rng);
  const slots = rng.shuffle(WEEKDAYS.flatMap((day) => SLOT_HOURS.map((hour) => ({ day, hour }))));
  const backupMinute = rng.pick([0, 30, 240, 270, 1380, 1410]); // 00:00, 00:30, 04:00, 04:30, 23:00, 23:30
  const backupKind = rng.int(0, 2);
  const backup: Activity =
    backupKind === 0
      ? {
          name: 'full-backup',
          kind: 'backup',
          rrule: 'FREQ=DAILY',
          start: hhmm(backupMinute),
          duration: 'PT45M',
          backup: 'full',
        }
      : backupKind === 1
        ? {
            name: 'full-backup',
            kind: 'backup',
            rrule: 'FREQ=HOURLY;INTERVAL=12',
            start: hhmm(backupMinute % 720),
            duration: 'PT30M',
            backup: 'full',
          }
        : {
            name: 'incremental-backup',
            kind: 'backup',
            rrule: 'FREQ=HOURLY;INTERVAL=6',
            start: hhmm(backupMinute % 360),
            duration: 'PT20M',
            backup: 'incremental',
          };
  const backupGapHours = backupKind === 0 ? 25 : backupKind === 1 ? 13 : 7;
  const patchDay = rng.pick(WEEKDAYS);
  const activities: Activity[] = [
    {
      name: 'log-rotation',
      kind: 'other',
      rrule: 'FREQ=DAILY',
      start: hhmm(rng.pick([5 * 60, 5 * 60 + 30, 6 * 60, 22 * 60])),
      duration: 'PT10M',
    },
    { name: 'security-patches', kind: 'update', rrule: `FREQ=WEEKLY;BYDAY=${patchDay}`, duration: 'PT1H' },
    {
      name: 'certificate-renewal',
      kind: 'update',
      rrule: `FREQ=MONTHLY;BYMONTHDAY=${rng.int(1, 28)}`,
      start: hhmm(rng.pick([10, 11, 14]) * 60),
      duration: 'PT30M',
    },
    {
      name: 'restore-test',
      kind: 'restore-test',
      rrule: `FREQ=MONTHLY;BYDAY=${rng.int(1, 3)}${rng.pick(['TU', 'WE', 'TH'])}`,
      start: hhmm(rng.pick([9, 10, 13]) * 60),
      duration: 'PT2H',
    },
    { name: 'access-review', kind: 'audit', rrule: 'FREQ=MONTHLY;INTERVAL=3', duration: 'PT2H' },
  ];
  const thresholds = new Map<string, string[]>();
  for (const m of rng.sample(METRICS, rng.int(3, 6))) {
    const factor = rng.pick([1, 1, 1.2, 0.8]);
    const warning = Math.round(m.base * factor * 100) / 100;
    const critical =
      m.comparator === '>' ? Math.round(warning * 1.25 * 100) / 100 : Math.round(warning * 0.6 * 100) / 100;
    const lines = [
      `  - metric: ${m.metric}`,
      `    unit: ${q(m.unit)}`,
      `    comparator: "${m.comparator}"`,
      `    warning: { value: ${warning}, for: PT${rng.pick([5, 10, 15])}M }`,
    ];
    if (rng.chance(0.8)) lines.push(`    critical: { value: ${critical}, for: PT5M }`);
    lines.push(`    priority: ${rng.pick(['medium', 'high', 'critical'])}`, `    response: ${q(sentence(rng, 4, 9))}`);
    thresholds.set(m.metric, lines);
  }
  const objectives = new Map<string, string[]>();
  for (const scenario of rng.sample(SCENARIOS, rng.int(1, 3))) {
    const replication = rng.chance(0.15);
    const rpo = replication
      ? rng.pick(['PT5M', 'PT15M', 'PT1H'])
      : backupGapHours === 25
        ? rng.pick(['PT36H', 'P2D'])
        : backupGapHours === 13
          ? rng.pick(['PT24H', 'PT18H'])
          : rng.pick(['PT12H', 'PT8H']);
    const lines = [
      `  - scenario: ${scenario}`,
      `    rto: ${rng.pick(['PT1H', 'PT2H', 'PT4H', 'PT8H', 'PT24H'])}`,
      `    rpo: ${rpo}`,
    ];
    if (replication) lines.push('    rpo_met_by: replication');
    lines.push(`    procedure: ${q(sentence(rng, 6, 14))}`);
    objectives.set(scenario, lines);
  }
  return {
    id,
    zone,
    slots,
    backup,
    backupGapHours,
    activities,
    thresholds,
    objectives,
    owners: rng.sample(ownerIds, Math.min(ownerIds.length, rng.int(2, 4))),
  };
}

// --- owners -------------------------------------------------------------------------------

function ownersYaml(rng: Rng, count: number): { text: string; ids: string[] } {
  const ids: string[] = [];
  const lines = ['# Owners registry of the synthetic bench corpus (bench/generate.ts).', ''];
  const used = new Set<string>();
  for (let i = 0; ids.length < count; i++) {
    const id = `${rng.pick(TEAMS)}-${rng.pick(ROLES)}${used.size >= (TEAMS.length * ROLES.length) / 2 ? `-${i}` : ''}`;
    if (used.has(id)) continue;
    used.add(id);
    ids.push(id);
    const placeholder = rng.chance(0.03);
    const person = () => `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
    const email = (name: string) => `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com`;
    const phone = () => `+${rng.int(1, 99)} ${rng.int(100, 999)} ${rng.int(100, 999)} ${rng.int(1000, 9999)}`;
    const kind = id.endsWith('automation')
      ? 'automation'
      : id.includes('oncall')
        ? 'rotation'
        : id.includes('vendor')
          ? 'external'
          : id.includes('lead')
            ? 'role'
            : 'team';
    lines.push(`${id}:`, `  name: ${q(titleCase(id))}`, `  kind: ${kind}`);
    if (kind === 'automation') {
      lines.push(`  responsibilities: ${q(sentence(rng, 5, 10))}`, '');
      continue;
    }
    lines.push(`  email: ${email(id)}`);
    if (kind === 'team' || kind === 'rotation') {
      lines.push('  contacts:');
      for (const role of ['Primary', 'Backup']) {
        const name = person();
        lines.push(
          `    - role: ${role}`,
          `      name: ${placeholder && role === 'Backup' ? '"[Name]"' : q(name)}`,
          `      email: ${email(name)}`,
          `      phone: ${placeholder && role === 'Backup' ? '"+254 7XX XXX XXX"' : `"${phone()}"`}`,
        );
      }
    } else {
      lines.push(`  phone: ${placeholder ? '"[Phone]"' : `"${phone()}"`}`);
    }
    lines.push(`  responsibilities: ${q(sentence(rng, 5, 12))}`, '');
  }
  return { text: `${lines.join('\n')}\n`, ids };
}

// --- one runbook --------------------------------------------------------------------------

interface Made {
  path: string;
  text: string;
}

function makeRunbook(rng: Rng, system: System, index: number, first: boolean, allOwners: string[]): Made {
  const kind = RUNBOOK_KINDS[index % RUNBOOK_KINDS.length]!;
  const id = `${system.id}-${kind}${index >= RUNBOOK_KINDS.length ? `-${Math.floor(index / RUNBOOK_KINDS.length) + 1}` : ''}`;
  const title = `${titleCase(system.id)} ${titleCase(kind).toLowerCase()}`;
  const zone = system.zone;
  const owners = rng.sample(system.owners, rng.int(1, Math.min(3, system.owners.length)));
  const ownerOf = () => (rng.chance(0.8) ? rng.pick(system.owners) : rng.pick(allOwners));
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);

  push(
    `id: ${id}`,
    `title: ${q(title)}`,
    `description: ${q(sentence(rng, 10, 20))}`,
    `system: ${system.id}`,
    `owners: [${owners.join(', ')}]`,
  );
  push(
    `timezone: ${zone}`,
    `version: "${rng.int(1, 4)}.${rng.int(0, 9)}"`,
    `status: ${rng.pick(['active', 'active', 'active', 'draft'])}`,
    `classification: ${rng.pick(['internal', 'confidential', 'restricted'])}`,
  );
  // Reviews: most within their cycle; about 4% overdue.
  const cycleDays = rng.pick([
    [90, 'P3M'],
    [182, 'P6M'],
    [365, 'P1Y'],
  ] as const);
  const overdue = rng.chance(0.04);
  const last = addDays(BENCH_TODAY, overdue ? -(cycleDays[0] + rng.int(10, 120)) : -rng.int(1, cycleDays[0] - 5));
  push('review:', `  cycle: ${cycleDays[1]}`, `  last_reviewed: ${last}`);

  // Windows: each takes a free slot of its system; a monthly one may supersede a weekly one in its slot.
  const windows: Array<{ id: string; rrule: string; startMin: number; minutes: number }> = [];
  const windowCount = rng.int(1, 4);
  const windowLines: string[] = [];
  for (let w = 0; w < windowCount; w++) {
    const slot = system.slots.pop();
    if (!slot) break;
    const shape = rng.pick(['weekly', 'weekly', 'biweekly', 'monthly', 'quarterly'] as const);
    const rrule =
      shape === 'weekly'
        ? `FREQ=WEEKLY;BYDAY=${slot.day}`
        : shape === 'biweekly'
          ? `FREQ=WEEKLY;INTERVAL=2;BYDAY=${slot.day}`
          : shape === 'monthly'
            ? `FREQ=MONTHLY;BYDAY=1${slot.day}`
            : `FREQ=MONTHLY;INTERVAL=3;BYDAY=2${slot.day}`;
    const minutes = rng.pick([60, 90, 120]);
    const startMin = slot.hour * 60;
    const wid = `${shape}-${slot.day.toLowerCase()}-${String(slot.hour).padStart(2, '0')}00`;
    windows.push({ id: wid, rrule, startMin, minutes });
    windowLines.push(
      `  - id: ${wid}`,
      `    title: ${q(`${titleCase(shape)} maintenance (${slot.day})`)}`,
      `    rrule: ${rrule}`,
      `    start: "${hhmm(startMin)}"`,
      `    duration: ${isoDuration(minutes)}`,
    );
    if (rng.chance(0.3)) windowLines.push(`    timezone: ${zone}`);
    windowLines.push(
      `    impact: ${rng.pick(['none', 'minimal', 'minimal', 'degraded', 'downtime'])}`,
      `    notice: ${rng.pick(['PT24H', 'PT48H', 'PT72H', 'P1W'])}`,
    );
    if (rng.chance(0.5)) windowLines.push(`    description: ${q(sentence(rng, 8, 16))}`);
    if (shape === 'weekly' && rng.chance(0.35)) {
      const mid = `monthly-last-${slot.day.toLowerCase()}-${String(slot.hour).padStart(2, '0')}00`;
      windows.push({ id: mid, rrule: `FREQ=MONTHLY;BYDAY=-1${slot.day}`, startMin, minutes: 120 });
      windowLines.push(
        `  - id: ${mid}`,
        `    title: ${q(`Monthly maintenance (last ${slot.day})`)}`,
        `    rrule: FREQ=MONTHLY;BYDAY=-1${slot.day}`,
        `    start: "${hhmm(startMin)}"`,
        '    duration: PT2H',
        '    impact: downtime',
        '    notice: PT72H',
        `    supersedes: [${wid}]`,
        `    description: ${q(sentence(rng, 8, 16))}`,
      );
      w++;
    }
  }
  if (windowLines.length) push('windows:', ...windowLines);
  if (rng.chance(0.3)) {
    push(
      'ad_hoc_windows:',
      '  - id: emergency',
      '    title: Emergency maintenance',
      `    when: ${q('Any time, with approval of the on-call lead')}`,
      '    impact: downtime',
      '    notice: PT0S',
      `    approval: ${q(titleCase(rng.pick(system.owners)))}`,
    );
  }

  // Tasks: the system's backup in its first runbook, shared activities, tasks inside windows, and the rest.
  const tasks: string[][] = [];
  const taskIds = new Set<string>();
  const task = (fields: {
    id: string;
    title: string;
    kind: string;
    rrule: string;
    start?: string;
    duration?: string;
    timezone?: string;
    owner?: string;
    window?: string;
    activity?: string;
    backup?: string;
    description?: boolean;
    tool?: string;
  }) => {
    let tid = fields.id;
    for (let n = 2; taskIds.has(tid); n++) tid = `${fields.id}-${n}`;
    taskIds.add(tid);
    const lines = [
      `  - id: ${tid}`,
      `    title: ${q(fields.title)}`,
      `    kind: ${fields.kind}`,
      `    rrule: ${fields.rrule}`,
    ];
    if (fields.start) lines.push(`    start: "${fields.start}"`);
    if (fields.duration) lines.push(`    duration: ${fields.duration}`);
    if (fields.timezone) lines.push(`    timezone: ${fields.timezone}`);
    lines.push(`    owner: ${fields.owner ?? ownerOf()}`);
    if (fields.window) lines.push(`    window: ${fields.window}`);
    if (fields.activity) lines.push(`    activity: ${fields.activity}`);
    if (fields.backup) lines.push(`    backup: { type: ${fields.backup} }`);
    if (fields.tool) lines.push(`    tool: ${q(fields.tool)}`);
    if (fields.description !== false && rng.chance(0.35)) lines.push(`    description: ${q(sentence(rng, 6, 16))}`);
    tasks.push(lines);
  };
  // 3 to 15 tasks, most runbooks nearer the low end.
  const taskCount = 3 + Math.min(rng.int(0, 12), rng.int(0, 12));
  const activityTask = (a: Activity) =>
    task({
      id: a.name,
      title: titleCase(a.name),
      kind: a.kind,
      rrule: a.rrule,
      start: a.start,
      duration: a.duration,
      activity: a.name,
      backup: a.backup,
      tool: a.backup ? rng.pick(['pgBackRest', 'restic', 'Velero', 'AWS Backup']) : undefined,
    });
  if (first || rng.chance(0.3)) activityTask(system.backup);
  for (const window of windows) {
    if (tasks.length >= taskCount || !rng.chance(0.7)) continue;
    const offset = rng.pick([0, 15, 30]);
    const minutes = Math.min(rng.pick([15, 30, 45, 60]), window.minutes - offset);
    task({
      id: `${window.id}-work`,
      title: `Maintenance work in ${window.id}`,
      kind: rng.pick(['update', 'optimization', 'check']),
      rrule: window.rrule,
      start: hhmm(window.startMin + offset),
      duration: isoDuration(minutes),
      window: window.id,
    });
  }
  for (const a of rng.sample(system.activities, rng.int(0, 2))) if (tasks.length < taskCount) activityTask(a);
  while (tasks.length < taskCount) {
    const shape = rng.int(0, 19);
    const noStart = rng.chance(0.3);
    const start = noStart
      ? undefined
      : hhmm(
          rng.pick([0, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 20, 22, 23]) * 60 +
            rng.pick([0, 0, 15, 30, 45]),
        );
    const owner = ownerOf();
    if (shape < 5)
      task({
        id: 'daily-health-check',
        title: 'Daily health check',
        kind: 'check',
        rrule: 'FREQ=DAILY',
        start,
        duration: start && 'PT15M',
        owner,
      });
    else if (shape < 8)
      task({
        id: `weekly-${rng.pick(['review', 'report', 'cleanup'])}`,
        title: 'Weekly review',
        kind: rng.pick(['review', 'optimization', 'other']),
        rrule: `FREQ=WEEKLY;BYDAY=${rng.pick(WEEKDAYS)}`,
        start,
        duration: start && 'PT1H',
        owner,
      });
    else if (shape < 11)
      task({
        id: 'monthly-audit',
        title: 'Monthly audit',
        kind: 'audit',
        rrule: `FREQ=MONTHLY;BYMONTHDAY=${rng.int(1, 28)}`,
        start,
        duration: start && 'PT2H',
        owner,
      });
    else if (shape < 13)
      task({
        id: 'monthly-optimization',
        title: 'Monthly optimization',
        kind: 'optimization',
        rrule: `FREQ=MONTHLY;BYDAY=${rng.int(1, 4)}${rng.pick(WEEKDAYS)}`,
        start,
        duration: start && 'PT1H',
        owner,
      });
    else if (shape < 15)
      task({
        id: 'quarterly-review',
        title: 'Quarterly review',
        kind: 'review',
        rrule: rng.pick(['FREQ=MONTHLY;INTERVAL=3', 'FREQ=YEARLY;BYMONTH=1,4,7,10']),
        owner,
      });
    else if (shape < 16)
      task({
        id: 'yearly-dr-exercise',
        title: 'Disaster recovery exercise',
        kind: 'restore-test',
        rrule: `FREQ=YEARLY;BYMONTH=${rng.int(1, 12)};BYMONTHDAY=${rng.int(1, 28)}`,
        start: '09:00',
        duration: 'PT4H',
        owner,
      });
    else if (shape < 17)
      task({
        id: 'sync-check',
        title: 'Replication sync check',
        kind: 'check',
        rrule: `FREQ=HOURLY;INTERVAL=${rng.pick([4, 6, 8, 12])}`,
        start: rng.pick(['00:00', '03:00']),
        duration: 'PT5M',
        owner,
        description: false,
      });
    else if (shape < 18)
      task({
        id: 'utc-report',
        title: 'Daily report (UTC)',
        kind: 'other',
        rrule: 'FREQ=DAILY',
        start: hhmm(rng.pick([6, 7, 8]) * 60),
        duration: 'PT10M',
        timezone: 'UTC',
        owner,
      });
    else
      task({
        id: 'weekday-check',
        title: 'Weekday morning check',
        kind: 'check',
        rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
        start: hhmm(rng.pick([8, 9]) * 60),
        duration: 'PT15M',
        owner,
      });
  }
  // About 1% of runbooks in a DST zone run a task inside the hour the clocks skip or repeat.
  if (DST_ZONES.has(zone) && rng.chance(0.01))
    task({
      id: 'night-job',
      title: 'Night batch job',
      kind: 'other',
      rrule: 'FREQ=DAILY',
      start: rng.pick(['01:30', '02:30']),
      duration: 'PT20M',
    });
  // About 1 runbook in 1000 names an owner with a typo: an error.
  if (rng.chance(0.001))
    tasks[0]![tasks[0]!.findIndex((l) => l.startsWith('    owner: '))] = `    owner: ${system.owners[0]}s`;
  push('tasks:', ...tasks.flat());

  if (rng.chance(0.5)) {
    push('monitors:');
    for (let m = rng.int(1, 3); m > 0; m--)
      push(
        `  - id: monitor-${m}`,
        `    title: ${q(`${titleCase(rng.pick(METRICS).metric)} probe`)}`,
        `    every: PT${rng.pick([1, 5, 15])}M`,
        `    owner: ${ownerOf()}`,
        `    tool: ${rng.pick(['Prometheus', 'Datadog', 'Zabbix', 'Nagios'])}`,
      );
  }
  const metrics = rng.sample([...system.thresholds.keys()], rng.int(1, 3));
  push('thresholds:', ...metrics.flatMap((m) => system.thresholds.get(m)!));
  if (rng.chance(0.2))
    push(
      'capacity_triggers:',
      `  - metric: ${metrics[0]}`,
      `    condition: ${q('80% of allocated capacity for a week')}`,
      `    action: ${q(sentence(rng, 5, 10))}`,
    );
  const scenarios = rng.sample([...system.objectives.keys()], rng.int(0, system.objectives.size));
  if (scenarios.length) push('objectives:', ...scenarios.flatMap((s) => system.objectives.get(s)!));
  push('escalation:');
  const levels = rng.int(1, 3);
  for (let level = 1; level <= levels; level++) {
    push(
      `  - level: ${level}`,
      `    owner: ${level === 1 ? owners[0] : ownerOf()}`,
      `    respond_within: ${['PT15M', 'PT30M', 'PT1H'][level - 1]}`,
    );
    if (rng.chance(0.5)) push(`    description: ${q(sentence(rng, 4, 8))}`);
  }
  if (rng.chance(0.4))
    push(
      'retention:',
      `  - backup: ${q(`${system.backup.backup} backups`)}`,
      `    keep: ${rng.pick(['P30D', 'P90D', 'P1Y'])}`,
    );
  if (rng.chance(0.3))
    push(
      'notifications:',
      `  - event: ${q('Maintenance window')}`,
      `    lead: ${rng.pick(['PT24H', 'PT72H'])}`,
      `    channel: ${q(rng.pick(['#ops-announce', 'status page', 'email to stakeholders']))}`,
    );

  return { path: `${system.id}/${id}.mdx`, text: `---\n${out.join('\n')}\n---\n\n${body(rng, title)}` };
}

/** A few hundred words of procedure: headings, numbered steps, a list, a shell block. */
function body(rng: Rng, title: string): string {
  const parts = [`# ${title}`, '', sentence(rng, 25, 45), sentence(rng, 15, 30), '', '## Before you start', ''];
  for (let i = rng.int(3, 5); i > 0; i--) parts.push(`- ${sentence(rng, 6, 14)}`);
  parts.push('', '## Procedure', '');
  for (let i = 1, n = rng.int(5, 9); i <= n; i++)
    parts.push(`${i}. ${rng.pick(STEP_VERBS)} ${words(rng, rng.int(8, 18))}.`);
  parts.push(
    '',
    '```sh',
    `systemctl status ${rng.pick(['nginx', 'postgresql', 'redis', 'app'])}`,
    `journalctl -u app --since "1 hour ago" | tail -n 50`,
    '```',
    '',
  );
  parts.push(
    '## Verification',
    '',
    sentence(rng, 20, 40),
    sentence(rng, 10, 25),
    '',
    '## Rollback',
    '',
    sentence(rng, 20, 40),
    '',
  );
  return `${parts.join('\n')}\n`;
}

// --- the corpus ---------------------------------------------------------------------------

/** Writes `count` runbooks and owners.yaml into `dir` (emptied first). */
export function generate(dir: string, count: number, seed = 1): { files: number; systems: number; owners: number } {
  const rng = rngFrom(seed * 0x9e3779b1 + count);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const owners = ownersYaml(rng, Math.max(8, Math.round(count / 10)));
  writeFileSync(join(dir, 'owners.yaml'), owners.text);

  const usedSystems = new Set<string>();
  let systems = 0;
  for (let made = 0; made < count;) {
    let id = `${rng.pick(SYSTEM_WORDS)}${(() => {
      const s = rng.pick(SYSTEM_SUFFIXES);
      return s ? `-${s}` : '';
    })()}`;
    if (usedSystems.has(id)) id = `${id}-${systems}`;
    usedSystems.add(id);
    const system = makeSystem(rng, id, owners.ids);
    systems++;
    mkdirSync(join(dir, id), { recursive: true });
    const size = Math.min(count - made, rng.int(1, 7));
    for (let i = 0; i < size; i++, made++) {
      const runbook = makeRunbook(rng, system, i, i === 0, owners.ids);
      writeFileSync(join(dir, runbook.path), runbook.text);
    }
  }
  return { files: count, systems, owners: owners.ids.length };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { seed: { type: 'string', default: '1' } },
  });
  const [dir, countText] = positionals;
  const count = Number(countText);
  if (!dir || !Number.isInteger(count) || count < 1) {
    process.stderr.write('Usage: node bench/generate.ts <dir> <count> [--seed N]\n');
    process.exit(2);
  }
  const started = performance.now();
  const made = generate(dir, count, Number(values.seed));
  process.stdout.write(
    `${made.files} runbooks in ${made.systems} systems, ${made.owners} owners, written to ${dir} in ${Math.round(performance.now() - started)} ms\n`,
  );
}
