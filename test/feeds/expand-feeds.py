"""Expands iCalendar feeds as two independent readers do, for test/feeds/clients.test.ts.

Usage: python3 expand-feeds.py FROM_MS TO_MS FILE...; prints JSON: for each file, the
[start, end] instants (epoch ms) that python icalendar + recurring_ical_events and libical
(through libical-glib) each give for its events starting in [FROM_MS, TO_MS).
"""
import datetime
import json
import sys

import gi
import icalendar
import recurring_ical_events

gi.require_version('ICalGLib', '3.0')
from gi.repository import ICalGLib  # noqa: E402


def python_icalendar(text, start, end):
    calendar = icalendar.Calendar.from_ical(text)
    found = []
    for event in recurring_ical_events.of(calendar).between(start, end):
        found.append([ms(event['DTSTART'].dt), ms(event['DTEND'].dt if 'DTEND' in event else event['DTSTART'].dt + event['DURATION'].dt)])
    return found


def libical(text, start, end):
    calendar = ICalGLib.Component.new_from_string(text)
    utc = ICalGLib.Timezone.get_utc_timezone()
    span_start = ICalGLib.Time.new_from_timet_with_zone(int(start.timestamp()) - 86400, 0, utc)
    span_end = ICalGLib.Time.new_from_timet_with_zone(int(end.timestamp()) + 86400, 0, utc)
    found = []
    event = calendar.get_first_component(ICalGLib.ComponentKind.VEVENT_COMPONENT)
    while event is not None:
        event.foreach_recurrence(span_start, span_end, lambda _comp, span, _data: found.append([span.get_start() * 1000, span.get_end() * 1000]), None)
        event = calendar.get_next_component(ICalGLib.ComponentKind.VEVENT_COMPONENT)
    lo, hi = start.timestamp() * 1000, end.timestamp() * 1000
    return [pair for pair in found if lo <= pair[0] < hi]


def ms(value):
    return round(value.timestamp() * 1000)


def main():
    start, end = (datetime.datetime.fromtimestamp(int(arg) / 1000, datetime.timezone.utc) for arg in sys.argv[1:3])
    out = {}
    for path in sys.argv[3:]:
        with open(path, encoding='utf-8') as file:
            text = file.read()
        out[path] = {'python': sorted(python_icalendar(text, start, end)), 'libical': sorted(libical(text, start, end))}
    json.dump(out, sys.stdout)


main()
