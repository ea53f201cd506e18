/**
 * Diagnostics say which entity and field they are about (Diagnostic.entity), filled where they
 * are made: zod issues, the cross-file checks, holidays, and each lint rule. The check formats
 * name and fingerprint findings by it (docs/ci.md).
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { runRules } from '../../src/rules/index.js';
import { load, ROOT, ruleContext } from '../helpers/memory-reader.js';
import { CALENDAR, OWNERS, promise, SOURCE } from '../rules/fixtures.js';

const about = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.rule} ${d.entity === undefined ? '-' : `${d.entity.collection}|${d.entity.id}|${d.entity.field}`}`).sort();

describe('Diagnostic.entity', () => {
  it.each([
    ['a missing field, shown at its item, is about the field', { 'p.yaml': 'promises:\n  - { id: p, statement: S., dimension: empathy }\n' }, ['schema promises|p|owner']],
    ['an unknown field', { 'p.yaml': `${OWNERS}promises:\n${promise('p', 'S.', '    colour: red\n')}` }, ['schema promises|p|colour']],
    ['a wrong value deep inside', { 's.yaml': `${OWNERS}${SOURCE}promises:\n${promise('p', 'S.')}standards:\n  - { id: s, promise: p, source: tickets, measure: { kind: duration, from: a, to: b, within: soon }, target: 95%, period: quarter }\n` }, ['schema standards|s|measure.within']],
    ['an item without an id is named by its place', { 'o.yaml': 'owners:\n  - { id: a, name: A, kind: team }\n  - { name: B, kind: team }\n' }, ['schema owners|#2|id']],
    ['a top-level key that is no collection', { 'x.yaml': 'promisess: []\n' }, ['schema ||promisess']],
    ['a setting of promise.yaml', { 'promise.yaml': `${ROOT}fiscal_year_start: 13\n` }, ['schema settings||fiscal_year_start']],
    ['a duplicate id', { 'o.yaml': `${OWNERS}  - { id: anna, name: Anna Again, kind: person }\n` }, ['duplicate-id owners|anna|id']],
    ['an unknown reference', { 'p.yaml': `${OWNERS}promises:\n  - { id: p, statement: S., dimension: empathy, owner: suport }\n` }, ['unknown-ref promises|p|owner']],
    ['a holiday listed twice', { 'c.yaml': 'calendars:\n  - { id: office, hours: { weekdays: "09:00-17:00" }, holidays: [2026-12-25, 2026-12-25] }\n' }, ['duplicate-id calendars|office|holidays.2026-12-25']],
    ['a file that is not YAML is about no entity', { 'p.yaml': 'promises:\n\t- id: p\n' }, ['yaml-syntax -']],
  ])('%s', async (_, files, expected) => {
    const { diagnostics } = await load(files);
    expect(about(diagnostics.filter((d) => d.severity === 'error'))).toEqual(expected);
  });

  it('is filled by the lint rules', async () => {
    const files = {
      'r.yaml': `${OWNERS}${CALENDAR}${SOURCE}promises:\n${promise('p', 'We reply within 4 hours.', '    review_by: 2026-01-31\n')}${promise('q', 'We care.')}standards:
  - { id: s, promise: p, source: tickets, where: { any: [{ segment: vip }] }, measure: { kind: duration, from: opened_at, to: closed_at, within: 8h }, target: 95%, period: quarter }
`,
    };
    const { registry } = await load(files);
    const headers = { tickets: [['ticket_id', 'opened_at', 'closed']] };
    const ds = runRules(ruleContext(registry, { headers })).diagnostics;
    expect(about(ds)).toEqual([
      'stale-promise promises|p|review_by',
      'statement-mismatch promises|p|statement',
      'unknown-column standards|s|measure.to',
      'unknown-column standards|s|where.any[0].segment',
      'unmeasured-promise promises|q|',
      'unused-calendar calendars|office|',
    ]);
  });
});
