import { z } from 'zod';
import { listOf, oneOf, slug, text } from './primitives.ts';

const contact = z.strictObject({
  role: text.optional(),
  name: text.optional(),
  email: text.optional(),
  phone: text.optional(),
});

export const ownerSchema = z.strictObject({
  name: text,
  kind: oneOf(['person', 'team', 'role', 'automation', 'rotation', 'external']).optional(),
  email: text.optional(),
  phone: text.optional(),
  contact: text.optional().describe('Other contact details, in words'),
  contacts: listOf(contact).optional().describe('Named people of a team: primary, backup, lead'),
  responsibilities: text.optional(),
});

/** runbooks/owners.yaml: owner id → owner. */
export const ownersSchema = z.record(slug, ownerSchema, { error: 'must be a mapping of owner ids to owners' });

export type Owner = z.infer<typeof ownerSchema>;
export type Owners = z.infer<typeof ownersSchema>;
