import { scheduled } from '../model/schedules.ts';
import { clock } from '../time/format.ts';
import type { Occurrence } from '../time/expand.ts';
import type { Rule } from './rule.ts';

/** Both DST rules look for the same thing, an occurrence of one kind, and differ in what they say. */
function localTimeRule(id: string, kind: Occurrence['kind'], meta: Rule['meta'], explain: (o: Occurrence, zone: string, start: string, count: number) => string): Rule {
  return {
    id,
    meta,
    check({ corpus, time, report }) {
      for (const list of ['windows', 'tasks'] as const) {
        for (const { runbook, item, zone, shifted } of scheduled(corpus, time, list)) {
          const hits = shifted.filter((o) => o.kind === kind);
          if (hits.length === 0 || item.value.start === undefined) continue;
          const noun = list === 'windows' ? 'Window' : 'Task';
          report({
            source: runbook.source,
            path: [...item.path, 'start'],
            message: `${noun} '${item.value.id}' ${explain(hits[0]!, zone, item.value.start, hits.length)}`,
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
timezone: Europe/London
start: "01:30"
\`\`\`

Correct:

\`\`\`yaml
timezone: Europe/London
start: "03:00"
\`\`\``,
  },
  (o, zone, start, count) => {
    const at = clock(o.start, zone);
    return `starts at ${start} ${zone}, a time that does not exist on ${at.date} (clocks go forward); it will start at ${at.time} that day${dates(count)}`;
  },
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
timezone: Europe/London
start: "01:30"
\`\`\`

Correct:

\`\`\`yaml
timezone: Europe/London
start: "03:00"
\`\`\``,
  },
  (o, zone, start, count) => {
    const utc = clock(o.start, 'UTC');
    return `starts at ${start} ${zone}, a time that happens twice on ${clock(o.start, zone).date} (clocks go back); the first, ${utc.time} UTC, is used${dates(count)}`;
  },
);
