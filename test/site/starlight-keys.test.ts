import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildCopy, copyProject } from './astro-build.ts';
import { launchChromium } from './browser.ts';
import { serveStatic } from './static-server.ts';

/*
 * Issue 27, item 1, in Chromium: Starlight's own frontmatter keys, on a copy of the project with
 * a runbook tree of its own. What the schema takes (labels that look like markup, an https
 * editUrl, prev/next labels) is built and loaded, and no script of the runbook's runs; what it
 * refuses (sidebar attrs with an onfocus handler, a javascript: editUrl or prev/next link, a
 * merge key that brings `head`) stops the build as the plugin verifies, so Astro never builds it.
 */

const OWNERS = 'ops:\n  name: Operations\n  email: ops@example.com\n';
const HEAD = 'id: a\ntitle: A runbook\nsystem: sys\nowners: [ops]\ntimezone: UTC\n';
/** Markup in every text Starlight shows; each would set window.pwned if it ran. */
const MARKUP = `"><img src=x onerror="window.pwned=1">`;
const ACCEPTED = `sidebar: { order: 1, label: ${JSON.stringify(MARKUP)}, badge: ${JSON.stringify(MARKUP)} }\nprev: ${JSON.stringify(MARKUP)}\nnext: true\neditUrl: https://example.com/edit?x="><script>window.pwned=1</script>\ntableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 }\n`;
const ATTRS = 'sidebar:\n  attrs: { autofocus: true, onfocus: "window.pwned=1" }\n';
/** Each refused case, and what its finding says. */
const REFUSED: Record<string, [string, string]> = {
  'sidebar attrs': [ATTRS, "Unknown field 'attrs' in sidebar"],
  'a javascript: editUrl': ['editUrl: "javascript:window.pwned=1"\n', 'editUrl must be true, false or an https: URL'],
  'a prev link': ['prev: { link: "javascript:window.pwned=1", label: Back }\n', 'prev must be true, false or a label'],
  'a next link': ['next: { link: "javascript:window.pwned=1" }\n', 'next must be true, false or a label'],
  'a 9⁹ alias bomb': [
    `whatever:\n  a: &a [x,x,x,x,x,x,x,x,x]\n${Array.from(
      { length: 8 },
      (_, i) =>
        `  ${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(',')}]\n`,
    ).join('')}`,
    'YAML anchors and aliases (&a, *a) are not accepted',
  ],
  'a merge key with head': [
    '<<: { head: [{ tag: script, content: "window.pwned=1" }] }\n',
    "The key '<<' is YAML's merge key",
  ],
};

let dir: string;
let browser: Browser | undefined;
let server: { url: string; close: () => Promise<void> } | undefined;

function tree(runbook: string, page: string): void {
  rmSync(join(dir, 'runbooks'), { recursive: true, force: true });
  mkdirSync(join(dir, 'runbooks/sys'), { recursive: true });
  writeFileSync(join(dir, 'runbooks/owners.yaml'), OWNERS);
  writeFileSync(
    join(dir, 'runbooks/sys/a.mdx'),
    `---\n${HEAD}${runbook}---\n\n## Procedure\n\nText.\n\n## More\n\nText.\n`,
  );
  writeFileSync(join(dir, 'runbooks/sys/guide.mdx'), `---\ntitle: Guide\n${page}---\n\nA guide.\n`);
}

beforeAll(() => {
  dir = copyProject('almanac-starlight-keys-');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe("Starlight's keys in a built site", () => {
  for (const [name, [yaml, message]] of Object.entries(REFUSED)) {
    it(`stop the build as the plugin verifies, for ${name} in a runbook and in a plain page`, () => {
      tree(yaml, yaml);
      const run = buildCopy(dir);
      expect(run.status, run.output.slice(-4000)).toBe(1);
      expect(run.output).toMatch(/the site is not built \(almanac verify\)/);
      expect(run.output).toMatch(/runbooks\/sys\/a\.mdx[\s\S]*runbooks\/sys\/guide\.mdx/);
      expect(run.output.split(message).length).toBeGreaterThanOrEqual(3);
      expect(existsSync(join(dir, 'dist'))).toBe(false);
    }, 120_000);
  }

  it('build what the schema takes, and no runbook script runs in Chromium on load, focus or hover', async () => {
    tree(ACCEPTED, ACCEPTED);
    const run = buildCopy(dir);
    expect(run.status, run.output.slice(-4000)).toBe(0);
    const seen = await inBrowser(['/', '/sys/a/', '/sys/guide/']);
    for (const { path, pwned, handlers, jsLinks } of seen.pages) {
      expect(pwned, path).toBeUndefined();
      expect(handlers, path).toEqual([]);
      expect(jsLinks, path).toBe(0);
    }
    // The markup is shown as text: the sidebar link's label.
    expect(seen.labelShown).toBe(true);
    expect(seen.dialogs).toEqual([]);
  }, 600_000);

  it('would see the handler run (the control): sidebar attrs allowed by the config reach every page and run on focus', async () => {
    tree(ATTRS, '');
    writeFileSync(join(dir, 'almanac.config.json'), JSON.stringify({ allowFrontmatter: ['sidebar'] }));
    try {
      rmSync(join(dir, 'dist'), { recursive: true, force: true });
      const run = buildCopy(dir);
      expect(run.status, run.output.slice(-4000)).toBe(0);
      const seen = await inBrowser(['/sys/guide/']);
      expect(seen.pages[0]!.handlers).toContain('A onfocus');
      expect(seen.pages[0]!.pwned).toBe(1);
    } finally {
      rmSync(join(dir, 'almanac.config.json'), { force: true });
    }
  }, 600_000);
});

/** The built dist/ served, and what each page does in Chromium once every link and button has been focused and hovered. */
async function inBrowser(paths: string[]) {
  await server?.close();
  server = await serveStatic(join(dir, 'dist'));
  browser ??= await launchChromium();
  const page = await browser.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const pages = [];
  for (const path of paths) {
    await page.goto(`${server.url}${path}`);
    for (const link of await page.locator('a, button').all()) {
      await link.focus().catch(() => undefined);
      await link.hover({ timeout: 500 }).catch(() => undefined);
    }
    pages.push({
      path,
      pwned: await page.evaluate(() => (window as unknown as { pwned?: number }).pwned),
      handlers: await page.evaluate(() =>
        [...document.querySelectorAll('*')].flatMap((el) =>
          [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`),
        ),
      ),
      jsLinks: await page.evaluate(() => document.querySelectorAll('a[href^="javascript:" i]').length),
    });
  }
  await page.goto(`${server.url}/sys/a/`);
  const labelShown = (await page.locator('a', { hasText: 'onerror="window.pwned=1"' }).count()) > 0;
  await page.close();
  return { pages, dialogs, labelShown };
}
