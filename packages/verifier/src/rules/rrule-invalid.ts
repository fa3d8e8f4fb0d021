import { timedItems } from '../schedule/timed-items.ts';
import { zoneOf } from '../schedule/zones.ts';
import { parseRruleBody } from '../time/rrule-body.ts';
import { untilInWords } from '../time/time-words.ts';
import type { Rule } from './rule.ts';

export const rruleInvalid: Rule = {
  id: 'rrule-invalid',
  meta: {
    description:
      'An RRULE that does not parse, that can never occur, or whose BY lists repeat a value or hold more than their values',
    severity: 'error',
    docs: `\`rrule\` is an RFC 5545 RRULE body without DTSTART: \`FREQ=WEEKLY;BYDAY=SU\`. Each part is
checked (weekdays are two letters, months 1–12, days -31…31), and so are the parts RFC 5545
forbids with the rule's FREQ: a numbered weekday such as \`5SU\` outside MONTHLY and YEARLY rules
(or with BYWEEKNO), BYMONTHDAY in a WEEKLY rule, BYYEARDAY in a DAILY, WEEKLY or MONTHLY rule,
BYWEEKNO outside a YEARLY one, BYSETPOS with no other BYxxx part to pick among. A list that
repeats a value (\`BYSETPOS=1,1\`), or holds more values than there are different ones
(\`BYHOUR\` takes at most 24), is refused before anything is expanded, so that the time a rule
takes to check is bounded. COUNT is refused because it counts from a DTSTART that runbooks
do not have (use UNTIL). A rule that no date can satisfy (\`BYMONTH=2;BYMONTHDAY=30\`), an
HOURLY or MINUTELY rule whose INTERVAL, counted from the start, never reaches its BYHOUR or
BYMINUTE (\`FREQ=HOURLY;INTERVAL=2;BYHOUR=1\` from 00:00), one whose BYSETPOS is beyond every
position its periods hold (\`FREQ=HOURLY;BYHOUR=3;BYSETPOS=2\`: each hour holds one time), or one whose UNTIL has passed with no
occurrence left in the checked dates, is reported rather than silently producing no occurrences.
\`UNTIL=…Z\` is a UTC instant, compared with each occurrence's instant in its zone; a date alone
ends the schedule at 00:00 that day in the item's zone, before any later start on it.

Incorrect:

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: UTC
windows:
  - id: weekly
    title: Weekly maintenance
    rrule: FREQ=WEEKLY;BYDAY=SUN
    start: "02:00"
    duration: PT2H
    impact: minimal
\`\`\`

Correct:

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: UTC
windows:
  - id: weekly
    title: Weekly maintenance
    rrule: FREQ=WEEKLY;BYDAY=SU
    start: "02:00"
    duration: PT2H
    impact: minimal
\`\`\``,
    howToFix: `Fix the part the message names (\`FREQ=WEEKLY;BYDAY=SU\`, not \`FREQ=WEEKLY;DAY=SU\`). A schedule that has ended (its \`UNTIL\` is past) is removed, or its \`UNTIL\` moved later.`,
    messages: {
      invalid: "{{noun}} '{{item}}': RRULE '{{rrule}}' {{problem}}",
      ended:
        "{{noun}} '{{item}}': RRULE '{{rrule}}' has no occurrence in the checked dates before its end ({{until}}): the schedule has ended; remove the item, or move UNTIL later",
    },
  },
  check({ corpus, time, report }) {
    for (const { runbook, noun, item } of timedItems(corpus.runbooks)) {
      const { rrule } = item.value;
      const parsed = parseRruleBody(rrule);
      let problem = parsed.ok ? undefined : parsed.message;
      const zone = zoneOf(runbook, item.value);
      if (!problem && zone) {
        const expansion = time.expand(item.value, zone);
        const until = parsed.ok ? parsed.until : undefined;
        if (!expansion.ok) problem = expansion.message;
        // Ended inside the checked dates, after its last occurrence: as stale as one that ended before them.
        else if (expansion.occurrences.length === 0 && until !== undefined && until.at < time.horizon.to) {
          report({
            source: runbook.source,
            path: [...item.path, 'rrule'],
            messageId: 'ended',
            data: { noun, item: item.value.id, rrule, until: untilInWords(until, 'message', item.value.start) },
          });
        }
      }
      if (problem)
        report({
          source: runbook.source,
          path: [...item.path, 'rrule'],
          messageId: 'invalid',
          data: { noun, item: item.value.id, rrule, problem },
        });
    }
  },
};
