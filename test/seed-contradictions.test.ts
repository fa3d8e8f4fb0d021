import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCorpus, verify } from '@almanac/verifier';

// Each fixture states one contradiction of a seed plan as the seed states it; the expected
// files list the one finding (rule, file, line) each must produce, and nothing else.
const root = new URL('./fixtures/seed-contradictions/', import.meta.url);
const base = 'test/fixtures/seed-contradictions';

interface Expected {
  fixture: string;
  ruleId: string;
  file: string;
  line: number;
}

const expected: Expected[] = readdirSync(root)
  .filter((name) => name.endsWith('-expected.json'))
  .flatMap((name) => JSON.parse(readFileSync(new URL(name, root), 'utf8')) as Expected[]);
const fixtures = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

describe('seed contradictions', () => {
  it('has an expectation for every fixture and a fixture for every expectation', () => {
    expect(new Set(expected.map((e) => e.fixture))).toEqual(new Set(fixtures));
  });

  it('states the ten contradictions of the Mvono plan', () => {
    expect(fixtures.filter((fixture) => fixture.startsWith('mvono-'))).toHaveLength(10);
  });

  for (const fixture of fixtures) {
    it(fixture, () => {
      const { findings } = verify(loadCorpus([`${base}/${fixture}`]), { today: '2026-11-23' });
      const want = expected
        .filter((e) => e.fixture === fixture)
        .map((e) => `${e.ruleId} ${base}/${fixture}/${e.file}:${e.line}`);
      expect(findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`).sort()).toEqual(want.sort());
    });
  }
});
