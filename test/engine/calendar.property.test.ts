import { tzOffset } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addOpenSeconds, closeOfBusinessDay, compileCalendar, openSeconds, type BusinessCalendar } from '../../src/engine/calendar.js';
import type { Calendar } from '../../src/registry/model.js';
import type { Interval } from '../../src/registry/values.js';

const DAY = 86_400_000;

/** Zones with the DST changes of 2026 (UTC instants), Lord Howe's being 30 minutes. */
const ZONES: Record<string, string[]> = {
  'Europe/Berlin': ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z'],
  'America/New_York': ['2026-03-08T07:00:00Z', '2026-11-01T06:00:00Z'],
  'Asia/Kolkata': [],
  'Australia/Lord_Howe': ['2026-04-04T15:00:00Z', '2026-10-03T15:30:00Z'],
  UTC: [],
};

/** One day's hours: sorted, non-overlapping intervals on a grid of `step` minutes, 24:00 allowed. */
function dayHours(step: number): fc.Arbitrary<Interval[]> {
  return fc.uniqueArray(fc.integer({ min: 0, max: 1440 / step }), { maxLength: 6 }).map((points) => {
    const sorted = points.sort((a, b) => a - b).map((p) => p * step);
    const out: Interval[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) out.push({ start: sorted[i] as number, end: sorted[i + 1] as number });
    return out;
  });
}

interface Scenario {
  zone: string;
  /** instant around which the instants of a case lie */
  base: number;
  week: Interval[][];
  /** holidays by days from the base's date */
  holidays: { offset: number; hours: Interval[] }[];
}

function scenario(step: number): fc.Arbitrary<Scenario> {
  return fc
    .constantFrom(...Object.keys(ZONES))
    .chain((zone) => {
      const changes = (ZONES[zone] ?? []).map((t) => Date.parse(t));
      const uniform = fc.integer({ min: Date.parse('2025-06-01T00:00:00Z') / 1000, max: Date.parse('2027-06-01T00:00:00Z') / 1000 }).map((s) => s * 1000);
      // Half the cases near a clock change, where the mistakes would be.
      const base = changes.length === 0 ? uniform : fc.oneof(uniform, fc.constantFrom(...changes));
      return fc.record({
        zone: fc.constant(zone),
        base,
        week: fc.array(dayHours(step), { minLength: 7, maxLength: 7 }),
        holidays: fc.array(fc.record({ offset: fc.integer({ min: -4, max: 4 }), hours: fc.oneof(fc.constant<Interval[]>([]), dayHours(step)) }), { maxLength: 4 }),
      });
    });
}

function loaded(s: Scenario): Calendar {
  const holidays: Calendar['holidays'] = new Map();
  const baseDay = Math.floor((s.base + tzOffset(s.zone, new Date(s.base)) * 60_000) / DAY);
  for (const h of s.holidays) {
    const date = new Date((baseDay + h.offset) * DAY).toISOString().slice(0, 10);
    holidays.set(date, { date, name: undefined, hours: h.hours });
  }
  return { id: 'random', timezone: s.zone, week: s.week, holidays, at: { file: 'calendars.yaml', path: [] } };
}

function compiled(s: Scenario): BusinessCalendar {
  return compileCalendar(loaded(s));
}

/** Whole-second instants within `reach` seconds of the base, sorted. */
function instants(s: Scenario, count: number, reach: number): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min: -reach, max: reach }), { minLength: count, maxLength: count }).map((offsets) => offsets.map((o) => s.base + o * 1000).sort((a, b) => a - b));
}

const SHORT = 4 * 86_400;
const LONG = 400 * 86_400;
const reach = fc.constantFrom(SHORT, LONG);

describe('open time (properties)', () => {
  it('is never negative and never more than wall-clock time', () => {
    fc.assert(
      fc.property(scenario(30).chain((s) => fc.tuple(fc.constant(s), reach.chain((r) => instants(s, 2, r)))), ([s, [a, b]]) => {
        const open = openSeconds(compiled(s), a as number, b as number);
        expect(open).toBeGreaterThanOrEqual(0);
        expect(open).toBeLessThanOrEqual(((b as number) - (a as number)) / 1000);
      }),
      { numRuns: 150 },
    );
  });

  it('is additive over split spans: open(a, c) = open(a, b) + open(b, c)', () => {
    fc.assert(
      fc.property(scenario(30).chain((s) => fc.tuple(fc.constant(s), reach.chain((r) => instants(s, 3, r)))), ([s, [a, b, c]]) => {
        const cal = compiled(s);
        expect(openSeconds(cal, a as number, c as number)).toBe(openSeconds(cal, a as number, b as number) + openSeconds(cal, b as number, c as number));
      }),
      { numRuns: 150 },
    );
  });

  it('grows with the end', () => {
    fc.assert(
      fc.property(scenario(30).chain((s) => fc.tuple(fc.constant(s), reach.chain((r) => instants(s, 3, r)))), ([s, [a, b, c]]) => {
        const cal = compiled(s);
        expect(openSeconds(cal, a as number, b as number)).toBeLessThanOrEqual(openSeconds(cal, a as number, c as number));
      }),
      { numRuns: 150 },
    );
  });

  it('equals a minute-by-minute count of the wall clock (hours on whole hours)', () => {
    // On whole hours no interval starts or ends inside a repeated hour, where "open while the
    // clock shows these hours" and "from the first 09:00 to the first 17:00" would differ.
    const cases = scenario(60).chain((s) =>
      fc.tuple(fc.constant(s), fc.array(fc.integer({ min: -2 * 1440, max: 2 * 1440 }), { minLength: 2, maxLength: 2 }).map((m) => m.map((x) => Math.floor(s.base / 60_000) * 60_000 + x * 60_000).sort((x, y) => x - y))),
    );
    fc.assert(
      fc.property(cases, ([s, [a, b]]) => {
        const calendar = loaded(s);
        let count = 0;
        for (let t = a as number; t < (b as number); t += 60_000) {
          const wall = t + tzOffset(s.zone, new Date(t)) * 60_000;
          const day = Math.floor(wall / DAY);
          const minute = (wall - day * DAY) / 60_000;
          const date = new Date(day * DAY);
          const hours = calendar.holidays.get(date.toISOString().slice(0, 10))?.hours ?? calendar.week[(date.getUTCDay() + 6) % 7] ?? [];
          if (hours.some((h) => h.start <= minute && minute < h.end)) count++;
        }
        expect(openSeconds(compileCalendar(calendar), a as number, b as number)).toBe(count * 60);
      }),
      { numRuns: 60 },
    );
  });
});

describe('addOpenSeconds (properties)', () => {
  const allowance = fc.oneof(fc.integer({ min: 0, max: 12 * 3600 }), fc.integer({ min: 0, max: 400 * 3600 }));

  it('is the exact inverse of openSeconds, and the earliest such instant', () => {
    fc.assert(
      fc.property(scenario(30).chain((s) => fc.tuple(fc.constant(s), instants(s, 1, LONG), allowance)), ([s, [start], seconds]) => {
        const cal = compiled(s);
        const due = addOpenSeconds(cal, start as number, seconds);
        if (due === Infinity) {
          expect(s.week.every((hours) => hours.length === 0)).toBe(true);
          return;
        }
        expect(openSeconds(cal, start as number, due)).toBe(seconds);
        if (seconds > 0) expect(openSeconds(cal, start as number, due - 1)).toBeLessThan(seconds);
      }),
      { numRuns: 200 },
    );
  });

  it('runs out at the close, not the next opening, when the allowance ends with open time', () => {
    // x = open(s, t) for a t often in closed time: the due is the close before t, never later.
    fc.assert(
      fc.property(scenario(30).chain((s) => fc.tuple(fc.constant(s), reach.chain((r) => instants(s, 2, r)))), ([s, [start, t]]) => {
        const cal = compiled(s);
        const seconds = openSeconds(cal, start as number, t as number);
        const due = addOpenSeconds(cal, start as number, seconds);
        expect(due).toBeLessThanOrEqual(t as number);
        expect(openSeconds(cal, start as number, due)).toBe(seconds);
        if (seconds > 0) expect(openSeconds(cal, due - 1000, due)).toBe(1);
      }),
      { numRuns: 150 },
    );
  });

  it('is exact to the millisecond', () => {
    fc.assert(
      fc.property(scenario(30).chain((s) => fc.tuple(fc.constant(s), fc.integer({ min: -SHORT * 1000, max: SHORT * 1000 }), fc.integer({ min: 0, max: 30 * 3_600_000 }))), ([s, shift, milliseconds]) => {
        const cal = compiled(s);
        const start = s.base + shift;
        const due = addOpenSeconds(cal, start, milliseconds / 1000);
        if (due !== Infinity) expect(openSeconds(cal, start, due)).toBe(milliseconds / 1000);
      }),
      { numRuns: 150 },
    );
  });
});

describe('closeOfBusinessDay (properties)', () => {
  it('moves on with every business day: close(n + 1) > close(n) > start', () => {
    fc.assert(
      fc.property(scenario(30).chain((s) => fc.tuple(fc.constant(s), instants(s, 1, LONG), fc.integer({ min: 1, max: 10 }))), ([s, [start], n]) => {
        const cal = compiled(s);
        const close = closeOfBusinessDay(cal, start as number, n);
        const next = closeOfBusinessDay(cal, start as number, n + 1);
        if (close === Infinity) {
          expect(next).toBe(Infinity);
          return;
        }
        expect(close).toBeGreaterThan(start as number);
        expect(next).toBeGreaterThan(close);
        // a close ends open time: the calendar is open just before it
        expect(openSeconds(cal, close - 1000, close)).toBe(1);
        const zeroth = closeOfBusinessDay(cal, start as number, 0);
        expect(zeroth).toBeGreaterThanOrEqual(start as number);
        expect(zeroth).toBeLessThanOrEqual(closeOfBusinessDay(cal, start as number, 1));
      }),
      { numRuns: 150 },
    );
  });
});

describe('the timeline against the day-by-day code', () => {
  // One calendar answers a run of questions in an order a log would ask them (mostly forward,
  // sometimes far back or ahead, so that the timeline is built, widened and passed by), and each
  // answer must be the one a calendar without a timeline gives.
  type Ask = { op: 'open' | 'add-to'; a: number; b: number } | { op: 'add'; a: number; seconds: number } | { op: 'close'; a: number; n: number };
  const YEAR = 365 * 86_400;
  const asks = (s: Scenario): fc.Arbitrary<Ask[]> => {
    const near = fc.integer({ min: -LONG, max: LONG }).map((o) => s.base + o * 1000);
    const far = fc.integer({ min: -45 * YEAR, max: 45 * YEAR }).map((o) => s.base + o * 1000);
    const at = fc.oneof({ weight: 12, arbitrary: near }, { weight: 1, arbitrary: far });
    const ask: fc.Arbitrary<Ask> = fc.oneof(
      fc.tuple(at, fc.integer({ min: 0, max: 40 * 86_400_000 })).map(([a, span]) => ({ op: 'open' as const, a, b: a + span })),
      // the allowance that runs out at b: exactly at a close whenever b is in closed time
      fc.tuple(at, fc.integer({ min: 0, max: 40 * 86_400 })).map(([a, span]) => ({ op: 'add-to' as const, a, b: a + span * 1000 })),
      fc.tuple(at, fc.oneof(fc.integer({ min: 0, max: 12 * 3600 }), fc.integer({ min: 0, max: 3000 * 3600 }))).map(([a, seconds]) => ({ op: 'add' as const, a, seconds })),
      fc.tuple(at, fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 3000 }))).map(([a, n]) => ({ op: 'close' as const, a, n })),
    );
    return fc.array(ask, { minLength: 1, maxLength: 20 });
  };

  it('gives every answer the day-by-day code gives, to the millisecond', () => {
    fc.assert(
      fc.property(scenario(15).chain((s) => fc.tuple(fc.constant(s), asks(s))), ([s, list]) => {
        const fast = compileCalendar(loaded(s));
        const slow = compileCalendar(loaded(s), { timeline: false });
        for (const q of list) {
          if (q.op === 'open') expect(openSeconds(fast, q.a, q.b)).toBe(openSeconds(slow, q.a, q.b));
          else if (q.op === 'add-to') {
            const seconds = openSeconds(slow, q.a, q.b);
            expect(addOpenSeconds(fast, q.a, seconds)).toBe(addOpenSeconds(slow, q.a, seconds));
          } else if (q.op === 'add') expect(addOpenSeconds(fast, q.a, q.seconds)).toBe(addOpenSeconds(slow, q.a, q.seconds));
          else if (q.op === 'close') expect(closeOfBusinessDay(fast, q.a, q.n)).toBe(closeOfBusinessDay(slow, q.a, q.n));
        }
      }),
      { numRuns: 200 },
    );
  });
});
