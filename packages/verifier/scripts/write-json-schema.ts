// Regenerates the JSON Schemas next to package.json; a test fails while they are out of date.
import { writeFileSync } from 'node:fs';
import { jsonSchemas } from '../src/schema/json-schema.ts';

for (const [name, text] of Object.entries(jsonSchemas())) {
  writeFileSync(new URL(`../${name}`, import.meta.url), text);
  console.log(`wrote packages/verifier/${name}`);
}
