import { describe, expect, it } from 'vitest';
import { pageHref } from './page-path.ts';

const page = (file: string, slug?: string, trees?: string[]) => pageHref({ source: { file }, slug }, trees);

describe('pageHref', () => {
  it('routes a page by its path below runbooks/, each segment slugged as Astro does', () => {
    expect(page('runbooks/mvono/maintenance-plan.mdx')).toBe('/mvono/maintenance-plan/');
    expect(page('runbooks/Case System/Backups & Restores.md')).toBe('/case-system/backups--restores/');
    expect(page('runbooks/platform/index.mdx')).toBe('/platform/');
    expect(page('runbooks/index.mdx')).toBe('/');
  });

  it('takes the frontmatter slug, and a tree outside runbooks/ by its whole path', () => {
    expect(page('runbooks/a.mdx', 'ops/a')).toBe('/ops/a/');
    expect(page('test/fixtures/x/plan.mdx')).toBe('/test/fixtures/x/plan/');
  });

  it("routes a runbook folder inside Starlight's docs from the docs folder, whatever tree is given", () => {
    expect(page('src/content/docs/ops/runbooks/mvono/plan.mdx', undefined, ['src/content/docs/ops/runbooks'])).toBe(
      '/ops/runbooks/mvono/plan/',
    );
    expect(page('src/content/docs/runbooks/index.mdx')).toBe('/runbooks/');
  });

  it('routes a runbook tree of another name, which is then the collection, from that tree, the outermost one given', () => {
    expect(page('ops/mvono/plan.mdx', undefined, ['./ops/'])).toBe('/mvono/plan/');
    expect(page('ops/mvono/plan.mdx', undefined, ['ops/mvono', 'ops'])).toBe('/mvono/plan/');
    // A runbook file given as the path is not a tree, nor is the project root (`almanac diff .`).
    expect(page('ops/mvono/plan.mdx', undefined, ['ops/mvono/plan.mdx'])).toBe('/ops/mvono/plan/');
    expect(page('runbooks/mvono/plan.mdx', undefined, [''])).toBe('/mvono/plan/');
    expect(page('ops/mvono/plan.mdx', undefined, ['.'])).toBe('/ops/mvono/plan/');
  });
});
