/** Writes schemas/*.schema.json from the zod schemas; `npm run schemas`. A test fails when they drift. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildJsonSchemas, serializeJsonSchema } from '../src/registry/json-schemas.js';

const dir = join(import.meta.dirname, '..', 'schemas');
mkdirSync(dir, { recursive: true });
for (const [name, schema] of buildJsonSchemas()) {
  writeFileSync(join(dir, name), serializeJsonSchema(schema));
  process.stderr.write(`wrote schemas/${name}\n`);
}
