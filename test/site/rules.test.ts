import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_METAS } from '@almanac/verifier';
import { docBlocks } from '../../packages/starlight/src/lib/rule-docs.ts';
import { DIST } from './build.ts';

describe('rule docs', () => {
  it('read paragraphs with inline code and fenced blocks', () => {
    expect(docBlocks('Why it `matters`,\nsaid twice.\n\n```yaml\na: 1\n\nb: 2\n```\nAfter')).toEqual([
      {
        kind: 'paragraph',
        parts: [
          { code: false, text: 'Why it ' },
          { code: true, text: 'matters' },
          { code: false, text: ', said twice.' },
        ],
      },
      { kind: 'code', lang: 'yaml', text: 'a: 1\n\nb: 2' },
      { kind: 'paragraph', parts: [{ code: false, text: 'After' }] },
    ]);
  });

  it('give every rule an anchor on /rules/, where SARIF’s help links point', () => {
    const html = readFileSync(join(DIST, 'rules/index.html'), 'utf8');
    for (const [id, meta] of RULE_METAS) {
      expect(html, id).toContain(`id="${id}"`);
      // Each says what to change, under its own heading.
      expect(html, id).toMatch(new RegExp(`id="${id}-how-to-fix"[^>]*>How to fix<`));
      // The docs' examples are on the page, as text rather than markup.
      const firstCode = docBlocks(meta.docs).find((block) => block.kind === 'code');
      if (firstCode?.kind === 'code')
        expect(html).toContain(
          firstCode.text
            .split('\n')[0]!
            .replaceAll('&', '&amp;')
            .replaceAll('<', '&lt;')
            .replaceAll('"', '&quot;')
            .slice(0, 20),
        );
    }
  });
});
