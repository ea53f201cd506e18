import { describe, expect, it } from 'vitest';
import { sortDiagnostics, type Diagnostic } from '../../src/model/diagnostic.js';
import { parseDuration } from '../../src/registry/duration.js';
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
standards:
  - id: replies
    promise: reply
    source: tickets
    target: 95%
    period: month
`;

describe('limits are at most ten years', () => {
  it.each(['3650bd', '3650d', '521w', '87600h', '5256000m', '315360000s', '521w3d'])('%s is a limit', (text) => {
    expect(parseDuration(text).ok).toBe(true);
  });

  it.each(['3651bd', '100000000bd', '3651d', '522w', '87601h', '315360001s', '99999999999999999999999h', '521w4d'])('%s is refused, with a hint', (text) => {
    const r = parseDuration(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(['tooLong', 'tooManyBusinessDays']).toContain(r.messageId);
      expect(r.data.max).toBe(3650);
    }
  });

  it.each([
    ['within: 100000000bd with a calendar', '    measure: { kind: duration, from: opened_at, to: replied_at, within: 100000000bd, calendar: office }\n', 'schema registry.yaml:15:73'],
    ['a value of a within map', '    measure:\n      kind: duration\n      from: opened_at\n      to: replied_at\n      per: priority\n      within: { P1: 4h, P2: 4000d }\n', 'schema registry.yaml:20:29'],
    ['grace', '    measure: { kind: deadline, done: closed_at, due: due_at, grace: 4000d }\n', 'schema registry.yaml:15:69'],
  ])('%s beyond it is a schema error at the value', async (_, measure, expected) => {
    const { diagnostics } = await load({ 'registry.yaml': `${BASE}${measure}` });
    expect(where(diagnostics)).toEqual([expected]);
    expect(diagnostics[0]?.message).toMatch(/the longest a limit may be/);
  });
});
