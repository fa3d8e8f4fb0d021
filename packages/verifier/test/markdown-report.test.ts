import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiffReport, RunbookChange } from '../src/diff/compare.ts';
import { fieldChanges } from '../src/diff/fields.ts';
import { formatDiffMarkdown } from '../src/diff/markdown.ts';
import { markdownText } from '../src/outputs/format/markdown-text.ts';
import { run } from '../src/cli/cli.ts';
import { project } from './project.ts';

/** Markdown as GitHub's renderer makes it HTML: cmark-gfm with its extensions, autolinks included. */
const render = (markdown: string) =>
  execFileSync('cmark-gfm', ['-e', 'autolink', '-e', 'table', '-e', 'strikethrough', '-e', 'tagfilter'], {
    input: markdown,
    encoding: 'utf8',
  });

/** What a reader sees of rendered HTML: its text, entities read, zero-width joiners gone. */
const seen = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\u200d/g, '')
    .trim();

const HOSTILE = [
  'Log in at https://evil.example/login now',
  'see www.evil.example today',
  'mail ops.team+x@evil.example or mailto:a@b.example',
  'cc @octocat and @github/security',
  'fixes #12, GH-34 and octo/repo#56',
  'ftp://files.evil.example/x and HTTP://EVIL.EXAMPLE',
  '<https://evil.example> [x](https://evil.example) ![i](https://evil.example/i.png)',
  '<img src=x onerror=alert(1)> <script>alert(1)</script>',
];

describe('runbook text in the Markdown report, as cmark-gfm renders it', () => {
  it('renders links, mentions and issue references from the same text when it is not escaped: the check can fail', () => {
    const html = render(`| a |\n|---|\n${HOSTILE.map((text) => `| ${text.replace(/\|/g, '\\|')} |`).join('\n')}\n`);
    expect(html.match(/<a href/g)!.length).toBeGreaterThan(5);
  });

  it('forms no link, image, tag, mention or issue reference, and reads as it was written', () => {
    for (const text of HOSTILE) {
      const html = render(`| a |\n|---|\n| ${markdownText(text)} |\n`);
      expect(html, text).not.toMatch(/<a |<img|<script/);
      const shown = seen(html.match(/<td>([\s\S]*)<\/td>/)![1]!);
      expect(shown).toBe(text);
      // GitHub turns these into notifications and issue links after rendering, as text: a joiner keeps each apart.
      expect(html, text).not.toMatch(/@[A-Za-z0-9]/);
      expect(html, text).not.toMatch(/#\d|GH-\d/i);
    }
  });

  it('shows control, line-breaking and bidirectional characters as escapes, never raw', () => {
    const text = 'title\u001b[31m red\u0085---\u2028x\u202eevil\r\nnext|cell';
    const html = render(`| a | b |\n|---|---|\n| ${markdownText(text)} | after |\n`);
    expect(html).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    expect(seen(html.match(/<td>([\s\S]*?)<\/td>/)![1]!)).toBe(
      'title\\u001b[31m red\\u0085---\\u2028x\\u202eevil\\r\\nnext|cell',
    );
    expect(html).toContain('<td>after</td>');
  });

  it('cuts a long text to a length, with a mark', () => {
    expect(seen(render(markdownText('x'.repeat(250_000))))).toBe(`${'x'.repeat(499)}…`);
  });
});

const change = (
  id: string,
  title: string,
  fields: RunbookChange['fields'],
  items: RunbookChange['items'] = [],
): RunbookChange => ({
  id,
  title,
  system: 'payments',
  status: 'changed',
  file: { before: `runbooks/${id}.mdx`, after: `runbooks/${id}.mdx` },
  fields,
  items,
});

function report(runbooks: RunbookChange[]): DiffReport {
  return {
    base: { ref: 'main', commit: '0123456789abcdef0123' },
    now: '2026-11-23',
    runbooks,
    feeds: [],
    findings: { new: [], fixed: [] },
    skipped: [],
    summary: {
      runbooks: { added: 0, removed: 0, changed: runbooks.length },
      feeds: 0,
      new: { errors: 0, warnings: 0 },
      fixed: { errors: 0, warnings: 0 },
      errors: 0,
      warnings: 0,
    },
  };
}

const moved: RunbookChange = change(
  'zz-db',
  'Database',
  [],
  [
    {
      list: 'windows',
      key: 'downtime',
      status: 'changed',
      fields: [{ field: 'start', before: '02:00', after: '14:00' }],
      schedule: { shift: 'moves 12 hours later' },
    },
  ],
);

describe('the Markdown report of a huge change', () => {
  it('lists every changed runbook at the top, and still shows a moved window after a runbook with a 250,000-character title', () => {
    const huge = change('aa-huge', `Huge ${'t'.repeat(250_000)}`, [
      { field: 'title', before: 'Huge', after: `Huge ${'t'.repeat(250_000)}` },
    ]);
    const markdown = formatDiffMarkdown(report([huge, moved]));
    expect(Buffer.byteLength(markdown)).toBeLessThan(10_000);
    const head = markdown.slice(0, markdown.indexOf('### System'));
    expect(head).toContain('- changed runbook Huge ttt');
    expect(head).toContain('- changed runbook Database (zz-db), runbooks/zz-db.mdx');
    expect(markdown).toContain('| window downtime | moves 12 hours later |');
  });

  it('leaves out a section that would pass the limit, says so in its place, and goes on with the next', () => {
    const wide = change(
      'aa-wide',
      'Wide',
      Array.from({ length: 100 }, (_, i) => ({ field: `f${i}`, before: 'a'.repeat(400), after: 'b'.repeat(400) })),
    );
    const markdown = formatDiffMarkdown(report([wide, moved]), 20_000);
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(20_000);
    expect(markdown).toMatch(
      /\*The changed runbook Wide \(aa-wide\), runbooks\/aa-wide\.mdx: left out, its \d+ KB would take this report past GitHub's limit; `almanac diff --format json` has it\.\*/,
    );
    expect(markdown).not.toContain('aaaa');
    expect(markdown).toContain('| window downtime | moves 12 hours later |');
  });
});

describe('fieldChanges', () => {
  it('lists at most 100 changes and counts the rest, and still sees a change past the first 1,000 fields', () => {
    const before = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i]));
    const changes = fieldChanges(before, {
      ...before,
      ...Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, -i - 1])),
    });
    expect(changes).toHaveLength(101);
    // 200 more fields, and the digest of the whole value past the first 1,000 fields.
    expect(changes.at(-1)).toEqual({ field: '201 more fields', before: 'not listed', after: 'not listed' });
    expect(fieldChanges(before, { ...before, k4999: 'changed' })).toMatchObject([{ field: '…' }]);
    expect(fieldChanges(before, { ...before })).toEqual([]);
  });
});

describe('--format github on a runner: the findings past the annotations, on the summary page', () => {
  const OWNERS = 'ops:\n  name: Operations\n  email: ops@example.com\n';
  // Twelve runbooks each with an unknown owner whose name is hostile Markdown: twelve errors, two past the cap.
  const files = Object.fromEntries(
    Array.from({ length: 12 }, (_, i) => [
      `runbooks/r${String(i).padStart(2, '0')}.mdx`,
      `---\nid: r${i}\ntitle: R${i}\nsystem: s${i}\nowners: [ops]\ntimezone: UTC\nescalation:\n  - level: 1\n    owner: "x@evil.example"\n    respond_within: PT30M\n---\n`,
    ]),
  );

  async function verifyOnRunner(summary: string | undefined, root: string) {
    let stdout = '';
    const code = await run(['verify', '--format', 'github', '--now', '2026-11-23'], {
      stdout: (t) => (stdout += t),
      stderr: () => {},
      cwd: root,
      color: false,
      env: summary ? { GITHUB_STEP_SUMMARY: summary } : {},
    });
    return { code, stdout };
  }

  it('appends a table of the findings not annotated to $GITHUB_STEP_SUMMARY, forming no link or mention', async () => {
    const root = project({ 'runbooks/owners.yaml': OWNERS, ...files });
    const summary = join(root, 'step-summary.md');
    writeFileSync(summary, '# Earlier step\n');
    const { code, stdout } = await verifyOnRunner(summary, root);
    expect(code).toBe(1);
    expect(stdout.match(/^::error /gm)).toHaveLength(10);
    const markdown = readFileSync(summary, 'utf8');
    expect(markdown.startsWith('# Earlier step\n')).toBe(true);
    const html = render(markdown);
    expect(html).toContain('Almanac: 2 findings not annotated');
    expect(html.match(/<tr>/g)).toHaveLength(3); // the head and two findings
    expect(seen(html)).toContain('runbooks/r11.mdx');
    expect(html).not.toMatch(/<a /);
    expect(html).not.toMatch(/@[A-Za-z0-9]/);
  });

  it('writes nothing there when every finding was annotated, and needs no runner', async () => {
    const root = project({ 'runbooks/owners.yaml': OWNERS, 'runbooks/r.mdx': files['runbooks/r00.mdx']! });
    const summary = join(root, 'step-summary.md');
    writeFileSync(summary, '');
    expect((await verifyOnRunner(summary, root)).code).toBe(1);
    expect(readFileSync(summary, 'utf8')).toBe('');
    expect((await verifyOnRunner(undefined, root)).stdout).toMatch(/^::error /m);
  });
});
