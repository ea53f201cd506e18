/**
 * What the evaluating commands hand their formatters, and the one mapping from internal
 * camelCase to SPEC §3's pinned snake_case shapes, field by field.
 */
import type { ChalkInstance } from 'chalk';
import { compareText } from '../../model/diagnostic.js';
import type {
  Breach,
  DimensionRollup,
  DuplicateKey,
  Evaluation,
  GapRow,
  InvalidRecord,
  OwnerRollup,
  PeriodRef,
  PromiseRollup,
  RollupCounts,
  SourceAccount,
} from '../../model/evaluation.js';
import { invalidReasonText } from './invalid-reasons.js';
import { isoTime, round6 } from './time.js';

export interface EvaluationReport {
  /** the registry's name */
  registry: string;
  /** the registry's zone: tables show local times in it */
  timezone: string;
  asOfMs: number;
  /** the --period selection, or undefined for every period */
  periods: readonly PeriodRef[] | undefined;
  evaluation: Evaluation;
}

export interface EvaluationFormatOptions {
  chalk: ChalkInstance;
  /** the width of the terminal (or of the page), in columns: tables fit in it */
  width: number;
}

export type EvaluationFormatter = (report: EvaluationReport, options: EvaluationFormatOptions) => string;

/** What the breached records owe (SPEC §4 "credits owed"): each its remedy's credit, summed per currency, in currency order. */
export function creditsOwed(breaches: readonly Breach[]): Record<string, number> {
  const owed = new Map<string, number>();
  for (const b of breaches) {
    if (b.outcome === 'breached' && b.remedy?.credit !== undefined && b.remedy.currency !== undefined) owed.set(b.remedy.currency, (owed.get(b.remedy.currency) ?? 0) + b.remedy.credit);
  }
  return Object.fromEntries([...owed].sort(([a], [b]) => compareText(a, b)));
}

/** SPEC §3 `promise breaches --format json`, one breach. */
export function breachJson(b: Breach) {
  return {
    standard: b.standard,
    promise: b.promise,
    owner: b.owner,
    source: b.source,
    record: b.record,
    file: b.file,
    line: b.line,
    period: b.period,
    outcome: b.outcome,
    open: b.open,
    start: isoTime(b.startMs),
    end: isoTime(b.endMs),
    due: isoTime(b.dueMs),
    elapsed_seconds: b.elapsedSeconds ?? null,
    limit_seconds: b.limitSeconds ?? null,
    over_seconds: b.overSeconds ?? null,
    remedy: b.remedy === undefined ? null : { action: b.remedy.action, credit: b.remedy.credit ?? null, currency: b.remedy.currency ?? null },
  };
}

export function invalidJson(i: InvalidRecord) {
  return { source: i.source, standard: i.standard ?? null, file: i.file, line: i.line, record: i.record, reason: invalidReasonText(i), reason_code: i.code, period: i.period ?? null };
}

export function duplicateJson(d: DuplicateKey) {
  return { source: d.source, record: d.record, file: d.file, line: d.line, first_file: d.firstFile, first_line: d.firstLine };
}

/** SPEC §3 `promise gaps --format json`, one standard in one period. */
export function gapJson(g: GapRow) {
  return {
    standard: g.standard,
    promise: g.promise,
    owner: g.owner,
    period: g.period.key,
    records: g.records,
    met: g.met ?? null,
    breached: g.breached ?? null,
    pending: g.pending,
    at_risk: g.atRisk,
    skipped: g.skipped,
    invalid: g.invalid,
    compliance: round6(g.compliance),
    target: g.target ?? null,
    gap: round6(g.gap),
    status: g.status,
    p50_seconds: g.p50Seconds ?? null,
    p90_seconds: g.p90Seconds ?? null,
    p_target_seconds: g.pTargetSeconds ?? null,
    average: round6(g.average),
    credits: g.credits,
  };
}

export function promiseJson(p: PromiseRollup) {
  return {
    promise: p.promise,
    period: p.period?.key ?? null,
    status: p.status,
    owner: p.owner,
    dimension: p.dimension,
    standards: p.standards.map((s) => ({ standard: s.standard, status: s.status })),
  };
}

function countsJson(c: RollupCounts) {
  return {
    standards: c.standards,
    met: c.met,
    missed: c.missed,
    on_track: c.onTrack,
    at_risk: c.atRisk,
    no_data: c.noData,
    promises: c.promises,
    kept: c.kept,
    broken: c.broken,
    in_progress: c.inProgress,
    unmeasured: c.unmeasured,
    judged: c.judged,
    breaches: c.breaches,
    compliance: round6(c.compliance),
  };
}

export function ownerJson(o: OwnerRollup) {
  return { owner: o.owner, period: o.period.key, ...countsJson(o) };
}

export function dimensionJson(d: DimensionRollup) {
  return { dimension: d.dimension, period: d.period.key, ...countsJson(d) };
}

export function sourceJson(s: SourceAccount) {
  return {
    source: s.source,
    files: s.files,
    rows: s.rows,
    invalid: s.invalid,
    duplicate_keys: s.duplicateKeys,
    dst_gap_times: s.dstGapTimes,
    dst_overlap_times: s.dstOverlapTimes,
    standards: s.standards.map((a) => ({
      standard: a.standard,
      in_periods: a.inPeriods,
      out_of_scope: a.outOfScope,
      future: a.future,
      invalid_without_period: a.invalidWithoutPeriod,
      skipped_without_period: a.skippedWithoutPeriod,
    })),
  };
}

const within = (periods: readonly PeriodRef[] | undefined, p: PeriodRef | undefined): boolean =>
  periods === undefined || p === undefined || periods.some((q) => p.startMs >= q.startMs && p.endMs <= q.endMs);

/**
 * The parts of an evaluation inside the --period selection: rows whose period lies within a
 * selected one. Invalid records without a period, and promises no standard measures, are kept:
 * they belong to no period and to every one.
 */
export function selectPeriods(report: EvaluationReport): Evaluation {
  const { evaluation: e, periods } = report;
  if (periods === undefined) return e;
  const periodByKey = new Map([...e.gaps, ...e.customer].map((g) => [g.period.key, g.period]));
  return {
    ...e,
    gaps: e.gaps.filter((g) => within(periods, g.period)),
    promises: e.promises.filter((p) => within(periods, p.period)),
    owners: e.owners.filter((o) => within(periods, o.period)),
    dimensions: e.dimensions.filter((d) => within(periods, d.period)),
    invalid: e.invalid.filter((i) => within(periods, i.period === undefined ? undefined : periodByKey.get(i.period))),
    customer: e.customer.filter((c) => within(periods, c.period)),
    servqual: e.servqual.filter((s) => within(periods, s.period)),
    ...(e.customerLinks === undefined ? {} : { customerLinks: e.customerLinks.filter((l) => within(periods, l.period)) }),
  };
}
