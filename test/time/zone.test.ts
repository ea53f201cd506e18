import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromLocal, ZoneClock } from '../../src/time/zone.js';

describe('ZoneClock, the cached wall-clock conversion', () => {
  const zones = ['Europe/Berlin', 'America/New_York', 'America/Sao_Paulo', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/Santiago', 'Pacific/Chatham', 'UTC'];
  it('agrees with fromLocal on every time, clock changes included', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2027, 0, 1) }), fc.integer({ min: 0, max: 24 * 60 - 1 }), (zone, around, minute) => {
        const clock = new ZoneClock(zone);
        const d = new Date(around);
        const [y, mo, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        const h = Math.floor(minute / 60);
        const mi = minute % 60;
        const want = fromLocal(zone, y, mo, day, h, mi, 30, 0)?.getTime() ?? Number.NaN;
        expect(clock.toInstant(y, mo, day, h, mi, 30, 0)).toBe(want);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['Europe/Berlin', [2026, 3, 29, 2, 30], Number.NaN],
    ['Europe/Berlin', [2026, 3, 29, 3, 0], Date.UTC(2026, 2, 29, 1, 0)],
    ['Europe/Berlin', [2026, 10, 25, 2, 30], Date.UTC(2026, 9, 25, 0, 30)],
    ['Europe/Berlin', [2026, 10, 25, 3, 0], Date.UTC(2026, 9, 25, 2, 0)],
    ['America/Sao_Paulo', [2017, 10, 15, 0, 30], Number.NaN],
    ['America/Sao_Paulo', [2018, 2, 17, 23, 30], Date.UTC(2018, 1, 18, 1, 30)],
  ] as const)('%s %j is %s', (zone, [y, mo, d, h, mi], want) => {
    expect(new ZoneClock(zone).toInstant(y, mo, d, h, mi, 0, 0)).toBe(want);
  });

  it('agrees with fromLocal on every minute of the days the clocks change', () => {
    const days: [string, number, number, number][] = [
      ['Europe/Berlin', 2026, 3, 29], ['Europe/Berlin', 2026, 10, 25], ['America/New_York', 2026, 3, 8], ['America/New_York', 2026, 11, 1],
      ['America/Sao_Paulo', 2017, 10, 15], ['America/Sao_Paulo', 2018, 2, 17], ['Australia/Lord_Howe', 2026, 4, 5], ['Australia/Lord_Howe', 2026, 10, 4],
      ['America/Santiago', 2026, 4, 5], ['America/Santiago', 2026, 9, 6], ['Pacific/Chatham', 2026, 4, 5], ['Asia/Beirut', 2023, 3, 26],
    ];
    for (const [zone, y, mo, d] of days) {
      const clock = new ZoneClock(zone);
      for (const day of [d - 1, d, d + 1]) {
        for (let minute = 0; minute < 24 * 60; minute++) {
          const [h, mi] = [Math.floor(minute / 60), minute % 60];
          const want = fromLocal(zone, y, mo, day, h, mi, 15, 0)?.getTime() ?? Number.NaN;
          expect(clock.toInstant(y, mo, day, h, mi, 15, 0), `${zone} ${y}-${mo}-${day} ${h}:${mi}`).toBe(want);
        }
      }
    }
  });

  it('the end of a day whose next midnight is skipped is the jump', () => {
    expect(new ZoneClock('America/Sao_Paulo').endOfDay(2017, 10, 14)).toBe(Date.UTC(2017, 9, 15, 3, 0));
    expect(new ZoneClock('Europe/Berlin').endOfDay(2026, 3, 28)).toBe(Date.UTC(2026, 2, 28, 23, 0));
  });
});
