import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromLocal, parseIsoTimestamp, ZoneClock } from '../../src/logs/timestamp.js';

const at = (text: string, zone = 'Europe/Berlin') => {
  const r = parseIsoTimestamp(text, zone);
  return r.ok ? r.date.toISOString() : `invalid: ${r.reason}`;
};

describe('ISO 8601 timestamps', () => {
  it.each([
    ['2026-07-01T10:00:00Z', '2026-07-01T10:00:00.000Z'],
    ['2026-07-01T10:00:00+02:00', '2026-07-01T08:00:00.000Z'],
    ['2026-07-01T10:00:00-0400', '2026-07-01T14:00:00.000Z'],
    ['2026-07-01T10:00:00.123456Z', '2026-07-01T10:00:00.123Z'],
    ['2026-07-01 10:00:00', '2026-07-01T08:00:00.000Z'],
    ['2026-01-15 10:00', '2026-01-15T09:00:00.000Z'],
    ['2026-07-01', '2026-06-30T22:00:00.000Z'],
    ['2026-07-01T24:00', '2026-07-01T22:00:00.000Z'],
  ])('%s is %s (naive times in Europe/Berlin)', (text, iso) => {
    expect(at(text)).toBe(iso);
  });

  it('refuses a local time the clocks skip when DST starts', () => {
    expect(at('2026-03-29 02:30:00')).toMatch(/daylight saving/);
    expect(at('2026-03-08 02:30:00', 'America/New_York')).toMatch(/daylight saving/);
  });

  it('reads a repeated local time (DST ends) as the earlier instant', () => {
    expect(at('2026-10-25 02:30:00')).toBe('2026-10-25T00:30:00.000Z');
    expect(at('2026-11-01 01:30:00', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
  });

  it('flags date-only cells', () => {
    expect(parseIsoTimestamp('2026-07-01', 'UTC')).toMatchObject({ ok: true, dateOnly: true });
    expect(parseIsoTimestamp('2026-07-01T00:00', 'UTC')).toMatchObject({ ok: true, dateOnly: false });
  });

  it.each(['', 'yesterday', '2026-02-30', '2026-07-01T25:00', '01/07/2026', '2026-07-01T10:61'])('refuses %j', (text) => {
    expect(parseIsoTimestamp(text, 'UTC').ok).toBe(false);
  });
});

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
