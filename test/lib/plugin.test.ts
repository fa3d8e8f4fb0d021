import { rmSync } from 'node:fs';
import type { AstroIntegrationLogger } from 'astro';
import { afterAll, describe, expect, it } from 'vitest';
import { siteConfig, siteOptions } from '../../packages/starlight/src/options.ts';
import { isPlainMarkdown } from '../../packages/starlight/src/loader.ts';
import { foldSystems, systemGroups } from '../../packages/starlight/src/sidebar.ts';
import { verifyOnBuild } from '../../packages/starlight/src/verify-on-build.ts';
import { project } from '../../packages/verifier/test/project.ts';

const OWNERS = 'ops:\n  name: Operations\n  email: ops@example.com\n';
const runbook = (id: string, extra = '') =>
  `---\nid: ${id}\ntitle: ${id}\nsystem: db\nowners: [ops]\ntimezone: UTC\n${extra}---\n`;
const dirs: string[] = [];
const tree = (files: Record<string, string>) => {
  const dir = project(files);
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A logger that keeps what it is given, by level. */
function logger() {
  const lines: Array<[string, string]> = [];
  const log = (level: string) => (message: string) => void lines.push([level, message]);
  return {
    lines,
    logger: {
      info: log('info'),
      warn: log('warn'),
      error: log('error'),
      debug: log('debug'),
    } as unknown as AstroIntegrationLogger,
  };
}

describe('the Starlight plugin', () => {
  const WITH_ERROR = {
    'runbooks/owners.yaml': OWNERS,
    'runbooks/db/a.mdx': runbook('a', 'review:\n  cycle: P3M\n  last_reviewed: 2026-13-01\n'),
  };

  it('stops the build on an error, with the verifier’s report', () => {
    const root = tree(WITH_ERROR);
    expect(() => verifyOnBuild(siteOptions({}, root, undefined), logger().logger, true)).toThrow(
      /^runbooks has an error; the site is not built \(almanac verify\):\nrunbooks\/db\/a\.mdx\n/,
    );
  });

  it('logs the error and builds on with stopOnErrors: false, and says when there is nothing to report', () => {
    const failing = logger();
    verifyOnBuild(siteOptions({ stopOnErrors: false }, tree(WITH_ERROR), undefined), failing.logger, false);
    expect(failing.lines.map(([level]) => level)).toEqual(['error']);
    const clean = logger();
    verifyOnBuild(
      siteOptions({}, tree({ 'runbooks/owners.yaml': OWNERS, 'runbooks/db/a.mdx': runbook('a') }), undefined),
      clean.logger,
      true,
    );
    expect(clean.lines).toEqual([['info', 'runbooks: no problems']]);
  });

  it('takes the site URL from ALMANAC_SITE_URL, the option, the config, then Astro’s site', () => {
    const root = tree({
      'almanac.config.json': '{ "siteUrl": "https://config.example.com/" }',
      'runbooks/owners.yaml': OWNERS,
    });
    const bare = tree({ 'runbooks/owners.yaml': OWNERS });
    const saved = process.env.ALMANAC_SITE_URL;
    delete process.env.ALMANAC_SITE_URL;
    try {
      expect(
        siteConfig(siteOptions({ siteUrl: 'https://option.example.com' }, root, 'https://astro.example.com')).siteUrl,
      ).toBe('https://option.example.com');
      expect(siteConfig(siteOptions({}, root, 'https://astro.example.com')).siteUrl).toBe('https://config.example.com');
      expect(siteConfig(siteOptions({}, bare, 'https://astro.example.com/')).siteUrl).toBe('https://astro.example.com');
      process.env.ALMANAC_SITE_URL = 'https://env.example.com';
      expect(siteConfig(siteOptions({ siteUrl: 'https://option.example.com' }, root, undefined)).siteUrl).toBe(
        'https://env.example.com',
      );
    } finally {
      if (saved === undefined) delete process.env.ALMANAC_SITE_URL;
      else process.env.ALMANAC_SITE_URL = saved;
    }
  });

  it('lays out one sidebar group per system, by entry id inside src/content/docs or from the project root', () => {
    const root = tree({
      'runbooks/owners.yaml': OWNERS,
      'runbooks/db/a.mdx': runbook('a'),
      'runbooks/db/deeper/c.md': runbook('c'),
      'runbooks/db/_partial.mdx': runbook('p'),
      'runbooks/owners.d/x.yaml': OWNERS,
      'src/content/docs/runbooks/web/b.md': runbook('b'),
    });
    expect(systemGroups(root, 'runbooks')).toEqual({
      groups: [{ label: 'db', items: [{ autogenerate: { directory: 'runbooks/db' } }] }],
      pages: 2,
    });
    expect(
      systemGroups(root, siteOptions({ runbooks: './src/content/docs/runbooks/' }, root, undefined).runbooks),
    ).toEqual({ groups: [{ label: 'web', items: [{ autogenerate: { directory: 'runbooks/web' } }] }], pages: 1 });
  });

  it("folds a large sidebar to the page's own system: every other system one link to its first page", () => {
    const link = (label: string, isCurrent = false) => ({
      type: 'link' as const,
      label,
      href: `/${label}/`,
      isCurrent,
      attrs: {},
      badge: undefined,
    });
    const group = (label: string, entries: Parameters<typeof foldSystems>[0]) => ({
      type: 'group' as const,
      label,
      entries,
      collapsed: false,
      badge: undefined,
    });
    const sidebar = [
      group('Schedule', [link('calendar')]),
      group('db', [group('deeper', [link('db/b', true)]), link('db/a')]),
      group('web', [group('deeper', [link('web/c')]), link('web/a')]),
      group('Schedule', [link('Schedule/a')]),
      group('empty', []),
    ];
    // By place: the plugin's Schedule group is first, and a system may be called Schedule too.
    expect(foldSystems(sidebar)).toEqual([
      sidebar[0],
      sidebar[1],
      { ...link('web'), href: '/web/c/' },
      { ...link('Schedule'), href: '/Schedule/a/' },
      sidebar[4],
    ]);
  });

  it('renders an MDX runbook as Markdown only when its text means the same in both', () => {
    const plain = [
      '# Restore\n\n1. Stop the app.\n   Then check the `status` page.\n\n```sh\nif [ "$a" < 2 ]; then echo {}; fi\n```\n',
      '~~~\n<div>{x}</div>\n```\nstill code {\n~~~\n\ntext after\n',
      'Use ``a `b` c`` here.\n\n---\n\nA rule in the middle.\n',
    ];
    const mdx = [
      'Call <Aside>now</Aside>.',
      'Disk {props.limit} full.',
      'Disk below \\<20%.',
      'import Foo from "./foo.astro";\n\n<Foo />',
      'export const x = 1;',
      'Text.\n\n    indented code in Markdown, a paragraph in MDX\n',
      '---\ntitle: frontmatter to Markdown\n---\n',
      '<!-- a comment -->',
      'Go to <https://example.com>.',
      // Code spans are not followed: a brace on a line with one stays MDX, escaped backticks and all.
      'Check `a < b` first.',
      'See \\`{x}\\` here.',
      'Use ``{x}` here.',
      // A fence in a list item ends with the item: not followed.
      '- ```sh\n  echo hi\n  ```\n\nDisk {limit} full.',
      '- step\n  ```\n  code\n\nDisk {limit} full.',
      // Not a fence: a backtick in its info string.
      '```a`b\n{x}\n```\n',
      // Unclosed: in a list or a quote it would end earlier.
      '```sh\nan unclosed fence\n',
    ];
    expect(plain.filter((body) => !isPlainMarkdown(body))).toEqual([]);
    expect(mdx.filter((body) => isPlainMarkdown(body))).toEqual([]);
    expect(isPlainMarkdown(undefined)).toBe(false);
  });
});
