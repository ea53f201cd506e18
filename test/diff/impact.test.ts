/** The pure half of the impact: the period it looks at, and how two outcomes become flips. */
import { describe, expect, it } from 'vitest';
import { impactOf, lastFinishedPeriod, sideOutcome, type SideOutcome } from '../../src/diff/impact.js';
import type { StandardPair } from '../../src/diff/model.js';
import type { Evaluation } from '../../src/model/evaluation.js';
import type { Standard } from '../../src/registry/model.js';
import { impactText } from '../../src/report/diff/words.js';

describe('lastFinishedPeriod', () => {
  it.each([
    ['2026-10-15T00:00:00Z', 'quarter', 'UTC', 1, '2026-Q3'],
    ['2026-10-01T00:00:00Z', 'quarter', 'UTC', 1, '2026-Q3'],
    // 1 October 01:00 in Berlin is still 30 September in UTC: Q3 is running there
    ['2026-09-30T23:30:00Z', 'quarter', 'Europe/Berlin', 1, '2026-Q3'],
    ['2026-09-30T23:30:00Z', 'quarter', 'UTC', 1, '2026-Q2'],
    ['2026-11-16T08:00:00Z', 'month', 'UTC', 1, '2026-10'],
    ['2026-11-16T08:00:00Z', 'week', 'UTC', 1, '2026-W46'],
    ['2026-11-16T08:00:00Z', 'year', 'UTC', 1, '2025'],
    ['2026-11-16T08:00:00Z', 'quarter', 'Europe/London', 4, 'FY2027-Q2'],
  ] as const)('as of %s, %s periods in %s (fiscal year from %i): %s', (asOf, kind, zone, fy, key) => {
    expect(lastFinishedPeriod(Date.parse(asOf), kind, zone, fy).key).toBe(key);
  });
});

describe('impactOf', () => {
  const standard = (id: string) => ({ id, period: 'quarter', target: 0.9 }) as Standard;
  const side = (breached: string[]): SideOutcome => ({
    side: { period: '2026-Q3', status: 'missed', compliance: 0.5, target: 0.9, records: 4, met: 4 - breached.length, breached: breached.length, average: undefined },
    breached: new Set(breached),
  });
  const pair = (before: string | undefined, after: string | undefined): StandardPair => ({
    id: after ?? before ?? '',
    before: before === undefined ? undefined : standard(before),
    after: after === undefined ? undefined : standard(after),
  });

  it('counts the records breached on one side only, by file and line', () => {
    const i = impactOf(pair('a', 'a'), side(['logs/t.csv:2', 'logs/t.csv:3']), side(['logs/t.csv:3', 'logs/t.csv:4', 'logs/u.csv:2']));
    expect([i.newlyBreached, i.noLongerBreached]).toEqual([2, 1]);
    expect(i.previousId).toBeUndefined();
  });

  it('has no flips when one side is missing, and names the id a renamed standard had', () => {
    expect(impactOf(pair(undefined, 'a'), undefined, side(['logs/t.csv:2']))).toMatchObject({ before: undefined, newlyBreached: undefined, noLongerBreached: undefined });
    expect(impactOf(pair('a', 'b'), side([]), side([])).previousId).toBe('a');
  });
});

describe('an NPS in the impact (SPEC §6: read as a net promoter score, never as a mean)', () => {
  const standard = { id: 'recommend', period: 'quarter', target: undefined, measure: { kind: 'nps', at: 'closed', of: 'likely', at_least: 30 } } as unknown as Standard;
  const q3 = lastFinishedPeriod(Date.parse('2026-10-15T00:00:00Z'), 'quarter', 'UTC', 1);
  const evaluation = (average: number, status: 'met' | 'missed') =>
    ({ gaps: [{ standard: 'recommend', period: q3, status, compliance: undefined, target: undefined, records: 48, met: undefined, breached: undefined, average }], breaches: [] }) as unknown as Evaluation;

  it('reads as NPS before and after, in whole points, its records counted as responses', () => {
    const before = sideOutcome(evaluation(37.5, 'met'), standard, q3);
    const after = sideOutcome(evaluation(37.5, 'missed'), standard, q3);
    expect(after.side).toMatchObject({ nps: true, average: 37.5, met: undefined });
    const pair: StandardPair = { id: 'recommend', before: standard, after: standard };
    expect(impactText(impactOf(pair, before, after))).toBe('2026-Q3 status met → missed, NPS +38 → +38; 0 records newly breached, 0 no longer breached');
    expect(impactText(impactOf({ ...pair, before: undefined }, undefined, sideOutcome(evaluation(-12.4, 'missed'), standard, q3)))).toBe('2026-Q3 under the new definition: missed, NPS −12 (48 responses)');
  });
});

describe('an average in the impact (SPEC §2: read by its mean, no record met or breached)', () => {
  const standard = (kind: 'average' | 'condition') =>
    ({ id: 'csat', period: 'quarter', target: kind === 'average' ? undefined : 0.9, measure: kind === 'average' ? { kind, at: 'closed', of: 'score', at_least: 4 } : { kind, at: 'closed', expect: { score: '>= 4' } } }) as unknown as Standard;
  const q3 = lastFinishedPeriod(Date.parse('2026-10-15T00:00:00Z'), 'quarter', 'UTC', 1);
  const evaluation = (average: number, status: 'met' | 'missed') =>
    ({ gaps: [{ standard: 'csat', period: q3, status, compliance: undefined, target: undefined, records: 12, met: undefined, breached: undefined, average }], breaches: [] }) as unknown as Evaluation;

  it('carries the mean and leaves met and breached empty', () => {
    const { side } = sideOutcome(evaluation(4.3, 'met'), standard('average'), q3);
    expect(side).toMatchObject({ status: 'met', average: 4.3, met: undefined, breached: undefined, records: 12 });
  });

  it('reads as the mean, before and after, never as a compliance', () => {
    const before = sideOutcome(evaluation(4.3, 'met'), standard('average'), q3);
    const after = sideOutcome(evaluation(3.9, 'missed'), standard('average'), q3);
    const pair: StandardPair = { id: 'csat', before: standard('average'), after: standard('average') };
    expect(impactText(impactOf(pair, before, after))).toBe('2026-Q3 status met → missed, mean 4.30 → 3.90; 0 records newly breached, 0 no longer breached');
    expect(impactText(impactOf({ ...pair, before: undefined }, undefined, after))).toBe('2026-Q3 under the new definition: missed, mean 3.90 (12 values)');
  });
});
