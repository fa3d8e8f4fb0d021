import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, loadCorpus, verifyWithConfig } from '@almanac/verifier';
import { BENCH_TODAY, generate } from '../bench/generate.ts';
import { cpuTimed } from '../packages/verifier/test/cpu-time.ts';

// The bench measures; this only catches a verifier grown several times slower, in CPU time (the
// work, whatever shares the machine). In the tools tier: a generated corpus is no unit test.
describe('1,000 generated runbooks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'almanac-scale-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are verified in well under a minute, with only the error the generator plants', () => {
    generate(dir, 1000, 7);
    const {
      result: { corpus, result },
      ms,
    } = cpuTimed(() => {
      const { config } = loadConfig(dir);
      const corpus = loadCorpus(['.'], dir, { ownersFile: config.owners });
      return { corpus, result: verifyWithConfig(corpus, config, BENCH_TODAY) };
    });
    expect(corpus.runbooks).toHaveLength(1000);
    // About one runbook in a thousand names an owner with a typo (an id with an 's' added); seed 7
    // plants at least one, and nothing else is wrong.
    const errors = result.findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId}: ${f.message}`);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors)
      expect(error).toMatch(/^owner-unknown: Owner '([a-z0-9-]+)s' is not in owners\.yaml; did you mean '\1'\?$/);
    expect(ms).toBeLessThan(60_000);
  }, 120_000);
});
