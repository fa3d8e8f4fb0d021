import { FREQS, type Freq, type Recur } from './recur.ts';

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const WEEKDAY = /^([+-]?(?:[1-9]|[1-4]\d|5[0-3]))?(MO|TU|WE|TH|FR|SA|SU)$/;
const intList = (min: number, max: number, signed: boolean) => (value: string) =>
  value.split(',').every((part) => {
    if (!/^[+-]?\d+$/.test(part)) return false;
    const n = Number(part);
    return (
      (signed ? Math.abs(n) >= min && Math.abs(n) <= max : n >= min && n <= max) && (signed || !part.startsWith('-'))
    );
  });

/**
 * How many different values each list part can hold. Repeats are refused, so no list is longer
 * and a rule's size, with the time spent on it, is bounded before anything is expanded.
 */
const DISTINCT_VALUES: Record<string, number> = {
  BYMINUTE: 60,
  BYHOUR: 24,
  BYDAY: 7 + 7 * 53 * 2,
  BYMONTHDAY: 62,
  BYYEARDAY: 732,
  BYWEEKNO: 106,
  BYMONTH: 12,
  BYSETPOS: 732,
};

/** A list's values that are too many, before each is read: a 5 MiB list costs one count. */
function tooManyValues(key: string, value: string): string | undefined {
  const most = DISTINCT_VALUES[key];
  if (most === undefined) return undefined;
  let count = 1;
  for (let i = value.indexOf(','); i !== -1 && count <= most; i = value.indexOf(',', i + 1)) count++;
  return count > most
    ? `has more than ${most} values in ${key}, which can hold at most ${most} different ones; list each value once`
    : undefined;
}

/** A value a valid list repeats (1 and +1, SU and +0SU alike), or undefined. */
function repeatedValue(key: string, value: string): string | undefined {
  if (DISTINCT_VALUES[key] === undefined) return undefined;
  const seen = new Set<string>();
  for (const v of value.split(',')) {
    const canonical = key === 'BYDAY' ? `${Number(v.slice(0, -2) || 0)}${v.slice(-2)}` : String(Number(v));
    if (seen.has(canonical)) return v;
    seen.add(canonical);
  }
  return undefined;
}

/** Each part an RRULE body may have, with a check of its value and what a correct one looks like. */
const PARTS: Record<string, { valid: (value: string) => boolean; expected: string }> = {
  FREQ: { valid: (v) => (FREQS as readonly string[]).includes(v), expected: FREQS.join(', ') },
  INTERVAL: { valid: intList(1, 10_000, false), expected: 'a whole number of 1 or more' },
  COUNT: { valid: () => true, expected: '' },
  UNTIL: {
    valid: (v) => untilOf(v) !== undefined,
    expected:
      'a UTC date and time such as 20271231T235959Z, or a date such as 20271231 (which ends the schedule at 00:00 that day, before any later start on it)',
  },
  BYDAY: {
    valid: (v) => v.split(',').every((d) => WEEKDAY.test(d)),
    expected: 'weekdays MO, TU, WE, TH, FR, SA, SU, each with an optional ordinal such as 1SU or -1SU',
  },
  BYMONTHDAY: { valid: intList(1, 31, true), expected: 'days of the month 1 to 31, or -1 to -31 counted from the end' },
  BYMONTH: { valid: intList(1, 12, false), expected: 'months 1 to 12' },
  BYYEARDAY: { valid: intList(1, 366, true), expected: 'days of the year 1 to 366, or -1 to -366' },
  BYWEEKNO: { valid: intList(1, 53, true), expected: 'ISO weeks 1 to 53, or -1 to -53' },
  BYHOUR: { valid: intList(0, 23, false), expected: 'hours 0 to 23' },
  BYMINUTE: { valid: intList(0, 59, false), expected: 'minutes 0 to 59' },
  BYSETPOS: { valid: intList(1, 366, true), expected: 'positions such as 1 or -1' },
  WKST: { valid: (v) => WEEKDAY.test(v) && v.length === 2, expected: 'a weekday such as MO' },
};

/**
 * When a schedule ends. RFC 5545 makes `…Z` an instant, compared with each occurrence's instant
 * in its zone; a date, or a date and time without Z, is a wall time in the item's zone. A date
 * is that day's 00:00, so it keeps no occurrence that starts later on that day.
 */
export type Until =
  { kind: 'instant'; at: number; text: string } | { kind: 'wall'; at: number; dateOnly: boolean; text: string };

export type ParsedRrule = { ok: true; rule: Recur; until?: Until } | { ok: false; message: string };

function untilOf(value: string): Until | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h = 0, mi = 0, se = 0] = m.slice(1, 7).map((n) => (n === undefined ? undefined : Number(n)));
  const at = Date.UTC(y!, mo! - 1, d!, h, mi, se);
  const back = new Date(at);
  // 20270231 or T250000 would be read as another date: refused instead.
  if (
    back.getUTCFullYear() !== y ||
    back.getUTCMonth() !== mo! - 1 ||
    back.getUTCDate() !== d ||
    back.getUTCHours() !== h ||
    back.getUTCMinutes() !== mi ||
    se! > 59
  )
    return undefined;
  if (m[7]) return { kind: 'instant', at, text: value };
  return { kind: 'wall', at, dateOnly: m[4] === undefined, text: value };
}

/**
 * Reads an RRULE body (RFC 5545 §3.3.10 without DTSTART). Each part is checked, with a message that
 * names the part and what it should be, and the rule is read into the lists `recur.ts` expands.
 */
export function parseRruleBody(body: string): ParsedRrule {
  // Corpora repeat a few hundred rules thousands of times: each is read once. Results are shared, never changed.
  let parsed = parsedBodies.get(body);
  if (!parsed) {
    if (parsedBodies.size >= MAX_REMEMBERED) parsedBodies.clear();
    parsedBodies.set(body, (parsed = parse(body)));
  }
  return parsed;
}

const MAX_REMEMBERED = 10_000;
const parsedBodies = new Map<string, ParsedRrule>();

function parse(body: string): ParsedRrule {
  const text = body
    .trim()
    .replace(/^RRULE:/i, '')
    .replace(/;$/, '');
  const seen = new Map<string, string>();
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    const key = (eq === -1 ? part : part.slice(0, eq)).trim().toUpperCase();
    const value =
      eq === -1
        ? ''
        : part
            .slice(eq + 1)
            .trim()
            .toUpperCase();
    if (key === 'DTSTART') return { ok: false, message: "has a DTSTART; leave it out and give the time in 'start'" };
    if (key === '') return { ok: false, message: "has an empty part (two ';' in a row, or one at the start)" };
    const spec = PARTS[key];
    if (!spec)
      return { ok: false, message: `has an unknown part '${part}'; RRULE parts are ${Object.keys(PARTS).join(', ')}` };
    if (seen.has(key)) return { ok: false, message: `has ${key} twice` };
    seen.set(key, value);
    const tooMany = tooManyValues(key, value);
    if (tooMany) return { ok: false, message: tooMany };
    if (!spec.valid(value)) return { ok: false, message: `has '${part}', but ${key} takes ${spec.expected}` };
    const repeated = repeatedValue(key, value);
    if (repeated !== undefined)
      return { ok: false, message: `has ${repeated} more than once in ${key}; list each value once` };
  }
  if (!seen.has('FREQ'))
    return { ok: false, message: 'has no FREQ; start it with FREQ=DAILY, WEEKLY, MONTHLY or YEARLY' };
  if (seen.has('BYSETPOS') && ![...seen.keys()].some((key) => key.startsWith('BY') && key !== 'BYSETPOS')) {
    return {
      ok: false,
      message:
        'has BYSETPOS without another BYxxx part; RFC 5545 picks BYSETPOS positions among the times the other BY parts give each period (for example FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1, the last weekday)',
    };
  }
  const misplaced = misplacedPart(seen);
  if (misplaced) return { ok: false, message: misplaced };
  if (seen.has('COUNT'))
    return {
      ok: false,
      message: 'has COUNT, which counts from a DTSTART that runbooks do not have; use UNTIL to end a schedule',
    };
  const numbers = (key: string) => seen.get(key)?.split(',').map(Number) ?? [];
  const rule: Recur = {
    freq: seen.get('FREQ') as Freq,
    interval: Number(seen.get('INTERVAL') ?? 1),
    byMonth: numbers('BYMONTH'),
    byWeekNo: numbers('BYWEEKNO'),
    byYearDay: numbers('BYYEARDAY'),
    byMonthDay: numbers('BYMONTHDAY'),
    byDay: (seen.get('BYDAY')?.split(',') ?? []).map((day) => ({
      weekday: WEEKDAYS.indexOf(day.slice(-2)),
      n: Number(day.slice(0, -2) || 0),
    })),
    byHour: numbers('BYHOUR'),
    byMinute: numbers('BYMINUTE'),
    bySetPos: numbers('BYSETPOS'),
    wkst: WEEKDAYS.indexOf(seen.get('WKST') ?? 'MO'),
  };
  const until = seen.has('UNTIL') ? untilOf(seen.get('UNTIL')!) : undefined;
  return until ? { ok: true, rule, until } : { ok: true, rule };
}

/**
 * Parts RFC 5545 §3.3.10 forbids with the rule's FREQ. Implementations read them anyway, each its
 * own way (BYDAY=5SU in a weekly rule becomes every Sunday), so a rule means what it says or is refused.
 */
function misplacedPart(parts: ReadonlyMap<string, string>): string | undefined {
  const freq = parts.get('FREQ')!;
  const byday = parts.get('BYDAY');
  const numbered = byday?.split(',').find((day) => day.length > 2);
  if (numbered && freq !== 'MONTHLY' && freq !== 'YEARLY')
    return `has 'BYDAY=${byday}', but a numbered weekday such as ${numbered} belongs in a MONTHLY or YEARLY rule; in a ${freq} rule write the weekday alone (${numbered.slice(-2)})`;
  if (numbered && freq === 'YEARLY' && parts.has('BYWEEKNO'))
    return `has both BYWEEKNO and a numbered weekday (${numbered}), which RFC 5545 does not allow together; write the weekday alone (${numbered.slice(-2)})`;
  if (parts.has('BYMONTHDAY') && freq === 'WEEKLY')
    return 'has BYMONTHDAY in a WEEKLY rule, which RFC 5545 does not allow; use FREQ=MONTHLY with BYMONTHDAY';
  if (parts.has('BYYEARDAY') && freq !== 'YEARLY' && freq !== 'HOURLY' && freq !== 'MINUTELY')
    return `has BYYEARDAY in a ${freq} rule, which RFC 5545 does not allow; use FREQ=YEARLY with BYYEARDAY`;
  if (parts.has('BYWEEKNO') && freq !== 'YEARLY')
    return `has BYWEEKNO in a ${freq} rule; BYWEEKNO belongs in a YEARLY rule`;
  return undefined;
}
