import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parsePrometheusRulesFile } from '../src/load/prometheus-rules-file.ts';
import type { Corpus, OwnersRegistry } from '../src/load/corpus.ts';
import { addRunbookFile } from '../src/load/assemble.ts';
import { parseOwnersFile } from '../src/load/parse-file.ts';
import type { Rule } from '../src/rules/rule.ts';
import type { InvalidCase, RuleCase } from '../src/rules/rule-cases.ts';
import { verify } from '../src/rules/verify.ts';

export type { ExpectedFinding, InvalidCase, RuleCase, RunbookInput } from '../src/rules/rule-cases.ts';

export const TODAY = '2026-11-23';

const BASE_OWNERS = { ops: { name: 'Operations', email: 'ops@example.com', phone: '+254 711 000 000' } };

/** The base every object case starts from: a valid, reviewed runbook in UTC with no items. */
export function frontmatter(fields: Record<string, unknown>, index = 0): string {
  const data = {
    id: `runbook-${index}`,
    title: `Runbook ${index}`,
    system: 'demo',
    owners: ['ops'],
    timezone: 'UTC',
    review: { cycle: 'P1Y', last_reviewed: '2026-11-01' },
    ...fields,
  };
  for (const key of Object.keys(data))
    if ((data as Record<string, unknown>)[key] === undefined) delete (data as Record<string, unknown>)[key];
  return `---\n${stringify(data)}---\n\n# Body\n`;
}

/** Builds an in-memory corpus from a case, as the loader would from files. */
export function corpusOf(testCase: Pick<RuleCase, 'runbooks' | 'owners' | 'prometheusRules'>): Corpus {
  const owners = parseOwnersFile(
    'runbooks/owners.yaml',
    new TextEncoder().encode(stringify(testCase.owners ?? BASE_OWNERS)),
  );
  const registry: OwnersRegistry = owners.registry;
  const corpus: Corpus = {
    runbooks: [],
    pages: [],
    registries: [registry],
    fileCount: 0,
    filesRead: [],
    loadReports: [...owners.reports],
  };
  testCase.runbooks.forEach((input, index) => {
    const text = typeof input === 'string' ? input : frontmatter(input, index);
    addRunbookFile(corpus, `runbooks/r${index}.mdx`, new TextEncoder().encode(text), registry);
  });
  if (testCase.prometheusRules) {
    corpus.prometheusRules = testCase.prometheusRules.map((text, index) => {
      const parsed = parsePrometheusRulesFile(`prometheus/rules${index}.yml`, text);
      if ('error' in parsed) throw new Error(parsed.error);
      return parsed;
    });
  }
  return corpus;
}

/** The examples of a rule's docs: each a line `Incorrect…:` or `Correct…:`, a blank line, then a fenced block that is not empty. */
function exampleBlocks(docs: string): Array<{ label: string; code: string }> {
  return [...docs.matchAll(/^(Incorrect|Correct)\b[^\n]*:\n\n```[a-z]*\n([\s\S]*?)\n```$/gm)]
    .filter(([, , code]) => code!.trim() !== '')
    .map(([, label, code]) => ({ label: label!, code: code! }));
}

/**
 * The files of a docs example. A block is one runbook's frontmatter, unless comment lines such
 * as `# runbooks/db.mdx` or `# prometheus/alerts.yml` open several files; `runbooks/owners.yaml`
 * is the tester's own registry (owner `ops`) unless the example gives one. A block that starts
 * with `---` is a whole file, for the examples of `parse`.
 */
function exampleFiles(code: string): Array<{ file: string; text: string }> {
  if (code.startsWith('---')) return [{ file: 'runbooks/example.mdx', text: code }];
  const files: Array<{ file: string; lines: string[] }> = [];
  for (const line of code.split('\n')) {
    const opens = /^# ((?:runbooks|prometheus)\/\S+?\.(?:mdx|yaml|yml))\b/.exec(line);
    if (opens) files.push({ file: opens[1]!, lines: [] });
    else if (files.length) files[files.length - 1]!.lines.push(line);
    else files.push({ file: 'runbooks/example.mdx', lines: [line] });
  }
  return files.map(({ file, lines }) => ({
    file,
    text: file.endsWith('.mdx') ? `---\n${lines.join('\n')}\n---\n\n# Procedure\n` : `${lines.join('\n')}\n`,
  }));
}

/** A corpus of a docs example's files, as the loader would read them. */
function exampleCorpus(files: ReadonlyArray<{ file: string; text: string }>): Corpus {
  const encode = (text: string) => new TextEncoder().encode(text);
  const ownersText = files.find((f) => f.file === 'runbooks/owners.yaml')?.text ?? stringify(BASE_OWNERS);
  const owners = parseOwnersFile('runbooks/owners.yaml', encode(ownersText));
  const corpus: Corpus = {
    runbooks: [],
    pages: [],
    registries: [owners.registry],
    fileCount: 1,
    filesRead: [],
    loadReports: [...owners.reports],
    prometheusRules: [],
  };
  for (const { file, text } of files) {
    if (file.endsWith('.mdx')) {
      addRunbookFile(corpus, file, encode(text), owners.registry);
    } else if (file.startsWith('prometheus/')) {
      const parsed = parsePrometheusRulesFile(file, text);
      if ('error' in parsed) throw new Error(parsed.error);
      corpus.prometheusRules!.push(parsed);
    }
  }
  return corpus;
}

/**
 * ESLint's RuleTester for Almanac rules: valid cases must yield no finding, invalid cases exactly
 * the listed ones, all of the rule. `alongside` runs other rules too, for a rule that judges
 * their findings (`suppression`): their findings count as well, so a case must leave none. Findings are matched by data path, which survives reformatting;
 * line and column are asserted only where a case asks. Cases must pass the schema unless the
 * rule under test is about the schema, so that no case passes because its items were dropped.
 */
export function testRule(
  rule: Rule,
  cases: { valid: RuleCase[]; invalid: InvalidCase[] },
  options: { alongside?: readonly Rule[] } = {},
): void {
  const rules = [rule, ...(options.alongside ?? [])];
  const run = (testCase: RuleCase) => {
    const corpus = corpusOf(testCase);
    if (rule.id !== 'schema' && rule.id !== 'parse') {
      expect(
        corpus.loadReports.map((r) => r.message),
        'the case itself must be valid',
      ).toEqual([]);
    }
    return verify(corpus, { today: testCase.today ?? TODAY, rules }).findings;
  };
  describe(rule.id, () => {
    it('has docs whose incorrect example gives its finding and whose correct example none', () => {
      expect(rule.meta.description.length).toBeGreaterThan(10);
      const examples = exampleBlocks(rule.meta.docs);
      expect(examples.map(({ label }) => label)).toEqual(['Incorrect', 'Correct']);
      const [incorrect, correct] = examples.map(({ code }) => {
        const corpus = exampleCorpus(exampleFiles(code));
        const loaded = corpus.loadReports.map((r) => `${r.source.file}: ${r.message}`);
        const findings = verify(corpus, { today: TODAY, rules })
          .findings.filter((f) => f.ruleId === rule.id)
          .map((f) => `${f.file}:${f.line} ${f.message}`);
        return { loaded, findings };
      });
      expect(incorrect!.findings, 'the incorrect example').not.toEqual([]);
      expect(correct!.findings, 'the correct example').toEqual([]);
      // Apart from the examples of the loading rules, an example is a runbook that loads cleanly.
      if (rule.id !== 'schema' && rule.id !== 'parse')
        expect([...incorrect!.loaded, ...correct!.loaded], 'the examples must load').toEqual([]);
      else expect(correct!.loaded).toEqual([]);
    });
    for (const testCase of cases.valid) {
      it(`valid: ${testCase.name}`, () => {
        expect(run(testCase).map((f) => `${f.path}: ${f.message}`)).toEqual([]);
      });
    }
    for (const testCase of cases.invalid) {
      it(`invalid: ${testCase.name}`, () => {
        const findings = run(testCase);
        expect(findings.map((f) => `${f.file} ${f.path}: ${f.message}`)).toHaveLength(testCase.errors.length);
        testCase.errors.forEach((expected, i) => {
          const found = findings[i]!;
          expect(found.ruleId).toBe(rule.id);
          expect(found.messageId).toBe(expected.messageId);
          if (expected.path !== undefined) expect(found.path ?? '').toBe(expected.path);
          if (expected.message) expect(found.message).toMatch(expected.message);
          if (expected.file) expect(found.file).toBe(expected.file);
          if (expected.line !== undefined) expect(found.line).toBe(expected.line);
          if (expected.column !== undefined) expect(found.column).toBe(expected.column);
        });
      });
    }
  });
}

/** A valid window, weekly on Sundays 02:00–04:00, to override field by field. */
export function windowItem(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'weekly',
    title: 'Weekly maintenance',
    rrule: 'FREQ=WEEKLY;BYDAY=SU',
    start: '02:00',
    duration: 'PT2H',
    impact: 'minimal',
    ...fields,
  };
}

/** A valid task, daily at 00:00 for 30 minutes, owned by `ops`. */
export function taskItem(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'task',
    title: 'A task',
    kind: 'check',
    rrule: 'FREQ=DAILY',
    start: '00:00',
    duration: 'PT30M',
    owner: 'ops',
    ...fields,
  };
}
