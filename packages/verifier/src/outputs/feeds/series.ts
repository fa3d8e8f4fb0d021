import type { Occurrence } from '../../time/expand.ts';
import { expandBetween, type Recur } from '../../time/recur.ts';
import { parseRruleBody } from '../../time/rrule-body.ts';
import type { ZoneTimeline } from '../../time/zone.ts';
import { DAY } from '../../time/units.ts';
import { utcDateTime } from './ical-text.ts';

/*
 * When a window's occurrences in a feed can be one recurring VEVENT (DTSTART;TZID + RRULE +
 * EXDATE) that every client expands to the same instants, and that VEVENT's parts. The rule
 * and the client facts it rests on are in NOTES.md ("Feeds: series or occurrences").
 */

/** EXDATEs one series may carry: the Google Calendar API keeps about 72. */
export const MAX_EXDATES = 70;
/** Instances one series may expand to, EXDATEs included: the Google Calendar API caps a series at about 720. */
export const MAX_INSTANCES = 700;

/** One recurring VEVENT: its first start as a wall time in its zone, its rule, and the wall times it leaves out. */
export interface Series {
  zone: string;
  /** DTSTART as a wall time: epoch ms of the same digits in UTC. */
  start: number;
  /** The exact length of every occurrence, ms. */
  length: number;
  /** The RRULE value, FREQ first, ending (UNTIL) after the last occurrence and before the rule's next. */
  rrule: string;
  /** EXDATE wall times: instances of the rule the feed does not have (superseded, or without the feed owner's task). */
  exdates: number[];
  /** The feed's occurrences the series stands for. */
  count: number;
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** Ordinal weekdays Outlook has a template for: 1st to 4th, and last. */
const templateOrdinal = (n: number) => (n >= 1 && n <= 4) || n === -1;
/** Days of the month every month has: RFC 5545 skips a month without the 31st, Outlook takes its last day. */
const templateMonthDay = (day: number) => day >= 1 && day <= 28;

/**
 * Whether a rule is one of Outlook's recurrence templates (daily; weekly on days; monthly on a
 * day or on one nth weekday; yearly on a day or one nth weekday of one month), with no part
 * that some client misreads: BYSETPOS, BYMONTHDAY=-1, BYWEEKNO, BYYEARDAY, times of day.
 */
export function isPortableRule(rule: Recur): boolean {
  const { freq, byMonth, byMonthDay, byDay } = rule;
  if (
    rule.byWeekNo.length ||
    rule.byYearDay.length ||
    rule.byHour.length ||
    rule.byMinute.length ||
    rule.bySetPos.length
  )
    return false;
  const oneDayOfMonth =
    (byMonthDay.length === 0 && byDay.length === 0) ||
    (byMonthDay.length === 1 && byDay.length === 0 && templateMonthDay(byMonthDay[0]!)) ||
    (byMonthDay.length === 0 && byDay.length === 1 && templateOrdinal(byDay[0]!.n));
  switch (freq) {
    case 'DAILY':
      return !byMonth.length && !byMonthDay.length && !byDay.length;
    case 'WEEKLY':
      return !byMonth.length && !byMonthDay.length && byDay.every((day) => day.n === 0);
    case 'MONTHLY':
      return !byMonth.length && oneDayOfMonth;
    case 'YEARLY':
      return byMonth.length <= 1 && oneDayOfMonth;
    default:
      return false;
  }
}

/** The rule as an RRULE value, FREQ first (Apple expands nothing else), with the given UNTIL. */
function ruleText(rule: Recur, until: number): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.byMonth.length) parts.push(`BYMONTH=${rule.byMonth.join(',')}`);
  if (rule.byMonthDay.length) parts.push(`BYMONTHDAY=${rule.byMonthDay.join(',')}`);
  if (rule.byDay.length)
    parts.push(`BYDAY=${rule.byDay.map((day) => `${day.n || ''}${WEEKDAYS[day.weekday]}`).join(',')}`);
  // WKST changes only a WEEKLY rule's INTERVAL count; Monday is the default.
  if (rule.wkst !== 0) parts.push(`WKST=${WEEKDAYS[rule.wkst]}`);
  parts.push(`UNTIL=${utcDateTime(until)}`);
  return parts.join(';');
}

/**
 * The series standing for a window's occurrences in one feed, or undefined when they stay
 * separate events. A series is made only when it is provably the same: the rule is portable;
 * every occurrence keeps its wall time (no DTSTART in a DST gap or overlap, where libraries
 * disagree) and one exact length; and the engine, expanding the series as RFC 5545 reads it
 * (from the first occurrence as DTSTART, to the last), gives every occurrence plus only
 * instances the EXDATEs remove, all at their own wall time too.
 */
export function seriesOf(occurrences: readonly Occurrence[], rrule: string, zone: ZoneTimeline): Series | undefined {
  if (occurrences.length < 2) return undefined;
  const parsed = parseRruleBody(rrule);
  if (!parsed.ok || !isPortableRule(parsed.rule)) return undefined;
  const first = occurrences[0]!;
  const last = occurrences[occurrences.length - 1]!;
  const length = first.end - first.start;
  if (length <= 0 || occurrences.some((o) => o.kind !== 'exact' || o.allDay || o.end - o.start !== length))
    return undefined;
  // A span across a clock change: DURATION:PT24H is exact by RFC 5545, but ical.js (Thunderbird)
  // adds it on the wall clock and shows the end an hour off, so such a window stays expanded.
  if (occurrences.some((o) => zone.offsetAt(o.end) !== zone.offsetAt(o.start))) return undefined;
  const expanded = expandBetween(parsed.rule, first.wall, first.wall, last.wall, MAX_INSTANCES);
  if (!expanded.ok || expanded.walls.length > MAX_INSTANCES) return undefined;
  const { instants, kinds } = zone.resolveAll(expanded.walls);
  const exdates: number[] = [];
  let matched = 0;
  for (let i = 0; i < instants.length; i++) {
    if (kinds[i] !== 'exact') return undefined;
    if (matched < occurrences.length && occurrences[matched]!.start === instants[i]) matched++;
    else exdates.push(expanded.walls[i]!);
  }
  if (matched !== occurrences.length || exdates.length > MAX_EXDATES) return undefined;
  const until = untilAfter(parsed.rule, first.wall, last, zone);
  return until === undefined
    ? undefined
    : {
        zone: zone.zone,
        start: first.wall,
        length,
        rrule: ruleText(parsed.rule, until),
        exdates,
        count: occurrences.length,
      };
}

/**
 * UNTIL for a series ending at `last`: halfway to the rule's next instance rather than at the
 * last start itself. Some readers (Debian's recurring_ical_events 2.0) compare a UTC UNTIL as if
 * it were local time, which at the last start itself drops or keeps it by the zone's offset;
 * halfway, any offset smaller than the half leaves the same instances. Undefined when the zone's
 * offset could reach that far (a daily rule in a zone 12 hours or more from UTC).
 */
function untilAfter(rule: Recur, dtstart: number, last: Occurrence, zone: ZoneTimeline): number | undefined {
  const next = expandBetween(rule, dtstart, last.wall + 1, last.wall + 800 * DAY, 1);
  const half = next.ok && next.walls.length ? Math.floor((next.walls[0]! - last.wall) / 2 / 1000) * 1000 : DAY;
  const { initial, transitions } = zone.changes();
  const widest = Math.max(Math.abs(initial), ...transitions.map((t) => Math.abs(t.to)));
  return widest < half ? last.start + half : undefined;
}

/** A wall time as a DATE-TIME in local form (§3.3.5), `20260329T010000`, read with a TZID. */
export function localDateTime(wall: number): string {
  return utcDateTime(wall).slice(0, -1);
}

/** A UTC offset as §3.3.14 writes it: `+0100`, `-0330`, seconds only when there are some. */
function utcOffset(ms: number): string {
  const seconds = Math.round(Math.abs(ms) / 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  const s = seconds % 60;
  return `${ms < 0 ? '-' : '+'}${two(Math.floor(seconds / 3600))}${two(Math.floor((seconds % 3600) / 60))}${s ? two(s) : ''}`;
}

/**
 * The VTIMEZONE of a zone over the span its timeline covers, from the engine's own zone data:
 * the offset in force at the span's start, then each change in it as an observance of its own
 * (DTSTART alone, in the offset before it), so that no client has to expand a rule or an RDATE
 * list to know an offset. A change to a larger offset is DAYLIGHT, to a smaller one STANDARD.
 */
export function vtimezoneLines(zone: ZoneTimeline): string[] {
  const { initial, from, transitions } = zone.changes();
  const observance = (kind: 'STANDARD' | 'DAYLIGHT', wall: number, before: number, after: number) => [
    `BEGIN:${kind}`,
    `DTSTART:${localDateTime(wall - (wall % 1000))}`,
    `TZOFFSETFROM:${utcOffset(before)}`,
    `TZOFFSETTO:${utcOffset(after)}`,
    `END:${kind}`,
  ];
  const initialKind = transitions.length && transitions[0]!.to < initial ? 'DAYLIGHT' : 'STANDARD';
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${zone.zone}`,
    ...observance(initialKind, from + initial, initial, initial),
    ...transitions.flatMap((t) => observance(t.to > t.from ? 'DAYLIGHT' : 'STANDARD', t.at + t.from, t.from, t.to)),
    'END:VTIMEZONE',
  ];
}
