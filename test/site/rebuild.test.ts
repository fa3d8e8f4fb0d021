import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TODAY, buildSite, DIST } from './build.ts';

/*
 * A second build of the same commit, on a machine in another zone: the shared build ran at
 * UTC+14 (Pacific/Kiritimati), this one at UTC−3:30 (America/St_Johns), a day apart for most of
 * the hours of a day.
 */

let second: string;

beforeAll(() => {
  second = mkdtempSync(join(tmpdir(), 'almanac-rebuild-'));
  buildSite(second, { TZ: 'America/St_Johns', ALMANAC_NOW: BUILD_TODAY });
}, 300_000);

afterAll(() => {
  if (second) rmSync(second, { recursive: true, force: true });
});

const filesOf = (dir: string, extension: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(extension))
    .sort();

describe('a second build, in another time zone', () => {
  it('writes the same content on every page', () => {
    const pages = filesOf(DIST, '.html');
    expect(filesOf(second, '.html')).toEqual(pages);
    // Code blocks' token colours too: astro.config.mjs lifts Shiki's time limit per line, which a loaded
    // machine would reach. Less the build time (footer, live schedule): without SOURCE_DATE_EPOCH each build says when it ran.
    const mainOf = (dir: string, page: string) =>
      /<main[\s\S]*<\/main>/
        .exec(readFileSync(join(dir, page), 'utf8'))?.[0]
        .replace(/<p class="build-info"[\s\S]*?<\/p>/, '')
        .replace(/"builtAt":\d+/, '');
    for (const page of pages) expect(mainOf(second, page), page).toBe(mainOf(DIST, page));
  });

  it('writes byte-identical feeds', () => {
    const feeds = filesOf(join(DIST, 'calendars'), '.ics');
    expect(feeds.length).toBeGreaterThan(1);
    expect(filesOf(join(second, 'calendars'), '.ics')).toEqual(feeds);
    for (const feed of feeds)
      expect(
        readFileSync(join(second, 'calendars', feed)).equals(readFileSync(join(DIST, 'calendars', feed))),
        feed,
      ).toBe(true);
  });
});
