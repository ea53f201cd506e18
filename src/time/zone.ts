/**
 * Wall-clock time in an IANA zone, as plain arithmetic on epoch milliseconds: the one place
 * that turns local dates and times into instants. Used by the log reader (timestamps written
 * without an offset) and by the engine (calendars and periods); it reads no files.
 */
import { tzOffset } from '@date-fns/tz';

/**
 * Wall-clock fields in `zone` to an instant, for calendars and periods. A time the clocks skip
 * (DST starts) does not exist and is undefined here (opening hours in it have no open time); a
 * time they repeat (DST ends) is the earlier of its two instants. Log timestamps are read by
 * ZoneClock, which moves a skipped time forward by the gap instead (SPEC §1).
 */
export function fromLocal(zone: string, y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): Date | undefined {
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const offsets = new Set([-86_400_000, 0, 86_400_000].map((shift) => tzOffset(zone, new Date(asUtc + shift))));
  let best: number | undefined;
  for (const offset of offsets) {
    const instant = asUtc - offset * 60_000;
    if (tzOffset(zone, new Date(instant)) === offset && (best === undefined || instant < best)) best = instant;
  }
  return best === undefined ? undefined : new Date(best);
}

/**
 * Date.UTC for fields already checked (year 1000 or later, real dates), in integer arithmetic:
 * the days-from-civil algorithm, much cheaper than Date.UTC on the hot path of a log.
 */
export function utcMs(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  return civilDay(y, mo, d) * DAY + h * 3_600_000 + mi * 60_000 + s * 1000 + ms;
}

const DAY = 86_400_000;

/** Days since 1970-01-01 of a real date (the days-from-civil algorithm). */
export function civilDay(y: number, mo: number, d: number): number {
  const yy = mo <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * Wall-clock times in one zone to instants, fast: the zone's offset is cached per local day,
 * and only the rare day on which the offset changes goes through `fromLocal`.
 */
/** A day on which the clocks change once: the offsets before and after, and when, in local time. */
export interface Change {
  before: number;
  after: number;
  /** the local time of day, in ms, at which the change happens, as the clocks showed it before */
  at: number;
}

/** How the last wall-clock time read fell: on an ordinary time, in a skipped stretch, or in a repeated one. */
export const ORDINARY = 0;
export const IN_GAP = 1;
export const IN_OVERLAP = 2;
export type ClockNote = typeof ORDINARY | typeof IN_GAP | typeof IN_OVERLAP;

export class ZoneClock {
  readonly zone: string;
  /** after toInstant: whether the time was one the clocks skip or show twice */
  note: ClockNote = ORDINARY;
  /** local day number -> the day's offset in ms, or how it changes that day */
  private readonly offsets = new Map<number, number | Change>();

  constructor(zone: string) {
    this.zone = zone;
  }

  /** the day looked up last, and its offset: a log's times come mostly in order, day after day */
  private lastDay = Number.NaN;
  private lastOffset: number | Change = 0;

  private offsetOf(day: number): number | Change {
    if (day === this.lastDay) return this.lastOffset;
    let offset = this.offsets.get(day);
    if (offset === undefined) {
      offset = this.dayOffset(day);
      if (this.offsets.size > 20_000) this.offsets.clear();
      this.offsets.set(day, offset);
    }
    this.lastDay = day;
    this.lastOffset = offset;
    return offset;
  }

  /**
   * Local day `day`'s offsets as data, for the SQL engines (src/sql/tables.ts), which read a
   * wall-clock time as `instant` does: the offset before the day's one change, after it, and
   * when it happens (local ms of the day, as the clocks showed it before); a day without a
   * change has one offset and `at` a whole day.
   */
  dayOffsets(day: number): Change {
    const offset = this.offsetOf(day);
    return typeof offset === 'number' ? { before: offset, after: offset, at: DAY } : offset;
  }

  /**
   * The instant of a local time of day `wall` (ms) on local day `day`, SPEC §1: a time shown
   * twice (clocks go back) is its earlier instant; a time the clocks skip (clocks go forward) is
   * read with the offset in force before the jump, so it lands after the jump by the length of
   * the gap (02:30 is 03:30), as RFC 5545 and Temporal's "compatible" read it. `note` says which.
   */
  private instant(day: number, wall: number): number {
    const offset = this.offsetOf(day);
    this.note = ORDINARY;
    if (typeof offset === 'number') return day * DAY + wall - offset;
    if (wall < offset.at) {
      if (offset.after < offset.before && wall >= offset.at - (offset.before - offset.after)) this.note = IN_OVERLAP;
      return day * DAY + wall - offset.before;
    }
    if (wall < offset.at + offset.after - offset.before) {
      this.note = IN_GAP;
      return day * DAY + wall - offset.before;
    }
    return day * DAY + wall - offset.after;
  }

  /** The instant of a local wall-clock time (see `instant` for the times the clocks skip or repeat). */
  toInstant(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
    return this.toInstantOnDay(civilDay(y, mo, d), h, mi, s, ms);
  }

  /** `toInstant` of a local time on the local day numbered `day` (days since 1970-01-01). */
  toInstantOnDay(day: number, h: number, mi: number, s: number, ms: number): number {
    if (h === 24) return this.instant(day + 1, 0);
    return this.instant(day, h * 3_600_000 + mi * 60_000 + s * 1000 + ms);
  }

  /**
   * The start of the local day after the given one: "the end of that day". Where the clocks
   * skip midnight itself, the day ends at the jump, which is that midnight read with the offset
   * before it.
   */
  endOfDay(y: number, mo: number, d: number): number {
    return this.instant(civilDay(y, mo, d) + 1, 0);
  }

  /** `endOfDay` of the local day numbered `day` (days since 1970-01-01). */
  endOfDayNumber(day: number): number {
    return this.instant(day + 1, 0);
  }

  /** The offset all day long, or the one change of the day, found with a few zone lookups. */
  private dayOffset(day: number): number | Change {
    const offsetAt = (ms: number): number => tzOffset(this.zone, new Date(ms)) * 60_000;
    // the local day lies within these instants, whatever the zone's offsets (UTC-12 to UTC+14)
    let lo = day * DAY - 14 * 3_600_000;
    let hi = (day + 1) * DAY + 12 * 3_600_000;
    const before = offsetAt(lo);
    const after = offsetAt(hi);
    if (before === after && offsetAt(day * DAY + DAY / 2 - before) === before) return before;
    // the change: the first second at which the offset is no longer `before`
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (offsetAt(mid) === before) lo = mid;
      else hi = mid;
    }
    const at = hi + before - day * DAY;
    // a change outside this local day leaves the whole day on one offset
    if (at >= DAY + (after > before ? 0 : before - after)) return before;
    if (at <= 0 && after - before <= -at) return after;
    return { before, after, at };
  }
}
