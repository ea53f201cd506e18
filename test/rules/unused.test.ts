import { describe, expect, it } from 'vitest';
import { at, lint } from '../helpers/memory-reader.js';
import { CALENDAR, durationStandard, OWNERS, promise, SOURCE } from './fixtures.js';

const base = `${OWNERS}${CALENDAR}${SOURCE}promises:\n${promise('p', 'We are fast.')}`;

describe('unused-owner, unused-calendar, unused-source', () => {
  it('pass when everything is named', async () => {
    const files = { 'r.yaml': `${base}standards:\n${durationStandard('s', 'p', '4h', 'office')}` };
    for (const rule of ['unused-owner', 'unused-calendar', 'unused-source']) expect(await lint(rule, files)).toEqual([]);
  });

  it('flag what nothing names, at its id, as info', async () => {
    const files = { 'r.yaml': `${base}  - id: q\n    statement: x\n    dimension: empathy\n    owner: anna\n` };
    expect(at(await lint('unused-calendar', files))).toEqual(['r.yaml:10:9 info']);
    expect(at(await lint('unused-source', files))).toEqual(['r.yaml:13:9 info']);
    expect(await lint('unused-owner', files)).toEqual([]);
  });

  it('a lead counts as named; an owner nobody names does not', async () => {
    const files = { 'r.yaml': `${OWNERS}  - id: idle\n    name: Idle\n    kind: team\npromises:\n${promise('p', 'x')}` };
    expect(at(await lint('unused-owner', files))).toEqual(['r.yaml:9:9 info']);
  });

  it('a standard with a schema error still counts as naming its source', async () => {
    const { load } = await import('../helpers/memory-reader.js');
    const { runRules } = await import('../../src/rules/index.js');
    const { ruleContext } = await import('../helpers/memory-reader.js');
    const { registry } = await load({ 'r.yaml': `${base}standards:\n${durationStandard('s', 'p', 'soon', 'office')}` });
    const ds = runRules(ruleContext(registry)).diagnostics.filter((d) => d.rule.startsWith('unused-') || d.rule === 'unmeasured-promise');
    expect(ds).toEqual([]);
  });
});
