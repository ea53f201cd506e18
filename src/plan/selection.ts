/**
 * What the filters select of a registry (SPEC §3 `--period --standard --promise --owner`):
 * the periods, the standards to evaluate and the promises that may be rolled up; and what a
 * report is about (SPEC §4). Pure: no files, no environment, no clock (`as_of` comes in).
 */
import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { periodOf, shiftPeriod, parsePeriodKey } from '../engine/period.js';
import { UsageError } from '../model/errors.js';
import type { PeriodRef } from '../model/evaluation.js';
import type { Registry, ServicePromise, Source, Standard } from '../registry/model.js';
import { didYouMean } from '../registry/suggest.js';

/** `--period --standard --promise --owner`, shared by breaches, gaps and report. */
export interface FilterOptions {
  period: string[];
  standard?: string;
  promise?: string;
  owner?: string;
}

export interface Selection {
  /** the periods asked for; undefined for all */
  periods: PeriodRef[] | undefined;
  standards: Standard[];
  /** the promises whose every standard is selected (or that have none), as the filters allow */
  promises: ServicePromise[];
  /**
   * SPEC §6: the survey sources whose customer gap is computed: every one, unless `--standard`
   * narrows the run to one standard (a survey measures customers, not a promise or an owner, so
   * `--promise` and `--owner` leave them in; `--period` bounds what is shown, as for standards)
   */
  surveys: Source[];
}

function known(flag: string, value: string, ids: readonly string[], what: string): void {
  if (ids.includes(value)) return;
  throw new UsageError(`${flag} ${value}: the registry has no ${what} "${value}"`, didYouMean(value, ids) ?? `its ${what}s are: ${ids.join(', ')}`);
}

function periodNames(registry: Registry): string {
  return registry.settings.fiscalYearStart === 1 ? '2026-Q3, 2026-07, 2026-W27 or 2026' : 'FY2027-Q1, 2026-07, 2026-W27 or FY2027';
}

/** Throws a UsageError for a period that is not one, or an id the registry does not have. */
export function selectFromRegistry(registry: Registry, filters: FilterOptions): Selection {
  const { timezone, fiscalYearStart } = registry.settings;
  const periods = filters.period.length === 0
    ? undefined
    : filters.period.map((key) => {
        const period = parsePeriodKey(key, timezone, fiscalYearStart);
        if (period === undefined) throw new UsageError(`--period ${key}: not a period name`, `write e.g. ${periodNames(registry)}`);
        return period;
      });
  if (filters.standard !== undefined) known('--standard', filters.standard, registry.standards.map((s) => s.id), 'standard');
  if (filters.promise !== undefined) known('--promise', filters.promise, registry.promises.map((p) => p.id), 'promise');
  if (filters.owner !== undefined) known('--owner', filters.owner, registry.owners.map((o) => o.id), 'owner');
  const standards = registry.standards.filter(
    (s) =>
      (filters.standard === undefined || s.id === filters.standard) &&
      (filters.promise === undefined || s.promise === filters.promise) &&
      (filters.owner === undefined || s.owner === filters.owner),
  );
  const selected = new Set(standards.map((s) => s.id));
  const promises = registry.promises.filter((p) => {
    const all = registry.standards.filter((s) => s.promise === p.id);
    if (all.length === 0) return filters.standard === undefined && (filters.promise === undefined || p.id === filters.promise) && (filters.owner === undefined || p.owner === filters.owner);
    // a roll-up over part of a promise's standards could call it kept when it is not
    return all.every((s) => selected.has(s.id));
  });
  const surveys = filters.standard === undefined ? registry.sources.filter((s) => s.survey !== undefined) : [];
  return { periods, standards, promises, surveys };
}

/** Promises due for review are those whose review_by falls within this many days of as_of, or before. */
const REVIEW_HORIZON_DAYS = 90;

/** What a report is about: one period, its trend, its promises, and the dates its review list is cut at. */
export interface ReportScope {
  /** `--period`, or SPEC §4's default: the last quarter that has finished at as_of */
  period: PeriodRef;
  /** the period before it, which the report compares against */
  previous: PeriodRef;
  /** the three periods before it, then it, oldest first */
  trend: PeriodRef[];
  /** the promises reported on, each with all its standards; `periods` is undefined (every period is counted, for the trend) */
  selection: Selection;
  /** as_of's date in the registry's zone, `yyyy-MM-dd` */
  asOfDate: string;
  /** a promise whose review_by is on or before this date is due for review, `yyyy-MM-dd` */
  reviewHorizon: string;
}

/**
 * The report is about promises: the filters choose them (--standard its promise, --owner the
 * promises it owns or has a standard of), and each is reported with all its standards, so
 * that a promise is never called kept on part of its measures.
 */
export function selectForReport(registry: Registry, filters: FilterOptions, asOfMs: number): ReportScope {
  const { timezone, fiscalYearStart } = registry.settings;
  const chosen = selectFromRegistry(registry, filters);
  const promises = registry.promises.filter((p) => chosen.promises.includes(p) || chosen.standards.some((s) => s.promise === p.id));
  const ids = new Set(promises.map((p) => p.id));
  const period = chosen.periods?.[0] ?? shiftPeriod(periodOf(asOfMs, 'quarter', timezone, fiscalYearStart), -1, timezone, fiscalYearStart);
  const before = [-3, -2, -1].map((by) => shiftPeriod(period, by, timezone, fiscalYearStart));
  const asOfLocal = new TZDate(asOfMs, timezone);
  return {
    period,
    previous: before[2] as PeriodRef,
    trend: [...before, period],
    selection: { periods: undefined, promises, standards: registry.standards.filter((s) => ids.has(s.promise)), surveys: chosen.surveys },
    asOfDate: format(asOfLocal, 'yyyy-MM-dd'),
    reviewHorizon: format(addDays(asOfLocal, REVIEW_HORIZON_DAYS), 'yyyy-MM-dd'),
  };
}
