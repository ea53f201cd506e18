import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Distribution, LIST_LIMIT, nearestRank } from '../../src/engine/distribution.js';

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

  /** The definition, on a sorted copy: what the counting representation must reproduce. */
  function reference(seconds: number[], share: number): number {
    const sorted = [...seconds].sort((a, b) => a - b);
    return sorted[nearestRank(share, sorted.length) - 1] as number;
  }

  it('is exact to the second, as a list and as counts, whatever the spread', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 40 * 86_400 }), fc.constant(3600)), { minLength: 1, maxLength: 12_000 }),
        fc.integer({ min: 1, max: 100 }),
        (seconds, pct) => {
          const d = new Distribution();
          for (const s of seconds) d.add(s * 1000 + 400);
          expect(d.count).toBe(seconds.length);
          expect(d.quantile(pct / 100)).toBe(reference(seconds, pct / 100));
          const { counts, over } = d.histogram(86_400, 24);
          expect(counts.reduce((a, b) => a + b, 0) + over).toBe(seconds.length);
          expect(over).toBe(seconds.filter((s) => s >= 86_400).length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('rounds to the nearest second, and is undefined with no values', () => {
    const d = new Distribution();
    expect(d.quantile(0.5)).toBeUndefined();
    d.add(1499);
    d.add(1500);
    expect(d.quantile(0.5)).toBe(1);
    expect(d.quantile(1)).toBe(2);
  });

  it('past the list, counts in buckets: never below the exact percentile, and within 1/2048 of it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 60, max: 40_000_000 }), (seed, pct, spread) => {
        const seconds: number[] = [];
        let x = seed;
        for (let i = 0; i < LIST_LIMIT + 5000; i++) {
          x = (x * 48271) % 2147483647;
          seconds.push(x % spread);
        }
        const d = new Distribution();
        for (const s of seconds) d.add(s * 1000);
        expect(d.exact).toBe(false);
        const exact = reference(seconds, pct / 100);
        const q = d.quantile(pct / 100) as number;
        expect(q).toBeGreaterThanOrEqual(exact);
        expect(q - exact).toBeLessThanOrEqual(Math.max(0, exact / 2048));
      }),
      { numRuns: 30 },
    );
  });
});
