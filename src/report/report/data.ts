/**
 * The quarterly report (SPEC §4) as data: built once from an evaluation and the registry, then
 * drawn as HTML, written as Markdown, or given as JSON. Pure: no files, no clock.
 */
import type { Breach, GapRow, Histogram, InvalidRecord, PeriodRef, PeriodStatus, PromiseStatus } from '../../model/evaluation.js';
import type { Evaluation } from '../../model/evaluation.js';
import { compareText as compare, type Diagnostic } from '../../model/diagnostic.js';
import type { Owner, ServicePromise, Standard } from '../../registry/model.js';
import { describeCondition } from '../../registry/condition.js';
import { describeMeasure, describeWithin } from '../shared/describe.js';
import { creditsOwed } from '../shared/evaluation.js';

/** A standard's figure in one period of the report's length. */
export interface TrendPoint {
  period: string;
  compliance: number | undefined;
  status: PeriodStatus;
  /** average standards: the period's mean */
  average: number | undefined;
}

export interface ReportStandard {
  id: string;
  promise: string;
  owner: string;
  kind: Standard['measure']['kind'];
  /** the measure in words: `opened_at → replied_at within 1bd on office` */
  measure: string;
  /** the promised limit in the registry's words: `24h`, `5bd`, `P1 4h, default 1bd`; the bound of an average */
  limit: string;
  /** the business calendar its time is counted on, if any */
  calendar: string | undefined;
  /** the length of the standard's own periods */
  periodKind: Standard['period'];
  target: number;
  /** over its own periods within the report period: missed if any missed, met if all met */
  status: PeriodStatus;
  /** its own periods within the report period (a monthly standard's three months) */
  periods: { period: string; status: PeriodStatus; compliance: number | undefined }[];
  /** the figures over the whole report period */
  records: number;
  met: number;
  breached: number;
  pending: number;
  skipped: number;
  invalid: number;
  compliance: number | undefined;
  gap: number | undefined;
  /** compliance in the period before, and the change */
  previousCompliance: number | undefined;
  change: number | undefined;
  average: number | undefined;
  previousAverage: number | undefined;
  /** the last four periods of the report's length, oldest first, ending with the report period */
  trend: TrendPoint[];
  /** duration standards: how long delivery took */
  distribution:
    | {
        p50Seconds: number | undefined;
        p90Seconds: number | undefined;
        /** the limit actually kept for the target share: the realistic promise */
        realisticSeconds: number | undefined;
        /** the allowance promised (the median one when it varies by record) */
        promisedSeconds: number | undefined;
        histogram: Histogram | undefined;
      }
    | undefined;
}

export interface ReportPromise {
  id: string;
  statement: string;
  owner: string;
  ownerName: string;
  dimension: string;
  status: PromiseStatus;
  standards: ReportStandard[];
}

export interface Scorecard {
  /** owner id or dimension name */
  name: string;
  /** the owner's display name, or the dimension again */
  title: string;
  promises: number;
  kept: number;
  broken: number;
  inProgress: number;
  unmeasured: number;
  standards: number;
  standardsMet: number;
  standardsMissed: number;
  judged: number;
  judgedMet: number;
  compliance: number | undefined;
  breaches: number;
  /** what the owner answers for */
  promiseIds: string[];
  standardIds: string[];
}

export interface RemedyLine {
  standard: string;
  action: string;
  breaches: number;
  credit: number | undefined;
  currency: string | undefined;
  total: number | undefined;
}

export interface ReportFinding {
  promise: string;
  message: string;
  file: string;
  line: number;
}

export interface QuarterlyReport {
  registry: string;
  timezone: string;
  asOfMs: number;
  period: PeriodRef;
  previous: PeriodRef;
  /** false while the report period is still running at as_of */
  finished: boolean;
  headline: {
    promisesMade: number;
    promisesKept: number;
    promisesBroken: number;
    promisesInProgress: number;
    promisesUnmeasured: number;
    standards: number;
    standardsMet: number;
    standardsMissed: number;
    breaches: number;
    openBreaches: number;
    credits: Record<string, number>;
  };
  promises: ReportPromise[];
  owners: Scorecard[];
  dimensions: Scorecard[];
  recovery: { worst: Breach[]; remedies: RemedyLine[]; credits: Record<string, number> };
  structural: {
    unmeasured: { promise: string; statement: string }[];
    mismatches: ReportFinding[];
    dueForReview: { promise: string; statement: string; reviewBy: string; overdue: boolean }[];
  };
  dataQuality: {
    sources: { source: string; files: number; rows: number; invalid: number; duplicateKeys: number; dstGapTimes: number; dstOverlapTimes: number }[];
    /** invalid records dated in the report period, or not dated at all */
    invalid: InvalidRecord[];
  };
}

export interface ReportInput {
  registry: string;
  timezone: string;
  asOfMs: number;
  period: PeriodRef;
  previous: PeriodRef;
  /** the four periods of the trend, oldest first, ending with `period` */
  trend: readonly PeriodRef[];
  evaluation: Evaluation;
  promises: readonly ServicePromise[];
  standards: readonly Standard[];
  owners: readonly Owner[];
  /** findings of `check` about promises: statement-mismatch, by promise id */
  mismatches: readonly (Diagnostic & { promise: string })[];
  /** the date (YYYY-MM-DD, registry zone) up to which a review_by counts as due */
  reviewHorizon: string;
  /** the as-of date (YYYY-MM-DD, registry zone): a review_by before it is overdue */
  asOfDate: string;
}

/** The worst breaches shown: by how late, most first. */
export const WORST = 10;


const overlaps = (p: PeriodRef, outer: PeriodRef): boolean => p.startMs < outer.endMs && p.endMs > outer.startMs;

/** One status for several periods: as a promise's is made of its standards' (SPEC §2). */
export function combinedStatus(statuses: readonly PeriodStatus[]): PeriodStatus {
  if (statuses.length === 0) return 'no-data';
  if (statuses.includes('missed')) return 'missed';
  if (statuses.every((s) => s === 'met')) return 'met';
  if (statuses.includes('at-risk')) return 'at-risk';
  if (statuses.includes('on-track')) return 'on-track';
  return 'no-data';
}

function promiseStatusOf(standards: readonly ReportStandard[]): PromiseStatus {
  if (standards.length === 0) return 'unmeasured';
  const statuses = standards.map((s) => s.status);
  if (statuses.includes('missed')) return 'broken';
  if (statuses.every((s) => s === 'met')) return 'kept';
  if (statuses.some((s) => s === 'on-track' || s === 'at-risk')) return 'in-progress';
  return 'unmeasured';
}

function limitText(s: Standard): string {
  const m = s.measure;
  switch (m.kind) {
    case 'duration':
      return describeWithin(m.within);
    case 'deadline':
      return m.grace === undefined ? `by ${m.due}` : `by ${m.due} + ${m.grace.text}`;
    case 'condition':
      return describeCondition(m.expect);
    case 'average':
      return m.at_least !== undefined ? `≥ ${m.at_least}` : `≤ ${m.at_most ?? ''}`;
  }
}

function reportStandard(s: Standard, input: ReportInput): ReportStandard {
  const e = input.evaluation;
  const own = e.gaps.filter((g) => g.standard === s.id && overlaps(g.period, input.period));
  const summary = (p: PeriodRef): GapRow | undefined => e.summaries.find((g) => g.standard === s.id && g.period.key === p.key);
  const now = summary(input.period);
  const before = summary(input.previous);
  const change = now?.compliance !== undefined && before?.compliance !== undefined ? now.compliance - before.compliance : undefined;
  return {
    id: s.id,
    promise: s.promise,
    owner: s.owner,
    kind: s.measure.kind,
    measure: describeMeasure(s.measure),
    limit: limitText(s),
    calendar: s.measure.kind === 'duration' ? s.measure.calendar : undefined,
    periodKind: s.period,
    target: s.target,
    status: combinedStatus(own.map((g) => g.status)),
    periods: own.map((g) => ({ period: g.period.key, status: g.status, compliance: g.compliance })),
    records: now?.records ?? 0,
    met: now?.met ?? 0,
    breached: now?.breached ?? 0,
    pending: now?.pending ?? 0,
    skipped: now?.skipped ?? 0,
    invalid: now?.invalid ?? 0,
    compliance: now?.compliance,
    gap: now?.gap,
    previousCompliance: before?.compliance,
    change,
    average: now?.average,
    previousAverage: before?.average,
    trend: input.trend.map((p) => {
      const row = summary(p);
      return { period: p.key, compliance: row?.compliance, status: row?.status ?? 'no-data', average: row?.average };
    }),
    distribution:
      s.measure.kind === 'duration'
        ? {
            p50Seconds: now?.p50Seconds,
            p90Seconds: now?.p90Seconds,
            realisticSeconds: now?.pTargetSeconds,
            promisedSeconds: now?.typicalLimitSeconds,
            histogram: now?.histogram,
          }
        : undefined,
  };
}

function scorecard(name: string, title: string, promises: readonly ReportPromise[], standards: readonly ReportStandard[]): Scorecard {
  // as in the roll-ups: an average's records are judged all at once by the mean, not one by one
  const counted = standards.filter((s) => s.kind !== 'average');
  const judged = counted.reduce((n, s) => n + s.met + s.breached, 0);
  const judgedMet = counted.reduce((n, s) => n + s.met, 0);
  return {
    name,
    title,
    promises: promises.length,
    kept: promises.filter((p) => p.status === 'kept').length,
    broken: promises.filter((p) => p.status === 'broken').length,
    inProgress: promises.filter((p) => p.status === 'in-progress').length,
    unmeasured: promises.filter((p) => p.status === 'unmeasured').length,
    standards: standards.length,
    standardsMet: standards.filter((s) => s.status === 'met').length,
    standardsMissed: standards.filter((s) => s.status === 'missed').length,
    judged,
    judgedMet,
    compliance: judged === 0 ? undefined : judgedMet / judged,
    breaches: standards.filter((s) => s.kind !== 'average').reduce((n, s) => n + s.breached, 0),
    promiseIds: promises.map((p) => p.id),
    standardIds: standards.map((s) => s.id),
  };
}


export function buildReport(input: ReportInput): QuarterlyReport {
  const { evaluation: e, period } = input;
  const ownerName = new Map(input.owners.map((o) => [o.id, o.name]));
  const standards = [...input.standards].sort((a, b) => compare(a.id, b.id)).map((s) => reportStandard(s, input));
  const promises: ReportPromise[] = [...input.promises]
    .sort((a, b) => compare(a.id, b.id))
    .map((p) => {
      const mine = standards.filter((s) => s.promise === p.id);
      return { id: p.id, statement: p.statement, owner: p.owner, ownerName: ownerName.get(p.owner) ?? p.owner, dimension: p.dimension, status: promiseStatusOf(mine), standards: mine };
    });

  const breaches = e.breaches.filter((b) => b.outcome === 'breached' && b.startMs >= period.startMs && b.startMs < period.endMs);
  const credits = creditsOwed(breaches);
  const worst = [...breaches].sort((a, b) => (b.overSeconds ?? 0) - (a.overSeconds ?? 0) || compare(a.standard, b.standard) || compare(a.record, b.record)).slice(0, WORST);
  const remedies: RemedyLine[] = input.standards
    .filter((s) => s.remedy !== undefined)
    .map((s) => {
      const n = breaches.filter((b) => b.standard === s.id).length;
      const credit = s.remedy?.credit;
      return { standard: s.id, action: s.remedy?.action ?? '', breaches: n, credit, currency: s.remedy?.currency, total: credit === undefined ? undefined : credit * n };
    })
    .filter((r) => r.breaches > 0)
    .sort((a, b) => compare(a.standard, b.standard));

  const owners = [...input.owners]
    .sort((a, b) => compare(a.id, b.id))
    .map((o) =>
      scorecard(
        o.id,
        o.name,
        promises.filter((p) => p.owner === o.id),
        standards.filter((s) => s.owner === o.id),
      ),
    )
    .filter((c) => c.promises > 0 || c.standards > 0);
  const dimensions = [...new Set(promises.map((p) => p.dimension))]
    .sort(compare)
    .map((d) => {
      const ps = promises.filter((p) => p.dimension === d);
      return scorecard(d, d, ps, ps.flatMap((p) => p.standards));
    });

  const periodByKey = new Map(e.gaps.map((g) => [g.period.key, g.period]));
  const inPeriod = (i: InvalidRecord): boolean => {
    const p = i.period === undefined ? undefined : periodByKey.get(i.period);
    return p === undefined || overlaps(p, period);
  };

  return {
    registry: input.registry,
    timezone: input.timezone,
    asOfMs: input.asOfMs,
    period,
    previous: input.previous,
    finished: input.asOfMs >= period.endMs,
    headline: {
      promisesMade: promises.length,
      promisesKept: promises.filter((p) => p.status === 'kept').length,
      promisesBroken: promises.filter((p) => p.status === 'broken').length,
      promisesInProgress: promises.filter((p) => p.status === 'in-progress').length,
      promisesUnmeasured: promises.filter((p) => p.status === 'unmeasured').length,
      standards: standards.length,
      standardsMet: standards.filter((s) => s.status === 'met').length,
      standardsMissed: standards.filter((s) => s.status === 'missed').length,
      breaches: breaches.length,
      openBreaches: breaches.filter((b) => b.open).length,
      credits,
    },
    promises,
    owners,
    dimensions,
    recovery: { worst, remedies, credits },
    structural: {
      unmeasured: promises.filter((p) => p.standards.length === 0).map((p) => ({ promise: p.id, statement: p.statement })),
      mismatches: input.mismatches.map((d) => ({ promise: d.promise, message: d.message, file: d.file, line: d.line })).sort((a, b) => compare(a.promise, b.promise) || a.line - b.line),
      dueForReview: input.promises
        .filter((p) => p.review_by !== undefined && p.review_by <= input.reviewHorizon)
        .map((p) => ({ promise: p.id, statement: p.statement, reviewBy: p.review_by as string, overdue: (p.review_by as string) < input.asOfDate }))
        .sort((a, b) => compare(a.reviewBy, b.reviewBy) || compare(a.promise, b.promise)),
    },
    dataQuality: {
      sources: e.sources.map((s) => ({ source: s.source, files: s.files, rows: s.rows, invalid: s.invalid, duplicateKeys: s.duplicateKeys, dstGapTimes: s.dstGapTimes, dstOverlapTimes: s.dstOverlapTimes })),
      invalid: e.invalid.filter(inPeriod),
    },
  };
}
