import type { TimeIntervalEntry } from '@almanac/verifier/internal';

/*
 * Alertmanager 0.25's reading of a time interval (timeinterval.ContainsTime), written out again
 * for the tests from its documentation: the instant in the entry's location, then every field
 * given must match; `times` are [start, end) minutes of the day, negative days count from the
 * month's end, ranges are inclusive. The wall clock comes from Intl, not from Almanac's zone code.
 */

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

export interface Wall {
  year: number;
  month: number;
  day: number;
  weekday: number;
  minute: number;
  daysInMonth: number;
}

/**
 * The wall clock in a location at each minute from `start`. Intl gives the offset once every
 * quarter hour (no zone changes offset between quarter hours); the minutes in between add to it.
 */
export function wallClocks(start: number, count: number, location: string): Wall[] {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: location,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const out: Wall[] = new Array(count);
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const instant = start + i * 60_000;
    if (i % 15 === 0) {
      const p = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
      offset = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!) - Math.floor(instant / 60_000) * 60_000;
    }
    const wall = new Date(instant + offset);
    out[i] = {
      year: wall.getUTCFullYear(),
      month: wall.getUTCMonth() + 1,
      day: wall.getUTCDate(),
      weekday: wall.getUTCDay(),
      minute: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
      daysInMonth: new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth() + 1, 0)).getUTCDate(),
    };
  }
  return out;
}

function range(text: string, names?: string[]): [number, number] {
  const value = (part: string) =>
    names?.includes(part.toLowerCase()) ? names.indexOf(part.toLowerCase()) + (names === MONTHS ? 1 : 0) : Number(part);
  const [a, b = a] = text.split(':') as [string, string?];
  return [value(a), value(b)];
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/** An entry as a test of a wall clock, its fields read once. */
export function compileEntry(entry: TimeIntervalEntry): (wall: Wall) => boolean {
  const times = entry.times?.map((t) => [minutes(t.start_time), minutes(t.end_time)] as const);
  const days = entry.days_of_month?.map((text) => range(text));
  const months = entry.months?.map((text) => range(text, MONTHS));
  const years = entry.years?.map((text) => range(text));
  const weekdays = entry.weekdays?.map((text) => range(text, WEEKDAYS));
  const within = (ranges: Array<readonly [number, number]> | undefined, value: number) =>
    !ranges || ranges.some(([a, b]) => value >= a && value <= b);
  return (wall) => {
    if (times && !times.some(([a, b]) => wall.minute >= a && wall.minute < b)) return false;
    if (days) {
      const inside = days.some(([b, e]) => {
        const begin = b < 0 ? wall.daysInMonth + b + 1 : b;
        const end = e < 0 ? wall.daysInMonth + e + 1 : e;
        return begin <= wall.daysInMonth && wall.day >= begin && wall.day <= Math.min(end, wall.daysInMonth);
      });
      if (!inside) return false;
    }
    return within(months, wall.month) && within(years, wall.year) && within(weekdays, wall.weekday);
  };
}
