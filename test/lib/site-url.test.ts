import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { missingSiteUrl, siteOptions } from '../../packages/starlight/src/options.ts';

const root = mkdtempSync(join(tmpdir(), 'almanac-site-url-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a build without a site URL', () => {
  it('names the option and what it breaks, and is quiet once any of the four ways gives one', () => {
    const bare = siteOptions({}, root, undefined);
    const message = missingSiteUrl(bare, {});
    expect(message).toMatch(/^no siteUrl: .*subscribe links.*runbook_url.*almanac\.example\.org/);
    expect(message).toContain('ALMANAC_SITE_URL');
    expect(missingSiteUrl(bare, { ALMANAC_SITE_URL: 'https://runbooks.example.com' })).toBeUndefined();
    expect(missingSiteUrl(siteOptions({ siteUrl: 'https://runbooks.example.com' }, root, undefined), {})).toBeUndefined();
    expect(missingSiteUrl(siteOptions({}, root, 'https://runbooks.example.com'), {})).toBeUndefined();
    writeFileSync(join(root, 'almanac.config.json'), JSON.stringify({ siteUrl: 'https://runbooks.example.com' }));
    expect(missingSiteUrl(bare, {})).toBeUndefined();
  });
});
