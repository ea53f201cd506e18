import { describe, expect, it } from 'vitest';
import { coord, linear, niceDomain, niceStep, ticksOf, timeTicks, timeUnitFor } from '../../../src/report/report/chart-scale.js';

describe('chart scales', () => {
  it.each([
    [20, 4, 5],
    [10, 5, 2],
    [10, 4, 2.5],
    [100, 4, 25],
    [0.5, 4, 0.2],
    [0, 4, 1],
  ])('niceStep(%d, %d) = %d', (span, count, step) => {
    expect(niceStep(span, count)).toBe(step);
  });

  it('widens a domain to whole steps, free of float noise', () => {
    expect(niceDomain(80, 100, 5)).toEqual({ lo: 80, hi: 100, ticks: [80, 85, 90, 95, 100], step: 5 });
    expect(niceDomain(3.97, 4.51, 4).ticks).toEqual([3.8, 4, 4.2, 4.4, 4.6]);
    expect(niceDomain(0, 0, 4)).toEqual({ lo: 0, hi: 0.25, ticks: [0, 0.25], step: 0.25 });
    expect(ticksOf(0.1, 0.7, 0.1)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
  });

  it('maps linearly, and writes coordinates with one decimal at most', () => {
    const y = linear(0, 100, 200, 0);
    expect(y(25)).toBe(150);
    expect(linear(5, 5, 0, 10)(5)).toBe(5);
    expect(coord(1 / 3)).toBe('0.3');
    expect(coord(-0.01)).toBe('0');
    expect(coord(12)).toBe('12');
  });

  it.each([
    [90, 'seconds', [0, 15, 30, 45, 60, 75, 90]],
    [2880, 'minutes', [0, 10, 20, 30, 40]],
    [115_200, 'hours', [0, 6, 12, 18, 24, 30]],
    [259_200, 'hours', [0, 12, 24, 36, 48, 60, 72]],
    [1_209_600, 'days', [0, 7, 14]],
  ])('an axis up to %d s reads in %s', (upper, unit, ticks) => {
    const u = timeUnitFor(upper);
    expect(u.name).toBe(unit);
    expect(timeTicks(upper, u, 6)).toEqual(ticks);
  });
});
