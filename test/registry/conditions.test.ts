import { describe, expect, it } from 'vitest';
import { sortDiagnostics, type Diagnostic } from '../../src/model/diagnostic.js';
import { load } from '../helpers/memory-reader.js';

const where = (ds: readonly Diagnostic[]) => sortDiagnostics(ds).map((d) => `${d.rule} ${d.file}:${d.line}:${d.column}`);

const BASE = `owners:
  - { id: support, name: Support, kind: team }
sources:
  - { id: tickets, files: logs/*.csv, key: ticket_id }
promises:
  - { id: reply, statement: We reply., dimension: responsiveness, owner: support }
`;

const withWhere = (whereLine: string) => `${BASE}standards:
  - id: replies
    promise: reply
    source: tickets
    where: ${whereLine}
    measure: { kind: duration, from: opened_at, to: replied_at, within: 4h }
    target: 95%
    period: month
`;

describe('matches patterns are RE2 patterns, checked with the engine that runs them', () => {
  it.each([
    ['a backreference', String.raw`{ subject: { matches: '^(\w+) \1$' } }`, /backreferences/],
    ['a lookahead', `{ subject: { matches: '^refund(?!ed)' } }`, /lookahead/],
    ['a lookbehind', `{ subject: { matches: '(?<=EU-)[0-9]+' } }`, /lookbehind/],
    ['a \\u escape', String.raw`{ subject: { matches: '^\u00e9' } }`, /\\x\{41\}/],
  ])('%s is a schema error at the pattern, with a hint', async (_, condition, hint) => {
    const { diagnostics } = await load({ 'registry.yaml': withWhere(condition) });
    expect(where(diagnostics)).toEqual(['schema registry.yaml:11:34']);
    expect(diagnostics[0]?.message).toMatch(/is not a regular expression RE2 accepts/);
    expect(diagnostics[0]?.hint).toMatch(hint);
  });

  it('accepts the patterns of the examples and inline flags', async () => {
    const { diagnostics, registry } = await load({ 'registry.yaml': withWhere(String.raw`{ reference: { matches: '^CMP-' }, not: { status: { matches: '\(Duplicate\)$' } }, subject: { matches: '(?i)refund' } }`) });
    expect(diagnostics).toEqual([]);
    expect(registry.standards[0]?.where).toMatchObject({ kind: 'all', items: [{ test: { op: 'matches', pattern: '^CMP-' } }, { kind: 'not' }, { test: { pattern: '(?i)refund' } }] });
  });
});
