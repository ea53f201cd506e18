/**
 * Business time (SPEC §1): open time between two instants on a calendar, the instant at which
 * an allowance of open time runs out, and the close of the N-th business day. Written once,
 * here; every other part of the engine asks this module.
 *
 * Opening hours are local wall-clock times in the calendar's zone. Per local day they become
 * UTC instants once (a day is built lazily and cached), so that on a DST-change day an
 * interval 01:00-04:00 holds 2 h (clocks spring forward) or 4 h (clocks fall back) of real
 * open time, a skipped local time is no time at all, and 24:00 is the next local midnight.
 * Open time is also summed per block of days, so a long span costs a few additions once its
 * blocks are built (one zone lookup per day, once per calendar and run: about 1.5 s
 * per thousand years, should a log hold a placeholder date such as 9999-12-31).
 *
 * The close of the N-th business day is counted over whole weeks of the weekly hours, with only
 * the days that may differ from them (holidays, clock changes) looked at one by one, so that a
 * limit of thousands of business days costs each record its holidays, not thousands of steps.
 *
 * Time resolution is one millisecond: instants are whole epoch milliseconds and open time is
 * counted in whole milliseconds, so every sum here is exact integer arithmetic.
 */
import type { Calendar } from '../registry/model.js';
import type { Interval } from '../registry/values.js';
import { DAY_MS, dayFromIso, instantOfLocal, localDayOf, offsetAt, weekdayOf } from './local-time.js';

/** A calendar compiled for evaluation: pass it to the functions of this module. */
export interface BusinessCalendar {
  readonly id: string;
  /** IANA zone of the opening hours */
  readonly zone: string;
}

/**
 * How far a search for open time goes before it gives up: a calendar that has no open time
 * in ten years of days never opens, and what waits on it is due never (`Infinity`).
 */
export const MAX_CLOSED_DAYS = 3653;

/** Days per block of cumulative open time. */
const BLOCK_DAYS = 256;
/** Spans of up to this many whole days are summed day by day rather than by block. */
const SHORT_SPAN_DAYS = 16;
/** Built days kept in memory at most (some 55 years); beyond it days are built and dropped. */
const MAX_CACHED_DAYS = 20_000;
/** Date objects (and the zone database) end at ±8.64e15 ms; stay clear of the edge. */
const LAST_DAY = Math.floor(8.64e15 / DAY_MS) - 2;

/** One local day, its hours as instants. */
interface Day {
  readonly day: number;
  /** instant of the day's local midnight (or of the jump, where clocks skip midnight) */
  readonly start: number;
  /** instant of the next local midnight */
  readonly end: number;
  /** UTC offset at `end`, in ms, so that the next day is built with one zone lookup */
  readonly endOffset: number;
  /** open pieces as instants: open0, close0, open1, close1, ...; sorted, none empty */
  readonly bounds: readonly number[];
  /** open milliseconds in the day */
  readonly total: number;
}

/** Cumulative open time of BLOCK_DAYS consecutive days. */
interface Block {
  /** prefix[i]: open ms in the block's days before its i-th day; prefix[BLOCK_DAYS] is the total */
  readonly prefix: Float64Array;
}

class CompiledCalendar implements BusinessCalendar {
  readonly id: string;
  readonly zone: string;
  private readonly week: readonly (readonly Interval[])[];
  /** holidays by day number: their hours replace the weekday's ([] closes the day) */
  private readonly holidays: ReadonlyMap<number, readonly Interval[]>;
  /** Past this day the calendar never opens (a week without hours and no later shortened holiday). */
  readonly lastOpenDay: number;
  /** the weekdays (0 Monday) on which a day that is no holiday and has no clock change is open */
  private readonly openWeekdays: readonly number[];
  /** openWeekdaysBefore[w]: how many of the open weekdays come before weekday w (w = 0..7) */
  private readonly openWeekdaysBefore: readonly number[];
  /** holiday names by date (YYYY-MM-DD): for explanations */
  readonly holidayNames: ReadonlyMap<string, string | undefined>;
  /** holidays by day number, sorted */
  private readonly holidayDays: readonly number[];
  /** per block of days: the days near a clock change, sorted (see clockChangeDays) */
  private readonly clockChanges = new Map<number, readonly number[]>();
  private readonly days = new Map<number, Day>();
  private readonly blocks = new Map<number, Block>();
  /** the last day looked up: records arrive mostly in time order */
  private cursor: Day | undefined;
  /** the timeline of the days around those asked for so far (see Timeline); undefined until first asked, null when the calendar cannot have one */
  private timeline: Timeline | null | undefined;

  constructor(calendar: Calendar) {
    this.id = calendar.id;
    this.zone = calendar.timezone;
    if (calendar.week.length !== 7) throw new RangeError(`calendar "${calendar.id}" needs hours for 7 weekdays, got ${calendar.week.length}`);
    this.week = calendar.week;
    const holidays = new Map<number, readonly Interval[]>();
    let lastHolidayOpen = -Infinity;
    for (const [date, holiday] of calendar.holidays) {
      const day = dayFromIso(date);
      if (day === undefined) throw new RangeError(`calendar "${calendar.id}": holiday "${date}" is not a YYYY-MM-DD date`);
      holidays.set(day, holiday.hours);
      if (holiday.hours.length > 0) lastHolidayOpen = Math.max(lastHolidayOpen, day);
    }
    this.holidays = holidays;
    this.holidayNames = new Map([...calendar.holidays].map(([date, h]) => [date, h.name]));
    this.lastOpenDay = this.week.some((hours) => hours.length > 0) ? Infinity : lastHolidayOpen;
    // A day of the weekly pattern has open time when one of its intervals is not empty (build).
    this.openWeekdays = this.week.flatMap((hours, weekday) => (hours.some((h) => h.end > h.start) ? [weekday] : []));
    this.openWeekdaysBefore = Array.from({ length: 8 }, (_, w) => this.openWeekdays.filter((open) => open < w).length);
    this.holidayDays = [...holidays.keys()].sort((a, b) => a - b);
  }

  /**
   * The timeline holding the days of both instants (built or widened as needed), or undefined
   * when the instants lie too far apart, or too far from the days asked for before, for one:
   * then the day-by-day code below answers.
   */
  noTimeline(): void {
    this.timeline = null;
  }

  timelineFor(a: number, b: number): Timeline | undefined {
    let t = this.timeline;
    if (t === null) return undefined;
    if (t !== undefined && t.holds(a) && t.holds(b)) return t;
    if (t === undefined && this.openWeekdays.length === 0) {
      // a calendar open on holidays only may stay closed for years: the day-by-day code decides
      this.timeline = null;
      return undefined;
    }
    if (!(Math.abs(a) <= LAST_DAY * DAY_MS && Math.abs(b) <= LAST_DAY * DAY_MS)) return undefined;
    const da = localDayOf(this.zone, a);
    const db = localDayOf(this.zone, b);
    let from = Math.min(da, db) - 1;
    let to = Math.max(da, db) + 2;
    if (t !== undefined) {
      // widen to the union, and at least double, so that the rebuilds cost little in all
      from = Math.min(from, t.firstDay);
      to = Math.max(to, t.firstDay + t.length);
      const grow = Math.max(0, 2 * t.length - (to - from));
      from -= grow >> 1;
      to += grow - (grow >> 1);
    } else {
      // a log spans months: start with a year and a bit around the first instant
      from = Math.min(from, da - 31);
      to = Math.max(to, da + 400);
    }
    if (to - from > MAX_TIMELINE_DAYS) return undefined;
    const built = new Timeline(this, from, to);
    // a run of closed days longer than the day-by-day code allows has answers (Infinity) only it gives
    if (built.longestClosedRun > MAX_CLOSED_DAYS) {
      this.timeline = null;
      return undefined;
    }
    this.timeline = built;
    return built.holds(a) && built.holds(b) ? built : undefined;
  }

  isHoliday(day: number): boolean {
    return this.holidays.has(day);
  }

  private hoursOf(day: number): readonly Interval[] {
    return this.holidays.get(day) ?? this.week[weekdayOf(day)] ?? [];
  }

  /** The day holding instant `ms`. */
  dayAt(ms: number): Day {
    const cursor = this.cursor;
    if (cursor !== undefined && ms >= cursor.start && ms < cursor.end) return cursor;
    // Guess with the offset of a day at hand (no zone lookup), then step to the right day.
    const near = cursor ?? this.day(localDayOf(this.zone, ms));
    let found = this.day(Math.floor((ms + near.day * DAY_MS - near.start) / DAY_MS));
    while (ms < found.start) found = this.day(found.day - 1);
    while (ms >= found.end) found = this.day(found.day + 1);
    this.cursor = found;
    return found;
  }

  /** Day `day`, built and cached on first use. */
  day(day: number): Day {
    const cached = this.days.get(day);
    if (cached !== undefined) return cached;
    if (Math.abs(day) > LAST_DAY) throw new RangeError(`instant out of range on calendar "${this.id}"`);
    const built = this.build(day, this.days.get(day - 1), this.days.get(day + 1)?.start);
    if (this.days.size < MAX_CACHED_DAYS) this.days.set(day, built);
    return built;
  }

  /** Day `day`, its start taken from the day before when that is at hand. */
  private build(day: number, before: Day | undefined, knownEnd: number | undefined): Day {
    const zone = this.zone;
    const start = before?.end ?? instantOfLocal(zone, day, 0);
    const hours = this.hoursOf(day);
    const offset = before?.endOffset ?? offsetAt(zone, start);
    // The common day: it starts at local midnight and the offset is the same 24 h later, so
    // the clocks do not change in between and every local time is midnight plus its minutes.
    // (Two changes that cancel out within one day would go unseen; no zone has had them.)
    const regular = start + offset === day * DAY_MS && (knownEnd === undefined ? offsetAt(zone, start + DAY_MS) === offset : knownEnd === start + DAY_MS);
    const end = regular ? start + DAY_MS : (knownEnd ?? instantOfLocal(zone, day + 1, 0));
    const endOffset = regular ? offset : offsetAt(zone, end);
    const bounds: number[] = [];
    let total = 0;
    for (const { start: from, end: to } of hours) {
      const open = regular ? start + from * 60_000 : instantOfLocal(zone, day, from);
      const close = regular ? start + to * 60_000 : instantOfLocal(zone, day, to);
      // A stretch the clocks skip has no open time; touching pieces make one.
      if (close <= open) continue;
      total += close - open;
      if (bounds.length > 0 && bounds[bounds.length - 1] === open) bounds[bounds.length - 1] = close;
      else bounds.push(open, close);
    }
    return { day, start, end, endOffset, bounds, total };
  }

  private block(index: number): Block {
    const cached = this.blocks.get(index);
    if (cached !== undefined) return cached;
    const prefix = new Float64Array(BLOCK_DAYS + 1);
    const first = index * BLOCK_DAYS;
    let before: Day | undefined;
    for (let i = 0; i < BLOCK_DAYS; i++) {
      const d = first + i;
      // Days past the cache limit are built for their total and dropped, so that an absurd
      // span (a year-9999 placeholder in a log) costs time once but no memory.
      const day = this.days.get(d) ?? (this.days.size < MAX_CACHED_DAYS ? this.day(d) : this.build(d, before, undefined));
      prefix[i + 1] = (prefix[i] as number) + day.total;
      before = day;
    }
    const block = { prefix };
    this.blocks.set(index, block);
    return block;
  }

  /** Open ms in the whole days [from, to). */
  openInDays(from: number, to: number): number {
    if (to <= from) return 0;
    if (to - from <= SHORT_SPAN_DAYS) {
      let sum = 0;
      for (let d = from; d < to; d++) sum += this.day(d).total;
      return sum;
    }
    const firstBlock = Math.floor(from / BLOCK_DAYS);
    const lastBlock = Math.floor(to / BLOCK_DAYS);
    const head = this.block(firstBlock).prefix;
    if (firstBlock === lastBlock) return (head[to - firstBlock * BLOCK_DAYS] as number) - (head[from - firstBlock * BLOCK_DAYS] as number);
    let sum = (head[BLOCK_DAYS] as number) - (head[from - firstBlock * BLOCK_DAYS] as number);
    for (let b = firstBlock + 1; b < lastBlock; b++) sum += this.block(b).prefix[BLOCK_DAYS] as number;
    return sum + (this.block(lastBlock).prefix[to - lastBlock * BLOCK_DAYS] as number);
  }

  /**
   * The first day from `from` on on which `need` ms of open time, counted from that day's
   * start, run out, and how many of them are left for that day; undefined when the calendar
   * stays closed for MAX_CLOSED_DAYS on the way.
   */
  dayReaching(from: number, need: number): { day: Day; left: number } | undefined {
    let d = from;
    let left = need;
    let closedSince = from;
    // Short allowances end within days: walk them.
    for (let i = 0; i < SHORT_SPAN_DAYS; i++, d++) {
      if (d > this.lastOpenDay || d - closedSince > MAX_CLOSED_DAYS || d > LAST_DAY) return undefined;
      const day = this.day(d);
      if (day.total >= left) return { day, left };
      left -= day.total;
      if (day.total > 0) closedSince = d + 1;
    }
    // Long ones: skip whole blocks by their totals, then bisect the block that holds the end.
    for (;;) {
      if (d > this.lastOpenDay || d - closedSince > MAX_CLOSED_DAYS || d > LAST_DAY) return undefined;
      const index = Math.floor(d / BLOCK_DAYS);
      const prefix = this.block(index).prefix;
      const i = d - index * BLOCK_DAYS;
      const base = prefix[i] as number;
      const available = (prefix[BLOCK_DAYS] as number) - base;
      if (available < left) {
        left -= available;
        if (available > 0) closedSince = (index + 1) * BLOCK_DAYS;
        d = (index + 1) * BLOCK_DAYS;
        continue;
      }
      // The smallest j > i with prefix[j] - base >= left: the day ending it is j - 1.
      let lo = i;
      let hi = BLOCK_DAYS;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if ((prefix[mid] as number) - base >= left) hi = mid;
        else lo = mid;
      }
      return { day: this.day(index * BLOCK_DAYS + hi - 1), left: left - ((prefix[hi - 1] as number) - base) };
    }
  }

  /** How many days of the weekly pattern up to and including `day` are open, from a fixed origin. */
  private patternThrough(day: number): number {
    return Math.floor((day + 3) / 7) * this.openWeekdays.length + (this.openWeekdaysBefore[weekdayOf(day) + 1] as number);
  }

  /** The open day of the weekly pattern whose patternThrough is `index`: the index-th, counting whole weeks. */
  private patternDay(index: number): number {
    const perWeek = this.openWeekdays.length;
    const week = Math.floor((index - 1) / perWeek);
    return week * 7 - 3 + (this.openWeekdays[index - week * perWeek - 1] as number);
  }

  /**
   * Days that may differ from the weekly pattern although no holiday: those on or next to a
   * change of the zone's offset (a day whose hours the clocks skip has no open time). Found per
   * block of days from the offset at each UTC midnight, once per calendar; a change between two
   * midnights lies in one of the local days around them, and marking a day too many costs only
   * a look at it.
   */
  private clockChangeDays(block: number): readonly number[] {
    const cached = this.clockChanges.get(block);
    if (cached !== undefined) return cached;
    const first = block * BLOCK_DAYS;
    const marked = new Set<number>();
    let offset = offsetAt(this.zone, (first - 3) * DAY_MS);
    for (let d = first - 3; d < first + BLOCK_DAYS + 2; d++) {
      const next = offsetAt(this.zone, (d + 1) * DAY_MS);
      if (next !== offset) for (let m = d - 1; m <= d + 2; m++) if (m >= first && m < first + BLOCK_DAYS) marked.add(m);
      offset = next;
    }
    const days = [...marked].sort((a, b) => a - b);
    this.clockChanges.set(block, days);
    return days;
  }

  /** The first day in (after, through] that may differ from the weekly pattern (a holiday or a clock change). */
  private firstException(after: number, through: number): number | undefined {
    let found: number | undefined;
    const holidays = this.holidayDays;
    let lo = 0;
    let hi = holidays.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((holidays[mid] as number) <= after) lo = mid + 1;
      else hi = mid;
    }
    if (lo < holidays.length && (holidays[lo] as number) <= through) found = holidays[lo];
    const last = Math.min(through, found ?? through);
    for (let block = Math.floor((after + 1) / BLOCK_DAYS); block * BLOCK_DAYS <= last; block++) {
      const change = this.clockChangeDays(block).find((d) => d > after);
      if (change !== undefined) {
        if (change <= last) found = change;
        break;
      }
    }
    return found;
  }

  /**
   * The n-th (n >= 1) business day after local day `after`, computed over whole weeks: the
   * weekly pattern says how many days of a week are open, and only the days that may differ
   * from it (holidays, shortened or not, and days of a clock change) are looked at one by one,
   * so that the cost grows with the holidays in the span, not with n. Undefined when no business
   * day comes for MAX_CLOSED_DAYS, as the day-by-day search says.
   */
  nthBusinessDayAfter(after: number, n: number): Day | undefined {
    if (this.openWeekdays.length === 0) return this.nthOpenHolidayAfter(after, n);
    const tooFar = (from: number, to: number): boolean => to - from > MAX_CLOSED_DAYS + 1;
    let cur = after;
    let need = n;
    /** the last business day found, or `after` */
    let previous = after;
    for (;;) {
      const base = this.patternThrough(cur);
      const candidate = this.patternDay(base + need);
      const exception = this.firstException(cur, Math.min(candidate, LAST_DAY));
      if (exception === undefined) {
        if (candidate > LAST_DAY || tooFar(previous, this.patternDay(base + 1))) return undefined;
        return this.day(candidate);
      }
      // The days between cur and the exception follow the pattern.
      const between = this.patternThrough(exception - 1) - base;
      if (between > 0) {
        if (tooFar(previous, this.patternDay(base + 1))) return undefined;
        previous = this.patternDay(base + between);
        need -= between;
      }
      const day = this.day(exception);
      if (day.total > 0) {
        if (tooFar(previous, exception)) return undefined;
        previous = exception;
        if (--need === 0) return day;
      }
      cur = exception;
    }
  }

  /** A calendar whose week has no hours opens on holidays with hours only. */
  private nthOpenHolidayAfter(after: number, n: number): Day | undefined {
    let need = n;
    let previous = after;
    for (const holiday of this.holidayDays) {
      if (holiday <= after) continue;
      if (holiday > this.lastOpenDay || holiday > LAST_DAY || holiday - previous > MAX_CLOSED_DAYS + 1) return undefined;
      const day = this.day(holiday);
      if (day.total === 0) continue;
      previous = holiday;
      if (--need === 0) return day;
    }
    return undefined;
  }

  /** The first business day (a day with open time) from `from` on; undefined when none comes. */
  businessDayFrom(from: number): Day | undefined {
    for (let d = from; d - from <= MAX_CLOSED_DAYS && d <= this.lastOpenDay && d <= LAST_DAY; d++) {
      const day = this.day(d);
      if (day.total > 0) return day;
    }
    return undefined;
  }
}

/** Days a timeline covers at most (some 40 years); spans past it are answered day by day. */
const MAX_TIMELINE_DAYS = 14_610;

/**
 * The open time of a run of consecutive days as flat arrays: where each day starts, the open
 * time before it (cumulative, from the first day), its open pieces, and which days are business
 * days. Open time between two instants is then a difference of two cumulative sums, the instant
 * an allowance runs out a binary search, and the N-th business day an index: a few array reads
 * per record instead of a walk over days. Every figure is the same integer arithmetic on the
 * same days (built by CompiledCalendar.day), so the answers are the day-by-day code's exactly;
 * a property test holds them to it.
 */
class Timeline {
  readonly firstDay: number;
  readonly length: number;
  /** start[i]: the instant day i begins; start[length]: the end of the last day */
  private readonly start: Float64Array;
  /** cum[i]: open ms of the days before day i; cum[length]: of all */
  private readonly cum: Float64Array;
  /** the open pieces of day i are bounds[piece[i]] .. bounds[piece[i + 1] - 1], open/close pairs */
  private readonly piece: Int32Array;
  private readonly bounds: Float64Array;
  /** business[i]: business days (days with open time) among days 0..i */
  private readonly business: Int32Array;
  /** the day index of the k-th business day (0-based) */
  private readonly businessDays: Int32Array;
  /** the most consecutive closed days, the timeline's edges counting as closed */
  readonly longestClosedRun: number;
  /** the last instant asked for and its cumulative open time: a record asks for its start again and again */
  private lastMs = Number.NaN;
  private lastCum = 0;
  private lastSlot = 0;

  constructor(calendar: CompiledCalendar, firstDay: number, to: number) {
    this.firstDay = firstDay;
    const n = to - firstDay;
    this.length = n;
    this.start = new Float64Array(n + 1);
    this.cum = new Float64Array(n + 1);
    this.piece = new Int32Array(n + 1);
    this.business = new Int32Array(n);
    const bounds: number[] = [];
    const businessDays: number[] = [];
    let run = 0;
    let longest = 0;
    for (let i = 0; i < n; i++) {
      const day = calendar.day(firstDay + i);
      this.start[i] = day.start;
      this.cum[i + 1] = (this.cum[i] as number) + day.total;
      this.piece[i] = bounds.length;
      for (const b of day.bounds) bounds.push(b);
      if (day.total > 0) {
        businessDays.push(i);
        run = 0;
      } else longest = Math.max(longest, ++run);
      this.business[i] = businessDays.length;
      if (i === n - 1) this.start[n] = day.end;
    }
    this.piece[n] = bounds.length;
    this.bounds = Float64Array.from(bounds);
    this.businessDays = Int32Array.from(businessDays);
    this.longestClosedRun = longest;
  }

  holds(ms: number): boolean {
    return ms >= (this.start[0] as number) && ms < (this.start[this.length] as number);
  }

  /** The index of the day holding `ms` (which the timeline holds). */
  slot(ms: number): number {
    const start = this.start;
    let i = this.lastSlot;
    if (!(ms >= (start[i] as number) && ms < (start[i + 1] as number))) {
      // days are 23 to 25 hours long: the guess is a day off at most, and steps to the right one
      i = Math.min(this.length - 1, Math.max(0, Math.floor((ms - (start[0] as number)) / DAY_MS)));
      while (ms < (start[i] as number)) i--;
      while (ms >= (start[i + 1] as number)) i++;
    }
    this.lastSlot = i;
    return i;
  }

  /** Open ms from the timeline's start to `ms`. */
  cumulative(ms: number): number {
    if (ms === this.lastMs) return this.lastCum;
    const i = this.slot(ms);
    let sum = this.cum[i] as number;
    const b = this.bounds;
    for (let k = this.piece[i] as number, end = this.piece[i + 1] as number; k < end; k += 2) {
      const open = b[k] as number;
      if (ms <= open) break;
      sum += Math.min(ms, b[k + 1] as number) - open;
    }
    this.lastMs = ms;
    this.lastCum = sum;
    return sum;
  }

  /** The instant by which `target` ms of open time (counted as `cumulative` counts) have passed, from day `from` on; NaN past the timeline. */
  reaching(from: number, target: number): number {
    const cum = this.cum;
    if ((cum[this.length] as number) < target) return Number.NaN;
    // the first day d >= from with cum[d + 1] >= target
    let lo = from;
    let hi = this.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cum[mid + 1] as number) >= target) hi = mid;
      else lo = mid + 1;
    }
    let left = target - (cum[lo] as number);
    const b = this.bounds;
    for (let k = this.piece[lo] as number, end = this.piece[lo + 1] as number; k < end; k += 2) {
      const length = (b[k + 1] as number) - (b[k] as number);
      // `<=`: used up exactly at a close is that close, not the next opening
      if (left <= length) return (b[k] as number) + left;
      left -= length;
    }
    throw new RangeError('open time asked beyond the day');
  }

  /** The close of the `n`-th business day (n >= 1) after day `i`; NaN past the timeline. */
  closeAfter(i: number, n: number): number {
    const k = (this.business[i] as number) + n - 1;
    if (k >= this.businessDays.length) return Number.NaN;
    const day = this.businessDays[k] as number;
    return this.bounds[(this.piece[day + 1] as number) - 1] as number;
  }

  /** Day `i`'s open time and close (the end of its last open piece; NaN when closed). */
  dayTotal(i: number): number {
    return (this.cum[i + 1] as number) - (this.cum[i] as number);
  }

  dayClose(i: number): number {
    const end = this.piece[i + 1] as number;
    return end > (this.piece[i] as number) ? (this.bounds[end - 1] as number) : Number.NaN;
  }
}

function compiled(cal: BusinessCalendar): CompiledCalendar {
  if (cal instanceof CompiledCalendar) return cal;
  throw new TypeError(`calendar "${cal.id}" was not made by compileCalendar`);
}

/**
 * Instants are epoch ms; `Infinity` is also taken, as the due of what waits on a calendar that
 * never opens, so that such a due can be passed back in (open time up to it is `Infinity`).
 */
function checkInstant(ms: number, what: string): void {
  if (ms === Infinity) return;
  if (!(Math.abs(ms) <= LAST_DAY * DAY_MS)) throw new RangeError(`${what} must be an instant, got ${ms}`);
}

/** Open ms of `day` before instant `ms` (which lies within the day or at its end). */
function openBefore(day: Day, ms: number): number {
  const b = day.bounds;
  let sum = 0;
  for (let i = 0; i < b.length; i += 2) {
    const open = b[i] as number;
    if (ms <= open) break;
    sum += Math.min(ms, b[i + 1] as number) - open;
  }
  return sum;
}

/** The close of a business day: the end of its last open interval. */
function closeOf(day: Day): number {
  return day.bounds[day.bounds.length - 1] as number;
}

/**
 * Compile a loaded calendar once per run; the compiled form caches its days as it is used.
 * `timeline: false` answers every question day by day, as the timeline's reference (tests).
 */
export function compileCalendar(calendar: Calendar, options: { timeline?: boolean } = {}): BusinessCalendar {
  const compiledCalendar = new CompiledCalendar(calendar);
  if (options.timeline === false) compiledCalendar.noTimeline();
  return compiledCalendar;
}

/** A local day of a calendar as an explanation shows it. */
export interface CalendarDay {
  /** YYYY-MM-DD, local to the calendar */
  date: string;
  /** the day's open intervals within the span, as instants (none on a closed day) */
  open: { startMs: number; endMs: number }[];
  /** the day has no open hours at all (a weekend, a holiday) */
  closed: boolean;
  /** a holiday (closed, or with shortened hours), and its name when it has one */
  holiday: boolean;
  name: string | undefined;
}

/**
 * The local days from the one holding startMs to the one holding endMs (at most `maxDays`), each
 * with its open intervals clipped to [startMs, endMs): the open time `openSeconds` counts, day by
 * day, holidays and closed days included. `more`: the days left out past `maxDays`.
 */
export function calendarDays(cal: BusinessCalendar, startMs: number, endMs: number, maxDays: number): { days: CalendarDay[]; more: number } {
  checkInstant(startMs, 'start');
  const c = compiled(cal);
  const first = c.dayAt(startMs);
  const lastDay = endMs === Infinity ? first.day + maxDays : c.dayAt(Math.max(startMs, endMs - 1)).day;
  const days: CalendarDay[] = [];
  for (let d = first.day; d <= lastDay && days.length < maxDays; d++) {
    const day = c.day(d);
    const open: { startMs: number; endMs: number }[] = [];
    for (let i = 0; i < day.bounds.length; i += 2) {
      const from = Math.max(startMs, day.bounds[i] as number);
      const to = Math.min(endMs, day.bounds[i + 1] as number);
      if (to > from) open.push({ startMs: from, endMs: to });
    }
    const date = isoDate(d);
    days.push({ date, open, closed: day.total === 0, holiday: c.isHoliday(d), name: c.holidayNames.get(date) });
  }
  return { days, more: endMs === Infinity ? 0 : Math.max(0, lastDay - first.day + 1 - days.length) };
}

function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Seconds of open time in [startMs, endMs); 0 when endMs <= startMs. */
export function openSeconds(cal: BusinessCalendar, startMs: number, endMs: number): number {
  checkInstant(startMs, 'start');
  checkInstant(endMs, 'end');
  if (endMs <= startMs) return 0;
  if (endMs === Infinity) return Infinity;
  const c = compiled(cal);
  const t = c.timelineFor(startMs, endMs);
  if (t !== undefined) return (t.cumulative(endMs) - t.cumulative(startMs)) / 1000;
  const first = c.dayAt(startMs);
  if (endMs <= first.end) return (openBefore(first, endMs) - openBefore(first, startMs)) / 1000;
  const last = c.dayAt(endMs);
  return (first.total - openBefore(first, startMs) + c.openInDays(first.day + 1, last.day) + openBefore(last, endMs)) / 1000;
}

/**
 * The instant at which `seconds` (>= 0) of open time have passed since startMs: when an
 * h/m/s allowance on this calendar runs out (SPEC §1 `within`). Exact inverse:
 * openSeconds(cal, s, addOpenSeconds(cal, s, x)) === x for any x in whole milliseconds.
 * When the allowance is used up exactly at a close, the close instant (not the next
 * opening); an allowance of 0 runs out at startMs itself. `Infinity` when the calendar has
 * no open time for MAX_CLOSED_DAYS (ten years) on the way: it never opens.
 */
export function addOpenSeconds(cal: BusinessCalendar, startMs: number, seconds: number): number {
  checkInstant(startMs, 'start');
  if (!(seconds >= 0)) throw new RangeError(`open seconds must be a number >= 0, got ${seconds}`);
  if (seconds === Infinity || startMs === Infinity) return Infinity;
  let left = Math.round(seconds * 1000);
  if (left === 0) return startMs;
  const c = compiled(cal);
  const t = c.timelineFor(startMs, startMs);
  if (t !== undefined) {
    const due = t.reaching(t.slot(startMs), t.cumulative(startMs) + left);
    if (!Number.isNaN(due)) return due;
  }
  const first = c.dayAt(startMs);
  const usedBefore = openBefore(first, startMs);
  if (first.total - usedBefore >= left) return instantAfter(first, usedBefore + left);
  left -= first.total - usedBefore;
  const reached = c.dayReaching(first.day + 1, left);
  return reached === undefined ? Infinity : instantAfter(reached.day, reached.left);
}

/** The instant in `day` by which `ms` (0 < ms <= total) of its open time have passed. */
function instantAfter(day: Day, ms: number): number {
  const b = day.bounds;
  let left = ms;
  for (let i = 0; i < b.length; i += 2) {
    const open = b[i] as number;
    const length = (b[i + 1] as number) - open;
    // `<=`: used up exactly at a close is that close, not the next opening.
    if (left <= length) return open + left;
    left -= length;
  }
  throw new RangeError('open time asked beyond the day');
}

/**
 * SPEC §1 `Nbd`: the close (end of the day's last open interval) of the N-th business day
 * after the local day on which startMs falls. A business day is a date with open time, a
 * holiday's shortened hours counting (and a day whose only hours the clocks skip not). A start
 * on Saturday with 1bd is due at Monday's close when Sunday is closed, whatever Saturday's hours.
 *
 * `0bd` ("the same business day") is the first close at or after the start: the close of the
 * start day when it is a business day and the start is not after its close, else the close of
 * the next business day. So a request that arrives after hours or on a closed day is due at
 * the next close rather than at a close that had already passed when it arrived (and 0bd may
 * then equal 1bd).
 *
 * `Infinity` when no N-th business day comes within MAX_CLOSED_DAYS of closed days.
 */
export function closeOfBusinessDay(cal: BusinessCalendar, startMs: number, n: number): number {
  checkInstant(startMs, 'start');
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`business days must be a whole number >= 0, got ${n}`);
  if (startMs === Infinity) return Infinity;
  const c = compiled(cal);
  const t = c.timelineFor(startMs, startMs);
  if (t !== undefined) {
    const i = t.slot(startMs);
    if (n === 0 && t.dayTotal(i) > 0 && startMs <= t.dayClose(i)) return t.dayClose(i);
    const close = t.closeAfter(i, Math.max(n, 1));
    if (!Number.isNaN(close)) return close;
  }
  const startDay = c.dayAt(startMs);
  if (n === 0 && startDay.total > 0 && startMs <= closeOf(startDay)) return closeOf(startDay);
  const count = Math.max(n, 1);
  if (count > SHORT_SPAN_DAYS) {
    const day = c.nthBusinessDayAfter(startDay.day, count);
    return day === undefined ? Infinity : closeOf(day);
  }
  // A few business days: walk them, each day built once and kept.
  let d = startDay.day;
  for (let k = 0; k < count; k++) {
    const next = c.businessDayFrom(d + 1);
    if (next === undefined) return Infinity;
    d = next.day;
  }
  return closeOf(c.day(d));
}
