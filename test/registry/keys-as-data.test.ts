import { describe, expect, it } from 'vitest';
import { sortDiagnostics, type Diagnostic } from '../../src/model/diagnostic.js';
import type { DurationMeasure } from '../../src/registry/model.js';
import { load } from '../helpers/memory-reader.js';

const where = (ds: readonly Diagnostic[]) => sortDiagnostics(ds).map((d) => `${d.rule} ${d.file}:${d.line}:${d.column}`);

const BASE = `owners:
  - { id: support, name: Support, kind: team }
sources:
  - { id: tickets, files: logs/*.csv, key: ticket_id }
calendars:
  - { id: office, hours: { weekdays: "09:00-17:00" } }
promises:
  - { id: reply, statement: We reply., dimension: responsiveness, owner: support }
`;

const standard = (lines: string) => `${BASE}standards:
  - id: replies
    promise: reply
    source: tickets
${lines}    target: 95%
    period: month
`;

const MEASURE = '    measure: { kind: duration, from: opened_at, to: replied_at, within: 4h }\n';

describe('keys that name Object.prototype are data like any other', () => {
  it('a where on a column named __proto__ is kept, in its place', async () => {
    const { diagnostics, registry } = await load({ 'registry.yaml': standard(`    where: { channel: email, __proto__: web, constructor: [a, b], toString: { ne: x } }\n${MEASURE}`) });
    expect(diagnostics).toEqual([]);
    expect(registry.standards[0]?.where).toEqual({
      kind: 'all',
      items: [
        { kind: 'test', column: 'channel', test: { op: 'eq', value: 'email' } },
        { kind: 'test', column: '__proto__', test: { op: 'eq', value: 'web' } },
        { kind: 'test', column: 'constructor', test: { op: 'in', values: ['a', 'b'] } },
        { kind: 'test', column: 'toString', test: { op: 'ne', value: 'x' } },
      ],
    });
  });

  it('a where of __proto__ alone is a condition, not "the condition is empty"', async () => {
    const { diagnostics, registry } = await load({ 'registry.yaml': standard(`    where: { __proto__: web }\n${MEASURE}`) });
    expect(diagnostics).toEqual([]);
    expect(registry.standards[0]?.where).toEqual({ kind: 'test', column: '__proto__', test: { op: 'eq', value: 'web' } });
  });

  it('the value under __proto__ is validated, and its problems located', async () => {
    const { diagnostics } = await load({ 'registry.yaml': standard(`    where:\n      __proto__: { bogus: 1 }\n${MEASURE}`) });
    expect(where(diagnostics)).toEqual(['schema registry.yaml:14:20']);
    expect(diagnostics[0]?.message).toBe('standard "replies": where.__proto__: unknown field "bogus"');
  });

  it('a within map keeps a limit for the value __proto__, on a map with no prototype', async () => {
    const { diagnostics, registry } = await load({
      'registry.yaml': standard('    measure:\n      kind: duration\n      from: opened_at\n      to: replied_at\n      per: priority\n      within: { __proto__: 1h, constructor: 2h, default: 4h }\n'),
    });
    expect(diagnostics).toEqual([]);
    const within = (registry.standards[0]?.measure as DurationMeasure).within as Record<string, { text: string }>;
    expect(Object.getPrototypeOf(within)).toBeNull();
    expect(Object.entries(within).map(([k, d]) => [k, d.text])).toEqual([
      ['__proto__', '1h'],
      ['constructor', '2h'],
      ['default', '4h'],
    ]);
  });

  it('a bad limit under __proto__ is a schema error at that limit', async () => {
    const { diagnostics } = await load({
      'registry.yaml': standard('    measure:\n      kind: duration\n      from: opened_at\n      to: replied_at\n      per: priority\n      within:\n        __proto__: 3bd\n        default: 4h\n'),
    });
    expect(where(diagnostics)).toEqual(['schema registry.yaml:19:20']);
    expect(diagnostics[0]?.message).toMatch(/within\.__proto__: "3bd" counts business days/);
  });

  it('a field named __proto__ on an entity is an unknown field, at its key', async () => {
    const { diagnostics } = await load({ 'registry.yaml': `${BASE.replace('kind: team }', 'kind: team, __proto__: x }')}` });
    expect(where(diagnostics.filter((d) => d.rule === 'schema'))).toEqual(['schema registry.yaml:2:47']);
    expect(diagnostics.find((d) => d.rule === 'schema')?.message).toBe('owner "support": unknown field "__proto__"');
  });
});
