/**
 * Local days of a zone as plain numbers, for the calendar and period modules: a day number
 * counts local dates from 1970-01-01 (day 0), so date arithmetic is integer arithmetic and
 * no Date object or formatted string is needed once a day's instants are known.
 */
import { tzOffset } from '@date-fns/tz';
import { fromLocal } from '../time/zone.js';

export const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** ISO weekday of a day number: 0 is Monday, 6 is Sunday (day 0, 1970-01-01, was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** The day number of a calendar date; `month` and `day` may overflow as in Date.UTC. */
export function dayFromCivil(year: number, month: number, day: number): number {
  // setUTCFullYear, not Date.UTC: the latter reads years 0-99 as 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.floor(date.getTime() / DAY_MS);
}

export interface CivilDate {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
}

export function civilFromDay(day: number): CivilDate {
  const date = new Date(day * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** `YYYY-MM-DD` to a day number; undefined when it is not that form. */
export function dayFromIso(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) return undefined;
  return dayFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** UTC offset of `zone` at instant `ms`, in milliseconds (east positive). */
export function offsetAt(zone: string, ms: number): number {
  // Offsets from before standard time can hold seconds (LMT); keep whole milliseconds.
  return Math.round(tzOffset(zone, new Date(ms)) * MINUTE_MS);
}

/** The local day number on which instant `ms` falls in `zone`. */
export function localDayOf(zone: string, ms: number): number {
  return Math.floor((ms + offsetAt(zone, ms)) / DAY_MS);
}

/**
 * The first instant at which the local clock in `zone` shows `minutes` after midnight of
 * local day `day` (or later). That is the plain conversion for most times; a time the clocks
 * repeat (DST ends) is its earlier instant, as timestamps in logs are read; a time the clocks
 * skip (DST starts) does not exist, and its first instant "or later" is the moment of the jump,
 * so a skipped stretch of opening hours simply has no open time. `minutes` may be 1440:
 * 24:00 is the next local midnight.
 */
export function instantOfLocal(zone: string, day: number, minutes: number): number {
  // fromLocal normalises its fields as Date.UTC does, so a day number and a minute count
  // can be passed as they are (day 0 is 1970-01-01; 1440 minutes is the next midnight).
  const direct = fromLocal(zone, 1970, 1, 1 + day, 0, minutes, 0, 0);
  if (direct !== undefined) return Math.round(direct.getTime());
  const wall = day * DAY_MS + minutes * MINUTE_MS;
  const offsets = [-DAY_MS, 0, DAY_MS].map((shift) => offsetAt(zone, wall + shift));
  // Before the jump the clock shows less than `wall`, after it more: find the jump by bisection.
  let before = wall - Math.max(...offsets);
  let after = wall - Math.min(...offsets);
  while (after - before > 1) {
    const mid = Math.floor((before + after) / 2);
    if (mid + offsetAt(zone, mid) >= wall) after = mid;
    else before = mid;
  }
  return after;
}
