import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { formatGithub } from '../src/outputs/format/github.ts';
import { formatSarif } from '../src/outputs/format/sarif.ts';
import { formatStylish } from '../src/outputs/format/stylish.ts';
import type { Finding } from '../src/load/finding.ts';
import { RULE_METAS } from '../src/rules/index.ts';

const findings: Finding[] = [
  {
    ruleId: 'task-outside-window',
    severity: 'error',
    file: 'runbooks/mvono/plan.mdx',
    line: 31,
    column: 5,
    path: 'tasks[3].start',
    message: "Task 'db-optimization' (Sun 02:00 Africa/Nairobi = Sat 23:00 UTC) is outside window 'weekly'",
  },
  {
    ruleId: 'owner-placeholder',
    severity: 'warning',
    file: 'runbooks/owners.yaml',
    line: 3,
    column: 10,
    path: 'ops.phone',
    message: '100% placeholder:\nline two, with a comma\r',
  },
  {
    ruleId: 'objective-conflict',
    severity: 'error',
    file: 'runbooks/b.mdx',
    line: 9,
    column: 10,
    path: 'objectives[0].rto',
    message: 'RTO differs',
    related: [{ file: 'runbooks/a.mdx', line: 12, column: 10, message: 'RTO 4 hours' }],
  },
];

describe('SARIF', () => {
  const sarif = JSON.parse(
    formatSarif(findings, RULE_METAS, {
      version: '0.1.0',
      informationUri: 'https://almanac.example.org',
      helpUri: (id) => `https://almanac.example.org/rules/#${id}`,
    }),
  );

  it('validates against the SARIF 2.1.0 JSON Schema', () => {
    const schemaPath = createRequire(import.meta.url).resolve(
      '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json',
    );
    const validate = new AjvDraft04.default({
      strict: false,
      allErrors: true,
      unicodeRegExp: false,
      logger: false,
    }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
  });

  it('has what GitHub code scanning requires', () => {
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    const driver = sarif.runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'almanac', version: '0.1.0', informationUri: 'https://almanac.example.org' });
    expect(sarif.runs[0].properties).toEqual({ tzdata: process.versions.tz });
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual([...RULE_METAS.keys()]);
    for (const rule of driver.rules) {
      expect(rule.shortDescription.text).toBeTruthy();
      expect(rule.help.text).toContain(`How to fix: ${RULE_METAS.get(rule.id)!.howToFix}`);
      expect(rule.helpUri).toBe(`https://almanac.example.org/rules/#${rule.id}`);
      expect(['error', 'warning']).toContain(rule.defaultConfiguration.level);
    }
    const [first] = sarif.runs[0].results;
    expect(first).toMatchObject({
      ruleId: 'task-outside-window',
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'runbooks/mvono/plan.mdx' },
            region: { startLine: 31, startColumn: 5 },
          },
        },
      ],
    });
    expect(driver.rules[first.ruleIndex].id).toBe('task-outside-window');
  });

  it('fingerprints by rule, file and data path, so moved lines keep the alert', () => {
    const moved = JSON.parse(
      formatSarif([{ ...findings[0]!, line: 40 }], RULE_METAS, {
        version: '0',
        informationUri: 'x',
        helpUri: () => 'x',
      }),
    );
    expect(moved.runs[0].results[0].partialFingerprints).toEqual(sarif.runs[0].results[0].partialFingerprints);
  });
});

describe('GitHub workflow commands', () => {
  const lines = formatGithub(findings).split('\n').filter(Boolean);
  // The grammar @actions/core writes: ::command key=value,key=value::data, with escaped values.
  const COMMAND = /^::(error|warning) file=([^,:]*),line=(\d+),col=(\d+),title=([^,:]*)::([^\r\n]*)$/;

  it('writes one well-formed annotation per finding', () => {
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(COMMAND);
    expect(lines[0]).toBe(
      "::error file=runbooks/mvono/plan.mdx,line=31,col=5,title=task-outside-window::Task 'db-optimization' (Sun 02:00 Africa/Nairobi = Sat 23:00 UTC) is outside window 'weekly'",
    );
  });

  it('escapes %, CR and LF in messages, and : and , in properties', () => {
    expect(lines[1]).toBe(
      '::warning file=runbooks/owners.yaml,line=3,col=10,title=owner-placeholder::100%25 placeholder:%0Aline two, with a comma%0D',
    );
    expect(formatGithub([{ ...findings[0]!, file: 'a,b:c.mdx' }])).toContain('file=a%2Cb%3Ac.mdx,');
  });
});

describe('stylish', () => {
  it('shows control characters from runbooks as escapes, so none starts a log line or repaints the terminal', () => {
    const forged = { ...findings[0]!, message: "Unknown field 'x\n::error file=README.md,line=1::forged\u001b[31m'" };
    const text = formatStylish([forged], { color: false });
    expect(text.split('\n').some((line) => line.startsWith('::'))).toBe(false);
    expect(text).not.toContain('\u001b');
    expect(text).toContain("'x\\n::error file=README.md,line=1::forged\\u001b[31m'");
  });
});
