import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FiniteSum } from '../../src/engine/period-accumulator.js';

const sumOf = (values: readonly number[]): FiniteSum => {
  const s = new FiniteSum();
  for (const v of values) s.add(v);
  return s;
};

describe('FiniteSum, the sum behind an average', () => {
  it('is plain addition, to the bit, while the sum fits a double', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e300, max: 1e300, noNaN: true }), { minLength: 1, maxLength: 50 }), (values) => {
        const naive = values.reduce((a, b) => a + b, 0);
        expect(sumOf(values).mean(values.length)).toBe(naive / values.length);
      }),
    );
  });

  it('gives a finite mean between the least and the greatest value however large the values', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 50 }), fc.nat(), (values, cut) => {
        const at = cut % (values.length + 1);
        const whole = sumOf(values);
        const parts = sumOf(values.slice(0, at));
        parts.merge(sumOf(values.slice(at)));
        for (const s of [whole, parts]) {
          const mean = s.mean(values.length);
          expect(Number.isFinite(mean)).toBe(true);
          // a tolerance of one part in 1e12 of the range for the rounding of the scaled sum
          const slack = (Math.max(...values) - Math.min(...values)) * 1e-12 + 1e-300;
          expect(mean).toBeGreaterThanOrEqual(Math.min(...values) - slack);
          expect(mean).toBeLessThanOrEqual(Math.max(...values) + slack);
        }
      }),
    );
  });

  it('keeps the mean of values whose sum overflows', () => {
    expect(sumOf([1.5e308, 1.5e308, 1.5e308]).mean(3)).toBe(1.5e308);
    expect(sumOf([Number.MAX_VALUE, Number.MAX_VALUE]).mean(2)).toBe(Number.MAX_VALUE);
    expect(sumOf([1e308, 1e308, -1e308, -1e308]).mean(4)).toBe(0);
  });
});
