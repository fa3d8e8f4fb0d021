import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runbookEditorFields } from '../src/schema/editor-schema.ts';

const ROOT = new URL('../../../', import.meta.url);
/** VS Code's settings are JSON with comments. */
const jsonc = (path: string) => JSON.parse(readFileSync(new URL(path, ROOT), 'utf8').replace(/^\s*\/\/.*$/gm, ''));

describe('help in the editor', () => {
  // As Astro's content intellisense writes it (.astro/collections/docs.schema.json): the input side.
  const schema = z.toJSONSchema(runbookEditorFields(), { io: 'input', unrepresentable: 'any' }) as {
    properties: Record<
      string,
      { description?: string; items?: { properties: Record<string, { description?: string }> } }
    >;
  };
  const item = (list: string, field: string) => schema.properties[list]!.items!.properties[field]!.description;

  it('gives the runbook fields their descriptions as hover text, answering what authors ask', () => {
    expect(schema.properties.timezone!.description).toMatch(/IANA zone/);
    expect(item('tasks', 'timezone')).toMatch(/instead of the runbook's.*UTC stays 24 hours apart/);
    expect(item('thresholds', 'unit')).toMatch(/^Free text/);
    expect(item('objectives', 'rpo_met_by')).toMatch(/only "backups" \(the default\) is checked/);
    expect(item('windows', 'start')).toMatch(/quoted: "02:00"/);
  });

  it('leaves Starlight its own fields, and never fails the site’s build on a runbook field', () => {
    for (const key of ['title', 'description', 'sidebar', 'head', 'hero'])
      expect(schema.properties).not.toHaveProperty(key);
    const parsed = runbookEditorFields().safeParse({
      timezone: 3,
      tasks: [{ id: 'x' }],
      owners: 'ops',
      review: { cycle: 'P3M' },
    });
    expect(parsed).toMatchObject({
      success: true,
      data: { timezone: undefined, tasks: undefined, owners: undefined, review: { cycle: 'P3M' } },
    });
  });

  it('is switched on for VS Code: Astro writes the schema, the Astro extension applies it, the YAML extension reads owners.yaml', () => {
    expect(readFileSync(new URL('astro.config.mjs', ROOT), 'utf8')).toMatch(
      /experimental: \{ contentIntellisense: true \}/,
    );
    expect(readFileSync(new URL('src/content.config.ts', ROOT), 'utf8')).toContain(
      'docsSchema({ extend: runbookEditorFields() })',
    );
    const settings = jsonc('.vscode/settings.json');
    expect(settings['astro.content-intellisense']).toBe(true);
    for (const schemaFile of Object.keys(settings['yaml.schemas']))
      expect(existsSync(new URL(schemaFile, ROOT)), schemaFile).toBe(true);
    expect(jsonc('.vscode/extensions.json').recommendations).toContain('astro-build.astro-vscode');
  });
});
