import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli as runCli, project } from './project.ts';
import { TODAY } from './rule-tester.ts';

// Issue 27, items 1, 5 and 7, and the text policy for ids and titles: each case as a hostile pull
// request would bring it, in a temporary project.

const OWNERS = 'ops:\n  name: Operations\n  email: ops@example.com\n';
const HEAD = 'id: a\ntitle: A\nsystem: s\nowners: [ops]\ntimezone: UTC\n';
const SECRET = 'API_TOKEN=s3cr3t-value';

const verify = (args: string[], cwd: string) => runCli(['verify', '--now', TODAY, ...args], cwd);

async function findings(files: Record<string, string>, config?: object) {
  const root = project({
    'runbooks/owners.yaml': OWNERS,
    ...files,
    ...(config ? { 'almanac.config.json': JSON.stringify(config) } : {}),
  });
  const { code, stdout, cpuMs } = await verify(['--format', 'json'], root);
  return {
    code,
    ms: cpuMs,
    findings: JSON.parse(stdout).findings as Array<{
      ruleId: string;
      file: string;
      path: string;
      line: number;
      message: string;
    }>,
  };
}

/** A 9⁹ alias bomb in under 800 bytes, under a key. */
function bomb(key: string): string {
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++)
    levels.push(
      `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
        .fill(`*${String.fromCharCode(96 + i)}`)
        .join(',')}]`,
    );
  return `${key}:\n  ${levels.join('\n  ')}\n  label: *i\n`;
}

describe("Starlight's keys (item 1)", () => {
  const cases: Array<[string, string, string]> = [
    [
      'sidebar with attrs (an onfocus handler on every page)',
      'sidebar:\n  label: A\n  attrs: { autofocus: true, onfocus: "alert(1)" }\n',
      "Unknown field 'attrs' in sidebar",
    ],
    ['editUrl with javascript:', 'editUrl: "javascript:alert(1)"\n', 'editUrl must be true, false or an https: URL'],
    ['editUrl with http:', 'editUrl: "http://example.com/edit"\n', 'editUrl must be true, false or an https: URL'],
    ['prev with a link', 'prev: { link: "javascript:alert(1)", label: Back }\n', 'prev must be true, false or a label'],
    ['next with a link', 'next: { link: "javascript:alert(1)" }\n', 'next must be true, false or a label'],
    [
      'a badge object with a class',
      'sidebar:\n  badge: { text: New, class: "x\\" onmouseover=\\"alert(1)" }\n',
      'sidebar.badge must be text',
    ],
    [
      'a sidebar label with a line break',
      'sidebar:\n  label: "A\\u2028B"\n',
      'sidebar.label must be plain text on one line; it holds U+2028 (LINE SEPARATOR) at character 2',
    ],
    ['a template that is not doc or splash', 'template: "<script>"\n', 'template must be one of "doc", "splash"'],
    [
      'tableOfContents with another key',
      'tableOfContents: { minHeadingLevel: 2, onclick: x }\n',
      "Unknown field 'onclick' in tableOfContents",
    ],
  ];
  for (const [name, yaml, message] of cases) {
    it(`refuses ${name}, in a runbook and in a plain page`, async () => {
      const { code, findings: found } = await findings({
        'runbooks/a.mdx': `---\n${HEAD}${yaml}---\n`,
        'runbooks/page.mdx': `---\ntitle: Guide\n${yaml}---\n`,
      });
      expect(code).toBe(1);
      expect(found.filter((f) => f.ruleId === 'schema').map((f) => [f.file, f.message])).toEqual([
        ['runbooks/a.mdx', expect.stringContaining(message)],
        ['runbooks/page.mdx', expect.stringContaining(message)],
      ]);
    });
  }

  it('takes the plain values Starlight documents', async () => {
    const yaml =
      'sidebar: { order: 2, label: Backups, hidden: false, badge: New }\nprev: false\nnext: Next page\neditUrl: https://github.com/o/r/edit/main/x.mdx\npagefind: true\ntableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 4 }\ntemplate: doc\ndraft: false\nlastUpdated: 2026-01-02\n';
    const { code, findings: found } = await findings({
      'runbooks/a.mdx': `---\n${HEAD}${yaml}---\n`,
      'runbooks/page.mdx': `---\ntitle: Guide\n${yaml}---\n`,
    });
    expect(found.filter((f) => f.ruleId === 'schema' || f.ruleId === 'parse')).toEqual([]);
    expect(code).toBe(0);
  });

  it('refuses an unknown key in a plain page, and takes a listed one whatever its value', async () => {
    const page = { 'runbooks/page.mdx': '---\ntitle: Guide\nscripts: [x]\nsidebar: { attrs: { class: wide } }\n---\n' };
    expect((await findings(page)).findings.map((f) => f.message)).toEqual([
      expect.stringContaining("Unknown field 'scripts'"),
      expect.stringContaining("Unknown field 'attrs' in sidebar"),
    ]);
    expect((await findings(page, { allowFrontmatter: ['sidebar'] })).findings.map((f) => f.message)).toEqual([
      expect.stringContaining("Unknown field 'scripts'"),
    ]);
  });

  it("refuses YAML's merge key, which Astro merges and the core schema does not, in pages and runbooks", async () => {
    const merge =
      '<<: { head: [{ tag: script, content: "alert(1)" }], banner: { content: "<img src=x onerror=alert(1)>" } }\n';
    const { code, findings: found } = await findings({
      'runbooks/a.mdx': `---\n${HEAD}${merge}---\n`,
      'runbooks/page.mdx': `---\ntitle: Guide\n${merge}---\n`,
    });
    expect(code).toBe(1);
    expect(found).toMatchObject([
      {
        ruleId: 'parse',
        file: 'runbooks/a.mdx',
        line: 7,
        message: expect.stringContaining("The key '<<' is YAML's merge key"),
      },
      {
        ruleId: 'parse',
        file: 'runbooks/page.mdx',
        line: 3,
        message: expect.stringContaining("The key '<<' is YAML's merge key"),
      },
    ]);
  });
});

describe('alias bombs under 800 bytes (item 7)', () => {
  it('cannot reach Astro: npm run build verifies first and stops on its errors', () => {
    const scripts = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'))
      .scripts as Record<string, string>;
    // `npm run build` is `astro build` (with build.env's environment) with the Starlight plugin, which verifies as the build starts and stops it on errors (test/lib/plugin.test.ts).
    expect(scripts.build).toMatch(/ && node --env-file=build\.env node_modules\/astro\/bin\/astro\.mjs build$/);
    expect(readFileSync(new URL('../../../astro.config.mjs', import.meta.url), 'utf8')).toContain(
      'plugins: [almanac()]',
    );
  });

  it('are refused quickly under sidebar in a runbook and under an unknown key in a plain page', async () => {
    expect(bomb('sidebar').length).toBeLessThan(800);
    const {
      code,
      ms,
      findings: found,
    } = await findings({
      'runbooks/a.mdx': `---\n${HEAD}${bomb('sidebar')}---\n`,
      'runbooks/page.mdx': `---\ntitle: Guide\n${bomb('whatever')}---\n`,
    });
    expect(code).toBe(1);
    expect(found).toMatchObject([
      {
        ruleId: 'parse',
        file: 'runbooks/a.mdx',
        line: 8,
        message: expect.stringContaining('YAML anchors and aliases (&a, *a) are not accepted'),
      },
      {
        ruleId: 'parse',
        file: 'runbooks/page.mdx',
        line: 4,
        message: expect.stringContaining('YAML anchors and aliases'),
      },
    ]);
    expect(ms).toBeLessThan(2000);
  });

  it('do not crash almanac diff', async () => {
    const root = project({ 'runbooks/owners.yaml': OWNERS, 'runbooks/a.mdx': `---\n${HEAD}---\n` });
    const git = (...args: string[]) =>
      execFileSync(
        'git',
        ['-c', 'user.name=A', '-c', 'user.email=a@a.invalid', '-c', 'init.defaultBranch=main', ...args],
        { cwd: root, encoding: 'utf8' },
      );
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    writeFileSync(join(root, 'runbooks/a.mdx'), `---\n${HEAD}${bomb('sidebar')}---\n`);
    mkdirSync(join(root, 'runbooks/g'));
    writeFileSync(join(root, 'runbooks/g/page.mdx'), `---\ntitle: Guide\n${bomb('whatever')}---\n`);
    for (const format of ['stylish', 'json', 'markdown']) {
      const { code, stdout, stderr, cpuMs: ms } = await runCli(['diff', '--now', TODAY, '--format', format], root);
      expect(stderr).toBe('');
      expect(code, stdout).toBeLessThan(2);
      expect(stdout.length).toBeLessThan(100_000);
      expect(ms).toBeLessThan(5000);
    }
  });

  it('are refused in owners.yaml too', async () => {
    const root = project({ 'runbooks/owners.yaml': `${OWNERS}${bomb('team')}`, 'runbooks/a.mdx': `---\n${HEAD}---\n` });
    const { code, stdout } = await verify(['--format', 'json'], root);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'parse',
        file: 'runbooks/owners.yaml',
        line: 5,
        message: expect.stringContaining('YAML anchors and aliases'),
      }),
    );
  });
});

describe('ids, titles and file names are one line of plain text', () => {
  for (const [name, char] of [
    ['NEL', '\u0085'],
    ['U+2028', '\u2028'],
    ['U+2029', '\u2029'],
    ['a BOM', '\ufeff'],
    ['RLO', '\u202e'],
    ['ESC', '\u001b'],
    ['DEL', '\u007f'],
  ]) {
    it(`refuses ${name} in the title of the runbook, a window, a task, an ad-hoc window and a monitor, naming it and where it is`, async () => {
      const code = `U+${char!.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      const esc = JSON.stringify(`Night${char}ly`);
      const runbook = `---\nid: a\ntitle: ${esc}\nsystem: s\nowners: [ops]\ntimezone: UTC\nwindows:\n  - { id: w, title: ${esc}, rrule: FREQ=DAILY, start: "02:00", duration: PT1H, impact: none }\ntasks:\n  - { id: t, title: ${esc}, kind: check, rrule: FREQ=DAILY, owner: ops }\nad_hoc_windows:\n  - { id: h, title: ${esc}, when: Agreed, impact: none }\nmonitors:\n  - { id: m, title: ${esc} }\n---\n`;
      const { findings: found } = await findings({ 'runbooks/a.mdx': runbook });
      expect(found.filter((f) => f.ruleId === 'schema')).toMatchObject([
        { path: 'title', line: 3, message: expect.stringContaining(`holds ${code}`) },
        { path: 'windows[0].title', line: 8, message: expect.stringContaining(`holds ${code}`) },
        { path: 'tasks[0].title', line: 10, message: expect.stringContaining(`holds ${code}`) },
        { path: 'ad_hoc_windows[0].title', line: 12, message: expect.stringContaining(`holds ${code}`) },
        { path: 'monitors[0].title', line: 14, message: expect.stringContaining(`holds ${code}`) },
      ]);
      expect(found[0]!.message).toContain('at character 6');
    });
  }
});

describe('config paths and config text (item 5)', () => {
  const base = () =>
    project({
      'runbooks/owners.yaml': OWNERS,
      'runbooks/a.mdx': `---\n${HEAD}---\n`,
      'outside/secret.yaml': `ops: [${SECRET}\n`,
    });

  for (const [key, value] of [
    ['owners', '/etc/passwd'],
    ['owners', '/proc/self/environ'],
    ['owners', '../secret.yaml'],
    ['prometheusRules', '/etc/passwd'],
    ['prometheusRules', ['rules.yml', '../../x.yml']],
  ] as Array<[string, unknown]>) {
    it(`refuses ${key}: ${JSON.stringify(value)} without reading it`, async () => {
      const root = base();
      writeFileSync(join(root, 'almanac.config.json'), JSON.stringify({ [key]: value }));
      for (const format of ['stylish', 'github']) {
        const { code, stdout, stderr } = await verify(['--format', format], root);
        expect(code).toBe(2);
        expect(stderr).toMatch(
          new RegExp(
            `^almanac: almanac.config.json is not valid:\\n  ${key}(\\.1)?: must be a path inside the project`,
          ),
        );
        expect(`${stdout}${stderr}`).not.toMatch(/root:|s3cr3t|PATH=/);
      }
    });
  }

  it('refuses a path with a line break, which a missing-file message would print', async () => {
    const root = base();
    writeFileSync(
      join(root, 'almanac.config.json'),
      JSON.stringify({ prometheusRules: 'x\r\n::error file=a::forged.yml' }),
    );
    const { code, stderr } = await verify(['--format', 'github'], root);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'almanac: almanac.config.json is not valid:\n  prometheusRules: must be a path of plain characters; it holds U+000D (a carriage return) at character 2\n',
    );
    writeFileSync(join(root, 'almanac.config.json'), JSON.stringify({ owners: 'x\r\n::error file=a::forged.yaml' }));
    expect((await verify(['--format', 'github'], root)).stderr).toBe(
      'almanac: almanac.config.json is not valid:\n  owners: must be a path of plain characters; it holds U+000D (a carriage return) at character 2\n',
    );
  });

  it('refuses a siteUrl with braces (Prometheus would run them as a template in runbook_url) or quotes', async () => {
    for (const siteUrl of [
      'https://a.example/{{ range query "secret" }}{{ end }}',
      'https://a.example/"onmouseover="x',
    ]) {
      const root = base();
      writeFileSync(join(root, 'almanac.config.json'), JSON.stringify({ siteUrl }));
      const { code, stderr } = await verify([], root);
      expect(code).toBe(2);
      expect(stderr).toContain(
        'siteUrl: must be an absolute URL such as https://runbooks.example.com, without spaces, braces',
      );
    }
  });

  it('refuses a path that leaves the project through a link, without reading it', async () => {
    const root = base();
    const outside = project({ 'secret.yaml': `ops: [${SECRET}\n` });
    symlinkSync(outside, join(root, 'shared'));
    writeFileSync(join(root, 'almanac.config.json'), JSON.stringify({ owners: 'shared/secret.yaml' }));
    const { code, stdout, stderr } = await verify(['--format', 'github'], root);
    expect(code).toBe(2);
    expect(stderr).toBe(
      "almanac: almanac.config.json is not valid:\n  owners: 'shared/secret.yaml' leads outside the project through a link; it is not read\n",
    );
    expect(stdout).not.toContain('s3cr3t');
  });

  it("refuses a metrics query that would comment out or unbalance the alert's comparison", async () => {
    const root = base();
    writeFileSync(
      join(root, 'almanac.config.json'),
      JSON.stringify({ metrics: { cpu: 'cpu) or vector(1) # ', mem: 'sum(mem{path="#"})' } }),
    );
    const { code, stderr } = await verify([], root);
    expect(code).toBe(2);
    expect(stderr).toBe(
      "almanac: almanac.config.json is not valid:\n  metrics.cpu: must be one PromQL expression; it has a ')' at character 4 that closes no '('\n",
    );
  });

  it('takes a path inside the project', async () => {
    const root = base();
    writeFileSync(join(root, 'almanac.config.json'), JSON.stringify({ owners: './runbooks/owners.yaml' }));
    expect((await verify([], root)).code).toBe(0);
  });

  it('shows config keys and values quoted and escaped: no CR or LF reaches stderr, no ::error line is forged', async () => {
    const root = base();
    const forged = 'x\r\n::error file=runbooks/a.mdx,line=1::forged\n';
    writeFileSync(join(root, 'almanac.config.json'), JSON.stringify({ [forged]: 1, rules: { [forged]: 'warn' } }));
    for (const format of ['stylish', 'github']) {
      const { code, stdout, stderr } = await verify(['--format', format], root);
      expect(code).toBe(2);
      expect(`${stdout}${stderr}`).not.toMatch(/^::error/m);
      expect(stderr).not.toContain('\r');
      expect(stderr).toContain(String.raw`'x\r\n::error file=runbooks/a.mdx,line=1::forged\n'`);
    }
    writeFileSync(join(root, 'almanac.config.json'), JSON.stringify({ rules: { [forged]: 'warn' } }));
    const { stderr } = await verify(['--format', 'github'], root);
    expect(stderr).toMatch(
      /^almanac: almanac.config.json names unknown rule 'x\\r\\n::error file=runbooks\/a.mdx,line=1::forged\\n'; rules are /,
    );
    expect(stderr.split('\n')).toHaveLength(2);
  });
});
