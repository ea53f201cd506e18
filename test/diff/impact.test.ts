/** The pure half of the impact: the period it looks at, and how two outcomes become flips. */
import { describe, expect, it } from 'vitest';
import { impactOf, lastFinishedPeriod, type SideOutcome } from '../../src/diff/impact.js';
import type { StandardPair } from '../../src/diff/model.js';
import type { Standard } from '../../src/registry/model.js';

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
    side: { period: '2026-Q3', status: 'missed', compliance: 0.5, target: 0.9, records: 4, met: 4 - breached.length, breached: breached.length },
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
