import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildJsonSchemas, serializeJsonSchema } from '../../src/registry/json-schemas.js';
import { initFiles } from '../../src/init/templates.js';

const REPO = join(import.meta.dirname, '..', '..');
const SCHEMAS = join(REPO, 'schemas');

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'logs' || e.name === 'ci' ? [] : yamlFiles(path);
    return /\.ya?ml$/.test(e.name) ? [path] : [];
  });
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validators = new Map([...buildJsonSchemas()].map(([name, schema]) => [name, ajv.compile(schema)]));

describe('schemas/', () => {
  it('is what the zod schemas generate (run `npm run schemas` after changing them)', () => {
    const built = buildJsonSchemas();
    expect(readdirSync(SCHEMAS).sort()).toEqual([...built.keys()].sort());
    for (const [name, schema] of built) {
      expect(readFileSync(join(SCHEMAS, name), 'utf8'), `schemas/${name} is out of date`).toBe(serializeJsonSchema(schema));
    }
  });

  it('has one schema per file kind and one for any registry file', () => {
    expect([...buildJsonSchemas().keys()]).toEqual([
      'promise.schema.json',
      'registry-file.schema.json',
      'owners.schema.json',
      'calendars.schema.json',
      'sources.schema.json',
      'promises.schema.json',
      'standards.schema.json',
    ]);
  });

  it('accepts every file promise init writes', () => {
    const files = initFiles({ name: 'X', timezone: 'Europe/Berlin', asOf: new Date('2026-11-16T08:00:00Z') });
    for (const [path, text] of files) {
      if (!path.endsWith('.yaml')) continue;
      const schema = /\$schema=\.\/\.promise\/schemas\/(.+)$/m.exec(text)?.[1];
      const validate = validators.get(schema ?? '');
      expect(validate, path).toBeDefined();
      expect(validate?.(parse(text)), `${path}: ${JSON.stringify(validate?.errors)}`).toBe(true);
    }
  });

  const examples = yamlFiles(join(REPO, 'examples'));
  it.runIf(examples.length > 0).each(examples.map((f) => [relative(REPO, f), f]))('%s names its schema on line 1 and matches it', (_, file) => {
    const text = readFileSync(file, 'utf8');
    const first = text.split('\n')[0] ?? '';
    const m = /^# yaml-language-server: \$schema=(.+)$/.exec(first);
    expect(m, 'first line must be a yaml-language-server $schema comment').not.toBeNull();
    const target = resolve(dirname(file), m?.[1] ?? '');
    expect(dirname(target)).toBe(SCHEMAS);
    const validate = validators.get(target.slice(SCHEMAS.length + 1));
    expect(validate?.(parse(text)), JSON.stringify(validate?.errors)).toBe(true);
  });

  it('says in JSON Schema that an average or an nps takes no target and every other kind needs one', () => {
    const validate = validators.get('standards.schema.json');
    const standard = (measure: Record<string, unknown>, target?: string) => ({
      standards: [{ id: 's', promise: 'p', source: 'src', measure, period: 'quarter', ...(target === undefined ? {} : { target }) }],
    });
    const duration = { kind: 'duration', from: 'opened', to: 'closed', within: '24h' };
    const average = { kind: 'average', at: 'answered', of: 'score', at_least: 4 };
    const nps = { kind: 'nps', at: 'answered', of: 'likely', at_least: 30 };
    expect(validate?.(standard(duration, '95%'))).toBe(true);
    expect(validate?.(standard(duration))).toBe(false);
    expect(validate?.(standard(average))).toBe(true);
    expect(validate?.(standard(average, '95%'))).toBe(false);
    expect(validate?.(standard(nps))).toBe(true);
    expect(validate?.(standard(nps, '95%'))).toBe(false);
  });
});
