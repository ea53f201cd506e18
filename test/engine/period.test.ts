import { TZDate } from '@date-fns/tz';
import { getISOWeek, getISOWeekYear } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparePeriods, parsePeriodKey, periodOf, PeriodFinder, shiftPeriod, type Period, type PeriodKind } from '../../src/engine/period.js';

const BERLIN = 'Europe/Berlin';
const ms = (iso: string) => Date.parse(iso);
/** key, start and end as text, for readable expectations */
const show = (p: Period | undefined) => (p === undefined ? undefined : `${p.key} ${new Date(p.startMs).toISOString()} ${new Date(p.endMs).toISOString()}`);

const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC', 'Pacific/Auckland', 'America/Asuncion'];
const instant = fc.integer({ min: Date.parse('2019-01-01T00:00:00Z'), max: Date.parse('2031-01-01T00:00:00Z') });
const kind = fc.constantFrom<PeriodKind>('week', 'month', 'quarter', 'year');
const fiscal = fc.integer({ min: 1, max: 12 });
const zone = fc.constantFrom(...ZONES);

describe('periodOf', () => {
  it.each<[string, PeriodKind, number, string]>([
    ['2026-07-15T12:00:00Z', 'week', 1, '2026-W29 2026-07-12T22:00:00.000Z 2026-07-19T22:00:00.000Z'],
    ['2026-07-15T12:00:00Z', 'month', 1, '2026-07 2026-06-30T22:00:00.000Z 2026-07-31T22:00:00.000Z'],
    ['2026-07-15T12:00:00Z', 'quarter', 1, '2026-Q3 2026-06-30T22:00:00.000Z 2026-09-30T22:00:00.000Z'],
    ['2026-07-15T12:00:00Z', 'year', 1, '2026 2025-12-31T23:00:00.000Z 2026-12-31T23:00:00.000Z'],
    // In the registry zone: 22:30 UTC on 30 June is already 1 July in Berlin.
    ['2026-06-30T22:30:00Z', 'month', 1, '2026-07 2026-06-30T22:00:00.000Z 2026-07-31T22:00:00.000Z'],
    ['2026-06-30T21:59:59.999Z', 'month', 1, '2026-06 2026-05-31T22:00:00.000Z 2026-06-30T22:00:00.000Z'],
    ['2026-06-30T22:00:00Z', 'quarter', 1, '2026-Q3 2026-06-30T22:00:00.000Z 2026-09-30T22:00:00.000Z'],
    ['2026-06-30T21:59:59.999Z', 'quarter', 1, '2026-Q2 2026-03-31T22:00:00.000Z 2026-06-30T22:00:00.000Z'],
    ['2026-12-31T23:00:00Z', 'year', 1, '2027 2026-12-31T23:00:00.000Z 2027-12-31T23:00:00.000Z'],
    // Months and weeks do not depend on the fiscal year.
    ['2026-07-15T12:00:00Z', 'month', 4, '2026-07 2026-06-30T22:00:00.000Z 2026-07-31T22:00:00.000Z'],
    ['2026-07-15T12:00:00Z', 'week', 10, '2026-W29 2026-07-12T22:00:00.000Z 2026-07-19T22:00:00.000Z'],
  ])('%s, %s (fiscal year from month %i): %s', (at, kind, fiscal, expected) => {
    expect(show(periodOf(ms(at), kind, BERLIN, fiscal))).toBe(expected);
  });

  it.each<[string, number, string, string]>([
    // A fiscal year is named by the calendar year in which it ends.
    ['2026-04-01T00:00:00+02:00', 4, 'FY2027-Q1 2026-03-31T22:00:00.000Z 2026-06-30T22:00:00.000Z', 'FY2027 2026-03-31T22:00:00.000Z 2027-03-31T22:00:00.000Z'],
    ['2026-03-31T23:59:59+02:00', 4, 'FY2026-Q4 2025-12-31T23:00:00.000Z 2026-03-31T22:00:00.000Z', 'FY2026 2025-03-31T22:00:00.000Z 2026-03-31T22:00:00.000Z'],
    ['2026-07-15T12:00:00+02:00', 4, 'FY2027-Q2 2026-06-30T22:00:00.000Z 2026-09-30T22:00:00.000Z', 'FY2027 2026-03-31T22:00:00.000Z 2027-03-31T22:00:00.000Z'],
    ['2027-01-15T12:00:00+01:00', 4, 'FY2027-Q4 2026-12-31T23:00:00.000Z 2027-03-31T22:00:00.000Z', 'FY2027 2026-03-31T22:00:00.000Z 2027-03-31T22:00:00.000Z'],
    ['2026-07-01T00:00:00+02:00', 7, 'FY2027-Q1 2026-06-30T22:00:00.000Z 2026-09-30T22:00:00.000Z', 'FY2027 2026-06-30T22:00:00.000Z 2027-06-30T22:00:00.000Z'],
    ['2026-06-30T12:00:00+02:00', 7, 'FY2026-Q4 2026-03-31T22:00:00.000Z 2026-06-30T22:00:00.000Z', 'FY2026 2025-06-30T22:00:00.000Z 2026-06-30T22:00:00.000Z'],
    ['2026-10-01T00:00:00+02:00', 10, 'FY2027-Q1 2026-09-30T22:00:00.000Z 2026-12-31T23:00:00.000Z', 'FY2027 2026-09-30T22:00:00.000Z 2027-09-30T22:00:00.000Z'],
    ['2026-09-30T12:00:00+02:00', 10, 'FY2026-Q4 2026-06-30T22:00:00.000Z 2026-09-30T22:00:00.000Z', 'FY2026 2025-09-30T22:00:00.000Z 2026-09-30T22:00:00.000Z'],
    ['2027-01-01T00:00:00+01:00', 10, 'FY2027-Q2 2026-12-31T23:00:00.000Z 2027-03-31T22:00:00.000Z', 'FY2027 2026-09-30T22:00:00.000Z 2027-09-30T22:00:00.000Z'],
    ['2026-02-14T12:00:00+01:00', 1, '2026-Q1 2025-12-31T23:00:00.000Z 2026-03-31T22:00:00.000Z', '2026 2025-12-31T23:00:00.000Z 2026-12-31T23:00:00.000Z'],
  ])('fiscal year: %s with fiscal_year_start %i is %s in %s', (at, fiscal, quarter, year) => {
    expect(show(periodOf(ms(at), 'quarter', BERLIN, fiscal))).toBe(quarter);
    expect(show(periodOf(ms(at), 'year', BERLIN, fiscal))).toBe(year);
  });

  it.each([
    ['2027-01-01T12:00:00Z', '2026-W53 2026-12-27T23:00:00.000Z 2027-01-03T23:00:00.000Z'],
    ['2026-12-31T12:00:00Z', '2026-W53 2026-12-27T23:00:00.000Z 2027-01-03T23:00:00.000Z'],
    ['2027-01-03T22:59:59.999Z', '2026-W53 2026-12-27T23:00:00.000Z 2027-01-03T23:00:00.000Z'],
    ['2027-01-03T23:00:00Z', '2027-W01 2027-01-03T23:00:00.000Z 2027-01-10T23:00:00.000Z'],
    ['2024-12-30T12:00:00Z', '2025-W01 2024-12-29T23:00:00.000Z 2025-01-05T23:00:00.000Z'],
    ['2026-01-01T12:00:00Z', '2026-W01 2025-12-28T23:00:00.000Z 2026-01-04T23:00:00.000Z'],
    ['2021-01-03T12:00:00Z', '2020-W53 2020-12-27T23:00:00.000Z 2021-01-03T23:00:00.000Z'],
    ['2025-12-28T12:00:00Z', '2025-W52 2025-12-21T23:00:00.000Z 2025-12-28T23:00:00.000Z'],
    ['2026-01-05T12:00:00Z', '2026-W02 2026-01-04T23:00:00.000Z 2026-01-11T23:00:00.000Z'],
  ])('ISO week of %s: %s', (at, expected) => {
    expect(show(periodOf(ms(at), 'week', BERLIN, 1))).toBe(expected);
  });

  it.each<[string, PeriodKind, string, number]>([
    // Periods over a DST change run from local midnight to local midnight: an hour short or long.
    ['2026-03-29T12:00:00Z', 'week', '2026-W13 2026-03-22T23:00:00.000Z 2026-03-29T22:00:00.000Z', 7 * 24 - 1],
    ['2026-10-25T12:00:00Z', 'week', '2026-W43 2026-10-18T22:00:00.000Z 2026-10-25T23:00:00.000Z', 7 * 24 + 1],
    ['2026-03-15T12:00:00Z', 'month', '2026-03 2026-02-28T23:00:00.000Z 2026-03-31T22:00:00.000Z', 31 * 24 - 1],
    ['2026-10-15T12:00:00Z', 'month', '2026-10 2026-09-30T22:00:00.000Z 2026-10-31T23:00:00.000Z', 31 * 24 + 1],
    ['2026-11-15T12:00:00Z', 'quarter', '2026-Q4 2026-09-30T22:00:00.000Z 2026-12-31T23:00:00.000Z', 92 * 24 + 1],
    // The instants the clocks change at belong to the day they change on.
    ['2026-03-29T01:00:00Z', 'week', '2026-W13 2026-03-22T23:00:00.000Z 2026-03-29T22:00:00.000Z', 7 * 24 - 1],
    ['2026-10-25T00:30:00Z', 'week', '2026-W43 2026-10-18T22:00:00.000Z 2026-10-25T23:00:00.000Z', 7 * 24 + 1],
  ])('DST in Europe/Berlin: %s, %s is %s (%i h)', (at, kind, expected, hours) => {
    const p = periodOf(ms(at), kind, BERLIN, 1);
    expect(show(p)).toBe(expected);
    expect((p.endMs - p.startMs) / 3_600_000).toBe(hours);
  });

  it('starts at the jump when the clocks skip local midnight (America/Asuncion, 1 October 2023)', () => {
    // Paraguay's clocks went from 24:00 on 30 September to 01:00 on 1 October 2023.
    expect(show(periodOf(ms('2023-10-15T12:00:00Z'), 'month', 'America/Asuncion', 1))).toBe('2023-10 2023-10-01T04:00:00.000Z 2023-11-01T03:00:00.000Z');
    expect(show(periodOf(ms('2023-09-15T12:00:00Z'), 'month', 'America/Asuncion', 1))).toBe('2023-09 2023-09-01T04:00:00.000Z 2023-10-01T04:00:00.000Z');
    expect(show(periodOf(ms('2023-10-01T04:00:00Z'), 'quarter', 'America/Asuncion', 1))).toBe('2023-Q4 2023-10-01T04:00:00.000Z 2024-01-01T03:00:00.000Z');
  });

  it('refuses a fiscal year start that is not a month', () => {
    expect(() => periodOf(0, 'quarter', BERLIN, 13)).toThrow(RangeError);
    expect(() => periodOf(0, 'quarter', BERLIN, 0)).toThrow(RangeError);
  });
});

describe('shiftPeriod', () => {
  it.each<[string, PeriodKind, number, number, string]>([
    ['2027-01-01T12:00:00Z', 'week', 1, 1, '2027-W01'],
    ['2027-01-06T12:00:00Z', 'week', 1, -1, '2026-W53'],
    ['2025-01-01T12:00:00Z', 'week', 1, -1, '2024-W52'],
    ['2026-07-15T12:00:00Z', 'week', 1, -52, '2025-W29'],
    ['2026-03-29T12:00:00Z', 'week', 1, 1, '2026-W14'],
    ['2026-12-15T12:00:00Z', 'month', 1, 1, '2027-01'],
    ['2026-01-15T12:00:00Z', 'month', 1, -1, '2025-12'],
    ['2026-07-15T12:00:00Z', 'month', 1, -12, '2025-07'],
    ['2026-07-15T12:00:00Z', 'month', 1, 30, '2029-01'],
    ['2026-11-15T12:00:00Z', 'quarter', 1, 1, '2027-Q1'],
    ['2026-02-15T12:00:00Z', 'quarter', 1, -1, '2025-Q4'],
    ['2026-02-15T12:00:00Z', 'quarter', 4, 1, 'FY2027-Q1'],
    ['2026-04-15T12:00:00Z', 'quarter', 4, -1, 'FY2026-Q4'],
    ['2026-10-15T12:00:00Z', 'quarter', 10, -1, 'FY2026-Q4'],
    ['2026-12-15T12:00:00Z', 'quarter', 10, 1, 'FY2027-Q2'],
    ['2026-07-15T12:00:00Z', 'year', 1, 1, '2027'],
    ['2026-07-15T12:00:00Z', 'year', 7, -1, 'FY2026'],
    ['2026-07-15T12:00:00Z', 'year', 7, 0, 'FY2027'],
  ])('%s, %s (fiscal %i) shifted by %i is %s', (at, kind, fiscal, by, key) => {
    const p = periodOf(ms(at), kind, BERLIN, fiscal);
    const shifted = shiftPeriod(p, by, BERLIN, fiscal);
    expect(shifted.key).toBe(key);
    expect(shifted).toEqual(periodOf(shifted.startMs, kind, BERLIN, fiscal));
  });

  it('follows on without gaps: the next period starts where one ends, the previous ends where it starts', () => {
    fc.assert(
      fc.property(instant, kind, fiscal, zone, (at, k, f, z) => {
        const p = periodOf(at, k, z, f);
        expect(shiftPeriod(p, 1, z, f).startMs).toBe(p.endMs);
        expect(shiftPeriod(p, -1, z, f).endMs).toBe(p.startMs);
        expect(shiftPeriod(shiftPeriod(p, 7, z, f), -7, z, f)).toEqual(p);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parsePeriodKey', () => {
  it.each<[string, number]>([
    ['2026-W01', 1],
    ['2026-W27', 1],
    ['2026-W53', 1],
    ['2020-W53', 1],
    ['2025-W01', 1],
    ['2026-01', 1],
    ['2026-12', 4],
    ['2026-Q1', 1],
    ['2026-Q4', 1],
    ['2026', 1],
    ['FY2027-Q1', 4],
    ['FY2027-Q4', 4],
    ['FY2027', 4],
    ['FY2026-Q2', 7],
    ['FY2026', 10],
  ])('%s (fiscal year from month %i) round-trips', (key, fiscal) => {
    const p = parsePeriodKey(key, BERLIN, fiscal);
    expect(p?.key).toBe(key);
    expect(p).toEqual(periodOf((p as Period).startMs, (p as Period).kind, BERLIN, fiscal));
    expect(periodOf((p as Period).endMs - 1, (p as Period).kind, BERLIN, fiscal).key).toBe(key);
  });

  it.each([
    ['2026-W53', 1, '2026-W53 2026-12-27T23:00:00.000Z 2027-01-03T23:00:00.000Z'],
    ['2025-W01', 1, '2025-W01 2024-12-29T23:00:00.000Z 2025-01-05T23:00:00.000Z'],
    ['FY2027', 4, 'FY2027 2026-03-31T22:00:00.000Z 2027-03-31T22:00:00.000Z'],
    ['FY2027-Q1', 4, 'FY2027-Q1 2026-03-31T22:00:00.000Z 2026-06-30T22:00:00.000Z'],
    ['FY2027-Q4', 4, 'FY2027-Q4 2026-12-31T23:00:00.000Z 2027-03-31T22:00:00.000Z'],
    ['2026-q3', 1, '2026-Q3 2026-06-30T22:00:00.000Z 2026-09-30T22:00:00.000Z'],
    ['fy2027-q1', 7, 'FY2027-Q1 2026-06-30T22:00:00.000Z 2026-09-30T22:00:00.000Z'],
    ['2026-w05', 1, '2026-W05 2026-01-25T23:00:00.000Z 2026-02-01T23:00:00.000Z'],
  ])('%s (fiscal year from month %i) is %s', (key, fiscal, expected) => {
    expect(show(parsePeriodKey(key, BERLIN, fiscal))).toBe(expected);
  });

  it.each<[string, number]>([
    ['FY2026', 1],
    ['FY2026-Q1', 1],
    ['2026-Q1', 4],
    ['2026', 4],
    ['2025-W53', 1],
    ['2026-W54', 1],
    ['2026-W00', 1],
    ['2026-Q5', 1],
    ['2026-Q0', 1],
    ['2026-13', 1],
    ['2026-00', 1],
    ['26-Q1', 1],
    ['2026-7', 1],
    ['2026-Q3 ', 1],
    ['Q3 2026', 1],
    ['', 1],
  ])('refuses %j (fiscal year from month %i)', (key, fiscal) => {
    expect(parsePeriodKey(key, BERLIN, fiscal)).toBeUndefined();
  });
});

describe('comparePeriods', () => {
  it('orders by start, then the shorter kind first', () => {
    const at = ms('2026-06-30T22:00:00Z');
    const periods = [
      periodOf(at, 'year', BERLIN, 7),
      periodOf(ms('2026-03-01T12:00:00Z'), 'month', BERLIN, 1),
      periodOf(at, 'month', BERLIN, 1),
      periodOf(at, 'quarter', BERLIN, 1),
      periodOf(ms('2026-07-06T12:00:00Z'), 'week', BERLIN, 1),
      periodOf(ms('2025-12-31T23:00:00Z'), 'year', BERLIN, 1),
    ];
    expect(periods.sort(comparePeriods).map((p) => p.key)).toEqual(['2026', '2026-03', '2026-07', '2026-Q3', 'FY2027', '2026-W28']);
  });
});

describe('periods (properties)', () => {
  it('hold their instant, and begin and end at local midnights', () => {
    fc.assert(
      fc.property(instant, kind, fiscal, zone, (at, k, f, z) => {
        const p = periodOf(at, k, z, f);
        expect(p.startMs).toBeLessThanOrEqual(at);
        expect(p.endMs).toBeGreaterThan(at);
        for (const edge of [p.startMs, p.endMs]) {
          // The first instant of a local date: its midnight, or the jump where the clocks skip it.
          expect(new TZDate(edge - 1, z).getDate()).not.toBe(new TZDate(edge, z).getDate());
        }
      }),
      { numRuns: 300 },
    );
  });

  it('name ISO weeks as date-fns does', () => {
    fc.assert(
      fc.property(instant, zone, (at, z) => {
        const local = new TZDate(at, z);
        const expected = `${getISOWeekYear(local)}-W${String(getISOWeek(local)).padStart(2, '0')}`;
        expect(periodOf(at, 'week', z, 1).key).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('PeriodFinder finds what periodOf finds, in time order and out of it', () => {
    const stream = fc.array(instant, { minLength: 1, maxLength: 200 }).chain((xs) => fc.constantFrom(xs, [...xs].sort((a, b) => a - b)));
    fc.assert(
      fc.property(stream, kind, fiscal, zone, (ats, k, f, z) => {
        const finder = new PeriodFinder(k, z, f);
        for (const at of ats) expect(finder.find(at)).toEqual(periodOf(at, k, z, f));
      }),
      { numRuns: 60 },
    );
  });

  it('PeriodFinder gives the same object for every instant of a period', () => {
    const finder = new PeriodFinder('month', BERLIN, 1);
    const first = finder.find(ms('2026-07-01T00:00:00+02:00'));
    expect(finder.find(ms('2026-07-31T23:59:59.999+02:00'))).toBe(first);
    expect(finder.find(ms('2026-08-01T00:00:00+02:00')).key).toBe('2026-08');
    expect(finder.find(ms('2026-07-15T00:00:00+02:00'))).toBe(first);
  });
});
