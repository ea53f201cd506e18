/**
 * Opening hours as the example organisations work them, for drawing realistic reply and
 * resolution times. The same hours are declared in each example's registry; a test
 * loads both and compares them, so the logs are made on the calendars they are judged on.
 * This is the generator's model of when people work, not the engine's business-time
 * arithmetic: it only has to place an instant inside open hours.
 */
import { parseIntervals, type Interval } from '../../src/registry/values.js';
import { addDays, instant, isoDate, localDate, weekday, type LocalDate } from './time.js';

type DayKey = 'weekdays' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** A calendar written as in calendars.yaml. */
export interface CalendarSpec {
  id: string;
  timezone: string;
  hours: Partial<Record<DayKey, readonly string[]>>;
  holidays: readonly (string | { date: string; hours: readonly string[] })[];
}

export interface OpeningHours {
  id: string;
  timezone: string;
  /** open intervals per weekday, index 0 is Monday (as the registry's Calendar) */
  week: Interval[][];
  /** holiday date -> its open intervals; empty when closed all day */
  holidays: Map<string, Interval[]>;
}

const DAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function intervals(texts: readonly string[]): Interval[] {
  const r = parseIntervals(texts);
  if (!r.ok) throw new Error(`bad opening hours ${texts.join(', ')}: ${r.messageId}`);
  return r.value;
}

export function openingHours(spec: CalendarSpec): OpeningHours {
  const week = DAY_KEYS.map((key, day) => intervals(spec.hours[key] ?? (day < 5 ? spec.hours.weekdays : undefined) ?? []));
  const holidays = new Map<string, Interval[]>();
  for (const h of spec.holidays) {
    if (typeof h === 'string') holidays.set(h, []);
    else holidays.set(h.date, intervals(h.hours));
  }
  return { id: spec.id, timezone: spec.timezone, week, holidays };
}

export function openOn(cal: OpeningHours, date: LocalDate): Interval[] {
  return cal.holidays.get(isoDate(date)) ?? cal.week[weekday(date)] ?? [];
}

const spanCache = new WeakMap<OpeningHours, Map<string, [number, number][]>>();

/** Open spans of a date as instants (cached: the generator asks for the same days over and over). */
function spans(cal: OpeningHours, date: LocalDate): [number, number][] {
  let cache = spanCache.get(cal);
  if (cache === undefined) spanCache.set(cal, (cache = new Map()));
  const key = isoDate(date);
  let out = cache.get(key);
  if (out === undefined) {
    out = openOn(cal, date).map((i): [number, number] => [instant(cal.timezone, date, i.start), instant(cal.timezone, date, i.end)]);
    cache.set(key, out);
  }
  return out;
}

/** The instant after `minutes` of open time from `startMs` (0 minutes: the next open moment). */
export function addOpenMinutes(cal: OpeningHours, startMs: number, minutes: number): number {
  let left = minutes * 60_000;
  let date = localDate(startMs, cal.timezone);
  for (let i = 0; i < 800; i++, date = addDays(date, 1)) {
    for (const [open, close] of spans(cal, date)) {
      const from = Math.max(open, startMs);
      if (from >= close) continue;
      if (from + left <= close) return from + left;
      left -= close - from;
    }
  }
  throw new Error(`calendar ${cal.id}: no open time within 800 days of ${new Date(startMs).toISOString()}`);
}

function place(open: [number, number][], fraction: number): number {
  const total = open.reduce((sum, [a, b]) => sum + (b - a), 0);
  let at = Math.floor(total * Math.min(Math.max(fraction, 0), 0.999));
  for (const [a, b] of open) {
    if (at < b - a) return a + at;
    at -= b - a;
  }
  return open[open.length - 1]?.[1] ?? 0;
}

/**
 * An instant inside the open hours of the k-th business day after the day of `startMs`
 * (k = 0: later on that same day), `fraction` of the way through its open time. When the
 * start day has no open time left, day 0 does not exist and the first business day is used.
 */
export function onBusinessDay(cal: OpeningHours, startMs: number, k: number, fraction: number): number {
  const first = localDate(startMs, cal.timezone);
  const today = spans(cal, first)
    .map(([a, b]): [number, number] => [Math.max(a, startMs), b])
    .filter(([a, b]) => b > a);
  if (k === 0 && today.length > 0) return place(today, fraction);
  let count = 0;
  for (let i = 1; i < 800; i++) {
    const open = spans(cal, addDays(first, i));
    if (open.length === 0) continue;
    count++;
    if (count >= Math.max(k, 1)) return place(open, fraction);
  }
  throw new Error(`calendar ${cal.id}: no business day ${k} after ${new Date(startMs).toISOString()}`);
}

/**
 * SPEC §1 `Nbd` (n >= 1): the close of the last open interval of the n-th date after the
 * local date of `startMs` that has open hours, a holiday's shortened hours counting. The
 * survey generator uses it to know whether a customer's case met its standard.
 */
export function closeOfNthBusinessDay(cal: OpeningHours, startMs: number, n: number): number {
  let date = localDate(startMs, cal.timezone);
  for (let count = 0, i = 0; i < 800; i++) {
    date = addDays(date, 1);
    const open = openOn(cal, date);
    const last = open[open.length - 1];
    if (last === undefined) continue;
    if (++count === n) return instant(cal.timezone, date, last.end);
  }
  throw new Error(`calendar ${cal.id}: no business day ${n} after ${new Date(startMs).toISOString()}`);
}
