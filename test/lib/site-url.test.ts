import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import almanac from '../../packages/starlight/src/index.ts';
import { missingSiteUrl, siteOptions } from '../../packages/starlight/src/options.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const root = mkdtempSync(join(tmpdir(), 'almanac-site-url-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a build without a site URL', () => {
  it('names the option and what it breaks, and is quiet once any of the four ways gives one', () => {
    const bare = siteOptions({}, root, undefined);
    const message = missingSiteUrl(bare, {});
    expect(message).toMatch(/^no siteUrl: .*subscribe links.*runbook_url.*almanac\.example\.org/);
    expect(message).toContain('ALMANAC_SITE_URL');
    expect(missingSiteUrl(bare, { ALMANAC_SITE_URL: 'https://runbooks.example.com' })).toBeUndefined();
    expect(
      missingSiteUrl(siteOptions({ siteUrl: 'https://runbooks.example.com' }, root, undefined), {}),
    ).toBeUndefined();
    expect(missingSiteUrl(siteOptions({}, root, 'https://runbooks.example.com'), {})).toBeUndefined();
    writeFileSync(join(root, 'almanac.config.json'), JSON.stringify({ siteUrl: 'https://runbooks.example.com' }));
    expect(missingSiteUrl(bare, {})).toBeUndefined();
  });
});

describe('the plugin as a build starts', () => {
  /** Runs the plugin's setup as Starlight would for `astro build` in `dir`, and returns what it warned. */
  function setUp(dir: string, options: Parameters<typeof almanac>[0]): string[] {
    const warned: string[] = [];
    const logger = { warn: (message: string) => warned.push(message), info: () => {} };
    const hook = almanac(options).hooks['config:setup'] as unknown as (context: object) => void;
    hook({
      config: {},
      updateConfig: () => {},
      addIntegration: () => {},
      addRouteMiddleware: () => {},
      astroConfig: { root: new URL(`file://${dir}/`) },
      command: 'build',
      logger,
    });
    return warned;
  }

  it('warns once without a site URL, and fails a CI build when told to', () => {
    const dir = mkdtempSync(join(tmpdir(), 'almanac-plugin-'));
    // The starter's runbooks, which verify without errors.
    cpSync(join(ROOT, 'examples/starter/runbooks'), join(dir, 'runbooks'), { recursive: true });
    const saved = { CI: process.env.CI, ALMANAC_SITE_URL: process.env.ALMANAC_SITE_URL };
    try {
      delete process.env.ALMANAC_SITE_URL;
      process.env.CI = 'true';
      expect(setUp(dir, {}).filter((m) => m.startsWith('no siteUrl'))).toHaveLength(1);
      expect(() => setUp(dir, { requireSiteUrlInCi: true })).toThrow(/^no siteUrl: .*requireSiteUrlInCi/);
      expect(
        setUp(dir, { requireSiteUrlInCi: true, siteUrl: 'https://runbooks.example.com' }).filter((m) =>
          m.startsWith('no siteUrl'),
        ),
      ).toEqual([]);
      process.env.CI = 'false';
      expect(setUp(dir, { requireSiteUrlInCi: true }).filter((m) => m.startsWith('no siteUrl'))).toHaveLength(1);
    } finally {
      for (const [key, value] of Object.entries(saved))
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
