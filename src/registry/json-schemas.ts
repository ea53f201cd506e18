/** The JSON Schemas in `schemas/`, generated from the zod schemas: one per file kind, and one for any registry file. */
import { z } from 'zod';
import { COLLECTIONS, itemSchemas, registryFileSchema, settingsFileSchema, type CollectionName } from './schema.js';

const TITLES: Record<CollectionName, string> = {
  owners: 'Owners file',
  calendars: 'Calendars file',
  sources: 'Sources file',
  promises: 'Promises file',
  standards: 'Standards file',
};

function toJsonSchema(schema: z.ZodType, id: string): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
  return { $schema: json.$schema, $id: id, ...json };
}

/** File name to schema, in a stable order. */
export function buildJsonSchemas(): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  out.set('promise.schema.json', toJsonSchema(settingsFileSchema, 'promise.schema.json'));
  out.set('registry-file.schema.json', toJsonSchema(registryFileSchema, 'registry-file.schema.json'));
  for (const collection of COLLECTIONS) {
    const single = z
      .strictObject({ [collection]: z.array(itemSchemas[collection]) })
      .meta({ title: TITLES[collection], description: `A registry file holding only ${collection}.` });
    out.set(`${collection}.schema.json`, toJsonSchema(single, `${collection}.schema.json`));
  }
  return out;
}

export function serializeJsonSchema(schema: Record<string, unknown>): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
