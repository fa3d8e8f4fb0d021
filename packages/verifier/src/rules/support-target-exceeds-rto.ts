import type { Item, Runbook } from '../load/corpus.ts';
import type { SupportTarget } from '../schema/runbook.ts';
import { durationMs, humanizeDuration } from '../time/duration.ts';
import { placeOf } from './conflicts.ts';
import type { Rule } from './rule.ts';

/** A system's most urgent support target: the one with the shortest resolution target. */
interface Fastest {
  runbook: Runbook;
  item: Item<SupportTarget>;
  resolve: string;
}

/** "2 hours", "2 business days": a resolution target as the plan states it. */
function resolution({ item, resolve }: Fastest): string {
  const words = humanizeDuration(resolve);
  return item.value.business_time ? words.replace(/^(\d+) (\w+)/, '$1 business $2') : words;
}

export const supportTargetExceedsRto: Rule = {
  id: 'support-target-exceeds-rto',
  meta: {
    description:
      "A recovery objective whose RTO differs from the resolution target of the system's most urgent support severity",
    severity: 'warning',
    docs: `A recovery scenario (the database is down, the whole system is) is an outage, and support
handles an outage at its most urgent severity: the support target of the system with the
shortest \`resolve_within\`. That target and the scenario's RTO are then two deadlines for the
same outage, and they must agree:

- a resolution target **longer** than the RTO is a promise that cannot hold: support may take
  longer to resolve the outage than the system may stay down;
- a resolution target **shorter** than the RTO leaves two deadlines for one outage, and nobody
  can tell which holds when the database is down: the RTO, or support's promise.

The rule compares the scenario's RTO with the system's fastest resolution target, from any of
its runbooks. A scenario that support would handle at a slower severity still gets its deadline
from that severity only if the runbook says so, and runbooks have no field that links the two
tables; so the rule reports the disagreement and the owners decide. That is why it is a warning,
not an error: it infers which severity covers the outage, and an inference should not fail a
build. Settle it by making the numbers agree, or suppress the finding with the reason (for
example, that the RTO is the outer bound and support's target the aim).

Incorrect (the Mvono plan):

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: UTC
objectives:
  - { scenario: single-record-corruption, rto: PT1H, rpo: PT24H, procedure: Restore the record }   # critical issues may take 2 hours
  - { scenario: database-failure, rto: PT4H, rpo: PT24H, procedure: Restore the database }          # two deadlines: 2 hours or 4?
support_targets:
  - { severity: critical, respond_within: PT15M, resolve_within: PT2H }
\`\`\`

Correct (one deadline per outage):

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: UTC
objectives:
  - { scenario: database-failure, rto: PT2H, rpo: PT24H, procedure: Restore the database }
support_targets:
  - { severity: critical, respond_within: PT15M, resolve_within: PT2H }
\`\`\``,
    howToFix: `Make the RTO and the resolution target of the most urgent support severity agree: shorten the target, or lengthen the RTO.`,
    messages: {
      exceeds: "RTO {{rto}} for '{{scenario}}' cannot hold: {{severity}}; shorten that target, or lengthen the RTO",
      twoDeadlines:
        "Two deadlines for one outage: '{{scenario}}' has an RTO of {{rto}}, but {{severity}}; say which holds",
    },
  },
  check({ corpus, report }) {
    const fastest = new Map<string, Fastest>();
    for (const runbook of corpus.runbooks) {
      for (const item of runbook.support_targets) {
        const resolve = item.value.resolve_within;
        if (resolve === undefined) continue;
        const known = fastest.get(runbook.system);
        if (!known || durationMs(resolve) < durationMs(known.resolve))
          fastest.set(runbook.system, { runbook, item, resolve });
      }
    }
    // What each system's target is, put in words once for all its runbooks' objectives.
    const described = new Map<
      Fastest,
      { resolveMs: number; businessTime: boolean; resolvePath: Array<string | number>; severity: string }
    >();
    const describe = (target: Fastest) => {
      const resolvePath = [...target.item.path, 'resolve_within'];
      return {
        resolveMs: durationMs(target.resolve),
        // A business day lasts at least a calendar day, often more: a target in business time equal to the RTO may pass it.
        businessTime: target.item.value.business_time === true,
        resolvePath,
        severity: `'${target.item.value.severity}' issues, the most urgent support severity, are to be resolved within ${resolution(target)} (${placeOf(target.runbook, resolvePath)})`,
      };
    };
    for (const runbook of corpus.runbooks) {
      const target = fastest.get(runbook.system);
      if (!target || runbook.objectives.length === 0) continue;
      let words = described.get(target);
      if (!words) described.set(target, (words = describe(target)));
      const { resolveMs, businessTime, resolvePath, severity } = words;
      for (const { value, path } of runbook.objectives) {
        const rtoMs = durationMs(value.rto);
        if (rtoMs === resolveMs && !businessTime) continue;
        const rto = humanizeDuration(value.rto);
        report({
          source: runbook.source,
          path: [...path, 'rto'],
          messageId: resolveMs > rtoMs || (businessTime && resolveMs === rtoMs) ? 'exceeds' : 'twoDeadlines',
          data: { rto, scenario: value.scenario, severity },
          related: [
            {
              source: target.runbook.source,
              path: resolvePath,
              message: `'${target.item.value.severity}' resolved within ${resolution(target)}`,
            },
          ],
        });
      }
    }
  },
};
