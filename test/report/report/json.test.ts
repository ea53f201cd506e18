import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReportJson } from '../../../src/report/report/json.js';
import { HOSTILE, quarterlyReport } from './report-fixture.js';

const golden = (name: string) => join(import.meta.dirname, '__golden__', name);

type Json = Record<string, unknown>;
const parse = (): Json => JSON.parse(formatReportJson(quarterlyReport())) as Json;
const standards = (body: Json): Json[] => (body.promises as Json[]).flatMap((p) => p.standards as Json[]);

describe('report as JSON', () => {
  it('matches the golden file', async () => {
    await expect(formatReportJson(quarterlyReport())).toMatchFileSnapshot(golden('report.json'));
  });

  it('has the documented top-level shape, snake_case, times in UTC', () => {
    const body = parse();
    expect(Object.keys(body)).toEqual(['registry', 'as_of', 'period', 'period_start', 'period_end', 'previous_period', 'finished', 'headline', 'promises', 'owners', 'dimensions', 'customer_gap', 'recovery', 'structural', 'data_quality']);
    expect(body).toMatchObject({ registry: 'Acme Bank & Trust', as_of: '2026-11-16T08:00:00.000Z', period: '2026-Q3', period_start: '2026-06-30T22:00:00.000Z', period_end: '2026-09-30T22:00:00.000Z', previous_period: '2026-Q2', finished: true });
    expect(body.headline).toEqual({
      promises_made: 5,
      promises_kept: 2,
      promises_broken: 1,
      promises_in_progress: 0,
      promises_unmeasured: 2,
      standards: 4,
      standards_met: 2,
      standards_missed: 1,
      breaches: 50,
      open_breaches: 3,
      credits: { EUR: 480, GBP: 50 },
    });
  });

  it('gives every standard the same fields, with null where a figure does not apply', () => {
    const all = standards(parse());
    expect(all.map((s) => s.standard)).toEqual(['advice-nps', 'advice-rating', 'repair-by-promised-date', 'email-first-response', 'complaint-resolution']);
    const keys = Object.keys(all[0] as Json);
    for (const s of all) expect(Object.keys(s)).toEqual(keys);
    const byId = new Map(all.map((s) => [s.standard, s]));
    expect(byId.get('advice-rating')).toMatchObject({ kind: 'average', average: 4.31, previous_average: 4.18, distribution: null });
    expect(byId.get('repair-by-promised-date')).toMatchObject({ status: 'no-data', compliance: null, gap: null, change: null, previous_compliance: 0.97 });
    expect((byId.get('complaint-resolution')?.trend as Json[]).map((t) => t.compliance)).toEqual([0.9, null, null, 0.96]);
    expect(byId.get('email-first-response')).toMatchObject({ period_kind: 'month', change: -0.0325, periods: [{ period: '2026-07' }, { period: '2026-08', status: 'missed' }, { period: '2026-09' }] });
    const d = byId.get('email-first-response')?.distribution as Json;
    expect(d).toMatchObject({ p50_seconds: 9540, realistic_seconds: 93600, promised_seconds: 86400 });
    expect(d.histogram).toMatchObject({ upper_seconds: 115200, over: 27 });
    expect((d.histogram as { counts: number[] }).counts).toHaveLength(24);
  });

  it('SPEC §6: an NPS standard carries its score as average, with no compliance', () => {
    const nps = standards(parse()).find((s) => s.standard === 'advice-nps');
    expect(nps).toMatchObject({ kind: 'nps', average: 32.2034, previous_average: 24.5, compliance: null, met: null, breached: null, target: null });
  });

  it('SPEC §6: the customer gap per survey and dimension, and met against breached per linked standard, snake_case, null where there is no figure', () => {
    const c = parse().customer_gap as { surveys: Json[]; links: Json[] };
    expect(c.surveys).toHaveLength(1);
    const survey = c.surveys[0] as Json & { dimensions: Json[] };
    expect(Object.keys(survey)).toEqual(['survey', 'description', 'scale', 'servqual', 'servqual_weighted', 'previous_servqual', 'previous_servqual_weighted', 'change', 'change_weighted', 'dimensions']);
    expect(survey).toMatchObject({ survey: 'servqual-complaints', scale: [1, 7], servqual: -0.8113, change: 0.2137 });
    expect(survey.dimensions.map((d) => d.dimension)).toEqual(['reliability', 'responsiveness', 'assurance', 'empathy', 'tangibles']);
    expect(survey.dimensions[0]).toEqual({ dimension: 'reliability', respondents: 212, expectation: 6.412, perception: 5.088, gap: -1.324, weight: 0.318, weighted_gap: -0.4212, previous_gap: -1.1, change: -0.224, delivery_compliance: 0.96, promises_kept: 1, promises: 2 });
    expect(survey.dimensions[4]).toMatchObject({ expectation: null, gap: null, delivery_compliance: null, promises_kept: null });
    expect(c.links[0]).toEqual({ standard: 'complaint-resolution', promise: 'resolve-complaints-in-5-business-days', dimension: 'reliability', survey: 'servqual-complaints', met_responses: 180, met_mean: 5.31, breached_responses: 32, breached_mean: 3.86, difference: 1.45, previous_difference: 1.2, change: 0.25 });
    expect(c.links[1]).toMatchObject({ met_responses: 0, met_mean: null, difference: null });
    expect(Object.keys(JSON.parse(formatReportJson(quarterlyReport({ customer: undefined }))) as Json)).not.toContain('customer_gap');
  });

  it('lists recovery, structural gaps and every invalid record', () => {
    const body = parse();
    const recovery = body.recovery as { worst: Json[]; remedies: Json[]; credits: Json };
    expect(recovery.worst.map((b) => b.record)).toEqual(['C-1042', HOSTILE, 'T-0042']);
    expect(recovery.worst[1]).toMatchObject({ open: true, end: null, over_seconds: 4147200, remedy: { currency: 'EUR', credit: 10 } });
    expect(recovery.remedies[2]).toEqual({ standard: 'premier-callback', action: 'A call from the branch manager', breaches: 1, credit: null, currency: null, total: null });
    expect(recovery.credits).toEqual({ EUR: 480, GBP: 50 });
    const structural = body.structural as { unmeasured: Json[]; mismatches: Json[]; due_for_review: Json[] };
    expect(structural.unmeasured).toEqual([{ promise: 'courteous-staff', statement: 'Everyone who works here treats you with courtesy & respect.' }]);
    expect(structural.mismatches[0]).toMatchObject({ promise: 'reply-within-24-hours', file: 'promises/support & email.yaml', line: 4 });
    expect(structural.due_for_review.map((d) => [d.promise, d.review_by, d.overdue])).toEqual([
      ['reply-within-24-hours', '2026-10-31', true],
      ['resolve-complaints-in-5-business-days', '2027-01-31', false],
    ]);
    const quality = body.data_quality as { sources: Json[]; invalid: Json[] };
    expect(quality.sources[1]).toEqual({ source: 'tickets', files: 2, rows: 4954, invalid: 2, duplicate_keys: 1, dst_gap_times: 2, dst_overlap_times: 1 });
    expect(quality.invalid).toHaveLength(53);
    expect(quality.invalid[1]).toEqual({ source: 'tickets', standard: null, file: 'logs/tickets-2026-q3.csv', line: 12, record: '', reason: 'has 7 cells, the header has 8', reason_code: 'row-cell-count', period: null });
  });

  it('keeps text from the logs as it is: JSON needs no HTML escaping', () => {
    expect(formatReportJson(quarterlyReport())).toContain(JSON.stringify(HOSTILE));
  });
});
