import { describe, expect, it } from 'vitest';
import { sortDiagnostics, type Diagnostic } from '../../src/model/diagnostic.js';
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

// Line 10 onwards: the anchor, then two standards that merge it.
const MERGED = `${BASE}defaults: &defaults
  promise: reply
  source: tickets
  owner: suport
  period: quartr
  target: 95%
standards:
  - <<: *defaults
    id: first
    measure: { kind: duration, from: opened_at, to: replied_at, within: 4h }
  - <<: [ *defaults ]
    id: second
    period: month
    measure: { kind: duration, from: opened_at, to: replied_at, within: 4h }
`;

describe('a diagnostic inside a mapping merged with <<: points at the value itself', () => {
  it('a schema error and an unknown-ref in the anchor are shown on the anchor\'s lines', async () => {
    const { diagnostics } = await load({ 'standards.yaml': MERGED.replace('defaults: &defaults', 'x-defaults: &defaults') });
    const located = diagnostics.filter((d) => d.rule === 'schema' || d.rule === 'unknown-ref');
    // `period: quartr` (line 13) is merged into "first" only: "second" sets its own period.
    expect(where(located.filter((d) => !/unknown top-level key/.test(d.message)))).toEqual(['unknown-ref standards.yaml:12:10', 'unknown-ref standards.yaml:12:10', 'schema standards.yaml:13:11']);
    expect(located.find((d) => d.rule === 'schema' && /period/.test(d.message))?.message).toMatch(/standard "first"/);
    expect(located.filter((d) => d.rule === 'unknown-ref').map((d) => d.message)).toEqual([expect.stringMatching(/standard "first" names owner "suport"/), expect.stringMatching(/standard "second" names owner "suport"/)]);
  });

  it('an unknown field merged in is shown at its key in the anchor', async () => {
    const text = `${BASE}x: &defaults\n  promise: reply\n  source: tickets\n  perod: month\n  target: 95%\nstandards:\n  - <<: *defaults\n    id: first\n    period: month\n    measure: { kind: duration, from: opened_at, to: replied_at, within: 4h }\n`;
    const { diagnostics } = await load({ 'standards.yaml': text });
    const unknownField = diagnostics.filter((d) => d.rule === 'schema' && /perod/.test(d.message));
    expect(where(unknownField)).toEqual(['schema standards.yaml:12:3']);
  });

  it('a value of the mapping itself wins over a merged one, and is located where written', async () => {
    const text = MERGED.replace('defaults: &defaults', 'x: &defaults').replace('  owner: suport\n', '').replace('    period: month\n', "    period: mnth\n");
    const { diagnostics } = await load({ 'standards.yaml': text });
    expect(where(diagnostics.filter((d) => d.rule === 'schema' && /period/.test(d.message)))).toEqual(['schema standards.yaml:12:11', 'schema standards.yaml:20:13']);
  });

  it('a condition merged in keeps its text: zip 02134 stays "02134"', async () => {
    const text = `${BASE}x: &scope\n  zip: 02134\nstandards:\n  - id: first\n    promise: reply\n    source: tickets\n    where: { <<: *scope, csat: 4.0 }\n    measure: { kind: duration, from: opened_at, to: replied_at, within: 4h }\n    target: 95%\n    period: month\n`;
    const { registry } = await load({ 'standards.yaml': text });
    expect(registry.standards[0]?.where).toEqual({
      kind: 'all',
      items: [
        { kind: 'test', column: 'zip', test: { op: 'eq', value: '02134' } },
        { kind: 'test', column: 'csat', test: { op: 'eq', value: '4.0' } },
      ],
    });
  });
});
