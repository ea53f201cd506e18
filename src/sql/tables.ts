/**
 * The data a compiled query carries (SPEC §5): the built-in engine's own calendars, periods and
 * zone offsets, written out as rows, so that no SQL engine's time-zone functions decide an
 * outcome. Every number here is computed by src/engine/ and src/time/ as the built-in engine
 * computes it; the SQL only looks it up.
 *
 * - A zone's local days (`zone`): per written date, the instant of its local midnight, the
 *   offsets before and after the day's clock change and when it happens, and the next midnight
 *   (24:00, the end of the day). A wall-clock cell is read from these as ZoneClock reads it.
 * - A calendar's UTC days (`calendar days`): per day, the open time before it (cumulative, from
 *   the first day of the table), its open pieces, whether the millisecond before it was open,
 *   and the calendar zone's offset, for the local day of an instant. Open time between two
 *   instants is a difference of cumulative sums; the instant an allowance runs out is found by
 *   a range join on the cumulative sums.
 * - A calendar's business-day closes (`business days`): per local day of a start, the close of
 *   the N-th business day after it for each N the standards use, and the open time up to it.
 * - Periods: each period's bounds in UTC, to find a start's period by a range join.
 */
import { calendarDays, closeOfBusinessDay, compileCalendar, openSeconds, type BusinessCalendar } from '../engine/calendar.js';
import { DAY_MS, instantOfLocal, localDayOf } from '../engine/local-time.js';
import { periodOf, shiftPeriod, type Period, type PeriodKind } from '../engine/period.js';
import type { Calendar } from '../registry/model.js';
import { utcMs, ZoneClock, type Change } from '../time/zone.js';

/** A written date, as the fields a cell names. */
export interface CivilDate {
  y: number;
  mo: number;
  d: number;
}

/** One local day of a zone, keyed by the date written (`ymd` = y * 10000 + mo * 100 + d). */
export interface ZoneDay {
  ymd: number;
  /** the day's midnight as if the zone were UTC: the day number times a day */
  dayMs: number;
  change: Change;
  /** the instant of 24:00, the next local midnight (a date's end), and whether it was a time the clocks skip (1) or show twice (2) */
  nextMidnight: number;
  nextNote: 0 | 1 | 2;
}

export function ymdOf(date: CivilDate): number {
  return date.y * 10_000 + date.mo * 100 + date.d;
}

/** Real dates only: a cell naming 30 February finds no row and is not a real time. */
export function zoneDays(zone: string, dates: Iterable<CivilDate>): ZoneDay[] {
  const clock = new ZoneClock(zone);
  const out = new Map<number, ZoneDay>();
  for (const date of dates) {
    const ymd = ymdOf(date);
    if (out.has(ymd)) continue;
    const dayMs = utcMs(date.y, date.mo, date.d, 0, 0, 0, 0);
    const day = Math.round(dayMs / DAY_MS);
    const nextMidnight = clock.toInstant(date.y, date.mo, date.d, 24, 0, 0, 0);
    out.set(ymd, { ymd, dayMs, change: clock.dayOffsets(day), nextMidnight, nextNote: clock.note });
  }
  return [...out.values()].sort((a, b) => a.ymd - b.ymd);
}

/** Every date from `first` to `last` (day numbers), for a table that covers a range. */
export function datesBetween(first: number, last: number): CivilDate[] {
  const out: CivilDate[] = [];
  for (let day = first; day <= last; day++) {
    const d = new Date(day * DAY_MS);
    out.push({ y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate() });
  }
  return out;
}

/** One UTC day of a calendar. */
export interface CalendarDay {
  /** the day number (days since 1970-01-01 UTC) */
  day: number;
  /** open ms from the table's first day up to this day's start */
  cum: number;
  /** open pieces within the day, as instants: open, close, open, close… */
  pieces: number[];
  /** the millisecond before the day's start was open */
  prevOpen: boolean;
  /** the calendar's local day at the day's start, and the instant the next one starts within the day (or the day's end) */
  localDay: number;
  nextLocalAt: number;
}

export interface CalendarTable {
  id: string;
  /** the first and last day */
  first: number;
  last: number;
  days: CalendarDay[];
  /** the most pieces a day has (at least 1) */
  pieces: number;
  /** the open time up to an instant from the table's first day, as the SQL counts it */
  cumAt(ms: number): number;
}

/** A compiled calendar per id, made once per compilation. */
export function compileCalendars(calendars: readonly Calendar[]): Map<string, BusinessCalendar> {
  return new Map(calendars.map((c) => [c.id, compileCalendar(c)]));
}

/**
 * The calendar's local day holding instant `ms`, as the calendar bounds its days: from the
 * instant its midnight is first shown (src/engine/local-time.ts instantOfLocal) to the next's.
 */
function localDayAt(zone: string, ms: number): number {
  let day = localDayOf(zone, ms);
  while (instantOfLocal(zone, day, 0) > ms) day--;
  while (instantOfLocal(zone, day + 1, 0) <= ms) day++;
  return day;
}

/** The calendar's UTC days from `first` to `last` (day numbers), with their open time. */
export function calendarTable(cal: BusinessCalendar, first: number, last: number): CalendarTable {
  const days: CalendarDay[] = [];
  let cum = 0;
  let pieces = 1;
  for (let day = first; day <= last; day++) {
    const start = day * DAY_MS;
    const end = start + DAY_MS;
    const open: number[] = [];
    for (const local of calendarDays(cal, start, end, 4).days) for (const o of local.open) open.push(o.startMs, o.endMs);
    open.sort((a, b) => a - b);
    const localDay = localDayAt(cal.zone, start);
    const next = instantOfLocal(cal.zone, localDay + 1, 0);
    // a local day is never shorter than a few hours, so no UTC day holds two of their starts after its own
    if (next < end && instantOfLocal(cal.zone, localDay + 2, 0) < end) throw new RangeError(`calendar "${cal.id}": two local days start within UTC day ${day}`);
    days.push({ day, cum, pieces: open, prevOpen: openSeconds(cal, start - 1, start) > 0, localDay, nextLocalAt: Math.min(next, end) });
    pieces = Math.max(pieces, open.length / 2);
    for (let i = 0; i < open.length; i += 2) cum += (open[i + 1] as number) - (open[i] as number);
  }
  const origin = first * DAY_MS;
  return { id: cal.id, first, last, days, pieces, cumAt: (ms) => Math.round(openSeconds(cal, origin, ms) * 1000) };
}

/** One local day of a calendar, as a start's day: the closes its business-day limits reach. */
export interface BusinessDay {
  /** the local day number */
  day: number;
  /** 0bd: the day's own close when it is a business day */
  todayClose: number | undefined;
  /** per N of the standards (N >= 1): the close of the N-th business day after; Infinity when none comes */
  closes: Map<number, number>;
}

/**
 * The local days `first` to `last` of a calendar with the closes of their `counts` business
 * days (SPEC §1 `Nbd`). A start's close depends only on its local day, but for 0bd, whose close
 * is the day's own when the start is not after it (else the next business day's, as for 1bd).
 */
export function businessDays(cal: BusinessCalendar, first: number, last: number, counts: readonly number[]): BusinessDay[] {
  const out: BusinessDay[] = [];
  const wanted = [...new Set([...counts.filter((n) => n > 0), ...(counts.includes(0) ? [1] : [])])].sort((a, b) => a - b);
  for (let day = first; day <= last; day++) {
    const midnight = instantOfLocal(cal.zone, day, 0);
    const closes = new Map(wanted.map((n) => [n, closeOfBusinessDay(cal, midnight, n)]));
    let todayClose: number | undefined;
    if (counts.includes(0)) {
      const sameDay = closeOfBusinessDay(cal, midnight, 0);
      // the day's own close comes before the next business day's; on a closed day 0bd is 1bd
      if (Number.isFinite(sameDay) && sameDay < (closes.get(1) as number)) todayClose = sameDay;
    }
    out.push({ day, todayClose, closes });
  }
  return out;
}

/** Every period of `kind` that holds an instant in [fromMs, toMs], in order. */
export function periodsBetween(kind: PeriodKind, zone: string, fiscalYearStart: number, fromMs: number, toMs: number): Period[] {
  const out: Period[] = [];
  let period = periodOf(fromMs, kind, zone, fiscalYearStart);
  out.push(period);
  while (period.endMs <= toMs) {
    period = shiftPeriod(period, 1, zone, fiscalYearStart);
    out.push(period);
  }
  return out;
}
