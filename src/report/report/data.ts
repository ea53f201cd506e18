/**
 * The quarterly report (SPEC §4) as data: built once from an evaluation and the registry, then
 * drawn as HTML, written as Markdown, or given as JSON. Pure: no files, no clock.
 */
import type { AverageBound, Breach, Clock, CustomerGapRow, CustomerLinkRow, GapRow, Histogram, InvalidRecord, PeriodRef, PeriodRollups, PeriodStatus, PromiseStatus, RollupCounts, ServqualRow } from '../../model/evaluation.js';
import type { Evaluation } from '../../model/evaluation.js';
import { compareText as compare, type Diagnostic } from '../../model/diagnostic.js';
import type { Measure, Owner, ServicePromise, Source, Standard } from '../../registry/model.js';
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
  /** the measure itself, for what its words must not be read back for (an average's bound, a single limit) */
  definition: Measure;
  /** the promised limit in the registry's words: `24h`, `5bd`, `P1 4h, default 1bd`; the bound of an average */
  limit: string;
  /** the business calendar its time is counted on, if any */
  calendar: string | undefined;
  /** the length of the standard's own periods */
  periodKind: Standard['period'];
  /** undefined for an average, which is held against its bound */
  target: number | undefined;
  /** an average's bound */
  bound: AverageBound | undefined;
  /** over its own periods within the report period, as the finish rolls it up: missed if any missed, met if all met */
  status: PeriodStatus;
  /** its own periods within the report period (a monthly standard's three months) */
  periods: { period: string; status: PeriodStatus; compliance: number | undefined }[];
  /** the figures over the whole report period; for an average, `records` counts the values */
  records: number;
  /** undefined for an average */
  met: number | undefined;
  breached: number | undefined;
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
        /** what its elapsed times count: wall-clock or open time */
        clock: Clock | undefined;
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

/** One SERVQUAL dimension of a survey over the report period (SPEC §6), next to its delivery. */
export interface ReportCustomerDimension {
  dimension: string;
  /** responses with a perception score on it */
  respondents: number;
  expectation: number | undefined;
  perception: number | undefined;
  /** mean P - E; undefined for a perception-only (SERVPERF) dimension */
  gap: number | undefined;
  weight: number | undefined;
  weightedGap: number | undefined;
  /** the gap in the period before, and the change */
  previousGap: number | undefined;
  change: number | undefined;
  /** false for a perception-only (SERVPERF) dimension: no expectation is asked */
  asksExpectation: boolean;
  /** the dimension's delivery roll-up in the period (the SERVQUAL dimensions' scorecard); undefined when no promise has it */
  delivery: { compliance: number | undefined; kept: number; promises: number } | undefined;
}

/** One survey source's customer gap over the report period. */
export interface ReportSurvey {
  source: string;
  description: string | undefined;
  /** the answer scale, lowest and highest */
  scale: readonly [number, number];
  dimensions: ReportCustomerDimension[];
  servqual: number | undefined;
  servqualWeighted: number | undefined;
  previousServqual: number | undefined;
  previousServqualWeighted: number | undefined;
  change: number | undefined;
  changeWeighted: number | undefined;
}

/** SPEC §6 `links`: one linked standard over the report period, by the period of the record. */
export interface ReportCustomerLink {
  standard: string;
  promise: string | undefined;
  /** the dimension whose perception is compared; undefined for a survey's one `score` */
  dimension: string | undefined;
  survey: string;
  metResponses: number;
  metMean: number | undefined;
  breachedResponses: number;
  breachedMean: number | undefined;
  difference: number | undefined;
  previousDifference: number | undefined;
  change: number | undefined;
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
  /** SPEC §6: the customer gap of each survey source and what keeping a linked standard shows; undefined without survey sources */
  customer?: { surveys: ReportSurvey[]; links: ReportCustomerLink[] } | undefined;
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
  /** the survey sources the evaluation read (SPEC §6); none leaves the customer-gap section out */
  surveys?: readonly Source[] | undefined;
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

const NO_ROLLUPS: PeriodRollups = { standards: [], promises: [], owners: [], dimensions: [] };

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
    case 'nps':
      return `NPS ≥ ${m.at_least}`;
  }
}

/** What the finish rolled up over the report's periods; an evaluation without them rolled up nothing. */
const rollupsOf = (e: Evaluation): PeriodRollups => e.periodRollups ?? NO_ROLLUPS;

function reportStandard(s: Standard, input: ReportInput): ReportStandard {
  const e = input.evaluation;
  const rolled = rollupsOf(e);
  const own = e.gaps.filter((g) => g.standard === s.id && overlaps(g.period, input.period));
  const summary = (p: PeriodRef): GapRow | undefined => e.summaries.find((g) => g.standard === s.id && g.period.key === p.key);
  // the finish's status over a period, so the table and the trend chart show the same one
  const statusIn = (p: PeriodRef): PeriodStatus => rolled.standards.find((r) => r.standard === s.id && r.period.key === p.key)?.status ?? 'no-data';
  const now = summary(input.period);
  const before = summary(input.previous);
  const change = now?.compliance !== undefined && before?.compliance !== undefined ? now.compliance - before.compliance : undefined;
  const m = s.measure;
  return {
    id: s.id,
    promise: s.promise,
    owner: s.owner,
    kind: m.kind,
    measure: describeMeasure(m),
    definition: m,
    limit: limitText(s),
    calendar: m.kind === 'duration' ? m.calendar : undefined,
    periodKind: s.period,
    target: s.target,
    bound: m.kind === 'nps' ? { op: '≥', value: m.at_least, nps: true } : m.kind !== 'average' ? undefined : m.at_least !== undefined ? { op: '≥', value: m.at_least } : { op: '≤', value: m.at_most as number },
    status: statusIn(input.period),
    periods: own.map((g) => ({ period: g.period.key, status: g.status, compliance: g.compliance })),
    records: now?.records ?? 0,
    met: m.kind === 'average' || m.kind === 'nps' ? undefined : (now?.met ?? 0),
    breached: m.kind === 'average' || m.kind === 'nps' ? undefined : (now?.breached ?? 0),
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
      return { period: p.key, compliance: row?.compliance, status: statusIn(p), average: row?.average };
    }),
    distribution:
      m.kind === 'duration'
        ? {
            clock: now?.clock,
            p50Seconds: now?.p50Seconds,
            p90Seconds: now?.p90Seconds,
            realisticSeconds: now?.pTargetSeconds,
            promisedSeconds: now?.typicalLimitSeconds,
            histogram: now?.histogram,
          }
        : undefined,
  };
}

/** An owner's or a dimension's figures as the finish rolled them up, with what it answers for. */
function scorecard(name: string, title: string, c: RollupCounts, promises: readonly ReportPromise[], standards: readonly ReportStandard[]): Scorecard {
  return {
    name,
    title,
    promises: c.promises,
    kept: c.kept,
    broken: c.broken,
    inProgress: c.inProgress,
    unmeasured: c.unmeasured,
    standards: c.standards,
    standardsMet: c.met,
    standardsMissed: c.missed,
    judged: c.judged,
    judgedMet: c.judgedMet,
    compliance: c.compliance,
    breaches: c.breaches,
    promiseIds: promises.map((p) => p.id),
    standardIds: standards.map((s) => s.id),
  };
}

const difference = (a: number | undefined, b: number | undefined): number | undefined => (a === undefined || b === undefined ? undefined : a - b);

/**
 * The customer gap over the report period and the one before, as the evaluation summed it over
 * periods of the report's length (`customerSummaries`, or a survey's own rows when its periods
 * are the report's): nothing is recomputed here, only looked up and set side by side.
 */
function customerSection(input: ReportInput, dimensions: readonly Scorecard[]): QuarterlyReport['customer'] {
  const surveys = input.surveys ?? [];
  if (surveys.length === 0) return undefined;
  const e = input.evaluation;
  const { period, previous } = input;
  const rows = e.customerSummaries ?? e.customer;
  const scores = e.servqualSummaries ?? e.servqual;
  const row = (source: string, dimension: string, p: PeriodRef): CustomerGapRow | undefined => rows.find((r) => r.source === source && r.dimension === dimension && r.period.key === p.key);
  const score = (source: string, p: PeriodRef): ServqualRow | undefined => scores.find((r) => r.source === source && r.period.key === p.key);
  const out: ReportSurvey[] = [...surveys]
    .filter((s) => s.survey !== undefined && s.survey.dimensions.length > 0)
    .sort((a, b) => compare(a.id, b.id))
    .map((s) => {
      const survey = s.survey as NonNullable<Source['survey']>;
      const now = score(s.id, period);
      const before = score(s.id, previous);
      return {
        source: s.id,
        description: s.description,
        scale: survey.scale,
        dimensions: survey.dimensions.map(({ dimension, items }) => {
          const r = row(s.id, dimension, period);
          const previousGap = row(s.id, dimension, previous)?.gap;
          const card = dimensions.find((c) => c.name === dimension);
          return {
            dimension,
            respondents: r?.respondents ?? 0,
            expectation: r?.expectation,
            perception: r?.perception,
            gap: r?.gap,
            weight: r?.weight,
            weightedGap: r?.weightedGap,
            previousGap,
            change: difference(r?.gap, previousGap),
            asksExpectation: items.expectation.length > 0,
            delivery: card === undefined ? undefined : { compliance: card.compliance, kept: card.kept, promises: card.promises },
          };
        }),
        servqual: now?.servqual,
        servqualWeighted: now?.servqualWeighted,
        previousServqual: before?.servqual,
        previousServqualWeighted: before?.servqualWeighted,
        change: difference(now?.servqual, before?.servqual),
        changeWeighted: difference(now?.servqualWeighted, before?.servqualWeighted),
      };
    });
  const linkRows = e.customerLinkSummaries ?? e.customerLinks ?? [];
  const link = (l: { standard: string; survey: string }, p: PeriodRef): CustomerLinkRow | undefined => linkRows.find((r) => r.standard === l.standard && r.survey === l.survey && r.period.key === p.key);
  const pairs = new Map<string, { standard: string; survey: string }>();
  for (const r of linkRows) if (r.period.key === period.key || r.period.key === previous.key) pairs.set(`${r.standard}\u0000${r.survey}`, { standard: r.standard, survey: r.survey });
  const links: ReportCustomerLink[] = [...pairs.values()]
    .sort((a, b) => compare(a.standard, b.standard) || compare(a.survey, b.survey))
    .map((pair) => {
      const now = link(pair, period);
      const previousDifference = link(pair, previous)?.difference;
      const promise = input.standards.find((s) => s.id === pair.standard)?.promise;
      const survey = surveys.find((s) => s.id === pair.survey)?.survey;
      return {
        ...pair,
        promise,
        dimension: survey === undefined || survey.dimensions.length === 0 ? undefined : input.promises.find((p) => p.id === promise)?.dimension,
        metResponses: now?.metResponses ?? 0,
        metMean: now?.metMean,
        breachedResponses: now?.breachedResponses ?? 0,
        breachedMean: now?.breachedMean,
        difference: now?.difference,
        previousDifference,
        change: difference(now?.difference, previousDifference),
      };
    });
  return { surveys: out, links };
}

export function buildReport(input: ReportInput): QuarterlyReport {
  const { evaluation: e, period } = input;
  const ownerName = new Map(input.owners.map((o) => [o.id, o.name]));
  const rolled = rollupsOf(e);
  const ofPeriod = <T extends { period: PeriodRef | undefined }>(r: T): boolean => r.period?.key === period.key;
  const standards = [...input.standards].sort((a, b) => compare(a.id, b.id)).map((s) => reportStandard(s, input));
  const promises: ReportPromise[] = [...input.promises]
    .sort((a, b) => compare(a.id, b.id))
    .map((p) => {
      const mine = standards.filter((s) => s.promise === p.id);
      // SPEC §2: a promise the finish did not roll up here had nothing measured in the period
      const status = rolled.promises.find((r) => r.promise === p.id && ofPeriod(r))?.status ?? 'unmeasured';
      return { id: p.id, statement: p.statement, owner: p.owner, ownerName: ownerName.get(p.owner) ?? p.owner, dimension: p.dimension, status, standards: mine };
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
    .flatMap((o) => {
      const c = rolled.owners.find((r) => r.owner === o.id && ofPeriod(r));
      return c === undefined ? [] : [scorecard(o.id, o.name, c, promises.filter((p) => p.owner === o.id), standards.filter((s) => s.owner === o.id))];
    });
  const dimensions = rolled.dimensions
    .filter(ofPeriod)
    .map((c) => {
      const ps = promises.filter((p) => p.dimension === c.dimension);
      return scorecard(c.dimension, c.dimension, c, ps, ps.flatMap((p) => p.standards));
    });
  const count = (status: PromiseStatus): number => promises.filter((p) => p.status === status).length;
  const measured = standards.map((s) => s.status);

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
      promisesKept: count('kept'),
      promisesBroken: count('broken'),
      promisesInProgress: count('in-progress'),
      promisesUnmeasured: count('unmeasured'),
      standards: standards.length,
      standardsMet: measured.filter((s) => s === 'met').length,
      standardsMissed: measured.filter((s) => s === 'missed').length,
      breaches: breaches.length,
      openBreaches: breaches.filter((b) => b.open).length,
      credits,
    },
    promises,
    owners,
    dimensions,
    customer: customerSection(input, dimensions),
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
