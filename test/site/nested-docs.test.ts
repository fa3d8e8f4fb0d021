import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig, loadCorpus, loadOptionsOf, pageHref, type Runbook } from '@almanac/verifier/internal';
import { BUILD_TODAY, buildCopy, copyProject, rendersAsMarkdown, ROOT, runbookText } from './astro-build.ts';
import { DIST } from './build.ts';

/*
 * The second layout the plugin supports (issue 21): the runbooks a folder inside a larger docs
 * site (src/content/docs/ops/runbooks/, read by Starlight's own loader, beside other pages), not
 * the collection itself. Its pages are routed from src/content/docs, not from the runbook tree:
 * the feeds' event URLs, the Prometheus rules' runbook_url and the page paths `almanac diff`
 * gives its feeds (pageHref with the tree it is given) must all be the built pages' paths.
 */

const TREE = 'src/content/docs/ops/runbooks';
const SITE = 'https://docs.example.com/team';
let dir: string;
let build: { status: number | null; output: string };

beforeAll(() => {
  dir = copyProject('almanac-nested-docs-', ['almanac.config.json']);
  cpSync(join(ROOT, 'runbooks'), join(dir, TREE), { recursive: true });
  mkdirSync(join(dir, 'src/content/docs/guides'), { recursive: true });
  writeFileSync(join(dir, 'src/content/docs/guides/onboarding.md'), '---\ntitle: Onboarding\n---\n\nHow we work.\n');
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    "import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n",
  );
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\nimport almanac from '@almanac/starlight';\nexport default defineConfig({ integrations: [starlight({ title: 'Docs', plugins: [almanac({ runbooks: '${TREE}', siteUrl: '${SITE}', sidebarFullUpTo: 2 })] })] });\n`,
  );
  build = buildCopy(dir, { ALMANAC_NOW: BUILD_TODAY });
}, 660_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('runbooks in a folder of a larger docs site', () => {
  it("link every runbook at its built page's path: the feeds' events, the alerts' runbook_url and diff's page paths", () => {
    expect(build.status, build.output.slice(-4000)).toBe(0);
    const dist = join(dir, 'dist');
    // The built runbook pages, by their path: those with the summary above the text.
    const built = new Set(
      readdirSync(dist, { recursive: true, encoding: 'utf8' })
        .filter(
          (name) =>
            name.endsWith('index.html') && readFileSync(join(dist, name), 'utf8').includes('class="runbook-summary'),
        )
        .map((name) => `/${name.replace(/index\.html$/, '')}`),
    );
    const { config } = loadConfig(dir);
    const { runbooks } = loadCorpus([TREE], dir, loadOptionsOf(config));
    expect(built.size).toBe(runbooks.length);
    for (const path of built) expect(path).toMatch(/^\/ops\/runbooks\//);

    // What `almanac diff src/content/docs/ops/runbooks` gives each runbook's feed events.
    for (const runbook of runbooks) expect(built, runbook.source.file).toContain(pageHref(runbook, [TREE]));

    const pathOf = (url: string) => {
      expect(url.startsWith(`${SITE}/`), url).toBe(true);
      return new URL(url).pathname.slice(new URL(SITE).pathname.length);
    };
    const feed = readFileSync(join(dist, 'calendars/all.ics'), 'utf8').replace(/\r\n[ \t]/g, '');
    const eventUrls = feed
      .split('BEGIN:VEVENT')
      .slice(1)
      .flatMap((event) => /^URL:(.+)$/m.exec(event)?.[1]?.trim() ?? []);
    expect(eventUrls.length).toBeGreaterThan(0);
    for (const url of eventUrls) expect(built, url).toContain(pathOf(url));
    expect(new Set(eventUrls.map(pathOf)).size).toBe(runbooks.filter((r) => r.windows.length > 0).length);

    const rules = parse(readFileSync(join(dist, 'alerting/prometheus-rules.yml'), 'utf8')) as {
      groups: Array<{ rules: Array<{ annotations: { runbook_url: string } }> }>;
    };
    const runbookUrls = rules.groups.flatMap((g) => g.rules.map((r) => r.annotations.runbook_url));
    expect(runbookUrls.length).toBeGreaterThan(0);
    for (const url of runbookUrls) expect(built, url).toContain(pathOf(url.replace(/#.*$/, '')));
  });

  it("renders each runbook's text as the runbook loader does, which renders an MDX file with no MDX of its own as Markdown", () => {
    // Starlight's loader compiles every runbook as MDX; the shared build's runbooksLoader renders the plain ones as Markdown.
    const corpus = (root: string, tree: string) =>
      loadCorpus([tree], root, loadOptionsOf(loadConfig(root).config)).runbooks;
    const shared = new Map(corpus(ROOT, 'runbooks').map((runbook) => [runbook.id, runbook]));
    const page = (dist: string, runbook: Runbook, tree: string) =>
      readFileSync(join(dist, pageHref(runbook, [tree]), 'index.html'), 'utf8');
    let plain = 0;
    for (const runbook of corpus(dir, TREE)) {
      const markdown = rendersAsMarkdown(join(dir, runbook.source.file));
      const theirs = page(DIST, shared.get(runbook.id)!, 'runbooks');
      // Which renderer wrote the shared build's page: MDX writes Starlight's heading anchors' attribute as `="true"`.
      expect(theirs.includes('data-pagefind-ignore="true"'), runbook.source.file).toBe(!markdown);
      if (markdown) plain++;
      const mine = runbookText(page(join(dir, 'dist'), runbook, TREE));
      expect(mine.length, runbook.source.file).toBeGreaterThan(1000);
      expect(runbookText(theirs), runbook.source.file).toBe(mine);
    }
    expect(plain, 'shipped runbooks the runbook loader renders as Markdown').toBeGreaterThan(0);
  });

  it("folds the sidebar of more runbooks than sidebarFullUpTo to the page's own system, every other system one link", () => {
    const sidebar = (path: string) => {
      const html = readFileSync(join(dir, 'dist', path, 'index.html'), 'utf8');
      const nav = html.slice(
        html.indexOf('<ul class="top-level'),
        html.indexOf('</nav>', html.indexOf('<ul class="top-level')),
      );
      return {
        groups: [...nav.matchAll(/<summary[^>]*>.*?<span class="large[^"]*">([^<]+)<\/span>/g)].map((m) => m[1]),
        links: Object.fromEntries(
          [...nav.matchAll(/<a href="([^"]+)"[^>]*><span[^>]*>([^<]+)<\/span>/g)].map((m) => [m[2], m[1]]),
        ),
      };
    };
    const systems = ['case-system', 'mvono', 'platform', 'political-sphere', 'smartmed'];
    const first = (system: string) =>
      readdirSync(join(dir, 'dist/ops/runbooks', system)).map((page) => `/ops/runbooks/${system}/${page}/`)[0];
    const mvono = sidebar('ops/runbooks/mvono/maintenance-plan');
    expect(mvono.groups).toEqual(['Schedule', 'mvono']);
    expect(mvono.links['Mvono Consultants maintenance plan']).toBe('/ops/runbooks/mvono/maintenance-plan/');
    for (const system of systems.filter((s) => s !== 'mvono')) expect(mvono.links[system], system).toBe(first(system));
    const guide = sidebar('guides/onboarding');
    expect(guide.groups).toEqual(['Schedule']);
    expect(Object.keys(guide.links)).toEqual(['Calendar', 'Owners', 'Findings', 'Rules', ...systems]);
  });
});
