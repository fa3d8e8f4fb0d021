import { scheduled } from '../schedule/schedules.ts';
import { clock } from '../time/format.ts';
import type { Occurrence } from '../time/expand.ts';
import { TIMED_LISTS } from '../schedule/timed-items.ts';
import type { Rule } from './rule.ts';

/** Both DST rules look for the same thing, an occurrence of one kind, and differ in what they say. */
function localTimeRule(
  id: string,
  kind: Occurrence['kind'],
  meta: Rule['meta'],
  explain: (o: Occurrence, zone: string) => Record<string, string>,
): Rule {
  return {
    id,
    meta,
    check({ corpus, time, report }) {
      for (const [list, noun] of TIMED_LISTS) {
        for (const { runbook, item, zone, shifted } of scheduled(corpus, time, list)) {
          const hits = shifted.filter((o) => o.kind === kind);
          if (hits.length === 0 || item.value.start === undefined) continue;
          report({
            source: runbook.source,
            path: [...item.path, 'start'],
            messageId: kind,
            data: {
              noun,
              item: item.value.id,
              start: item.value.start,
              zone,
              ...explain(hits[0]!, zone),
              more: dates(hits.length),
            },
          });
        }
      }
    },
  };
}

const dates = (count: number) => (count > 1 ? ` and ${count - 1} more date${count > 2 ? 's' : ''} in the horizon` : '');

export const localTimeGap = localTimeRule(
  'local-time-gap',
  'gap',
  {
    description: 'A local start time that does not exist on some date (DST spring-forward)',
    severity: 'warning',
    docs: `When clocks go forward, an hour of local time does not exist: 01:30 in Europe/London on the
last Sunday of March. Such an occurrence is kept, moved forward by the gap's length (RFC 5545
§3.3.5), so it starts an hour later than written that day. Choose a start outside the gap, or
schedule in UTC.

Incorrect:

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: Europe/London
windows:
  - id: weekly
    title: Weekly maintenance
    rrule: FREQ=WEEKLY;BYDAY=SU
    start: "01:30"
    duration: PT2H
    impact: minimal
\`\`\`

Correct:

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: Europe/London
windows:
  - id: weekly
    title: Weekly maintenance
    rrule: FREQ=WEEKLY;BYDAY=SU
    start: "03:00"
    duration: PT2H
    impact: minimal
\`\`\``,
    howToFix: `Move the start out of the skipped hour (for Europe and North America, 02:00–03:00 local on the spring-forward Sunday), or keep the item in \`timezone: UTC\`. If starting an hour late that day is fine, accept it with \`# almanac-ignore local-time-gap -- <why>\`.`,
    messages: {
      gap: "{{noun}} '{{item}}' starts at {{start}} {{zone}}, a time that does not exist on {{date}} (clocks go forward); it will start at {{moved}} that day{{more}}",
    },
  },
  (o, zone) => ({ date: clock(o.start, zone).date, moved: clock(o.start, zone).time }),
);

export const localTimeAmbiguous = localTimeRule(
  'local-time-ambiguous',
  'ambiguous',
  {
    description: 'A local start time that occurs twice on some date (DST fall-back)',
    severity: 'warning',
    docs: `When clocks go back, an hour of local time happens twice: 01:30 in Europe/London on the
last Sunday of October. The occurrence takes the first of the two instants; a job scheduled by
wall clock may run twice. Choose a start outside the repeated hour, or schedule in UTC.

Incorrect:

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: Europe/London
windows:
  - id: weekly
    title: Weekly maintenance
    rrule: FREQ=WEEKLY;BYDAY=SU
    start: "01:30"
    duration: PT2H
    impact: minimal
\`\`\`

Correct:

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: Europe/London
windows:
  - id: weekly
    title: Weekly maintenance
    rrule: FREQ=WEEKLY;BYDAY=SU
    start: "03:00"
    duration: PT2H
    impact: minimal
\`\`\``,
    howToFix: `Move the start out of the repeated hour (01:00–02:00 local on the fall-back Sunday), or keep the item in \`timezone: UTC\`. If the first of the two is what you mean, accept it with \`# almanac-ignore local-time-ambiguous -- <why>\`.`,
    messages: {
      ambiguous:
        "{{noun}} '{{item}}' starts at {{start}} {{zone}}, a time that happens twice on {{date}} (clocks go back); the first, {{utc}} UTC, is used{{more}}",
    },
  },
  (o, zone) => ({ date: clock(o.start, zone).date, utc: clock(o.start, 'UTC').time }),
);
