const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(zone, f);
  }
  return f;
}

/** An instant as the clock in a zone shows it: { date: '2026-11-29', weekday: 'Sun', time: '02:00' }. */
export function clock(instant: number, zone: string): { date: string; weekday: string; time: string } {
  // Pages and feeds show the same instants many times over (an occurrence in several feeds, its
  // start in two zones): Intl's formatting, the slow part, is done once per zone and instant.
  let byInstant = clocks.get(zone);
  if (!byInstant) clocks.set(zone, (byInstant = new Map()));
  let shown = byInstant.get(instant);
  if (!shown) {
    if (remembered >= MAX_REMEMBERED) {
      clocks.clear();
      clocks.set(zone, byInstant);
      byInstant.clear();
      remembered = 0;
    }
    const parts = Object.fromEntries(formatter(zone).formatToParts(instant).map((p) => [p.type, p.value]));
    shown = { date: `${parts.year}-${parts.month}-${parts.day}`, weekday: parts.weekday!, time: `${parts.hour}:${parts.minute}` };
    byInstant.set(instant, shown);
    remembered++;
  }
  return { date: shown.date, weekday: shown.weekday, time: shown.time };
}

const MAX_REMEMBERED = 500_000;
const clocks = new Map<string, Map<number, { date: string; weekday: string; time: string }>>();
let remembered = 0;

/** "Sun 02:00 Africa/Nairobi = Sat 23:00 UTC", or "Sun 02:00 UTC" when the zone is UTC. */
export function bothZones(instant: number, zone: string): string {
  const local = clock(instant, zone);
  if (zone === 'UTC') return `${local.weekday} ${local.time} UTC`;
  const utc = clock(instant, 'UTC');
  return `${local.weekday} ${local.time} ${zone} = ${utc.weekday} ${utc.time} UTC`;
}

/** "Sun 02:00–04:00 UTC": a span as its zone shows it, with the end's weekday only if it differs. */
export function spanIn(start: number, end: number, zone: string): string {
  const a = clock(start, zone);
  const b = clock(end, zone);
  return `${a.weekday} ${a.time}–${b.date === a.date ? '' : `${b.weekday} `}${b.time} ${zone}`;
}
