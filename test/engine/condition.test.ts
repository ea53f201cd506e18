import { describe, expect, it } from 'vitest';
import { cellsOf, compileRowCondition, parseNumber } from '../../src/engine/condition.js';
import { RowView } from '../../src/engine/row-view.js';
import { createTimestampReader } from '../../src/logs/timestamp-reader.js';
import { compileCondition } from '../../src/registry/condition.js';

const HEADER = ['channel', 'priority', 'csat', 'amount', 'subject', 'segment', 'type', 'severity'];
const columns = new Map(HEADER.map((c, i) => [c, i]));

function row(values: Partial<Record<(typeof HEADER)[number], string>>): string[] {
  return HEADER.map((c) => values[c] ?? '');
}

const view = new RowView(HEADER.length, createTimestampReader('UTC'));

/** The verdict on cells given as strings, which must be the verdict on the same cells read in place by a RowView. */
const test = (raw: Record<string, unknown>, values: Partial<Record<string, string>>) => {
  const condition = compileRowCondition(compileCondition(raw), columns);
  const verdict = condition(cellsOf(row(values)));
  view.load(row(values), 2);
  expect(condition(view)).toEqual(verdict);
  return verdict;
};

describe('conditions on a row', () => {
  it.each([
    [{ channel: 'email' }, { channel: 'email' }, true],
    [{ channel: 'email' }, { channel: ' email ' }, true],
    [{ channel: 'email' }, { channel: 'Email' }, false],
    [{ priority: ['P1', 'P2'] }, { priority: 'P2' }, true],
    [{ priority: ['P1', 'P2'] }, { priority: 'P3' }, false],
    [{ csat: { gte: 4 } }, { csat: '4' }, true],
    [{ csat: { gt: 4 } }, { csat: '4.0' }, false],
    [{ csat: { lt: 3, gte: 1 } }, { csat: '2' }, true],
    [{ csat: { lte: 3 } }, { csat: '3.5' }, false],
    [{ csat: { eq: 4 } }, { csat: '4' }, true],
    [{ csat: { ne: 4 } }, { csat: '4.0' }, true],
    [{ priority: { in: ['P1'] } }, { priority: 'P1' }, true],
    [{ priority: { not_in: ['P1'] } }, { priority: 'P1' }, false],
    [{ subject: { matches: '^(refund|return)' } }, { subject: 'refund please' }, true],
    [{ subject: { matches: '^(refund|return)' } }, { subject: 'a refund' }, false],
    [{ amount: { empty: true } }, { amount: '  ' }, true],
    [{ amount: { empty: false } }, { amount: '' }, false],
    [{ any: [{ segment: 'vip' }, { amount: { gt: 1000 } }] }, { segment: 'vip', amount: 'n/a' }, true],
    [{ any: [{ segment: 'vip' }, { amount: { gt: 1000 } }] }, { segment: 'retail', amount: '1500' }, true],
    [{ all: [{ channel: 'email' }, { priority: 'P1' }] }, { channel: 'email', priority: 'P2' }, false],
    [{ not: { channel: ['email', 'web'] } }, { channel: 'phone' }, true],
    [{ not: { channel: ['email', 'web'] } }, { channel: 'web' }, false],
  ])('%j on %j is %s', (raw, values, want) => {
    expect(test(raw, values)).toBe(want);
  });

  it('stops at the first key that fails, so a later column is never read', () => {
    expect(test({ type: 'fault', severity: { gte: 4 } }, { type: 'question', severity: 'n/a' })).toBe(false);
    expect(test({ type: 'fault', severity: { gte: 4 } }, { type: 'fault', severity: 'n/a' })).toEqual({ code: 'compare-not-a-number', args: { column: 'severity', text: 'n/a', op: 'gte', value: 4 } });
  });

  it('a number that does not parse is an error, never a silent false, even under not', () => {
    expect(test({ csat: { gte: 4 } }, { csat: 'four' })).toEqual({ code: 'compare-not-a-number', args: { column: 'csat', text: 'four', op: 'gte', value: 4 } });
    expect(test({ csat: { gte: 4 } }, { csat: '' })).toEqual({ code: 'compare-empty', args: { column: 'csat', text: '', op: 'gte', value: 4 } });
    expect(test({ not: { csat: { gte: 4 } } }, { csat: 'x' })).toHaveProperty('code');
  });

  it('any stops at the first item that decides, an error included', () => {
    expect(test({ any: [{ amount: { gt: 10 } }, { segment: 'vip' }] }, { amount: 'x', segment: 'vip' })).toHaveProperty('code');
  });

  it('refuses a column the header lacks', () => {
    expect(() => compileRowCondition(compileCondition({ region: 'eu' }), columns)).toThrow(/region/);
  });

  it('collects the columns it reads', () => {
    const read = new Set<number>();
    compileRowCondition(compileCondition({ any: [{ segment: 'vip' }, { amount: { gt: 1 } }], not: { channel: 'x' } }), columns, read);
    expect([...read].sort()).toEqual([0, 3, 5]);
  });

  it.each([
    ['4', 4],
    [' -1.5 ', -1.5],
    ['.5', 0.5],
    ['1e3', 1000],
    ['', undefined],
    ['1,5', undefined],
    ['12abc', undefined],
    ['Infinity', undefined],
    ['1e999', undefined],
    ['-1e309', undefined],
    ['1.7976931348623157e308', Number.MAX_VALUE],
    ['1e-400', 0],
  ])('parseNumber(%j) is %s', (text, want) => {
    expect(parseNumber(text)).toBe(want);
  });

  it('a number too large to hold is an error that says so, not a comparison with Infinity', () => {
    expect(test({ amount: { gt: 1000 } }, { amount: '1e999' })).toEqual({ code: 'compare-out-of-range', args: { column: 'amount', text: '1e999', op: 'gt', value: 1000 } });
    expect(test({ amount: { lt: 0 } }, { amount: '-1e999' })).toHaveProperty('code');
  });
});
