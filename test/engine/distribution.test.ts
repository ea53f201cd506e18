import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Distribution, nearestRank } from '../../src/engine/distribution.js';

describe('nearest-rank percentiles', () => {
  it.each([
    [0.5, 10, 5],
    [0.9, 10, 9],
    [0.7, 10, 7],
    [0.95, 20, 19],
    [0.95, 21, 20],
    [1, 7, 7],
    [0, 7, 1],
    [0.5, 1, 1],
  ])('share %s of %s values is rank %s', (share, n, rank) => {
    expect(nearestRank(share, n)).toBe(rank);
  });

  it('is the smallest value with at least the share at or below it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 300 }), fc.integer({ min: 1, max: 100 }), (values, pct) => {
        const d = new Distribution();
        for (const v of values) d.add(v);
        const q = d.quantile(pct / 100) as number;
        const atOrBelow = values.filter((v) => v <= q).length;
        const below = values.filter((v) => v < q).length;
        expect(atOrBelow / values.length).toBeGreaterThanOrEqual(pct / 100 - 1e-9);
        expect(below / values.length).toBeLessThan(pct / 100);
      }),
    );
  });

  it('is undefined with no values, and grows past its first block', () => {
    const d = new Distribution();
    expect(d.quantile(0.5)).toBeUndefined();
    for (let i = 1000; i > 0; i--) d.add(i);
    expect(d.count).toBe(1000);
    expect(d.quantile(0.9)).toBe(900);
  });
});
