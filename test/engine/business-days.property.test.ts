/**
 * The close of the N-th business day, computed over whole weeks, against the definition
 * walked day by day (SPEC §1 `Nbd`): random zones (with and without clock changes), weekly
 * hours with closed weekdays and hours the clocks skip, holidays closed or shortened spread
 * over the span and in runs, starts anywhere, N up to a few thousand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addOpenSeconds, closeOfBusinessDay, compileCalendar, MAX_CLOSED_DAYS, openSeconds, type BusinessCalendar } from '../../src/engine/calendar.js';
import { instantOfLocal, localDayOf } from '../../src/engine/local-time.js';
import type { Calendar } from '../../src/registry/model.js';
import type { Interval } from '../../src/registry/values.js';
import { iso } from './calendar-fixtures.js';

const DAY = 86_400_000;

/** Zones and an instant near one of their 2026 clock changes (none for the fixed ones). */
const ZONES: Record<string, string> = {
  'Europe/Berlin': '2026-03-29T01:00:00Z',
  'America/New_York': '2026-11-01T06:00:00Z',
  'Australia/Lord_Howe': '2026-04-04T15:00:00Z',
  'America/Santiago': '2026-04-05T03:00:00Z',
  'Asia/Kolkata': '2026-06-01T00:00:00Z',
  UTC: '2026-01-01T00:00:00Z',
};

/**
 * The definition, day by day, asked only through the public API: a business day is a local
 * day with open time; its close is where its open time runs out.
 */
function oracle(cal: BusinessCalendar, zone: string, startMs: number, n: number): number {
  const dayStart = (d: number) => instantOfLocal(zone, d, 0);
  const open = (d: number) => openSeconds(cal, dayStart(d), dayStart(d + 1));
  const close = (d: number) => addOpenSeconds(cal, dayStart(d), open(d));
  const startDay = localDayOf(zone, startMs);
  if (n === 0 && open(startDay) > 0 && startMs <= close(startDay)) return close(startDay);
  let d = startDay;
  for (let k = 0; k < Math.max(n, 1); k++) {
    let next = d + 1;
    while (open(next) === 0) {
      if (next - d > MAX_CLOSED_DAYS) return Infinity;
      next++;
    }
    d = next;
  }
  return close(d);
}

/** One day's hours on a 30-minute grid, or hours the spring change skips, or none. */
const dayHours: fc.Arbitrary<Interval[]> = fc.oneof(
  { weight: 3, arbitrary: fc.uniqueArray(fc.integer({ min: 0, max: 48 }), { minLength: 2, maxLength: 6 }).map((points) => {
    const sorted = points.sort((a, b) => a - b).map((p) => p * 30);
    const out: Interval[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) out.push({ start: sorted[i] as number, end: sorted[i + 1] as number });
    return out;
  }) },
  { weight: 2, arbitrary: fc.constant<Interval[]>([]) },
  { weight: 1, arbitrary: fc.constantFrom<Interval[]>([{ start: 120, end: 180 }], [{ start: 0, end: 1440 }], [{ start: 150, end: 165 }]) },
);

interface Case {
  zone: string;
  week: Interval[][];
  /** holidays by days from the start's day */
  holidays: { offset: number; hours: Interval[] }[];
  startMs: number;
  n: number;
}

const cases: fc.Arbitrary<Case> = fc
  .record({
    zone: fc.constantFrom(...Object.keys(ZONES)),
    week: fc.array(dayHours, { minLength: 7, maxLength: 7 }),
    n: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 17, max: 600 }), fc.integer({ min: 600, max: 3_000 })),
    shift: fc.integer({ min: -40 * 86_400, max: 40 * 86_400 }),
  })
  .chain(({ zone, week, n, shift }) => {
    // Holidays spread over the span the N days may take, and runs of them.
    const span = Math.max(10, n * 3);
    const holiday = fc.record({ offset: fc.integer({ min: -5, max: span }), hours: fc.oneof(fc.constant<Interval[]>([]), dayHours) });
    const run = fc.tuple(fc.integer({ min: 0, max: span }), fc.integer({ min: 1, max: 60 })).map(([from, length]) => Array.from({ length }, (_, i) => ({ offset: from + i, hours: [] as Interval[] })));
    return fc.record({
      zone: fc.constant(zone),
      week: fc.constant(week),
      n: fc.constant(n),
      startMs: fc.constant(Date.parse(ZONES[zone] as string) + shift * 1000),
      holidays: fc.tuple(fc.array(holiday, { maxLength: 80 }), fc.array(run, { maxLength: 2 })).map(([single, runs]) => [...single, ...runs.flat()]),
    });
  });

function calendarOf(c: Case): Calendar {
  const holidays: Calendar['holidays'] = new Map();
  const startDay = localDayOf(c.zone, c.startMs);
  for (const h of c.holidays) {
    const date = new Date((startDay + h.offset) * DAY).toISOString().slice(0, 10);
    holidays.set(date, { date, name: undefined, hours: h.hours });
  }
  return { id: 'random', timezone: c.zone, week: c.week, holidays, at: { file: 'calendars.yaml', path: [] } };
}

describe('the close of the N-th business day, over whole weeks', () => {
  it('is the close the day-by-day definition gives', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const loaded = calendarOf(c);
        const want = oracle(compileCalendar(loaded), c.zone, c.startMs, c.n);
        expect(iso(closeOfBusinessDay(compileCalendar(loaded), c.startMs, c.n))).toBe(iso(want));
      }),
      { numRuns: 150 },
    );
  });

  it('is the same for every start asked of one calendar, in any order (the caches do not leak)', () => {
    fc.assert(
      fc.property(cases, fc.array(fc.tuple(fc.integer({ min: -400, max: 400 }), fc.integer({ min: 0, max: 2_000 })), { minLength: 2, maxLength: 5 }), (c, asks) => {
        const loaded = calendarOf(c);
        const shared = compileCalendar(loaded);
        for (const [days, n] of asks) {
          const start = c.startMs + days * DAY;
          expect(iso(closeOfBusinessDay(shared, start, n))).toBe(iso(closeOfBusinessDay(compileCalendar(loaded), start, n)));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('is never, as day by day, when a run of closed holidays outlasts MAX_CLOSED_DAYS', () => {
    const holidays: Calendar['holidays'] = new Map();
    for (let d = 0; d <= MAX_CLOSED_DAYS + 1; d++) {
      const date = new Date(Date.parse('2026-02-01T00:00:00Z') + d * DAY).toISOString().slice(0, 10);
      holidays.set(date, { date, name: undefined, hours: [] });
    }
    // and one more holiday some weeks after the run: the search must not resume there
    holidays.set('2036-03-02', { date: '2036-03-02', name: undefined, hours: [] });
    const weekdays = [0, 1, 2, 3, 4].map(() => [{ start: 540, end: 1020 }]);
    const cal: Calendar = { id: 'closed', timezone: 'UTC', week: [...weekdays, [], []], holidays, at: { file: 'c.yaml', path: [] } };
    const start = Date.parse('2026-01-05T10:00:00Z');
    // 19 business days in January after the 5th, then the calendar closes for ten years
    expect(iso(closeOfBusinessDay(compileCalendar(cal), start, 19))).toBe('2026-01-30T17:00:00.000Z');
    expect(closeOfBusinessDay(compileCalendar(cal), start, 20)).toBe(Infinity);
    expect(closeOfBusinessDay(compileCalendar(cal), start, 60)).toBe(Infinity);
    expect(oracle(compileCalendar(cal), 'UTC', start, 20)).toBe(Infinity);
  });

  it('counts 3,650 business days (the most a registry may write) on a calendar of one open weekday', () => {
    const cal: Calendar = { id: 'mondays', timezone: 'Europe/Berlin', week: [[{ start: 540, end: 1020 }], [], [], [], [], [], []], holidays: new Map(), at: { file: 'c.yaml', path: [] } };
    const start = Date.parse('2026-01-01T10:00:00Z');
    const got = closeOfBusinessDay(compileCalendar(cal), start, 3_650);
    expect(iso(got)).toBe(iso(oracle(compileCalendar(cal), 'Europe/Berlin', start, 3_650)));
    // 3,650 Mondays after New Year's Day 2026 (a Thursday), the first being 5 January: the
    // last is 3,649 weeks later, closing at 17:00 Berlin time.
    const monday = localDayOf('Europe/Berlin', Date.parse('2026-01-05T12:00:00Z')) + 3_649 * 7;
    expect(got).toBe(instantOfLocal('Europe/Berlin', monday, 17 * 60));
  });
});
