import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, loadCorpus, verifyWithConfig } from '@almanac/verifier';
import { BENCH_TODAY, generate } from '../bench/generate.ts';

// The bench measures; this only holds the verifier to "well under the suite's patience" at 1,000.
describe('1,000 generated runbooks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'almanac-scale-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are verified in a few seconds, with only the error the generator plants', () => {
    generate(dir, 1000, 7);
    const started = performance.now();
    const { config } = loadConfig(dir);
    const corpus = loadCorpus(['.'], dir, { ownersFile: config.owners });
    const result = verifyWithConfig(corpus, config, BENCH_TODAY);
    const ms = performance.now() - started;
    expect(corpus.runbooks).toHaveLength(1000);
    // About one runbook in a thousand names an owner with a typo; nothing else is wrong.
    expect(result.findings.filter((f) => f.severity === 'error').every((f) => f.ruleId === 'owner-unknown')).toBe(true);
    expect(ms).toBeLessThan(15_000);
  });
});
