import { describe, expect, it } from 'vitest';
import { statedTimes } from '../../src/rules/statement-mismatch.js';
import { at, lint } from '../helpers/memory-reader.js';
import { CALENDAR, durationStandard, OWNERS, promise, SOURCE } from './fixtures.js';

const registry = (statement: string, within: string, calendar?: string) => ({
  'r.yaml': `${OWNERS}${CALENDAR}${SOURCE}promises:\n${promise('p', statement)}standards:\n${durationStandard('s', 'p', within, calendar)}`,
});

describe('statement-mismatch', () => {
  it.each([
    ['We reply within 24 hours.', '24h', undefined],
    ['We reply within 24 hours.', '1d', undefined],
    ['We reply within one business day.', '1bd', 'office'],
    ['We reply by the next business day.', '1bd', 'office'],
    ['VIPs get a call back within 2 business hours.', '2h', 'office'],
    ['We answer within an hour.', '60m', undefined],
    ['We reply quickly.', '4h', undefined],
  ])('passes "%s" measured as %s', async (statement, within, calendar) => {
    expect(await lint('statement-mismatch', registry(statement, within, calendar))).toEqual([]);
  });

  it.each([
    ['We reply within 24 hours.', '1bd', 'office'],
    ['We reply within 24 hours.', '48h', undefined],
    ['We reply within 24 hours.', '24h', 'office'],
    ['We reply within one business day.', '24h', undefined],
    ['We reply within one business day.', '2bd', 'office'],
  ])('flags "%s" measured as %s, at the phrase', async (statement, within, calendar) => {
    const ds = await lint('statement-mismatch', registry(statement, within, calendar));
    expect(at(ds)).toEqual(['r.yaml:18:32 warning']);
    expect(ds[0]?.endColumn ?? 0).toBeGreaterThan(32);
  });

  it('says nothing for a promise without duration standards', async () => {
    const ds = await lint('statement-mismatch', {
      'r.yaml': `${OWNERS}${SOURCE}promises:\n${promise('p', 'We reply within 24 hours.')}standards:
  - id: s
    promise: p
    source: tickets
    measure: { kind: condition, at: opened_at, expect: { replied: "yes" } }
    target: 95%
    period: month
`,
    });
    expect(ds).toEqual([]);
  });

  it('accepts any limit of a per map', async () => {
    const ds = await lint('statement-mismatch', {
      'r.yaml': `${OWNERS}${SOURCE}promises:\n${promise('p', 'Urgent faults are fixed within 4 hours.')}standards:
  - id: s
    promise: p
    source: tickets
    measure: { kind: duration, from: a, to: b, per: priority, within: { P1: 4h, default: 24h } }
    target: 95%
    period: month
`,
    });
    expect(ds).toEqual([]);
  });
});

describe('statedTimes', () => {
  it.each([
    ['We reply within 24 hours.', ['24 hours']],
    ['Resolved within 5 working days, or by the next business day.', ['5 working days', 'next business day']],
    ['within an hour or in 30m', ['an hour', '30m']],
    ['in under 2 hours', ['2 hours']],
    ['We are open 5 days a week.', []],
    ['Call us 24/7.', []],
    ['Get a 10 EUR credit in 3 days.', ['3 days']],
    ['within twenty-four hours', ['twenty-four hours']],
  ])('%s', (statement, texts) => {
    expect(statedTimes(statement).map((t) => t.text)).toEqual(texts);
  });
});
