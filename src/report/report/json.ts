/** The report as JSON, for other tools: the same data as the HTML and Markdown, snake_case. */
import type { Breach } from '../../model/evaluation.js';
import { breachJson, invalidJson } from '../shared/evaluation.js';
import { isoTime, round6 } from '../shared/time.js';
import type { QuarterlyReport, ReportCustomerLink, ReportStandard, ReportSurvey, Scorecard } from './data.js';

function standardJson(s: ReportStandard) {
  return {
    standard: s.id,
    owner: s.owner,
    kind: s.kind,
    measure: s.measure,
    limit: s.limit,
    calendar: s.calendar ?? null,
    period_kind: s.periodKind,
    target: s.target ?? null,
    status: s.status,
    periods: s.periods.map((p) => ({ period: p.period, status: p.status, compliance: round6(p.compliance) })),
    records: s.records,
    met: s.met ?? null,
    breached: s.breached ?? null,
    pending: s.pending,
    skipped: s.skipped,
    invalid: s.invalid,
    compliance: round6(s.compliance),
    gap: round6(s.gap),
    previous_compliance: round6(s.previousCompliance),
    change: round6(s.change),
    average: round6(s.average),
    previous_average: round6(s.previousAverage),
    trend: s.trend.map((t) => ({ period: t.period, compliance: round6(t.compliance), status: t.status, average: round6(t.average) })),
    distribution:
      s.distribution === undefined
        ? null
        : {
            p50_seconds: s.distribution.p50Seconds ?? null,
            p90_seconds: s.distribution.p90Seconds ?? null,
            realistic_seconds: s.distribution.realisticSeconds ?? null,
            promised_seconds: s.distribution.promisedSeconds ?? null,
            histogram:
              s.distribution.histogram === undefined
                ? null
                : { upper_seconds: s.distribution.histogram.upperSeconds, counts: s.distribution.histogram.counts, over: s.distribution.histogram.over },
          },
  };
}

function scorecardJson(c: Scorecard) {
  return {
    name: c.name,
    title: c.title,
    promises: c.promises,
    kept: c.kept,
    broken: c.broken,
    in_progress: c.inProgress,
    unmeasured: c.unmeasured,
    standards: c.standards,
    standards_met: c.standardsMet,
    standards_missed: c.standardsMissed,
    judged: c.judged,
    compliance: round6(c.compliance),
    breaches: c.breaches,
    promise_ids: c.promiseIds,
    standard_ids: c.standardIds,
  };
}

function surveyJson(s: ReportSurvey) {
  return {
    survey: s.source,
    description: s.description ?? null,
    scale: [...s.scale],
    servqual: round6(s.servqual),
    servqual_weighted: round6(s.servqualWeighted),
    previous_servqual: round6(s.previousServqual),
    previous_servqual_weighted: round6(s.previousServqualWeighted),
    change: round6(s.change),
    change_weighted: round6(s.changeWeighted),
    dimensions: s.dimensions.map((d) => ({
      dimension: d.dimension,
      respondents: d.respondents,
      expectation: round6(d.expectation),
      perception: round6(d.perception),
      gap: round6(d.gap),
      weight: round6(d.weight),
      weighted_gap: round6(d.weightedGap),
      previous_gap: round6(d.previousGap),
      change: round6(d.change),
      delivery_compliance: d.delivery === undefined ? null : round6(d.delivery.compliance),
      promises_kept: d.delivery?.kept ?? null,
      promises: d.delivery?.promises ?? null,
    })),
  };
}

function customerLinkJson(l: ReportCustomerLink) {
  return {
    standard: l.standard,
    promise: l.promise ?? null,
    dimension: l.dimension ?? null,
    survey: l.survey,
    met_responses: l.metResponses,
    met_mean: round6(l.metMean),
    breached_responses: l.breachedResponses,
    breached_mean: round6(l.breachedMean),
    difference: round6(l.difference),
    previous_difference: round6(l.previousDifference),
    change: round6(l.change),
  };
}

export function reportJson(r: QuarterlyReport) {
  const h = r.headline;
  return {
    registry: r.registry,
    as_of: isoTime(r.asOfMs),
    period: r.period.key,
    period_start: isoTime(r.period.startMs),
    period_end: isoTime(r.period.endMs),
    previous_period: r.previous.key,
    finished: r.finished,
    headline: {
      promises_made: h.promisesMade,
      promises_kept: h.promisesKept,
      promises_broken: h.promisesBroken,
      promises_in_progress: h.promisesInProgress,
      promises_unmeasured: h.promisesUnmeasured,
      standards: h.standards,
      standards_met: h.standardsMet,
      standards_missed: h.standardsMissed,
      breaches: h.breaches,
      open_breaches: h.openBreaches,
      credits: h.credits,
    },
    promises: r.promises.map((p) => ({ promise: p.id, statement: p.statement, owner: p.owner, owner_name: p.ownerName, dimension: p.dimension, status: p.status, standards: p.standards.map(standardJson) })),
    owners: r.owners.map(scorecardJson),
    dimensions: r.dimensions.map(scorecardJson),
    // SPEC §6; only with survey sources, so that a registry without one keeps its bytes
    ...(r.customer === undefined ? {} : { customer_gap: { surveys: r.customer.surveys.map(surveyJson), links: r.customer.links.map(customerLinkJson) } }),
    recovery: {
      worst: r.recovery.worst.map((b: Breach) => breachJson(b)),
      remedies: r.recovery.remedies.map((m) => ({ standard: m.standard, action: m.action, breaches: m.breaches, credit: m.credit ?? null, currency: m.currency ?? null, total: m.total ?? null })),
      credits: r.recovery.credits,
    },
    structural: {
      unmeasured: r.structural.unmeasured,
      mismatches: r.structural.mismatches,
      due_for_review: r.structural.dueForReview.map((d) => ({ promise: d.promise, statement: d.statement, review_by: d.reviewBy, overdue: d.overdue })),
    },
    data_quality: {
      sources: r.dataQuality.sources.map((s) => ({ source: s.source, files: s.files, rows: s.rows, invalid: s.invalid, duplicate_keys: s.duplicateKeys, dst_gap_times: s.dstGapTimes, dst_overlap_times: s.dstOverlapTimes })),
      invalid: r.dataQuality.invalid.map(invalidJson),
    },
  };
}

export const formatReportJson = (r: QuarterlyReport): string => `${JSON.stringify(reportJson(r), null, 2)}\n`;
