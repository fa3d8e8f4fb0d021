import { parsePrometheusDuration, prometheusDuration } from '../time/prometheus-duration.ts';
import type { Item, Runbook } from '../load/corpus.ts';
import { pageHref, thresholdAnchor } from '../schedule/page-path.ts';
import type { Threshold } from '../schema/runbook.ts';
import { durationMs } from '../time/duration.ts';
import { placeOf } from './conflicts.ts';
import type { Rule } from './rule.ts';

const NUMBER = String.raw`[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?`;
const OPERATOR = '>=|<=|==|!=|>|<';
const LEVEL_LAST = new RegExp(String.raw`(${OPERATOR})\s*(?:bool\s+)?(${NUMBER})\s*$`);
const LEVEL_FIRST = new RegExp(String.raw`^\s*(${NUMBER})\s*(${OPERATOR})\s*(?:bool\s+)?`);
const FLIPPED: Record<string, string> = { '>': '<', '<': '>', '>=': '<=', '<=': '>=', '==': '==', '!=': '!=' };

/** The comparison an alert's expr ends (or starts) with: `(…) > 70`, `70 < …`. */
export function levelOf(expr: string): { comparator: string; value: number } | undefined {
  const last = LEVEL_LAST.exec(expr);
  if (last) return { comparator: last[1]!, value: Number(last[2]) };
  const first = LEVEL_FIRST.exec(expr);
  if (first) return { comparator: FLIPPED[first[2]!]!, value: Number(first[1]) };
  return undefined;
}

/** A runbook and its page's path on the site (`pageHref`, without its slashes): made once for all alerts. */
interface RunbookPage {
  runbook: Runbook;
  path: string;
}

/** The runbook and metric a `runbook_url` names: its path matches the runbook page's, its fragment the threshold's row. */

function namedThreshold(url: string, pages: readonly RunbookPage[]): { runbook: Runbook; metric: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url, 'https://site.invalid/');
  } catch {
    return undefined;
  }
  const anchor = decodeURIComponent(parsed.hash.slice(1));
  const prefix = thresholdAnchor('');
  if (!anchor.startsWith(prefix)) return undefined;
  const page = decodeURIComponent(parsed.pathname)
    .replace(/\/index\.html$/, '')
    .replace(/^\/+|\/+$/g, '')
    .toLowerCase();
  if (!page) return undefined;
  // The site may be published below a path of its own, and a tree given on the command line is routed
  // from its whole path: either may hold the other at its end.
  const found = pages.find((p) => p.path === page || page.endsWith(`/${p.path}`) || p.path.endsWith(`/${page}`));
  return found && { runbook: found.runbook, metric: anchor.slice(prefix.length) };
}

const levelText = (comparator: string, value: number, holds: number) =>
  `${comparator} ${value}${holds ? ` for ${prometheusDuration(`PT${holds / 1000}S`)}` : ''}`;

export const alertThresholdDrift: Rule = {
  id: 'alert-threshold-drift',
  meta: {
    description:
      'A hand-written Prometheus alert whose runbook_url names a runbook threshold but whose level, comparator or for differs from it',
    severity: 'error',
    docs: `An alert that links its runbook (the \`runbook_url\` annotation pointing at a threshold's
row, \`…/<runbook page>/#threshold-<metric>\`) promises the on-call engineer that the runbook's
levels are the ones that paged them. When the alert file is edited by hand and the runbook is
not (or the other way round), the promise breaks. With \`--prometheus-rules FILE\` (or
\`prometheusRules\` in almanac.config.json) the verifier reads the file and compares each such
alert, by its \`severity\` label (\`warning\` or \`critical\`), with the runbook's level: the
comparison its \`expr\` ends with, and its \`for\`. Alerts whose URL names no runbook given to the
verifier are not checked.

Incorrect:

\`\`\`yaml
# runbooks/mvono/maintenance-plan.mdx
id: mvono-maintenance
title: Mvono maintenance plan
system: mvono
owners: [ops]
thresholds:
  - { metric: server-cpu, comparator: ">", warning: { value: 70, for: PT10M }, response: Investigate }
# prometheus/alerts.yml
groups:
  - name: mvono
    rules:
      - alert: MvonoServerCpu
        expr: (cpu_busy_percent) > 75
        for: 5m
        labels: { severity: warning }
        annotations: { runbook_url: https://runbooks.example.com/mvono/maintenance-plan/#threshold-server-cpu }
\`\`\`

Correct:

\`\`\`yaml
# runbooks/mvono/maintenance-plan.mdx
id: mvono-maintenance
title: Mvono maintenance plan
system: mvono
owners: [ops]
thresholds:
  - { metric: server-cpu, comparator: ">", warning: { value: 70, for: PT10M }, response: Investigate }
# prometheus/alerts.yml
groups:
  - name: mvono
    rules:
      - alert: MvonoServerCpu
        expr: (cpu_busy_percent) > 70
        for: 10m
        labels: { severity: warning }
        annotations: { runbook_url: https://runbooks.example.com/mvono/maintenance-plan/#threshold-server-cpu }
\`\`\``,
    howToFix: `Change the alert's \`expr\`, \`for\` or \`severity\` label to the runbook's threshold, or change the runbook's threshold if the alert is right; the two must say the same.`,
    messages: {
      noThreshold:
        "Alert '{{alert}}' links threshold '{{metric}}', which runbook '{{runbook}}' ({{file}}) does not have",
      noSeverity:
        "Alert '{{alert}}' links threshold '{{metric}}' of runbook '{{runbook}}' but has no severity label 'warning' or 'critical' to say which level it is",
      noLevel:
        "Alert '{{alert}}' is a {{severity}} alert, but threshold '{{metric}}' of runbook '{{runbook}}' has no {{severity}} level ({{place}})",
      noExprLevel:
        "Alert '{{alert}}' has no level to compare with the runbook's {{severity}} {{expected}} ({{where}}): end its expr with the comparison, such as '> {{value}}'",
      levelDiffers:
        "Alert '{{alert}}' fires at {{comparator}} {{value}}, but the runbook's {{severity}} level of '{{metric}}' is {{expected}} ({{where}})",
      badFor: "Alert '{{alert}}' has a for of '{{for}}', which is not a Prometheus duration such as 10m",
      forDiffers:
        "Alert '{{alert}}' holds for {{holds}}, but the runbook's {{severity}} level of '{{metric}}' is {{expected}} ({{where}})",
    },
  },
  check({ corpus, report }) {
    const pages: RunbookPage[] = corpus.runbooks.map((runbook) => ({
      runbook,
      path: pageHref(runbook).replace(/^\/|\/$/g, ''),
    }));
    for (const file of corpus.prometheusRules ?? []) {
      for (const alert of file.alerts) {
        const url = alert.annotations.runbook_url;
        const named = typeof url === 'string' ? namedThreshold(url, pages) : undefined;
        if (!named) continue;
        const at = (...keys: Array<string | number>) => [...alert.path, ...keys];
        const say = (
          path: Array<string | number>,
          messageId: string,
          data: Record<string, string | number>,
          threshold?: Item<Threshold>,
          level?: string,
        ) =>
          report({
            source: file.source,
            path,
            messageId,
            data: { alert: alert.alert, metric: named.metric, runbook: named.runbook.id, ...data },
            related: threshold
              ? [
                  {
                    source: named.runbook.source,
                    path: [...threshold.path, ...(level ? [level] : [])],
                    message: `the runbook's ${level ?? 'threshold'}`,
                  },
                ]
              : undefined,
          });
        const threshold = named.runbook.thresholds.find((t) => t.value.metric === named.metric);
        if (!threshold) {
          say(at('annotations', 'runbook_url'), 'noThreshold', { file: named.runbook.source.file });
          continue;
        }
        const severity = alert.labels.severity;
        if (severity !== 'warning' && severity !== 'critical') {
          say(at(...(severity === undefined ? ['alert'] : ['labels', 'severity'])), 'noSeverity', {}, threshold);
          continue;
        }
        const level = threshold.value[severity];
        const where = placeOf(named.runbook, [...threshold.path, severity]);
        if (!level) {
          say(
            at('labels', 'severity'),
            'noLevel',
            { severity, place: placeOf(named.runbook, threshold.path) },
            threshold,
          );
          continue;
        }
        const runbookFor = durationMs(level.for ?? 'PT0S');
        const expected = levelText(threshold.value.comparator, level.value, runbookFor);
        const found = typeof alert.expr === 'string' ? levelOf(alert.expr) : undefined;
        if (!found)
          say(at('expr'), 'noExprLevel', { severity, expected, where, value: level.value }, threshold, severity);
        else if (found.comparator !== threshold.value.comparator || found.value !== level.value) {
          say(
            at('expr'),
            'levelDiffers',
            { comparator: found.comparator, value: found.value, severity, expected, where },
            threshold,
            severity,
          );
        }
        const holds =
          alert.for === undefined ? 0 : typeof alert.for === 'string' ? parsePrometheusDuration(alert.for) : undefined;
        if (holds === undefined) say(at('for'), 'badFor', { for: String(alert.for) }, threshold, severity);
        else if (holds !== runbookFor) {
          say(
            at(...(alert.for === undefined ? ['alert'] : ['for'])),
            'forDiffers',
            { holds: holds ? prometheusDuration(`PT${holds / 1000}S`) : 'no time', severity, expected, where },
            threshold,
            severity,
          );
        }
      }
    }
  },
};
