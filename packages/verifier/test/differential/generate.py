#!/usr/bin/env python3
"""
Expected occurrences of a seeded set of RRULEs, from python-dateutil and zoneinfo, for the
time engine's differential test (recurrence-dateutil.test.ts). Run from the repository root:

    python3 packages/verifier/test/differential/generate.py > packages/verifier/test/differential/dateutil-cases.json

Each case is a rule with a start time (the engine's DTSTART: 2000-01-01 at that time, as
`ANCHOR` in time/engine.ts), a zone and a horizon of UTC instants, mostly around a DST change.
dateutil expands the rule in wall time; each wall time becomes an instant as RFC 5545 §3.3.5
reads it (a time in a gap moves forward by the gap: zoneinfo's fold=0 offset, the one before;
an ambiguous time takes its first instant), and the instants in the horizon are a set: sorted,
each once. A case whose rule has no wall time from a day before the horizon to 400 years after
it is "never"; one with more than 20,000 occurrences is "too-many" (the engine's limit).

Where dateutil is wrong, the case carries the RFC 5545 answer and a note saying why:
- BYWEEKNO at year edges: dateutil keeps each week number's days inside their calendar year,
  so BYWEEKNO=-52 loses 2024-12-30/31 (ISO week 1 of 2025) and BYWEEKNO=53 gets 1-2 January
  2022 (ISO week 52 of 2021). Those cases are answered from Python's ISO calendar.
- BYSETPOS with no other BYxxx part, which dateutil expands and RFC 5545 forbids
  ("MUST only be used in conjunction with another BYxxx rule part"): "refused".
- FREQ=HOURLY;BYHOUR=3;BYSETPOS=2, which libical and ical.js get wrong (03:00 daily): dateutil
  yields nothing, as RFC 5545 says, but checks UNTIL only against occurrences it finds, so its
  iteration of a rule with none walks every hour to year 9999. Such cases carry the RFC answer
  ("never": each hour's set holds one instance, so position 2 never exists).
dateutil walks every FREQ period from DTSTART, so a random rule with more than 100,000 periods
from its DTSTART to its horizon (a MINUTELY rule over years), or an HOURLY or MINUTELY one with
BYSETPOS (the endless walk above, when it picks nothing), is left out, decided from the rule,
not from a clock, so that the output is the same on any machine; the fixed cases below cover the
classes. A case that still takes dateutil more than a minute stops the generator.
"""
import signal
import json
import random
import sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import dateutil
from dateutil.rrule import rrulestr

SEED = 26
MAX_OCCURRENCES = 20_000
NEVER_SEARCH = timedelta(days=146_097)
DAY = timedelta(days=1)
UTC = timezone.utc
ZONES = ['America/New_York', 'Europe/London', 'Europe/Dublin', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Santiago', 'America/Havana', 'Asia/Kolkata', 'Africa/Nairobi', 'Pacific/Apia', 'UTC']
WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']


def transitions(zone, first_year, last_year):
    """Instants (UTC, whole hours found then refined to the minute) at which the zone's offset changes."""
    tz = ZoneInfo(zone)
    found = []
    t = datetime(first_year, 1, 1, tzinfo=UTC)
    end = datetime(last_year + 1, 1, 1, tzinfo=UTC)
    previous = t.astimezone(tz).utcoffset()
    while t < end:
        nxt = t + timedelta(hours=6)
        offset = nxt.astimezone(tz).utcoffset()
        if offset != previous:
            lo, hi = t, nxt
            while hi - lo > timedelta(minutes=1):
                mid = lo + (hi - lo) / 2
                if mid.astimezone(tz).utcoffset() == previous:
                    lo = mid
                else:
                    hi = mid
            found.append(hi)
            previous = offset
        t = nxt
    return found


def instant(wall, tz):
    """RFC 5545's reading of a wall time: fold=0 takes the offset before a change, which moves a gap time forward and takes an ambiguous time's first instant."""
    return wall.replace(tzinfo=tz).astimezone(UTC)


def minutes_since(t, origin):
    return int((t - origin).total_seconds() // 60)


def dtstart_for(body, h, m, before):
    """
    The engine's DTSTART, 2000-01-01 (a Saturday) at the start time, or a later 1 January that is
    also a Saturday and keeps the rule's INTERVAL in phase: dateutil walks every occurrence from
    DTSTART, and an hourly rule from 2000 costs seconds a case. Defaults taken from DTSTART (the
    1st, January, Saturday) are the same on each.
    """
    parts = dict(p.split('=') for p in body.split(';'))
    n = int(parts.get('INTERVAL', 1))
    for year in (2028, 2022, 2011, 2005):
        if year >= before.year:
            continue
        days = (datetime(year, 1, 1) - datetime(2000, 1, 1)).days
        steps = {'YEARLY': year - 2000, 'MONTHLY': (year - 2000) * 12, 'WEEKLY': days // 7, 'DAILY': days, 'HOURLY': days * 24, 'MINUTELY': days * 1440}[parts['FREQ']]
        if steps % n == 0:
            return datetime(year, 1, 1, h, m)
    return datetime(2000, 1, 1, h, m)


MAX_PERIODS = 100_000


def periods(body, start, frm, to):
    """How many FREQ periods dateutil walks from the DTSTART it is given to the horizon's end."""
    h, m = map(int, start.split(':'))
    hi = to.replace(tzinfo=None) + DAY
    parts = dict(p.split('=') for p in body.split(';'))
    unit = {'YEARLY': timedelta(days=365), 'MONTHLY': timedelta(days=30), 'WEEKLY': timedelta(days=7), 'DAILY': DAY, 'HOURLY': timedelta(hours=1), 'MINUTELY': timedelta(minutes=1)}[parts['FREQ']]
    return (hi - dtstart_for(body, h, m, frm.replace(tzinfo=None) - DAY)) / (unit * int(parts.get('INTERVAL', 1)))


def expand(body, start, zone, frm, to):
    """dateutil's answer: minutes from `frm` of each distinct instant in [frm, to), or 'never' / 'too-many'."""
    tz = ZoneInfo(zone)
    h, m = map(int, start.split(':'))
    lo = frm.replace(tzinfo=None) - DAY
    hi = to.replace(tzinfo=None) + DAY
    try:
        rule = rrulestr(body, dtstart=dtstart_for(body, h, m, lo))
    except ValueError:
        # "Invalid rrule byxxx generates an empty set": an INTERVAL that never reaches BYHOUR or BYMINUTE.
        return 'never'
    walls = []
    # Bounded by UNTIL, not by the first wall past the horizon: a rule with none would run to year 9999.
    for wall in rule.replace(until=hi):
        if wall >= lo:
            walls.append(wall)
        if len(walls) > 3 * MAX_OCCURRENCES:
            break
    if not walls:
        # Searched for 400 years, as the engine does, but dateutil walks a sub-daily rule hour by hour: one whose
        # days are not filtered repeats within a year, one whose days are within 28 years (weekdays and leap days).
        search = NEVER_SEARCH
        if body.split(';')[0] in ('FREQ=HOURLY', 'FREQ=MINUTELY'):
            dated = any(part in body for part in ('BYMONTH', 'BYMONTHDAY', 'BYDAY', 'BYYEARDAY', 'BYWEEKNO'))
            search = timedelta(days=28 * 365 + 7) if dated else timedelta(days=366)
        if rule.replace(until=hi + search).after(hi) is None:
            return 'never'
    instants = sorted({instant(w, tz) for w in walls})
    inside = [t for t in instants if frm <= t < to]
    if len(inside) > MAX_OCCURRENCES:
        return 'too-many'
    return [minutes_since(t, frm) for t in inside]


def iso_weekno_answer(weekno, start, zone, frm, to):
    """RFC 5545 (ISO 8601) for FREQ=YEARLY;BYWEEKNO=n: every day of week n of its ISO year, n < 0 counted from the ISO year's last week."""
    tz = ZoneInfo(zone)
    h, m = map(int, start.split(':'))
    out = set()
    day = (frm - 2 * DAY).date()
    while day <= (to + 2 * DAY).date():
        year, week, _ = day.isocalendar()
        weeks = datetime(year, 12, 28).isocalendar()[1]
        if week == weekno or (weekno < 0 and week == weeks + weekno + 1):
            t = instant(datetime(day.year, day.month, day.day, h, m), tz)
            if frm <= t < to:
                out.add(t)
        day += DAY
    return [minutes_since(t, frm) for t in sorted(out)]


def pick(rng, values, most):
    return sorted(rng.sample(values, rng.randint(1, most)))


def random_rule(rng):
    freq = rng.choice(['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'DAILY', 'HOURLY', 'HOURLY', 'MINUTELY'])
    parts = [f'FREQ={freq}']
    sub_daily = freq in ('HOURLY', 'MINUTELY')
    if rng.random() < 0.4:
        parts.append(f'INTERVAL={rng.choice([2, 3, 4, 5, 7, 15, 30, 45, 90]) if freq == "MINUTELY" else rng.randint(2, 5)}')
    elif freq == 'MINUTELY':
        parts.append(f'INTERVAL={rng.choice([10, 15, 20, 30])}')
    if freq in ('YEARLY', 'MONTHLY') and rng.random() < 0.3:
        parts.append('BYMONTHDAY=' + ','.join(map(str, pick(rng, [1, 2, 15, 28, 29, 30, 31, -1, -2], 3))))
    if rng.random() < 0.35:
        if freq in ('YEARLY', 'MONTHLY') and rng.random() < 0.5:
            parts.append('BYDAY=' + ','.join(f'{n}{d}' for n, d in sorted({(rng.choice([1, 2, -1, 4, 5]), rng.choice(WEEKDAYS)) for _ in range(rng.randint(1, 2))})))
        else:
            parts.append('BYDAY=' + ','.join(pick(rng, WEEKDAYS, 4)))
    if rng.random() < (0.6 if sub_daily or freq == 'DAILY' else 0.3):
        parts.append('BYHOUR=' + ','.join(map(str, pick(rng, list(range(24)), 4))))
    if rng.random() < (0.5 if freq != 'MINUTELY' else 0.3):
        parts.append('BYMINUTE=' + ','.join(map(str, pick(rng, [0, 5, 10, 15, 20, 30, 40, 45, 50], 3))))
    if freq != 'WEEKLY' and rng.random() < 0.15:
        parts.append('BYMONTH=' + ','.join(map(str, pick(rng, list(range(1, 13)), 3))))
    if len(parts) > 1 and any(p.startswith('BY') for p in parts) and rng.random() < 0.25:
        parts.append('BYSETPOS=' + ','.join(map(str, pick(rng, [1, 2, 3, -1, -2], 2))))
    return ';'.join(parts)


def horizon_around(at, rng, days):
    frm = datetime(at.year, at.month, at.day, tzinfo=UTC) - timedelta(days=rng.randint(1, days - 1))
    return frm, frm + timedelta(days=days)


def offsets(zone, frm, to):
    """The zone's offset in minutes a day before the horizon, then [minute after `frm`, offset] at each change up to a day after it, sampled every 15 minutes: the test skips a case whose zone data differ from the engine's."""
    tz = ZoneInfo(zone)
    offset = lambda t: int(t.astimezone(tz).utcoffset().total_seconds() // 60)
    t = frm - DAY
    out = [offset(t)]
    while t < to + DAY:
        t += timedelta(minutes=15)
        if offset(t) != (out[-1] if len(out) == 1 else out[-1][1]):
            out.append([minutes_since(t, frm), offset(t)])
    return out


def case(rule, start, zone, frm, to, expect, note=None):
    c = {'rule': rule, 'start': start, 'zone': zone, 'from': frm.strftime('%Y-%m-%dT%H:%MZ'), 'to': to.strftime('%Y-%m-%dT%H:%MZ'), 'offsets': offsets(zone, frm, to), 'expect': expect}
    if note:
        c['note'] = note
    return c


def fixed_cases():
    ny = ZoneInfo('America/New_York')
    d = lambda s: datetime.fromisoformat(s).replace(tzinfo=UTC)
    out = []
    # Issue 26, class 1: starts moved out of a gap land on later starts.
    for rule in ['FREQ=HOURLY;BYMINUTE=0,30;BYHOUR=1,2,3', 'FREQ=DAILY;BYHOUR=1,2,3;BYMINUTE=0,30']:
        out.append(case(rule, '00:00', 'America/New_York', d('2027-03-10'), d('2027-03-18'), expand(rule, '00:00', 'America/New_York', d('2027-03-10'), d('2027-03-18'))))
    out.append(case('FREQ=MINUTELY;INTERVAL=15;BYHOUR=1,2,3', '00:00', 'Australia/Lord_Howe', d('2027-09-30'), d('2027-10-06'), expand('FREQ=MINUTELY;INTERVAL=15;BYHOUR=1,2,3', '00:00', 'Australia/Lord_Howe', d('2027-09-30'), d('2027-10-06'))))
    out.append(case('FREQ=DAILY;BYHOUR=9,21', '00:00', 'Pacific/Apia', d('2011-12-27'), d('2012-01-03'), expand('FREQ=DAILY;BYHOUR=9,21', '00:00', 'Pacific/Apia', d('2011-12-27'), d('2012-01-03'))))
    # Issue 26, class 2: BYSETPOS beyond a one-instance period.
    for rule in ['FREQ=HOURLY;BYHOUR=3;BYSETPOS=2', 'FREQ=MINUTELY;INTERVAL=60;BYHOUR=3;BYSETPOS=2', 'FREQ=HOURLY;BYMINUTE=0,30;BYSETPOS=3']:
        out.append(case(rule, '00:00', 'UTC', d('2027-03-01'), d('2027-03-15'), 'never', 'RFC 5545 §3.3.10: each period holds fewer instances than the BYSETPOS position; dateutil yields none but never stops (it checks UNTIL only on instances it finds); libical and ical.js give 03:00 daily'))
    out.append(case('FREQ=HOURLY;BYHOUR=3;BYSETPOS=1', '00:00', 'UTC', d('2027-03-01'), d('2027-03-15'), expand('FREQ=HOURLY;BYHOUR=3;BYSETPOS=1', '00:00', 'UTC', d('2027-03-01'), d('2027-03-15'))))
    out.append(case('FREQ=HOURLY;BYSETPOS=2', '00:00', 'UTC', d('2027-03-01'), d('2027-03-15'), 'refused', 'RFC 5545 §3.3.10: BYSETPOS MUST only be used with another BYxxx part; dateutil expands it anyway'))
    # BYWEEKNO at ISO year edges, where dateutil is wrong.
    out.append(case('FREQ=YEARLY;BYWEEKNO=-52', '12:00', 'UTC', d('2024-12-23'), d('2025-01-13'), iso_weekno_answer(-52, '12:00', 'UTC', d('2024-12-23'), d('2025-01-13')), 'RFC/ISO 8601: week -52 of ISO year 2025 (52 weeks) is its week 1, 2024-12-30 to 2025-01-05; dateutil drops 2024-12-30/31'))
    out.append(case('FREQ=YEARLY;BYWEEKNO=53', '12:00', 'UTC', d('2021-12-20'), d('2022-01-10'), iso_weekno_answer(53, '12:00', 'UTC', d('2021-12-20'), d('2022-01-10')), 'RFC/ISO 8601: ISO 2021 has 52 weeks, so week 53 has no days; dateutil gives 2022-01-01/02'))
    out.append(case('FREQ=YEARLY;BYWEEKNO=53', '12:00', 'UTC', d('2020-12-21'), d('2021-01-11'), iso_weekno_answer(53, '12:00', 'UTC', d('2020-12-21'), d('2021-01-11')), 'RFC/ISO 8601: week 53 of ISO 2020 is 2020-12-28 to 2021-01-03; dateutil stops at 2020-12-31 and adds 2021-01-01 to 03 as week 53 of 2021 only by chance'))
    # Refused or never occurring, as dateutil sees it.
    out.append(case('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', '02:00', 'Europe/London', d('2027-01-01'), d('2027-03-01'), expand('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', '02:00', 'Europe/London', d('2027-01-01'), d('2027-03-01'))))
    out.append(case('FREQ=HOURLY;INTERVAL=2;BYHOUR=1', '00:00', 'UTC', d('2027-01-01'), d('2027-01-08'), expand('FREQ=HOURLY;INTERVAL=2;BYHOUR=1', '00:00', 'UTC', d('2027-01-01'), d('2027-01-08'))))
    out.append(case('FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', '18:00', 'America/Santiago', d('2027-03-20'), d('2027-05-05'), expand('FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', '18:00', 'America/Santiago', d('2027-03-20'), d('2027-05-05'))))
    out.append(case('FREQ=WEEKLY;BYDAY=SU', '02:30', 'America/New_York', d('2027-03-01'), d('2027-11-30'), expand('FREQ=WEEKLY;BYDAY=SU', '02:30', 'America/New_York', d('2027-03-01'), d('2027-11-30'))))
    return out


def main():
    rng = random.Random(SEED)
    cases = fixed_cases()
    changes = {zone: transitions(zone, 2008, 2032) for zone in ZONES if zone != 'UTC'}
    for zone in list(changes):
        if zone == 'America/Havana':
            # Havana's rules after 2025 differ between tzdata releases (2026d-f moved them): only its past is compared.
            changes[zone] = [t for t in changes[zone] if t.year <= 2024]
    def too_slow(*_):
        raise SystemExit('dateutil took more than a minute on one case: lower MAX_PERIODS')
    signal.signal(signal.SIGALRM, too_slow)
    left_out = 0
    while len(cases) < 260:
        zone = rng.choice(ZONES)
        at = rng.choice(changes[zone]) if zone in changes and changes[zone] else datetime(rng.randint(2008, 2032), rng.randint(1, 12), rng.randint(1, 28), tzinfo=UTC)
        frm, to = horizon_around(at, rng, rng.choice([4, 8, 15]))
        rule = random_rule(rng)
        start = f'{rng.randint(0, 23):02d}:{rng.choice([0, 15, 30, 45, rng.randint(0, 59)]):02d}'
        # A BYSETPOS that picks nothing for long stretches is dateutil's endless walk (above): skipped, by rule.
        if periods(rule, start, frm, to) > MAX_PERIODS or ('BYSETPOS' in rule and rule.split(';')[0] in ('FREQ=HOURLY', 'FREQ=MINUTELY')):
            left_out += 1
            continue
        signal.alarm(60)
        print('expanding', rule, start, zone, frm, file=sys.stderr, flush=True)
        expected = expand(rule, start, zone, frm, to)
        signal.alarm(0)
        cases.append(case(rule, start, zone, frm, to, expected))
    print(f'{left_out} random rules left out: more than {MAX_PERIODS:,} periods for dateutil to walk, or sub-daily with BYSETPOS', file=sys.stderr)
    json.dump({
        'generator': 'packages/verifier/test/differential/generate.py',
        'seed': SEED,
        'dateutil': dateutil.__version__,
        'python': sys.version.split()[0],
        'tzdata': open('/usr/share/zoneinfo/tzdata.zi').readline().strip().removeprefix('# version '),
        'expect': 'minutes after `from` of each occurrence in [from, to), or never / too-many / refused',
        'cases': cases,
        # Each zone's offset changes 1999-2042, to the minute: the engine's zone data must have the same.
        'transitions': {zone: [t.strftime('%Y-%m-%dT%H:%MZ') for t in transitions(zone, 1999, 2042)] for zone in ZONES if zone != 'UTC'},
    }, sys.stdout, separators=(',', ':'))
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
