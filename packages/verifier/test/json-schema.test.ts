import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../src/schema/json-schema.ts';

describe('JSON Schema export', () => {
  it('is up to date (npm run schema rewrites it)', () => {
    for (const [name, text] of Object.entries(jsonSchemas())) {
      expect(readFileSync(new URL(`../${name}`, import.meta.url), 'utf8'), name).toBe(text);
    }
  });

  it('describes the nested fields editors complete', () => {
    const schema = JSON.parse(jsonSchemas()['runbook.schema.json']);
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'title', 'system', 'owners']));
    const task = schema.properties.tasks.items;
    expect(task.properties.start.pattern).toBe('^([01]\\d|2[0-3]):[0-5]\\d$');
    expect(task.additionalProperties).toBe(false);
  });
});
