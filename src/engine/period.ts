/**
 * Reporting periods (SPEC §2): a record belongs to the period that contains its start, in the
 * registry timezone. Periods run from local midnight to local midnight, so a period that spans
 * a DST change is an hour shorter or longer than its days times 24 h. Quarters and years are
 * counted from the fiscal year's first month; months and ISO weeks do not depend on it.
 */
import type { PeriodKind } from '../registry/schema.js';
import { civilFromDay, dayFromCivil, instantOfLocal, localDayOf, weekdayOf } from './local-time.js';

export type { PeriodKind };

/** A reporting period: the instants [startMs, endMs), named by `key` (`2026-Q3`, `FY2027-Q1`, `2026-07`, `2026-W27`, `2026`, `FY2027`). */
export interface Period {
  readonly kind: PeriodKind;
  readonly key: string;
  /** instant of the local midnight that starts the period */
  readonly startMs: number;
  /** instant of the local midnight that starts the next period */
  readonly endMs: number;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function checkFiscalYearStart(fiscalYearStart: number): void {
  if (!Number.isInteger(fiscalYearStart) || fiscalYearStart < 1 || fiscalYearStart > 12) {
    throw new RangeError(`fiscal_year_start must be a month 1-12, got ${fiscalYearStart}`);
  }
}

/** Monday of ISO week 1 of ISO year `year`: the week that holds 4 January. */
function isoWeekOneMonday(year: number): number {
  const jan4 = dayFromCivil(year, 1, 4);
  return jan4 - weekdayOf(jan4);
}

/** The period of `kind` whose first local day is `first` and whose last is `next - 1`. */
function make(kind: PeriodKind, key: string, first: number, next: number, zone: string): Period {
  return { kind, key, startMs: instantOfLocal(zone, first, 0), endMs: instantOfLocal(zone, next, 0) };
}

/**
 * The month-based period (month, quarter or year) that starts in month `month` of `year`
 * (the month may overflow, as in Date.UTC). `fiscalYearStart` names quarters and years.
 */
function monthPeriod(kind: 'month' | 'quarter' | 'year', year: number, month: number, zone: string, fiscalYearStart: number): Period {
  const months = kind === 'month' ? 1 : kind === 'quarter' ? 3 : 12;
  const first = dayFromCivil(year, month, 1);
  const start = civilFromDay(first);
  const next = dayFromCivil(start.year, start.month + months, 1);
  if (kind === 'month') return make(kind, `${pad(start.year, 4)}-${pad(start.month, 2)}`, first, next, zone);
  // The fiscal year starting in month `fiscalYearStart` of year Y ends in Y + 1 (unless it
  // starts in January) and is named by the year in which it ends (SPEC §2).
  const monthsIn = (start.month - fiscalYearStart + 12) % 12;
  const fiscalStartYear = start.month >= fiscalYearStart ? start.year : start.year - 1;
  const fiscalYear = fiscalYearStart === 1 ? fiscalStartYear : fiscalStartYear + 1;
  const name = fiscalYearStart === 1 ? pad(fiscalYear, 4) : `FY${pad(fiscalYear, 4)}`;
  return make(kind, kind === 'year' ? name : `${name}-Q${Math.floor(monthsIn / 3) + 1}`, first, next, zone);
}

function weekPeriod(monday: number, zone: string): Period {
  // The ISO week-numbering year is the year of the week's Thursday.
  const year = civilFromDay(monday + 3).year;
  const week = Math.floor((monday - isoWeekOneMonday(year)) / 7) + 1;
  return make('week', `${pad(year, 4)}-W${pad(week, 2)}`, monday, monday + 7, zone);
}

/** The period of `kind` that starts on or before local day `day` and holds it. */
function periodOfDay(day: number, kind: PeriodKind, zone: string, fiscalYearStart: number): Period {
  switch (kind) {
    case 'week':
      return weekPeriod(day - weekdayOf(day), zone);
    case 'month': {
      const { year, month } = civilFromDay(day);
      return monthPeriod(kind, year, month, zone, fiscalYearStart);
    }
    case 'quarter':
    case 'year': {
      const { year, month } = civilFromDay(day);
      const size = kind === 'quarter' ? 3 : 12;
      // Months since the fiscal year started, rounded down to the start of the period.
      const into = (((month - fiscalYearStart) % 12) + 12) % 12;
      return monthPeriod(kind, year, month - (into % size), zone, fiscalYearStart);
    }
    default: {
      const unknown: never = kind;
      throw new RangeError(`unknown period kind ${String(unknown)}`);
    }
  }
}

/** SPEC §2: the period of `kind` that holds instant `ms` in `zone`. */
export function periodOf(ms: number, kind: PeriodKind, zone: string, fiscalYearStart: number): Period {
  if (!Number.isFinite(ms)) throw new RangeError(`a period needs a finite instant, got ${ms}`);
  checkFiscalYearStart(fiscalYearStart);
  return periodOfDay(localDayOf(zone, ms), kind, zone, fiscalYearStart);
}

/** The period `by` periods after `period` (`-1`: the previous one, for "change against the previous period"). */
export function shiftPeriod(period: Period, by: number, zone: string, fiscalYearStart: number): Period {
  if (!Number.isInteger(by)) throw new RangeError(`periods shift by whole numbers, got ${by}`);
  checkFiscalYearStart(fiscalYearStart);
  const first = localDayOf(zone, period.startMs);
  switch (period.kind) {
    case 'week':
      return weekPeriod(first - weekdayOf(first) + 7 * by, zone);
    case 'month':
    case 'quarter':
    case 'year': {
      const months = period.kind === 'month' ? 1 : period.kind === 'quarter' ? 3 : 12;
      const { year, month } = civilFromDay(first);
      return periodOfDay(dayFromCivil(year, month + months * by, 1), period.kind, zone, fiscalYearStart);
    }
    default: {
      const unknown: never = period.kind;
      throw new RangeError(`unknown period kind ${String(unknown)}`);
    }
  }
}

const WEEK_KEY = /^(\d{4})-W(\d{2})$/i;
const MONTH_KEY = /^(\d{4})-(\d{2})$/;
const QUARTER_KEY = /^(FY)?(\d{4})-Q([1-4])$/i;
const YEAR_KEY = /^(FY)?(\d{4})$/i;

/**
 * A period name as `--period` takes it (the names periodOf gives, letters in either case),
 * or undefined when it is not one.
 *
 * Each period has exactly one name, so what a user types is what the reports print. Hence an
 * `FY` name is refused when the fiscal year starts in January (its quarters and years are the
 * calendar's, `2026-Q3` and `2026`), and a plain quarter or year is refused when it does not:
 * `2026-Q1` would be read by some as January-March and by others as the first fiscal quarter,
 * and guessing wrong would report on the wrong three months without a word.
 */
export function parsePeriodKey(key: string, zone: string, fiscalYearStart: number): Period | undefined {
  checkFiscalYearStart(fiscalYearStart);
  const fiscal = fiscalYearStart !== 1;
  let m = WEEK_KEY.exec(key);
  if (m !== null) {
    const year = Number(m[1]);
    const week = Number(m[2]);
    if (week < 1 || week > 53) return undefined;
    const period = weekPeriod(isoWeekOneMonday(year) + 7 * (week - 1), zone);
    // Week 53 exists only in long ISO years; otherwise it is week 1 of the next.
    return period.key === `${pad(year, 4)}-W${pad(week, 2)}` ? period : undefined;
  }
  m = MONTH_KEY.exec(key);
  if (m !== null) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? monthPeriod('month', Number(m[1]), month, zone, fiscalYearStart) : undefined;
  }
  m = QUARTER_KEY.exec(key) ?? YEAR_KEY.exec(key);
  if (m === null || (m[1] !== undefined) !== fiscal) return undefined;
  const named = Number(m[2]);
  // A fiscal year is named by the year in which it ends, so it starts a year before its name.
  const startYear = fiscal ? named - 1 : named;
  const quarter = m[3] === undefined ? undefined : Number(m[3]);
  if (quarter === undefined) return monthPeriod('year', startYear, fiscalYearStart, zone, fiscalYearStart);
  return monthPeriod('quarter', startYear, fiscalYearStart + 3 * (quarter - 1), zone, fiscalYearStart);
}

// The engine imports only types from registry/, so the order of kinds is spelt out here.
const KIND_ORDER: Record<PeriodKind, number> = { week: 0, month: 1, quarter: 2, year: 3 };

/** Periods in time order: by start, then the shorter kind first (a week before the month it opens). */
export function comparePeriods(a: Period, b: Period): number {
  if (a.startMs !== b.startMs) return a.startMs < b.startMs ? -1 : 1;
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
}

/** How many periods a finder remembers: enough for a log that is in time order but for a few stragglers. */
const FINDER_MEMORY = 8;

/**
 * periodOf for the hot path: it remembers the periods it found last, so looking up the
 * records of a log in time order costs two comparisons and no zone lookup. Returns the same
 * Period object for every instant of a period; treat it as read-only.
 */
export class PeriodFinder {
  private readonly recent: Period[] = [];

  constructor(
    readonly kind: PeriodKind,
    readonly zone: string,
    readonly fiscalYearStart: number,
  ) {
    checkFiscalYearStart(fiscalYearStart);
  }

  find(ms: number): Period {
    const recent = this.recent;
    for (let i = 0; i < recent.length; i++) {
      const period = recent[i] as Period;
      if (ms >= period.startMs && ms < period.endMs) {
        if (i > 0) {
          recent.splice(i, 1);
          recent.unshift(period);
        }
        return period;
      }
    }
    const period = periodOf(ms, this.kind, this.zone, this.fiscalYearStart);
    recent.unshift(period);
    if (recent.length > FINDER_MEMORY) recent.pop();
    return period;
  }
}
