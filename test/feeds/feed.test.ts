import { describe, expect, it } from 'vitest';
import { feedSets, windowOccurrences, type Corpus, type FeedSet, type TimeEngine } from '@almanac/verifier/internal';
import { expectRfc5545, parseFeed, SITE, testWriter, type ClientEvent } from './client.ts';
import { FILES, fixtureCorpus, fixtureTime, LAST_SUNDAY, NASTY_TITLE } from './fixtures.ts';

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);

function render(corpus: Corpus = fixtureCorpus(), time: TimeEngine = fixtureTime()): Map<string, string> {
  const writer = testWriter();
  return new Map(feedSets(corpus, time).map((set) => [set.path, writer.text(set)]));
}

function eventsOf(feeds: Map<string, string>, path: string): ClientEvent[] {
  const text = feeds.get(path);
  if (text === undefined) throw new Error(`no feed ${path}`);
  return parseFeed(text).events;
}

function byUid(events: ClientEvent[]): Map<string, ClientEvent> {
  return new Map(events.map((e) => [e.uid, e]));
}

describe('feeds of small runbooks, as ical.js reads them', () => {
  const corpus = fixtureCorpus();
  const time = fixtureTime();
  const feeds = render(corpus, time);
  const runbook = (id: string) => corpus.runbooks.find((r) => r.id === id)!;

  it('writes every feed to the RFC 5545 rules, byte for byte', () => {
    expect([...feeds.keys()]).toEqual([
      'all',
      'system/core',
      'system/desk',
      'system/ledger',
      'system/mvono',
      'owner/desk-team',
      'owner/ledger-dba',
      'owner/ledger-team',
      'owner/mvono-it',
      'owner/nairobi-dba',
      'owner/on-leave',
      'owner/ops',
      'owner/ops-dba',
      'owner/unregistered-owner',
    ]);
    for (const text of feeds.values()) expectRfc5545(new TextEncoder().encode(text));
  });

  it('has, one to one, the occurrences the time engine expands: same UIDs, same instants', () => {
    const events = eventsOf(feeds, 'all');
    // A series has one UID for its window; an occurrence its own, with its start, as before series.
    const series = new Set(events.filter((e) => e.recurring).map((e) => e.uid));
    const uidOf = (o: { runbook: { id: string }; window: { value: { id: string } }; start: number }) => {
      const window = `${o.runbook.id}-${o.window.value.id}`;
      return series.has(`${window}@almanac.example.org`)
        ? `${window}@almanac.example.org`
        : `${window}-${iso(o.start).replace(/[-:]/g, '')}00Z@almanac.example.org`;
    };
    const order = (a: { uid: string; start: number }, b: { uid: string; start: number }) =>
      a.start - b.start || (a.uid < b.uid ? -1 : 1);
    const expected = corpus.runbooks
      .flatMap((r) => windowOccurrences(r, time))
      .map((o) => ({ uid: uidOf(o), start: o.start, end: o.end }))
      .sort(order);
    expect(events.map(({ uid, start, end }) => ({ uid, start, end })).sort(order)).toEqual(expected);
    expect(series.size).toBeGreaterThan(0);
    expect(events.length).toBeGreaterThan(100);
  });

  it('keeps the London window at 01:30 local across both DST changes', () => {
    const events = eventsOf(feeds, 'system/ledger');
    const starts = events.map((e) => iso(e.start));
    expect(starts).toContain('2026-03-22T01:30'); // GMT
    expect(starts).toContain('2026-03-29T01:30'); // 01:30 does not exist: 02:30 BST
    expect(starts).toContain('2026-04-05T00:30'); // BST
    expect(starts).toContain('2026-10-25T00:30'); // 01:30 happens twice: the first, BST
    expect(starts).toContain('2026-11-01T01:30'); // GMT again
    expect(starts).toContain('2027-03-28T01:30');
    for (const event of events) expect(event.end - event.start).toBe(3 * 3_600_000);

    const gap = events.find((e) => iso(e.start) === '2026-03-29T01:30')!;
    expect(gap.description).toContain('When: Sun 2026-03-29 02:30–05:30 Europe/London (UTC+01:00)');
    expect(gap.description).toContain('In UTC: Sun 2026-03-29 01:30–04:30 UTC');
    expect(gap.description).toContain(
      '01:30 does not exist in Europe/London that day (the clocks go forward), so the window starts at 02:30.',
    );
    const ambiguous = events.find((e) => iso(e.start) === '2026-10-25T00:30')!;
    expect(ambiguous.description).toContain('When: Sun 2026-10-25 01:30 (UTC+01:00) – 03:30 (UTC+00:00) Europe/London');
    expect(ambiguous.description).toContain('01:30 happens twice in Europe/London that day');
    const winter = events.find((e) => iso(e.start) === '2026-11-01T01:30')!;
    expect(winter.description).toContain('When: Sun 2026-11-01 01:30–04:30 Europe/London (UTC+00:00)');
  });

  it('puts the Nairobi window three hours before its local time, across local midnight', () => {
    const events = eventsOf(feeds, 'system/mvono');
    expect(events.every((e) => new Date(e.start).getUTCDay() === 6 && new Date(e.start).getUTCHours() === 20)).toBe(
      true,
    );
    const first = events.find((e) => iso(e.start) === '2026-03-07T20:00')!;
    expect(iso(first.end)).toBe('2026-03-08T00:00');
    // One series: its rule in words, and where each occurrence's times and tasks are.
    expect(first.recurring).toBe(true);
    expect(first.description).toContain('When: every Saturday, 23:00–03:00 Africa/Nairobi');
    expect(first.description).toContain(
      'In this calendar: 62 occurrences, 2026-01-31 to 2027-04-03. The runbook page gives the next ones',
    );
    // No notice in the runbook: no alarm, and the description says so.
    expect(first.alarms).toEqual([]);
    expect(first.description).toContain('Notice: not stated in the runbook');
  });

  it('has the last-Sunday window on last Sundays only, replacing the weekly one there', () => {
    const events = eventsOf(feeds, 'system/core');
    const monthly = events.filter((e) => e.uid.startsWith('core-ops-monthly'));
    const weekly = events.filter((e) => e.uid.startsWith('core-ops-weekly'));
    for (const event of monthly) {
      const date = new Date(event.start);
      expect(date.getUTCDay()).toBe(0);
      expect(new Date(event.start + 7 * 86_400_000).getUTCMonth()).not.toBe(date.getUTCMonth());
    }
    expect(monthly.map((e) => iso(e.start)).slice(0, 3)).toEqual([
      '2026-02-22T02:00',
      '2026-03-29T02:00',
      '2026-04-26T02:00',
    ]);
    const monthlyDays = new Set(monthly.map((e) => iso(e.start).slice(0, 10)));
    expect(weekly.filter((e) => monthlyDays.has(iso(e.start).slice(0, 10)))).toEqual([]);
    expect(weekly.length + monthly.length).toBe(events.length);
  });

  it('describes each event: summary, impact, notice, tasks, owners, page URL, categories, alarm', () => {
    const london = eventsOf(feeds, 'system/ledger')[0]!;
    expect(london.summary).toBe('ledger: Weekly patching');
    expect(london.url).toBe(`${SITE}/ledger/maintenance/`);
    expect(london.categories).toEqual(['ledger', 'degraded']);
    expect(london.alarms).toEqual(['-P1D']);
    expect(london.sequence).toBe(1_767_225_600);
    expect(london.description).toContain('Impact: degraded');
    expect(london.description).toContain('Notice: 24 hours ahead');
    expect(london.description).toContain(
      'Tasks in this window:\n- 02:45–03:15 Reindex ledgers (optimization; owner: Ledger DBA (+44 20 7946 0000))',
    );
    expect(london.description).toContain('Owners: Ledger Team (ledger@example.org)');
    expect(london.description).toContain(`Runbook: Ledger maintenance\n${SITE}/ledger/maintenance/`);

    const monthly = eventsOf(feeds, 'system/core').find((e) => e.uid.startsWith('core-ops-monthly'))!;
    expect(monthly.summary).toBe(`core: ${NASTY_TITLE}`);
    expect(monthly.categories).toEqual(['core', 'downtime']);
    // The notice reminder, and the second one at the start that the runbook asks for.
    expect(monthly.alarms).toEqual(['-P30D', 'PT0S']);
    // A series names its tasks; their times in each occurrence are on the runbook page.
    expect(monthly.description).toContain('Tasks in these windows:\n- Restore test (restore-test; owner: Ops DBA)');
    expect(monthly.description).toContain('Owners: Operations; unregistered-owner');
    expect(monthly.description).toContain('Replaces the weekly window; see https://status.example.org/?a=1,b=2');
    expect(monthly.description).toContain('Runbook: Core ops; the "main", runbook');
    // A weekly occurrence has no restore test: it runs on last Sundays only.
    const weekly = eventsOf(feeds, 'system/core').find((e) => e.uid.startsWith('core-ops-weekly'))!;
    expect(weekly.description).not.toContain('Tasks in');
  });

  it('cannot be broken out of by a description with a newline, or a title with a semicolon or colon', () => {
    const text = feeds.get('system/core')!;
    expect(text).not.toMatch(/\r\nUID:injected/);
    const events = eventsOf(feeds, 'system/core');
    expect(events.filter((e) => e.uid === 'injected')).toEqual([]);
    // The text arrived, as text.
    expect(events.find((e) => e.uid.startsWith('core-ops-monthly'))!.description).toContain(
      '\nEND:VEVENT\nBEGIN:VEVENT\nUID:injected',
    );
    expect(text.match(/\r\nBEGIN:VEVENT\r\n/g)!.length).toBe(new Set(events.map((e) => e.uid)).size);
  });

  it('gives an owner the windows of the runbooks it owns and those holding its tasks', () => {
    const uids = (path: string) => eventsOf(feeds, path).map((e) => e.uid);
    const allOf = (id: string) => windowOccurrences(runbook(id), time).length;
    expect(uids('owner/ledger-team')).toHaveLength(allOf('ledger-maintenance'));
    // The reindex runs in every weekly window.
    expect(uids('owner/ledger-dba')).toEqual(uids('system/ledger'));
    // The vacuum runs on first Sundays, 01:00 Nairobi: in the Saturday window that started the evening before.
    const vacuum = eventsOf(feeds, 'owner/nairobi-dba');
    expect(vacuum.length).toBe(15);
    for (const event of vacuum) {
      const sunday = new Date(event.start + 4 * 3_600_000);
      expect(sunday.getUTCDay()).toBe(0);
      expect(sunday.getUTCDate()).toBeLessThanOrEqual(7);
      expect(event.description).toContain('- Vacuum the database');
    }
    // The restore test names the weekly window but runs in the monthly one on last Sundays.
    const restore = eventsOf(feeds, 'owner/ops-dba');
    expect(restore.length).toBeGreaterThan(10);
    expect(restore.every((e) => e.uid.startsWith('core-ops-monthly'))).toBe(true);
    expect(uids('owner/ops')).toEqual(uids('system/core'));
    expect(uids('owner/unregistered-owner')).toEqual(uids('system/core'));
  });

  it('writes a valid, empty calendar for an owner with no windows, so a subscription keeps working', () => {
    const { calendar, events } = parseFeed(feeds.get('owner/on-leave')!);
    expect(events).toEqual([]);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Almanac: maintenance for Owns nothing');
  });

  it('names and describes each calendar, with refresh hints and no METHOD', () => {
    const { calendar } = parseFeed(feeds.get('system/mvono')!);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('name')).toBe('Almanac: mvono maintenance');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Almanac: mvono maintenance');
    expect(calendar.getFirstPropertyValue('description')).toMatch(
      /^Maintenance windows of mvono\. Times are exact instants and each event gives the local time\./,
    );
    expect(calendar.getFirstPropertyValue('x-wr-caldesc')).toBe(calendar.getFirstPropertyValue('description'));
    expect(String(calendar.getFirstPropertyValue('refresh-interval'))).toBe('PT6H');
    expect(calendar.getFirstPropertyValue('x-published-ttl')).toBe('PT6H');
    expect(calendar.getFirstPropertyValue('source')).toBe(`${SITE}/calendars/system/mvono.ics`);
    expect(calendar.getFirstPropertyValue('method')).toBeNull();
  });
});

describe('stability across builds', () => {
  it('writes byte-identical feeds from the same input, parsed and expanded afresh', () => {
    const first = render(fixtureCorpus(), fixtureTime());
    const second = render(fixtureCorpus(), fixtureTime());
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [path, text] of first) expect(second.get(path), path).toBe(text);
  });

  it('keeps each occurrence UID and event, and each series UID, when the horizon slides a week', () => {
    const [beforeAll, afterAll] = [
      eventsOf(render(), 'all'),
      eventsOf(render(fixtureCorpus(), fixtureTime('2026-03-08')), 'all'),
    ];
    const before = byUid(beforeAll.filter((e) => !e.recurring));
    const after = byUid(afterAll.filter((e) => !e.recurring));
    const shared = [...after.keys()].filter((uid) => before.has(uid));
    expect(shared.length).toBeGreaterThan(after.size - 10);
    for (const uid of shared) expect(after.get(uid)).toEqual(before.get(uid));
    const seriesUids = (events: ClientEvent[]) =>
      [...new Set(events.filter((e) => e.recurring).map((e) => e.uid))].sort();
    expect(seriesUids(afterAll)).toEqual(seriesUids(beforeAll));
  });

  it('keeps UIDs when a runbook changes elsewhere, and moves only the changed window', () => {
    const edited = {
      ...FILES,
      'runbooks/core/ops.mdx': {
        ...LAST_SUNDAY,
        title: 'Core operations',
        windows: [{ ...LAST_SUNDAY.windows[0]!, start: '03:00' }, LAST_SUNDAY.windows[1]!],
      },
    };
    const before = eventsOf(render(), 'all');
    const after = eventsOf(render(fixtureCorpus(edited)), 'all');
    const weekly = (e: ClientEvent) => e.uid.startsWith('core-ops-weekly');
    const uids = (events: ClientEvent[]) => events.map((e) => e.uid).sort();
    expect(uids(after.filter((e) => !weekly(e)))).toEqual(uids(before.filter((e) => !weekly(e))));
    // The weekly window is one series, which keeps its UID: the same Sundays, an hour later.
    const sundays = (events: ClientEvent[]) => events.filter(weekly).map((e) => e.start);
    expect(sundays(before).length).toBeGreaterThan(0);
    expect(new Set(before.filter(weekly).map((e) => e.uid))).toEqual(new Set(['core-ops-weekly@almanac.example.org']));
    expect(new Set(after.filter(weekly).map((e) => e.uid))).toEqual(new Set(['core-ops-weekly@almanac.example.org']));
    expect(sundays(after)).toEqual(sundays(before).map((start) => start + 3_600_000));
  });

  it('stamps events with the given DTSTAMP and SEQUENCE, never the clock', () => {
    const set = feedSets(fixtureCorpus(), fixtureTime()).find((s) => s.path === 'system/ledger')!;
    const text = testWriter({
      dtstamp: Date.UTC(2026, 0, 2, 3, 4, 5),
      sequenceOf: (r) => (r.id === 'ledger-maintenance' ? 42 : 0),
    }).text(set);
    const stamps = new Set(text.split('\r\n').filter((line) => line.startsWith('DTSTAMP:')));
    expect([...stamps]).toEqual(['DTSTAMP:20260102T030405Z']);
    expect(parseFeed(text).events.every((e) => e.sequence === 42)).toBe(true);
  });

  it('refuses to publish two events with one UID, which clients would merge', () => {
    const set = feedSets(fixtureCorpus(), fixtureTime()).find((s) => s.path === 'system/ledger')!;
    const doubled: FeedSet = { ...set, windows: [...set.windows, set.windows[0]!] };
    expect(() => testWriter().text(doubled)).toThrow(/would share/);
  });

  it('gives as bytes exactly the UTF-8 of the text, for every feed, whichever is asked first', () => {
    const sets = feedSets(fixtureCorpus(), fixtureTime());
    const bytesFirst = testWriter();
    const textFirst = testWriter();
    for (const set of sets) {
      const bytes = Buffer.concat(bytesFirst.bytes(set));
      const text = textFirst.text(set);
      if (set.windows.length) expect(text).toMatch(/[^\x00-\x7f]/);
      expect(bytes.equals(Buffer.from(text, 'utf8'))).toBe(true);
      expect(Buffer.concat(textFirst.bytes(set)).toString('utf8')).toBe(bytesFirst.text(set));
    }
  });

  it('refuses two occurrences with one UID even when they are in different feeds', () => {
    const set = feedSets(fixtureCorpus(), fixtureTime()).find((s) => s.path === 'system/ledger')!;
    const writer = testWriter();
    const first = set.windows[0]!;
    expect(() => writer.text({ ...set, windows: [first] })).not.toThrow();
    // A copy of the occurrence: another event, the same runbook, window and start.
    expect(() => writer.text({ ...set, path: 'other', windows: [{ ...first }] })).toThrow(/would share/);
    // The same event in a second feed is what owner and system feeds do.
    expect(() => writer.text({ ...set, path: 'again', windows: [first] })).not.toThrow();
    // Another writer is another build: it has given no UID yet.
    expect(() => testWriter().text({ ...set, path: 'other', windows: [{ ...first }] })).not.toThrow();
  });

  it('writes a feed alike whatever feeds its writer wrote before', () => {
    const sets = feedSets(fixtureCorpus(), fixtureTime());
    const everyFeed = testWriter();
    const written = new Map(sets.map((set) => [set.path, everyFeed.text(set)]));
    for (const set of [...sets].reverse()) expect(testWriter().text(set), set.path).toBe(written.get(set.path));
  });
});

describe('the feed budget', () => {
  const sets = feedSets(fixtureCorpus(), fixtureTime());
  const all = sets.find((set) => set.path === 'all')!;

  it('keeps a feed over its budget to the events of most impact, soonest first, and says so in the build and the feed', () => {
    const warnings: string[] = [];
    const text = testWriter({ budget: { maxEvents: 3 }, warn: (message) => warnings.push(message) }).text(all);
    expectRfc5545(new TextEncoder().encode(text));
    const uids = [...new Set(parseFeed(text).events.map((e) => e.uid))];
    // Downtime first (the monthly core window, the quarterly failover), then degraded.
    expect(uids).toHaveLength(3);
    expect(uids).toEqual(
      expect.arrayContaining(['core-ops-monthly@almanac.example.org', 'desk-plan-quarterly@almanac.example.org']),
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^calendars\/all\.ics would be 0\.\d\d MiB with \d+ events, more than calendar clients read \(this build's feed budget: 1\.0 MiB, 3 events;/,
    );
    expect(warnings[0]).toContain('keeps the 3 events of most impact');
    expect(warnings[0]).toContain('feeds.maxBytes and feeds.maxEvents in almanac.config.json');
    expect(parseFeed(text).calendar.getFirstPropertyValue('description')).toMatch(
      /It holds 3 of its \d+ events, those of most impact first/,
    );
  });

  it('keeps a feed within its byte budget, VTIMEZONEs and all', () => {
    const warnings: string[] = [];
    const bytes = Buffer.concat(
      testWriter({ budget: { maxBytes: 20_000 }, warn: (message) => warnings.push(message) }).bytes(all),
    );
    expect(bytes.length).toBeLessThanOrEqual(20_000);
    expectRfc5545(bytes);
    expect(warnings).toHaveLength(1);
  });

  it('writes a feed within its budget whole, without a word', () => {
    const warnings: string[] = [];
    const writer = testWriter({ warn: (message) => warnings.push(message) });
    for (const set of sets) expect(writer.text(set)).toBe(testWriter().text(set));
    expect(warnings).toEqual([]);
  });
});
