import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_METAS } from '@almanac/verifier';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('lists every rule with its default severity and description', () => {
    for (const [id, meta] of RULE_METAS)
      expect(readme).toContain(`| \`${id}\` | ${meta.severity} | ${meta.description} |`);
  });

  it('shows the two commands CI runs', () => {
    expect(readme).toContain('npm ci && npm run build');
    expect(readme).toContain('npm ci && npm test');
  });
});
