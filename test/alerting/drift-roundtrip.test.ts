import { describe, expect, it } from 'vitest';
import { ALL_RULES, parsePrometheusRulesFile, verify } from '@almanac/verifier/internal';
import { alertingOf, ROOT } from './generate.ts';

/* The generated rules, read back as a hand-written file, agree with the runbooks; edited, they do not. */

const TODAY = '2026-11-23';
const { corpus, rulesYaml } = alertingOf(ROOT, TODAY);
const drift = ALL_RULES.find((rule) => rule.id === 'alert-threshold-drift')!;

function findings(text: string) {
  const file = parsePrometheusRulesFile('monitoring/rules.yml', text);
  if ('error' in file) throw new Error(file.error);
  return verify({ ...corpus, prometheusRules: [file] }, { today: TODAY, rules: [drift] }).findings;
}

describe('alert-threshold-drift on the generated rules', () => {
  it('finds nothing in the file the build writes', () => {
    expect(findings(rulesYaml)).toEqual([]);
  });

  it('finds the warning level and for of mvono memory-usage changed by hand', () => {
    const edited = rulesYaml.replace(
      'node_memory_MemTotal_bytes{system=\\"mvono\\"})) > 75"\n        for: "15m"',
      'node_memory_MemTotal_bytes{system=\\"mvono\\"})) > 80"\n        for: "20m"',
    );
    expect(edited).not.toBe(rulesYaml);
    expect(findings(edited).map((f) => `${f.path}: ${f.message}`)).toEqual([
      expect.stringMatching(
        /\.expr: Alert 'MvonoMemoryUsage' fires at > 80, but the runbook's warning level of 'memory-usage' is > 75 for 15m/,
      ),
      expect.stringMatching(
        /\.for: Alert 'MvonoMemoryUsage' holds for 20m, but the runbook's warning level of 'memory-usage' is > 75 for 15m/,
      ),
    ]);
  });
});
