import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli as runCli, project } from './project.ts';
import { verify } from '../src/rules/verify.ts';
import { corpusOf, frontmatter, TODAY, windowItem } from './rule-tester.ts';

// Each reproduction of issue 11, as a hostile pull request would bring it: fixtures made here,
// in a temporary folder, links included, so nothing in the repository points at a system file.

const OWNERS = 'ops:\n  name: Operations\n  email: ops@example.com\n';
const HEAD = '---\nid: a\ntitle: A\nsystem: s\nowners: [ops]\ntimezone: UTC\n';
const GOOD = `${HEAD}---\n`;
const SECRET = 'API_TOKEN=s3cr3t-value';

const cli = (args: string[], cwd: string) => runCli(['verify', '--now', TODAY, ...args], cwd);

describe('links and special files', () => {
  it('reports a runbook that links out of the tree, and never prints what it points at', async () => {
    const root = project({
      'runbooks/owners.yaml': OWNERS,
      'runbooks/x/a.mdx': GOOD,
      'secret.env': `${SECRET}\n---\n${SECRET}\n`,
    });
    symlinkSync(join(root, 'secret.env'), join(root, 'runbooks/x/env.mdx'));
    for (const format of ['stylish', 'json', 'github', 'sarif']) {
      const { code, stdout } = await cli(['--format', format], root);
      expect(code).toBe(1);
      expect(stdout).toContain('symbolic link that leaves the runbook tree');
      expect(stdout).not.toContain('s3cr3t');
    }
  });

  it('reports an owners.yaml that links out of the tree, and never prints what it points at', async () => {
    const root = project({ 'runbooks/a.mdx': GOOD, 'secret.env': `ops: [${SECRET}\n` });
    symlinkSync(join(root, 'secret.env'), join(root, 'runbooks/owners.yaml'));
    const { code, stdout } = await cli(['--format', 'json'], root);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'parse',
        file: 'runbooks/owners.yaml',
        message: expect.stringContaining('leaves the runbook tree'),
      }),
    );
    expect(stdout).not.toContain('s3cr3t');
  });

  it('reads a link to a runbook inside the tree, as the site does', async () => {
    const root = project({
      'runbooks/owners.yaml': OWNERS,
      'runbooks/a.mdx': GOOD,
      'runbooks/shared/b.mdx': GOOD.replace('id: a', 'id: b'),
    });
    symlinkSync(join(root, 'runbooks/shared/b.mdx'), join(root, 'runbooks/c.mdx'));
    const { stdout } = await cli(['--format', 'json'], root);
    expect(JSON.parse(stdout).findings).toMatchObject([{ ruleId: 'duplicate-id', file: 'runbooks/shared/b.mdx' }]);
  });

  it('reports a link to a folder, which the site would publish unverified, so the build stops at its verify step', async () => {
    const root = project({
      'runbooks/owners.yaml': OWNERS,
      'runbooks/a.mdx': GOOD,
      'elsewhere/unverified.mdx': '---\ntitle: Unverified\n---\n',
    });
    symlinkSync(join(root, 'elsewhere'), join(root, 'runbooks/outside'));
    symlinkSync(join(root, 'runbooks'), join(root, 'runbooks/loop'));
    const { code, stdout } = await cli(['--format', 'json'], root);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).findings).toMatchObject([
      {
        ruleId: 'parse',
        severity: 'error',
        file: 'runbooks/loop',
        message: expect.stringContaining('symbolic link to a folder'),
      },
      {
        ruleId: 'parse',
        severity: 'error',
        file: 'runbooks/outside',
        message: expect.stringContaining('leaves the runbook tree'),
      },
    ]);
    // `npm run build` is `astro build` (with build.env's environment) with the Starlight plugin, which verifies as the build starts and stops it on these errors (test/lib/plugin.test.ts).
    const scripts = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')).scripts;
    expect(scripts.build).toMatch(/ && node --env-file=build\.env node_modules\/astro\/bin\/astro\.mjs build$/);
    expect(readFileSync(new URL('../../../astro.config.mjs', import.meta.url), 'utf8')).toContain(
      'plugins: [almanac()]',
    );
  });

  it('reports a named pipe in the tree without opening it, and refuses one named on the command line', async () => {
    const root = project({ 'runbooks/owners.yaml': OWNERS, 'runbooks/a.mdx': GOOD });
    execFileSync('mkfifo', [join(root, 'runbooks/pipe.mdx')]);
    const { code, stdout, cpuMs: ms } = await cli(['--format', 'json'], root);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).findings).toMatchObject([
      {
        ruleId: 'parse',
        file: 'runbooks/pipe.mdx',
        message: 'The path is a named pipe, not a regular file; it is not read',
      },
    ]);
    expect(ms).toBeLessThan(5_000);
    expect(await cli(['runbooks/pipe.mdx'], root)).toMatchObject({
      code: 2,
      stderr: "almanac: Cannot read 'runbooks/pipe.mdx': it is not a regular file or a folder\n",
    });
  });

  it('refuses a device named on the command line instead of reading it for ever', async () => {
    const { code, stderr, cpuMs: ms } = await cli(['/dev/zero'], project({}));
    expect({ code, stderr }).toEqual({
      code: 2,
      stderr: "almanac: Cannot read '/dev/zero': it is not a regular file or a folder\n",
    });
    expect(ms).toBeLessThan(5_000);
  });

  it('reports a file over the size limit without reading it', async () => {
    const root = project({
      'almanac.config.json': '{ "maxFileBytes": 1000 }',
      'runbooks/owners.yaml': OWNERS,
      'runbooks/a.mdx': GOOD,
      'runbooks/big.mdx': `${HEAD}notes: "${'x'.repeat(2_000)}"\n---\n`,
    });
    const { code, stdout } = await cli(['--format', 'json'], root);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).findings).toMatchObject([
      {
        ruleId: 'parse',
        file: 'runbooks/big.mdx',
        message:
          'The file holds more than 1,000 bytes; it is not read (maxFileBytes in almanac.config.json sets the limit)',
      },
    ]);
  });

  it('exits 2 when a folder holds no runbook files, as a mistyped path would', async () => {
    const root = project({ 'runbooks/owners.yaml': OWNERS, 'runbooks/a.mdx': GOOD, 'runbook/notes.txt': 'x' });
    expect(await cli(['runbook/'], root)).toMatchObject({
      code: 2,
      stderr: "almanac: No runbook files (.md, .mdx) found under 'runbook/'\n",
    });
  });
});

describe('what reaches the log', () => {
  it('shows a lone CR and escape sequences in a code frame as escapes, so no annotation is forged', async () => {
    const hostile = `${HEAD}bad: 1\r::warning file=README.md,line=1::forged\r::add-mask::x \u001b]0;owned\u0007 \u001b[2J\n---\n`;
    const root = project({ 'runbooks/owners.yaml': OWNERS, 'runbooks/a.mdx': hostile });
    for (const format of ['stylish', 'github']) {
      const { code, stdout } = await cli(['--format', format], root);
      expect(code).toBe(1);
      const lines = stdout.split(/\r\n|\r|\n/);
      expect(
        lines
          .filter((line) => line.startsWith('::'))
          .every((line) => /^::error file=runbooks\/a\.mdx,line=\d+,col=\d+,title=[a-z-]+::/.test(line)),
      ).toBe(true);
      expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }
    const { stdout } = await cli([], root);
    expect(stdout).toContain(
      'bad: 1\\r::warning file=README.md,line=1::forged\\r::add-mask::x \\u001b]0;owned\\u0007 \\u001b[2J',
    );
  });

  it('prints 10 findings of a rule per file and counts the rest: 4,000 bad tasks stay a short report', async () => {
    const tasks = Array.from(
      { length: 4_000 },
      (_, i) => `  - { id: t${i}, title: T, kind: check, rrule: FREQ=DAILY, start: "25:00", owner: ops }`,
    );
    const root = project({
      'runbooks/owners.yaml': OWNERS,
      'runbooks/a.mdx': `${HEAD}tasks:\n${tasks.join('\n')}\n---\n`,
    });
    const { code, stdout } = await cli([], root);
    expect(code).toBe(1);
    expect(stdout.match(/ error {4}/g)).toHaveLength(10);
    expect(stdout).toContain('… and 3990 more schema findings in this file');
    expect(stdout).toContain('✖ 4000 problems (4000 errors, 0 warnings)');
    expect(stdout.length).toBeLessThan(20_000);
    const json = await cli(['--format', 'json'], root);
    expect(JSON.parse(json.stdout).findings).toHaveLength(4_000);
  });

  it('cuts code frames on one long flow line to a width around the column: 1,000 errors on a 250 KB line', async () => {
    const tasks = Array.from(
      { length: 1_000 },
      (_, i) => `{ id: t${i}, title: T${'x'.repeat(170)}, kind: check, rrule: FREQ=DAILY, start: "25:00", owner: ops }`,
    );
    const text = `${HEAD}tasks: [${tasks.join(', ')}]\n---\n`;
    expect(text.length).toBeGreaterThan(248_000);
    const root = project({ 'runbooks/owners.yaml': OWNERS, 'runbooks/a.mdx': text });
    const { code, stdout, stderr } = await cli([], root);
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    expect(Math.max(...stdout.split('\n').map((line) => line.length))).toBeLessThan(200);
    // The caret stands under the value the finding names.
    const frame = stdout.split('\n').findIndex((line) => line.includes('> 7 |'));
    const [code7, caret] = [stdout.split('\n')[frame]!, stdout.split('\n')[frame + 1]!];
    expect(code7.slice(caret.indexOf('^'), caret.indexOf('^') + 7)).toBe('"25:00"');
  });

  it('gives the terminal the first findings and the summary when the report goes to a file or to annotations', async () => {
    const tasks = Array.from(
      { length: 100 },
      (_, i) => `  - { id: t${i}, title: T, kind: check, rrule: FREQ=DAILY, start: "25:00", owner: ops }`,
    );
    const files = Object.fromEntries(
      Array.from({ length: 5 }, (_, f) => [
        `runbooks/f${f}.mdx`,
        `${HEAD.replace('id: a', `id: a${f}`)}tasks:\n${tasks.join('\n')}\n---\n`,
      ]),
    );
    const root = project({ 'runbooks/owners.yaml': OWNERS, ...files });
    const { stdout } = await cli(['--format', 'sarif', '--output', 'almanac.sarif'], root);
    expect(stdout.match(/ error {4}/g)).toHaveLength(20);
    expect(stdout).toContain('Only the first 20 findings are shown here; every finding is in almanac.sarif.');
    expect(stdout).toContain('✖ 500 problems (500 errors, 0 warnings)');
    expect(JSON.parse(readFileSync(join(root, 'almanac.sarif'), 'utf8')).runs[0].results).toHaveLength(500);
    const github = await cli(['--format', 'github'], root);
    // GitHub shows 10 annotations of each level per step: the rest are counted, not written.
    expect(github.stdout.match(/^::error /gm)).toHaveLength(10);
    expect(github.stdout).toContain('so 490 errors and 0 warnings are not annotated (schema 490 errors)');
    expect(github.stdout).toContain(
      'Only the first 20 findings are shown here; `almanac verify` and the SARIF report have them all.',
    );
  });

  it('verifies 1 MB of hostile frontmatter in under 5 s in the stylish format', async () => {
    const unknownKeys = Array.from({ length: 80_000 }, (_, i) => `k${i}: 1`).join('\n');
    const badTasks = Array.from(
      { length: 3_000 },
      (_, i) => `  - { id: t${i}, title: T, kind: check, rrule: FREQ=DAILY, start: "25:00", owner: ops }`,
    ).join('\n');
    const flow = Array.from(
      { length: 1_000 },
      (_, i) => `{ id: t${i}, title: "\r::warning::x", kind: check, rrule: FREQ=DAILY, start: "25:00", owner: ops }`,
    ).join(', ');
    const files = {
      'runbooks/owners.yaml': OWNERS,
      'runbooks/keys.mdx': `${HEAD}${unknownKeys}\n---\n`,
      'runbooks/tasks.mdx': `${HEAD.replace('id: a', 'id: b')}tasks:\n${badTasks}\n---\n`,
      'runbooks/flow.mdx': `${HEAD.replace('id: a', 'id: c')}tasks: [${flow}]\n---\n`,
    };
    const size = Object.values(files).reduce((n, text) => n + Buffer.byteLength(text), 0);
    expect(size).toBeGreaterThan(1_000_000);
    const { code, stdout, cpuMs } = await cli([], project(files));
    expect(code).toBe(1);
    expect(stdout).toMatch(/✖ \d+ problems/);
    expect(cpuMs).toBeLessThan(5_000);
  });
});

describe('findings that multiply', () => {
  it('reports 600 identical daily windows as 20 pairs with a count and one finding for the rest, in bounded memory', () => {
    const windows = Array.from({ length: 600 }, (_, i) => windowItem({ id: `w${i}`, rrule: 'FREQ=DAILY' }));
    const before = process.memoryUsage().heapUsed;
    const { findings } = verify(corpusOf({ runbooks: [{ windows }] }), { today: TODAY });
    expect(findings).toHaveLength(21);
    expect(findings[0]!.message).toMatch(/ and \d+ more times;/);
    expect(findings.find((f) => f.messageId === 'more')!.message).toMatch(/593 more windows overlap others/);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(2 ** 30);
  }, 120_000);
});

describe('--output', () => {
  it('refuses to write over a runbook, an input or into a runbook tree, and leaves them whole', async () => {
    const root = project({
      'runbooks/owners.yaml': OWNERS,
      'runbooks/sys/a.mdx': GOOD,
      'extra.md': GOOD.replace('id: a', 'id: x'),
    });
    for (const [target, why] of [
      ['runbooks/sys/a.mdx', 'it is named like a runbook or an owners file'],
      ['runbooks/owners.yaml', 'it is named like a runbook or an owners file'],
      ['runbooks/sys/report.json', "it is inside the runbook tree 'runbooks'"],
    ]) {
      expect(await cli(['--format', 'json', '--output', target!], root)).toMatchObject({
        code: 2,
        stderr: `almanac: refusing --output '${target}': ${why}\n`,
      });
    }
    expect(readFileSync(join(root, 'runbooks/sys/a.mdx'), 'utf8')).toBe(GOOD);
    expect(readdirSync(join(root, 'runbooks/sys'))).toEqual(['a.mdx']);
  });

  it('refuses to write through a committed link, and leaves its target whole', async () => {
    const root = project({ 'runbooks/owners.yaml': OWNERS, 'runbooks/a.mdx': GOOD, 'precious.txt': 'keep me' });
    symlinkSync(join(root, 'precious.txt'), join(root, 'almanac.sarif'));
    expect(await cli(['--format', 'sarif', '--output', 'almanac.sarif'], root)).toMatchObject({
      code: 2,
      stderr:
        "almanac: refusing --output 'almanac.sarif': it is a symbolic link, and the report is never written through one\n",
    });
    expect(readFileSync(join(root, 'precious.txt'), 'utf8')).toBe('keep me');
  });

  it('replaces an earlier report through a new file, leaving no temporary file', async () => {
    const root = project({ 'runbooks/owners.yaml': OWNERS, 'runbooks/a.mdx': GOOD, 'out/almanac.json': 'old' });
    expect((await cli(['--format', 'json', '--output', 'out/almanac.json'], root)).code).toBe(0);
    expect(JSON.parse(readFileSync(join(root, 'out/almanac.json'), 'utf8')).summary).toEqual({
      files: 1,
      errors: 0,
      warnings: 0,
    });
    expect(readdirSync(join(root, 'out'))).toEqual(['almanac.json']);
  });
});

describe('what the site would render', () => {
  const check = (fields: Record<string, unknown>, allowFrontmatter?: string[]) => {
    const root = project({
      'runbooks/owners.yaml': OWNERS,
      'runbooks/a.mdx': frontmatter(fields),
      ...(allowFrontmatter ? { 'almanac.config.json': JSON.stringify({ allowFrontmatter }) } : {}),
    });
    return cli(['--format', 'json'], root).then(
      ({ stdout }) => JSON.parse(stdout).findings as Array<{ ruleId: string; path?: string; message: string }>,
    );
  };

  it('refuses markup and control characters in the title and the description', async () => {
    const findings = await check({ title: 'x</title><script>alert(1)</script>', description: 'line\u001b[2J' });
    expect(findings).toMatchObject([
      {
        ruleId: 'schema',
        path: 'title',
        message: expect.stringContaining('must be plain text, without "<" or control characters'),
      },
      { ruleId: 'schema', path: 'description', message: expect.stringContaining('must be plain text') },
    ]);
  });

  it("refuses Starlight's head, banner and hero unless the config allows them", async () => {
    const fields = {
      head: [{ tag: 'script', content: 'alert(1)' }],
      banner: { content: '<img src=x onerror=alert(1)>' },
      hero: { tagline: '<script>' },
    };
    expect((await check(fields)).map((f) => `${f.ruleId}:${f.path}`)).toEqual([
      'schema:head',
      'schema:banner',
      'schema:hero',
    ]);
    expect((await check(fields, ['head', 'banner', 'hero'])).filter((f) => f.ruleId === 'schema')).toEqual([]);
  });

  it('refuses an allowFrontmatter entry that is not one of those fields', async () => {
    const root = project({
      'runbooks/owners.yaml': OWNERS,
      'runbooks/a.mdx': GOOD,
      'almanac.config.json': '{ "allowFrontmatter": ["scripts"] }',
    });
    expect(await cli([], root)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('allowFrontmatter.0: must list only "sidebar", "prev"'),
    });
  });
});

it('leaves no file behind in the project but the report', async () => {
  const root = project({ 'runbooks/owners.yaml': OWNERS, 'runbooks/a.mdx': GOOD });
  await cli(['--format', 'sarif', '--output', 'almanac.sarif'], root);
  expect(readdirSync(root).sort()).toEqual(['almanac.sarif', 'runbooks']);
  expect(existsSync(join(root, 'runbooks/almanac.sarif'))).toBe(false);
});
