import { findingFingerprint, type Finding } from '../../load/finding.ts';
import type { RuleMeta } from '../../rules/rule.ts';
import { tzdataVersion } from '../../time/zone.ts';

export interface SarifOptions {
  version: string;
  /** Where each rule's documentation is read: becomes SARIF's helpUri. */
  helpUri: (ruleId: string) => string;
  informationUri: string;
}

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: every rule with its descriptions, help and
 * default level; results at 1-based regions of repository-relative files, with fingerprints from
 * rule, file and data path so an alert stays one alert when lines move.
 */
export function formatSarif(
  findings: readonly Finding[],
  rules: ReadonlyMap<string, RuleMeta>,
  options: SarifOptions,
): string {
  const ids = [...rules.keys()];
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'almanac',
            version: options.version,
            informationUri: options.informationUri,
            rules: ids.map((id) => {
              const meta = rules.get(id)!;
              return {
                id,
                name: id.replace(/(^|-)(\w)/g, (_, _dash, c: string) => c.toUpperCase()),
                shortDescription: { text: meta.description },
                fullDescription: { text: meta.description },
                // Code scanning shows the help beside the alert: what to change comes with it.
                help: {
                  text: `${meta.docs}\n\nHow to fix: ${meta.howToFix}`,
                  markdown: `${meta.docs}\n\n**How to fix.** ${meta.howToFix}`,
                },
                helpUri: options.helpUri(id),
                defaultConfiguration: { level: meta.severity === 'error' ? 'error' : 'warning' },
              };
            }),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: ids.indexOf(f.ruleId),
          level: f.severity === 'error' ? 'error' : 'warning',
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file, uriBaseId: '%SRCROOT%' },
                region: { startLine: f.line, startColumn: f.column },
              },
            },
          ],
          ...(f.related?.length
            ? {
                relatedLocations: f.related.map((r, id) => ({
                  id,
                  message: { text: r.message },
                  physicalLocation: {
                    artifactLocation: { uri: r.file, uriBaseId: '%SRCROOT%' },
                    region: { startLine: r.line, startColumn: r.column },
                  },
                })),
              }
            : {}),
          partialFingerprints: { 'almanacFinding/v1': findingFingerprint(f) },
        })),
        // The zone data the schedules were checked with, in the run's property bag.
        properties: { tzdata: tzdataVersion() },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
