import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '@almanac/verifier';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('lists every rule with its default severity and description', () => {
    for (const rule of ALL_RULES) expect(readme).toContain(`| \`${rule.id}\` | ${rule.meta.severity} | ${rule.meta.description} |`);
  });

  it('shows the two commands CI runs', () => {
    expect(readme).toContain('npm ci && npm run build');
    expect(readme).toContain('npm ci && npm test');
  });
});
