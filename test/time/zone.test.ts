import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tzOffset } from '@date-fns/tz';
import { fromLocal, IN_GAP, IN_OVERLAP, ORDINARY, ZoneClock } from '../../src/time/zone.js';

/**
 * SPEC §1 for log timestamps: the instants a wall-clock time can name (none in a gap, two in an
 * overlap); a time in a gap is read with the offset of the day before (the offset in force
 * before the jump in these zones, which change at most once a day), an overlap as the earlier.
 */
function expected(zone: string, y: number, mo: number, d: number, h: number, mi: number, s: number): { ms: number; note: number } {
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s, 0);
  const readings = [...new Set([-86_400_000, 0, 86_400_000].map((shift) => tzOffset(zone, new Date(asUtc + shift))))]
    .map((offset) => asUtc - offset * 60_000)
    .filter((instant) => instant + tzOffset(zone, new Date(instant)) * 60_000 === asUtc);
  const direct = fromLocal(zone, y, mo, d, h, mi, s, 0)?.getTime();
  if (direct === undefined) return { ms: asUtc - tzOffset(zone, new Date(asUtc - 86_400_000)) * 60_000, note: IN_GAP };
  return { ms: direct, note: readings.length > 1 ? IN_OVERLAP : ORDINARY };
}

describe('ZoneClock, the cached wall-clock conversion of log timestamps', () => {
  const zones = ['Europe/Berlin', 'America/New_York', 'America/Sao_Paulo', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/Santiago', 'Pacific/Chatham', 'UTC'];
  it('agrees with fromLocal on every time that exists, and moves a skipped one forward by the gap', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2027, 0, 1) }), fc.integer({ min: 0, max: 24 * 60 - 1 }), (zone, around, minute) => {
        const clock = new ZoneClock(zone);
        const d = new Date(around);
        const [y, mo, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        const h = Math.floor(minute / 60);
        const mi = minute % 60;
        const want = expected(zone, y, mo, day, h, mi, 30);
        expect(clock.toInstant(y, mo, day, h, mi, 30, 0)).toBe(want.ms);
        expect(clock.note).toBe(want.note);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['Europe/Berlin', [2026, 3, 29, 2, 30], Date.UTC(2026, 2, 29, 1, 30), IN_GAP],
    ['Europe/Berlin', [2026, 3, 29, 3, 0], Date.UTC(2026, 2, 29, 1, 0), ORDINARY],
    ['Europe/Berlin', [2026, 10, 25, 2, 30], Date.UTC(2026, 9, 25, 0, 30), IN_OVERLAP],
    ['Europe/Berlin', [2026, 10, 25, 3, 0], Date.UTC(2026, 9, 25, 2, 0), ORDINARY],
    ['America/Sao_Paulo', [2017, 10, 15, 0, 30], Date.UTC(2017, 9, 15, 3, 30), IN_GAP],
    ['America/Sao_Paulo', [2018, 2, 17, 23, 30], Date.UTC(2018, 1, 18, 1, 30), IN_OVERLAP],
  ] as const)('%s %j is %s', (zone, [y, mo, d, h, mi], want, note) => {
    const clock = new ZoneClock(zone);
    expect(clock.toInstant(y, mo, d, h, mi, 0, 0)).toBe(want);
    expect(clock.note).toBe(note);
  });

  it('agrees with the rule on every minute of the days the clocks change', () => {
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
          const want = expected(zone, y, mo, day, h, mi, 15);
          expect(clock.toInstant(y, mo, day, h, mi, 15, 0), `${zone} ${y}-${mo}-${day} ${h}:${mi}`).toBe(want.ms);
          expect(clock.note, `${zone} ${y}-${mo}-${day} ${h}:${mi}`).toBe(want.note);
        }
      }
    }
  });

  it('the end of a day whose next midnight is skipped is the jump', () => {
    expect(new ZoneClock('America/Sao_Paulo').endOfDay(2017, 10, 14)).toBe(Date.UTC(2017, 9, 15, 3, 0));
    expect(new ZoneClock('Europe/Berlin').endOfDay(2026, 3, 28)).toBe(Date.UTC(2026, 2, 28, 23, 0));
  });
});
