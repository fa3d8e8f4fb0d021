import type { Runbook } from '../load/corpus.ts';
import { windowOccurrences, type WindowOccurrence } from '../schedule/windows.ts';
import { clock, spanWithUtc } from '../time/format.ts';
import { groupBy } from '../schedule/group-by.ts';
import { boundedOverlaps } from '../schedule/overlap-budget.ts';
import { CONFLICTS_PER_SYSTEM, placeOf } from './conflicts.ts';
import { clockChangeBetween } from './clock-change.ts';
import type { Rule } from './rule.ts';

const order = (o: WindowOccurrence) => `${o.runbook.source.file}\u0000${String(o.window.path[1]).padStart(6, '0')}`;

/**
 * The clock change that made two windows kept in different zones meet: the one between the
 * later window's occurrence before the first overlap and that overlap, in either zone.
 */
function clockChangeOf(
  occurrences: readonly WindowOccurrence[],
  later: WindowOccurrence,
  first: WindowOccurrence,
): string | undefined {
  const before = occurrences.filter((o) => o.window === later.window && o.start < later.start).at(-1);
  return (
    before &&
    (clockChangeBetween(before.start, later.start, later.zone) ??
      clockChangeBetween(before.start, later.start, first.zone))
  );
}

export const windowOverlap: Rule = {
  id: 'window-overlap',
  meta: {
    description: 'Two windows of the same system that overlap in time',
    severity: 'error',
    docs: `Two maintenance windows of one system at the same time put two outages, or one outage
announced twice, in everyone's calendar. Windows of a system are compared across all runbooks,
as instants. A window that replaces another on the days both fall on (the monthly window on the
last Sunday over the weekly one) says so with \`supersedes\`; the superseded occurrences are then
left out of the feeds and the check.

Incorrect:

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: UTC
windows:
  - { id: weekly, title: Weekly maintenance, rrule: FREQ=WEEKLY;BYDAY=SU, start: "02:00", duration: PT2H, impact: minimal }
  - { id: monthly, title: Monthly maintenance, rrule: FREQ=MONTHLY;BYDAY=-1SU, start: "02:00", duration: PT4H, impact: downtime }
\`\`\`

Correct:

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: UTC
windows:
  - { id: weekly, title: Weekly maintenance, rrule: FREQ=WEEKLY;BYDAY=SU, start: "02:00", duration: PT2H, impact: minimal }
  - { id: monthly, title: Monthly maintenance, rrule: FREQ=MONTHLY;BYDAY=-1SU, start: "02:00", duration: PT4H, impact: downtime, supersedes: [weekly] }
\`\`\``,
    howToFix: `Move one window, or say that one replaces the other on the days they meet with \`supersedes: [<window id>]\` on the window that wins (a monthly window that takes the place of the weekly one). Windows kept in two time zones that meet only after a clock change (the message names it) stop meeting when both use one zone.`,
    messages: {
      overlaps:
        "Window '{{window}}' ({{span}}) overlaps window '{{other}}'{{where}} ({{otherSpan}}) on {{date}}{{more}}{{hint}}",
      more: "Window '{{window}}' overlaps window '{{other}}' too, and {{rest}}: only the first {{budget}} overlapping pairs of windows of system '{{system}}' are listed; fix those and verify again",
    },
  },
  check({ corpus, time, report }) {
    for (const [system, runbooks] of groupBy(corpus.runbooks, (r) => r.system)) {
      const occurrences = runbooks.flatMap((runbook: Runbook) => windowOccurrences(runbook, time));
      const windows = new Map<WindowOccurrence['window'], number>();
      for (const o of occurrences) if (!windows.has(o.window)) windows.set(o.window, windows.size);
      const inOrder = (pair: readonly WindowOccurrence[]) =>
        [...pair].sort((x, y) => (order(x) < order(y) ? -1 : 1)) as [WindowOccurrence, WindowOccurrence];
      // A window that overlaps its own next occurrence is not two windows at once: one group per window.
      const { listed, beyond, unlisted } = boundedOverlaps(
        occurrences,
        (o) => windows.get(o.window)!,
        CONFLICTS_PER_SYSTEM,
      );
      for (const { first: pair, count } of listed) {
        const [first, later] = inOrder(pair);
        const sameRunbook = first.runbook === later.runbook;
        const where = sameRunbook ? '' : ` in ${placeOf(first.runbook, first.window.path)}`;
        const more = count > 1 ? ` and ${count - 1} more time${count > 2 ? 's' : ''}` : '';
        const change = first.zone !== later.zone ? clockChangeOf(occurrences, later, first) : undefined;
        const hint = change
          ? `; they meet only after the clock change ${change}: keep both windows in one time zone (${first.zone}), or move one`
          : sameRunbook
            ? `; if '${later.window.value.id}' replaces '${first.window.value.id}' on those days, add supersedes: [${first.window.value.id}]`
            : '';
        report({
          source: later.runbook.source,
          path: [...later.window.path, 'id'],
          messageId: 'overlaps',
          data: {
            window: later.window.value.id,
            span: spanWithUtc(later.start, later.end, later.zone),
            other: first.window.value.id,
            where,
            otherSpan: spanWithUtc(first.start, first.end, first.zone),
            date: clock(later.start, later.zone).date,
            more,
            hint,
          },
          related: [
            {
              source: first.runbook.source,
              path: [...first.window.path, 'id'],
              message: `window '${first.window.value.id}'`,
            },
          ],
        });
      }
      if (!beyond) continue;
      const [first, later] = inOrder(beyond);
      const rest =
        unlisted > 0
          ? `${unlisted} more window${unlisted === 1 ? '' : 's'} overlap others`
          : 'the windows listed overlap in more pairs';
      // At the window, not its id, where a listed pair may already be: SARIF tells results apart by rule, file and path.
      report({
        source: later.runbook.source,
        path: later.window.path,
        messageId: 'more',
        data: {
          window: later.window.value.id,
          other: first.window.value.id,
          rest,
          budget: CONFLICTS_PER_SYSTEM,
          system,
        },
        related: [
          {
            source: first.runbook.source,
            path: [...first.window.path, 'id'],
            message: `window '${first.window.value.id}'`,
          },
        ],
      });
    }
  },
};
