import { describe, expect, it } from 'vitest';
import { pageHref } from './page-path.ts';

const page = (file: string, slug?: string) => pageHref({ source: { file }, slug });

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
});
