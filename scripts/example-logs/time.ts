/**
 * Local dates and timestamps for the example logs: instants are UTC milliseconds, zones
 * appear only when a day is laid out or a cell is written, as the exports being imitated do.
 */
import { tzOffset } from '@date-fns/tz';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A calendar date; `m` is 1-12. */
export interface LocalDate {
  y: number;
  m: number;
  d: number;
}

interface LocalTime extends LocalDate {
  h: number;
  mi: number;
  s: number;
  /** minutes east of UTC */
  offset: number;
}

/** How an export writes its timestamps. */
export type TimestampStyle =
  /** `2026-03-02T09:14:05+01:00` */
  | 'iso-offset'
  /** `2026-03-02T08:14:05Z` */
  | 'iso-utc'
  /** `2026-03-02 09:14:05`, local to the source's zone */
  | 'naive'
  /** `02.03.2026 09:14`, the bank CRM's `timestamp_format: "dd.MM.yyyy HH:mm"` */
  | 'dd.MM.yyyy HH:mm';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const QUARTER_HOUR = 15 * 60_000;
/** zone -> UTC day -> its offset, or null when the offset changes during that day */
const dayOffsets = new Map<string, Map<number, number | null>>();
/** zone -> quarter hour -> offset, for the days on which it changes */
const quarterOffsets = new Map<string, Map<number, number>>();

function cacheOf<V>(caches: Map<string, Map<number, V>>, zone: string): Map<number, V> {
  let cache = caches.get(zone);
  if (cache === undefined) caches.set(zone, (cache = new Map()));
  return cache;
}

/**
 * The zone's UTC offset in minutes at an instant. The logs hold tens of thousands of
 * timestamps and asking Intl for each is slow, so a day whose offset is the same at both
 * ends is looked up once; on the two days a year the clocks change, once per quarter hour
 * (offsets only ever change on a quarter hour).
 */
export function offsetAt(zone: string, ms: number): number {
  const days = cacheOf(dayOffsets, zone);
  const day = Math.floor(ms / DAY);
  let offset = days.get(day);
  if (offset === undefined) {
    const first = tzOffset(zone, new Date(day * DAY));
    offset = first === tzOffset(zone, new Date((day + 1) * DAY - QUARTER_HOUR)) ? first : null;
    days.set(day, offset);
  }
  if (offset !== null) return offset;
  const quarters = cacheOf(quarterOffsets, zone);
  const quarter = Math.floor(ms / QUARTER_HOUR);
  let exact = quarters.get(quarter);
  if (exact === undefined) {
    exact = tzOffset(zone, new Date(quarter * QUARTER_HOUR));
    quarters.set(quarter, exact);
  }
  return exact;
}

export function localTime(ms: number, zone: string): LocalTime {
  const offset = offsetAt(zone, ms);
  const t = new Date(ms + offset * MINUTE);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), mi: t.getUTCMinutes(), s: t.getUTCSeconds(), offset };
}

export function localDate(ms: number, zone: string): LocalDate {
  const { y, m, d } = localTime(ms, zone);
  return { y, m, d };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** 0 is Monday, 6 is Sunday (the order of a calendar's `week`). */
export function weekday(date: LocalDate): number {
  return (new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay() + 6) % 7;
}

export function isoDate(date: LocalDate): string {
  return `${date.y}-${pad(date.m)}-${pad(date.d)}`;
}

export function quarterOf(date: LocalDate): number {
  return Math.ceil(date.m / 3);
}

/**
 * The instant of a local wall-clock minute (0-1440) of a date. A minute the clocks skip in
 * spring is moved an hour on, as a device clock would record it.
 */
export function instant(zone: string, date: LocalDate, minuteOfDay: number): number {
  const whole = Math.floor(minuteOfDay);
  const seconds = Math.round((minuteOfDay - whole) * 60);
  if (whole >= 1440) return instant(zone, addDays(date, 1), whole - 1440);
  // As fromLocal (src/logs/timestamp.ts) reads a local time back: of the instants whose
  // offset gives this wall-clock time, the earliest; none when the clocks skip it.
  const asUtc = Date.UTC(date.y, date.m - 1, date.d, Math.floor(whole / 60), whole % 60, seconds);
  let best: number | undefined;
  for (const shift of [-DAY, DAY]) {
    const offset = offsetAt(zone, asUtc + shift);
    const at = asUtc - offset * MINUTE;
    if (offsetAt(zone, at) === offset && (best === undefined || at < best)) best = at;
  }
  return best ?? instant(zone, date, minuteOfDay + 60);
}

/** Every local date from `first` up to the date that holds `endMs`, inclusive. */
export function daysUntil(first: LocalDate, endMs: number, zone: string): LocalDate[] {
  const last = isoDate(localDate(endMs, zone));
  const out: LocalDate[] = [];
  for (let date = first; isoDate(date) <= last; date = addDays(date, 1)) out.push(date);
  return out;
}

export function formatTimestamp(ms: number, zone: string, style: TimestampStyle): string {
  switch (style) {
    case 'iso-utc': {
      const t = new Date(ms);
      return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}Z`;
    }
    case 'iso-offset': {
      const l = localTime(ms, zone);
      const sign = l.offset < 0 ? '-' : '+';
      const abs = Math.abs(l.offset);
      return `${l.y}-${pad(l.m)}-${pad(l.d)}T${pad(l.h)}:${pad(l.mi)}:${pad(l.s)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
    }
    case 'naive': {
      const l = localTime(ms, zone);
      return `${l.y}-${pad(l.m)}-${pad(l.d)} ${pad(l.h)}:${pad(l.mi)}:${pad(l.s)}`;
    }
    case 'dd.MM.yyyy HH:mm': {
      const l = localTime(ms, zone);
      return `${pad(l.d)}.${pad(l.m)}.${l.y} ${pad(l.h)}:${pad(l.mi)}`;
    }
  }
}
