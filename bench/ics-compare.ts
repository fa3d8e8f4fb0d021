/**
 * `ICS_DIR=/tmp/icsbench node bench/ics-compare.ts`: the `ics` package against Almanac's own
 * iCalendar writer, on the same events, for NOTES.md. `ics` is not a dependency of Almanac:
 * install it elsewhere first (`mkdir /tmp/icsbench && cd /tmp/icsbench && npm install ics@3`).
 *
 * Ten runbooks with a daily window over the feeds' horizon (4,300 events) are rendered by
 * renderFeed; each event is read back with ical.js and given to `ics.createEvents` with the
 * same fields. Rounds alternate the two writers, so a busy machine slows both alike. Then the
 * folding of both outputs: line lengths in octets and the continuation character.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import * as verifier from '@almanac/verifier/internal';

interface IcsEvent {
  [field: string]: unknown;
}
interface Ics {
  createEvents(events: IcsEvent[]): { error?: Error; value?: string };
  createEvent(event: IcsEvent): { error?: Error; value?: string };
}
interface IcsPipeline {
  buildEvent(event: IcsEvent): IcsEvent;
  formatEvent(event: IcsEvent): string;
}

const icsDir = process.env.ICS_DIR;
if (!icsDir) throw new Error('set ICS_DIR to a directory where `npm install ics@3` was run');
const requireIcs = createRequire(join(icsDir, 'package.json'));
const ics = requireIcs('ics') as Ics;
// Its build and format steps without the validation createEvents runs first.
const pipeline = requireIcs(join(icsDir, 'node_modules/ics/dist/pipeline/index.js')) as IcsPipeline;
const icsVersion = (
  JSON.parse(readFileSync(join(icsDir, 'node_modules/ics/package.json'), 'utf8')) as { version: string }
).version;

const TODAY = '2026-12-01';
const dir = mkdtempSync(join(tmpdir(), 'almanac-ics-'));
mkdirSync(join(dir, 'sys'));
writeFileSync(
  join(dir, 'owners.yaml'),
  'ops:\n  name: Operations\n  email: ops@example.com\n  phone: "+254 711 000 000"\n',
);
for (let i = 0; i < 10; i++) {
  writeFileSync(
    join(dir, 'sys', `r${i}.mdx`),
    `---
id: runbook-${i}
title: Runbook ${i} — Matengenezo ya kila siku
system: sys${i}
owners: [ops]
timezone: Africa/Nairobi
windows:
  - { id: nightly, title: Nightly maintenance — ülkeler ve sunucular, rrule: FREQ=DAILY, start: "02:00", duration: PT2H, impact: minimal, notice: PT24H, description: Database patching and index rebuilds. }
tasks:
  - { id: backup, title: Full backup, kind: backup, rrule: FREQ=DAILY, start: "02:30", duration: PT30M, owner: ops, window: nightly, backup: { type: full } }
---
`,
  );
}
const corpus = verifier.loadCorpus([dir]);
rmSync(dir, { recursive: true, force: true });
const time = new verifier.TimeEngine(verifier.feedHorizon(TODAY, {}));
const all = verifier.feedSets(corpus, time).find((set) => set.path === 'all')!;
const options = () => ({
  siteUrl: 'https://runbooks.example.com',
  dtstamp: Date.parse(`${TODAY}T00:00:00Z`),
  sequenceOf: () => 0,
  pageHrefOf: (r: verifier.Runbook) => `/${r.id}/`,
});
const renderFeed = () => verifier.createFeedWriter(options()).text(all);
const ours = renderFeed();

const events: IcsEvent[] = new ICAL.Component(ICAL.parse(ours)).getAllSubcomponents('vevent').map((vevent) => {
  const event = new ICAL.Event(vevent);
  return {
    uid: event.uid,
    title: event.summary,
    description: event.description,
    url: vevent.getFirstPropertyValue('url'),
    start: event.startDate.toJSDate().getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: event.endDate.toJSDate().getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    categories: vevent.getFirstProperty('categories')!.getValues(),
    busyStatus: 'FREE',
    sequence: 0,
    alarms: [{ action: 'display', description: 'In 24 hours', trigger: { hours: 24, before: true } }],
    productId: 'Almanac',
    calName: 'All maintenance windows',
  };
});
const n = events.length;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const timed = (f: () => unknown) => {
  const started = performance.now();
  f();
  return performance.now() - started;
};
const icsFeed = () => {
  const out = ics.createEvents(events);
  if (out.error) throw out.error;
  return out.value!;
};
for (let i = 0; i < 2; i++) {
  renderFeed();
  icsFeed();
}
const rounds = Number(process.env.ROUNDS ?? 9);
const oursMs: number[] = [];
const icsMs: number[] = [];
const formatMs: number[] = [];
for (let r = 0; r < rounds; r++) {
  oursMs.push(timed(() => renderFeed()));
  icsMs.push(timed(icsFeed));
  formatMs.push(timed(() => events.forEach((e) => pipeline.formatEvent(pipeline.buildEvent(e)))));
}
const ratios = icsMs.map((ms, r) => ms / oursMs[r]!);
const perEvent = (ms: number[]) => `${median(ms).toFixed(0)} ms, ${((median(ms) / n) * 1000).toFixed(0)} µs an event`;
console.log(`ics ${icsVersion}, ${n} events, median of ${rounds} rounds:`);
console.log(`  renderFeed           ${perEvent(oursMs)}`);
console.log(`  ics.createEvents     ${perEvent(icsMs)}`);
console.log(`  ics build + format   ${perEvent(formatMs)} (no validation)`);
console.log(
  `  ics / renderFeed     ${median(ratios).toFixed(1)} (rounds ${Math.min(...ratios).toFixed(1)} to ${Math.max(...ratios).toFixed(1)})`,
);

const octets = (line: string) => Buffer.byteLength(line, 'utf8');
for (const [name, text] of [
  ['renderFeed', ours],
  ['ics', icsFeed()],
] as const) {
  const lines = text.split('\r\n');
  const continuations = new Set(lines.filter((l) => /^[ \t]/.test(l)).map((l) => JSON.stringify(l[0])));
  console.log(
    `${name}: longest line ${Math.max(...lines.map(octets))} octets, ${lines.filter((l) => octets(l) > 75).length} of ${lines.length} lines over 75, continuation ${[...continuations].join(' ')}; ${lines.filter((l) => /TTL|REFRESH/.test(l)).join(', ')}`,
  );
}
const title = 'Matengenezo ya kila siku — ülkeler ve sunucular, ünïcødé, メンテナンス メンテナンス メンテナンス, end';
const property = `SUMMARY:${title}`;
/** The physical lines of the SUMMARY property: its first and its continuations. */
const summaryLines = (text: string) => {
  const lines = text.split('\r\n');
  const first = lines.findIndex((l) => l.startsWith('SUMMARY:'));
  const end = lines.findIndex((l, i) => i > first && !/^[ \t]/.test(l));
  return lines.slice(first, end);
};
const lengths = (lines: string[]) => lines.map(octets).join(' + ');
console.log(
  `a SUMMARY line of ${[...property].length} characters, ${octets(property)} octets: ics folds it as ${lengths(summaryLines(ics.createEvent({ ...events[0], title }).value!))} octets, renderFeed as ${lengths(verifier.foldLine(property).split('\r\n'))}`,
);
