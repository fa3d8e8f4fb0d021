import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TODAY, buildCopy, copyProject, rendersAsMarkdown, ROOT, runbookText } from './astro-build.ts';

/*
 * A site that moves to runbooksLoader() over the content cache of Astro's own glob loader, which
 * stored every MDX runbook as a module to compile: the runbooks the loader can render as Markdown
 * must be read again, not left as modules while their files stand unchanged.
 */

/** The site's content config imports its loader from a module of its own: the config file stays the same, as it does when the plugin is upgraded. */
const CONFIG =
  "import { defineCollection } from 'astro:content';\nimport { docsSchema } from '@astrojs/starlight/schema';\nimport { runbooksLoader } from './runbooks-loader.ts';\nexport const collections = { docs: defineCollection({ loader: runbooksLoader(), schema: docsSchema() }) };\n";
const LOADERS = [
  "import { glob } from 'astro/loaders';\nexport const runbooksLoader = () => glob({ base: './runbooks', pattern: '**/[^_]*.{md,mdx}' });\n",
  "export { runbooksLoader } from '@almanac/starlight/loader';\n",
];

/** A hostile contributor's plain body: control characters, a lone CR, NEL, bidi and entity-written markup. */
const HOSTILE =
  '---\nid: hostile-text\ntitle: Hostile text\nsystem: platform\nowners: [platform-system-administration]\ntimezone: UTC\n---\n\n' +
  '# Hostile\n\nESC \u001b[31m red, NEL \u0085 here, a lone CR\rthere, RTL \u202e override, zero width \u200b.\n\n' +
  '[click](javascript:alert(1)) and &lt;script&gt;alert(1)&lt;/script&gt; and &#x3C;b&#x3E;bold&#x3C;/b&#x3E;.\n';

let dir: string;
const builds: Array<{ status: number | null; output: string; modules: string; hostile: string }> = [];

beforeAll(() => {
  dir = copyProject('almanac-loader-cache-');
  cpSync(join(ROOT, 'runbooks'), join(dir, 'runbooks'), { recursive: true });
  writeFileSync(join(dir, 'runbooks/platform/hostile-text.mdx'), HOSTILE);
  writeFileSync(join(dir, 'src/content.config.ts'), CONFIG);
  for (const loader of LOADERS) {
    writeFileSync(join(dir, 'src/runbooks-loader.ts'), loader);
    const build = buildCopy(dir, { ALMANAC_NOW: BUILD_TODAY });
    builds.push({
      ...build,
      modules: readFileSync(join(dir, '.astro/content-modules.mjs'), 'utf8'),
      hostile: build.status === 0 ? readFileSync(join(dir, 'dist/platform/hostile-text/index.html'), 'utf8') : '',
    });
  }
}, 660_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('runbooksLoader over a cache of MDX modules', () => {
  it('reads the plain runbooks again as Markdown, and leaves the others modules', () => {
    for (const build of builds) expect(build.status, build.output.slice(-4000)).toBe(0);
    const [before, after] = builds.map((build) => build.modules);
    const files = [
      'mvono/maintenance-plan.mdx',
      'political-sphere/maintenance-sop.mdx',
      'smartmed/maintenance-schedule.mdx',
    ];
    const markdown = (file: string) => rendersAsMarkdown(join(ROOT, 'runbooks', file));
    for (const file of files) {
      expect(before, file).toContain(`runbooks/${file}`);
      expect(after!.includes(`runbooks/${file}`), file).toBe(!markdown(file));
    }
    expect(files.filter((file) => markdown(file)).length).toBe(2);
  });

  it('renders a hostile plain body as Markdown exactly as MDX did, its markup as text', () => {
    const [mdx, markdown] = builds.map((build) => build.hostile);
    expect(builds[0]!.modules).toContain('hostile-text.mdx');
    expect(builds[1]!.modules).not.toContain('hostile-text.mdx');
    expect(runbookText(markdown!)).toBe(runbookText(mdx!));
    expect(markdown).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(markdown).not.toMatch(/<script>alert|<b>bold/);
  });
});
