import { z } from 'zod';
import { ownersSchema } from './owners.ts';
import { runbookSchema } from './runbook.ts';

/** The schemas as JSON Schema, for editors' completion of frontmatter and owners.yaml. */
export function jsonSchemas(): Record<'runbook.schema.json' | 'owners.schema.json', string> {
  const write = (schema: z.ZodType, title: string) =>
    `${JSON.stringify({ title, ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) }, null, 2)}\n`;
  return {
    'runbook.schema.json': write(runbookSchema, 'Almanac runbook frontmatter'),
    'owners.schema.json': write(ownersSchema, 'Almanac owners registry (runbooks/owners.yaml)'),
  };
}
