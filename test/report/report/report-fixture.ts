/**
 * One hand-built quarterly report that every report formatter renders: a monthly standard that
 * missed a month, a quarterly one with a gap in its trend, an average, a standard with nothing
 * judged, an unmeasured promise, a statement mismatch, reviews due and overdue, open breaches,
 * credits in two currencies, more invalid records than are listed, and text that would be markup.
 */
import type { Breach, InvalidRecord, PeriodRef } from '../../../src/model/evaluation.js';
import { parseDuration, type Duration } from '../../../src/registry/duration.js';
import type { QuarterlyReport, ReportStandard, Scorecard } from '../../../src/report/report/data.js';

const at = (iso: string): number => Date.parse(iso);

const quarter = (key: string, start: string, end: string): PeriodRef => ({ kind: 'quarter', key, startMs: at(start), endMs: at(end) });

export const Q3 = quarter('2026-Q3', '2026-06-30T22:00:00Z', '2026-09-30T22:00:00Z');
const Q2 = quarter('2026-Q2', '2026-03-31T22:00:00Z', '2026-06-30T22:00:00Z');

/** A value from the logs that would be markup if it were not escaped. */
export const HOSTILE = '<script>alert("pwned")</script> & co';

const duration = (text: string): Duration => {
  const d = parseDuration(text);
  if (!d.ok) throw new Error(`${text}: ${d.messageId}`);
  return d.value;
};

const standardBase = {
  bound: undefined,
  pending: 0,
  skipped: 0,
  invalid: 0,
  previousAverage: undefined,
  average: undefined,
  calendar: undefined,
} satisfies Partial<ReportStandard>;

const emailFirstResponse: ReportStandard = {
  ...standardBase,
  id: 'email-first-response',
  promise: 'reply-within-24-hours',
  owner: 'support-eu',
  kind: 'duration',
  measure: 'opened_at → first_response_at within 24h',
  definition: { kind: 'duration', from: 'opened_at', to: 'first_response_at', within: duration('24h') },
  limit: '24h',
  periodKind: 'month',
  target: 0.9,
  status: 'missed',
  periods: [
    { period: '2026-07', status: 'met', compliance: 0.92 },
    { period: '2026-08', status: 'missed', compliance: 0.81 },
    { period: '2026-09', status: 'met', compliance: 0.93 },
  ],
  records: 412,
  met: 352,
  breached: 48,
  pending: 3,
  skipped: 0,
  invalid: 9,
  compliance: 0.88,
  gap: -0.02,
  previousCompliance: 0.9125,
  change: -0.0325,
  trend: [
    { period: '2025-Q4', compliance: undefined, status: 'no-data', average: undefined },
    { period: '2026-Q1', compliance: 0.931, status: 'met', average: undefined },
    { period: '2026-Q2', compliance: 0.9125, status: 'met', average: undefined },
    { period: '2026-Q3', compliance: 0.88, status: 'missed', average: undefined },
  ],
  distribution: {
    clock: 'wall',
    p50Seconds: 9540,
    p90Seconds: 93_600,
    realisticSeconds: 93_600,
    promisedSeconds: 86_400,
    histogram: { upperSeconds: 115_200, counts: [96, 70, 48, 30, 21, 14, 9, 7, 6, 8, 9, 11, 10, 8, 6, 5, 4, 3, 3, 2, 1, 1, 0, 1], over: 27 },
  },
};

const complaintResolution: ReportStandard = {
  ...standardBase,
  id: 'complaint-resolution',
  promise: 'resolve-complaints-in-5-business-days',
  owner: 'complaints',
  kind: 'duration',
  measure: 'received_at → resolved_at within 5bd on branch-hours',
  definition: { kind: 'duration', from: 'received_at', to: 'resolved_at', within: duration('5bd'), calendar: 'branch-hours' },
  limit: '5bd',
  calendar: 'branch-hours',
  periodKind: 'quarter',
  target: 0.95,
  status: 'met',
  periods: [{ period: '2026-Q3', status: 'met', compliance: 0.96 }],
  records: 50,
  met: 48,
  breached: 2,
  compliance: 0.96,
  gap: 0.01,
  previousCompliance: undefined,
  change: undefined,
  trend: [
    { period: '2025-Q4', compliance: 0.9, status: 'missed', average: undefined },
    { period: '2026-Q1', compliance: undefined, status: 'no-data', average: undefined },
    { period: '2026-Q2', compliance: undefined, status: 'no-data', average: undefined },
    { period: '2026-Q3', compliance: 0.96, status: 'met', average: undefined },
  ],
  distribution: {
    clock: 'open',
    p50Seconds: 65_580,
    p90Seconds: 148_740,
    realisticSeconds: 151_200,
    promisedSeconds: 115_200,
    histogram: { upperSeconds: 259_200, counts: [1, 2, 3, 4, 5, 4, 4, 3, 3, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0], over: 1 },
  },
};

const adviceRating: ReportStandard = {
  ...standardBase,
  id: 'advice-rating',
  promise: 'competent-advice',
  owner: 'branch-network',
  kind: 'average',
  measure: 'mean score ≥ 4.2',
  definition: { kind: 'average', at: 'surveyed_at', of: 'score', at_least: 4.2 },
  limit: '≥ 4.2',
  periodKind: 'quarter',
  // SPEC §2: an average has no target; its records are the values counted, none met or breached
  target: undefined,
  bound: { op: '≥', value: 4.2 },
  status: 'met',
  periods: [{ period: '2026-Q3', status: 'met', compliance: undefined }],
  records: 120,
  met: undefined,
  breached: undefined,
  skipped: 10,
  compliance: undefined,
  gap: 0.11,
  previousCompliance: undefined,
  change: undefined,
  average: 4.31,
  previousAverage: 4.18,
  trend: [
    { period: '2025-Q4', compliance: undefined, status: 'no-data', average: undefined },
    { period: '2026-Q1', compliance: undefined, status: 'met', average: 4.29 },
    { period: '2026-Q2', compliance: undefined, status: 'missed', average: 4.18 },
    { period: '2026-Q3', compliance: undefined, status: 'met', average: 4.31 },
  ],
  distribution: undefined,
};

/** SPEC §6: an NPS standard, its figure a score from −100 to 100, not a mean. */
const adviceNps: ReportStandard = {
  ...standardBase,
  id: 'advice-nps',
  promise: 'competent-advice',
  owner: 'branch-network',
  kind: 'nps',
  measure: 'NPS of would_recommend ≥ 30',
  definition: { kind: 'nps', at: 'surveyed_at', of: 'would_recommend', at_least: 30 },
  limit: 'NPS ≥ 30',
  periodKind: 'quarter',
  target: undefined,
  bound: { op: '≥', value: 30, nps: true },
  status: 'met',
  periods: [{ period: '2026-Q3', status: 'met', compliance: undefined }],
  records: 118,
  met: undefined,
  breached: undefined,
  compliance: undefined,
  gap: 2.2034,
  previousCompliance: undefined,
  change: undefined,
  average: 32.2034,
  previousAverage: 24.5,
  trend: [
    { period: '2025-Q4', compliance: undefined, status: 'no-data', average: undefined },
    { period: '2026-Q1', compliance: undefined, status: 'met', average: 35 },
    { period: '2026-Q2', compliance: undefined, status: 'missed', average: 24.5 },
    { period: '2026-Q3', compliance: undefined, status: 'met', average: 32.2034 },
  ],
  distribution: undefined,
};

const repairByDate: ReportStandard = {
  ...standardBase,
  id: 'repair-by-promised-date',
  promise: 'repairs-on-the-promised-date',
  owner: 'field-team',
  kind: 'deadline',
  measure: 'completed_at by promised_date (end of day)',
  definition: { kind: 'deadline', done: 'completed_at', due: 'promised_date', due_is_date: true },
  limit: 'by promised_date',
  periodKind: 'quarter',
  target: 0.95,
  status: 'no-data',
  periods: [{ period: '2026-Q3', status: 'no-data', compliance: undefined }],
  records: 4,
  met: 0,
  breached: 0,
  skipped: 4,
  compliance: undefined,
  gap: undefined,
  previousCompliance: 0.97,
  change: undefined,
  trend: [
    { period: '2025-Q4', compliance: undefined, status: 'no-data', average: undefined },
    { period: '2026-Q1', compliance: 0.99, status: 'met', average: undefined },
    { period: '2026-Q2', compliance: 0.97, status: 'met', average: undefined },
    { period: '2026-Q3', compliance: undefined, status: 'no-data', average: undefined },
  ],
  distribution: undefined,
};

function card(name: string, title: string, c: Partial<Scorecard>): Scorecard {
  return {
    name,
    title,
    promises: 0,
    kept: 0,
    broken: 0,
    inProgress: 0,
    unmeasured: 0,
    standards: 0,
    standardsMet: 0,
    standardsMissed: 0,
    judged: 0,
    judgedMet: 0,
    compliance: undefined,
    breaches: 0,
    promiseIds: [],
    standardIds: [],
    ...c,
  };
}

function breach(b: Partial<Breach> & Pick<Breach, 'standard' | 'record' | 'startMs'>): Breach {
  return {
    promise: 'reply-within-24-hours',
    owner: 'support-eu',
    source: 'tickets',
    file: 'logs/tickets-2026-q3.csv',
    line: 2,
    period: '2026-08',
    outcome: 'breached',
    open: false,
    endMs: undefined,
    dueMs: undefined,
    elapsedSeconds: undefined,
    limitSeconds: undefined,
    overSeconds: undefined,
    remedy: undefined,
    ...b,
  };
}

const EUR10 = { action: 'Apology and a 10 EUR credit', credit: 10, currency: 'EUR' };

const worst: Breach[] = [
  breach({
    standard: 'complaint-resolution',
    promise: 'resolve-complaints-in-5-business-days',
    owner: 'complaints',
    source: 'complaints',
    record: 'C-1042',
    file: 'logs/complaints.csv',
    line: 43,
    period: '2026-Q3',
    startMs: at('2026-08-04T16:11:00Z'),
    dueMs: at('2026-08-10T14:30:00Z'),
    endMs: at('2026-08-26T10:24:00Z'),
    elapsedSeconds: 230_400,
    limitSeconds: 115_200,
    overSeconds: 1_367_640,
    remedy: { action: 'A written apology and 25 GBP', credit: 25, currency: 'GBP' },
  }),
  breach({
    standard: 'email-first-response',
    record: HOSTILE,
    file: 'logs/tickets & co.csv',
    line: 7,
    open: true,
    startMs: at('2026-09-28T08:00:00Z'),
    dueMs: at('2026-09-29T08:00:00Z'),
    elapsedSeconds: 4_233_600,
    limitSeconds: 86_400,
    overSeconds: 4_147_200,
    remedy: EUR10,
  }),
  breach({
    standard: 'email-first-response',
    record: 'T-0042',
    line: 43,
    startMs: at('2026-08-03T09:00:00Z'),
    dueMs: at('2026-08-04T09:00:00Z'),
    endMs: at('2026-08-05T11:30:00Z'),
    elapsedSeconds: 181_800,
    limitSeconds: 86_400,
    overSeconds: 95_400,
    remedy: EUR10,
  }),
];

function invalidRecords(): InvalidRecord[] {
  const out: InvalidRecord[] = [
    { source: 'tickets', standard: 'email-first-response', file: 'logs/tickets & co.csv', line: 9, record: HOSTILE, code: 'not-a-timestamp', args: { column: 'opened_at', text: HOSTILE, format: undefined }, period: undefined },
    { source: 'tickets', standard: undefined, file: 'logs/tickets-2026-q3.csv', line: 12, record: '', code: 'row-cell-count', args: { cells: 7, columns: 8 }, period: undefined },
  ];
  for (let i = 0; i < 51; i++) {
    out.push({ source: 'advice-survey', standard: 'advice-rating', file: 'logs/advice-survey.csv', line: 100 + i, record: `S-${String(i).padStart(4, '0')}`, code: 'not-a-number', args: { column: 'score', text: `4,${i % 10}` }, period: '2026-Q3' });
  }
  return out;
}

export function quarterlyReport(over: Partial<QuarterlyReport> = {}): QuarterlyReport {
  return {
    registry: 'Acme Bank & Trust',
    timezone: 'Europe/Berlin',
    asOfMs: at('2026-11-16T08:00:00Z'),
    period: Q3,
    previous: Q2,
    finished: true,
    headline: {
      promisesMade: 5,
      promisesKept: 2,
      promisesBroken: 1,
      promisesInProgress: 0,
      promisesUnmeasured: 2,
      standards: 4,
      standardsMet: 2,
      standardsMissed: 1,
      breaches: 50,
      openBreaches: 3,
      credits: { EUR: 480, GBP: 50 },
    },
    promises: [
      {
        id: 'competent-advice',
        statement: 'Our customers rate the advice they get in our branches at least 4.2 out of 5.',
        owner: 'branch-network',
        ownerName: 'Branch Network',
        dimension: 'assurance',
        status: 'kept',
        standards: [adviceNps, adviceRating],
      },
      {
        id: 'courteous-staff',
        statement: 'Everyone who works here treats you with courtesy & respect.',
        owner: 'support-eu',
        ownerName: 'Customer Support EU',
        dimension: 'empathy',
        status: 'unmeasured',
        standards: [],
      },
      {
        id: 'repairs-on-the-promised-date',
        statement: 'When we give you a date for your repair, we keep it.',
        owner: 'field-team',
        ownerName: 'Field Team',
        dimension: 'reliability',
        status: 'unmeasured',
        standards: [repairByDate],
      },
      {
        id: 'reply-within-24-hours',
        statement: 'Fast & friendly: we reply to every email within 24 hours <guaranteed>.',
        owner: 'support-eu',
        ownerName: 'Customer Support EU',
        dimension: 'responsiveness',
        status: 'broken',
        standards: [emailFirstResponse],
      },
      {
        id: 'resolve-complaints-in-5-business-days',
        statement: 'We resolve every complaint within 5 business days.',
        owner: 'complaints',
        ownerName: 'Complaints "Tiger" Team',
        dimension: 'reliability',
        status: 'kept',
        standards: [complaintResolution],
      },
    ],
    owners: [
      card('branch-network', 'Branch Network', { promises: 1, kept: 1, standards: 1, standardsMet: 1, judged: 120, judgedMet: 120, compliance: 1, promiseIds: ['competent-advice'], standardIds: ['advice-rating'] }),
      card('complaints', 'Complaints "Tiger" Team', { promises: 1, kept: 1, standards: 1, standardsMet: 1, judged: 50, judgedMet: 48, compliance: 0.96, breaches: 2, promiseIds: ['resolve-complaints-in-5-business-days'], standardIds: ['complaint-resolution'] }),
      card('field-team', 'Field Team', { promises: 1, unmeasured: 1, standards: 1, promiseIds: ['repairs-on-the-promised-date'], standardIds: ['repair-by-promised-date'] }),
      card('support-eu', 'Customer Support EU', { promises: 2, broken: 1, unmeasured: 1, standards: 1, standardsMissed: 1, judged: 400, judgedMet: 352, compliance: 0.88, breaches: 48, promiseIds: ['courteous-staff', 'reply-within-24-hours'], standardIds: ['email-first-response'] }),
    ],
    dimensions: [
      card('assurance', 'assurance', { promises: 1, kept: 1, standards: 1, standardsMet: 1, judged: 120, judgedMet: 120, compliance: 1, promiseIds: ['competent-advice'], standardIds: ['advice-rating'] }),
      card('empathy', 'empathy', { promises: 1, unmeasured: 1, promiseIds: ['courteous-staff'] }),
      card('reliability', 'reliability', { promises: 2, kept: 1, unmeasured: 1, standards: 2, standardsMet: 1, judged: 50, judgedMet: 48, compliance: 0.96, breaches: 2, promiseIds: ['repairs-on-the-promised-date', 'resolve-complaints-in-5-business-days'], standardIds: ['complaint-resolution', 'repair-by-promised-date'] }),
      card('responsiveness', 'responsiveness', { promises: 1, broken: 1, standards: 1, standardsMissed: 1, judged: 400, judgedMet: 352, compliance: 0.88, breaches: 48, promiseIds: ['reply-within-24-hours'], standardIds: ['email-first-response'] }),
    ],
    customer: {
      surveys: [
        {
          source: 'servqual-complaints',
          description: 'SERVQUAL after a complaint <closed> & "resolved"',
          scale: [1, 7],
          dimensions: [
            { dimension: 'reliability', respondents: 212, expectation: 6.412, perception: 5.088, gap: -1.324, weight: 0.318, weightedGap: -0.4212, previousGap: -1.1, change: -0.224, asksExpectation: true, delivery: { compliance: 0.96, kept: 1, promises: 2 } },
            { dimension: 'responsiveness', respondents: 211, expectation: 6.18, perception: 5.31, gap: -0.87, weight: 0.221, weightedGap: -0.1923, previousGap: -0.95, change: 0.08, asksExpectation: true, delivery: { compliance: 0.88, kept: 0, promises: 1 } },
            { dimension: 'assurance', respondents: 212, expectation: 6.05, perception: 5.81, gap: -0.24, weight: 0.19, weightedGap: -0.0456, previousGap: undefined, change: undefined, asksExpectation: true, delivery: { compliance: 1, kept: 1, promises: 1 } },
            { dimension: 'empathy', respondents: 0, expectation: undefined, perception: undefined, gap: undefined, weight: undefined, weightedGap: undefined, previousGap: undefined, change: undefined, asksExpectation: true, delivery: { compliance: undefined, kept: 0, promises: 1 } },
            { dimension: 'tangibles', respondents: 205, expectation: undefined, perception: 5.42, gap: undefined, weight: 0.112, weightedGap: undefined, previousGap: undefined, change: undefined, asksExpectation: false, delivery: undefined },
          ],
          servqual: -0.8113,
          servqualWeighted: -0.6591,
          previousServqual: -1.025,
          previousServqualWeighted: -0.702,
          change: 0.2137,
          changeWeighted: 0.0429,
        },
      ],
      links: [
        { standard: 'complaint-resolution', promise: 'resolve-complaints-in-5-business-days', dimension: 'reliability', survey: 'servqual-complaints', metResponses: 180, metMean: 5.31, breachedResponses: 32, breachedMean: 3.86, difference: 1.45, previousDifference: 1.2, change: 0.25 },
        { standard: 'repair-by-promised-date', promise: 'repairs-on-the-promised-date', dimension: 'reliability', survey: 'servqual-complaints', metResponses: 0, metMean: undefined, breachedResponses: 0, breachedMean: undefined, difference: undefined, previousDifference: undefined, change: undefined },
      ],
    },
    recovery: {
      worst,
      remedies: [
        { standard: 'complaint-resolution', action: 'A written apology and 25 GBP', breaches: 2, credit: 25, currency: 'GBP', total: 50 },
        { standard: 'email-first-response', action: 'Apology and a 10 EUR credit', breaches: 48, credit: 10, currency: 'EUR', total: 480 },
        { standard: 'premier-callback', action: 'A call from the branch manager', breaches: 1, credit: undefined, currency: undefined, total: undefined },
      ],
      credits: { EUR: 480, GBP: 50 },
    },
    structural: {
      unmeasured: [{ promise: 'courteous-staff', statement: 'Everyone who works here treats you with courtesy & respect.' }],
      mismatches: [
        {
          promise: 'reply-within-24-hours',
          message: 'promise "reply-within-24-hours" says "24 hours", but its standards measure 1bd on calendar "office" (email-first-response)',
          file: 'promises/support & email.yaml',
          line: 4,
        },
      ],
      dueForReview: [
        { promise: 'reply-within-24-hours', statement: 'Fast & friendly: we reply to every email within 24 hours <guaranteed>.', reviewBy: '2026-10-31', overdue: true },
        { promise: 'resolve-complaints-in-5-business-days', statement: 'We resolve every complaint within 5 business days.', reviewBy: '2027-01-31', overdue: false },
      ],
    },
    dataQuality: {
      sources: [
        { source: 'advice-survey', files: 1, rows: 1760, invalid: 51, duplicateKeys: 0, dstGapTimes: 0, dstOverlapTimes: 0 },
        { source: 'tickets', files: 2, rows: 4954, invalid: 2, duplicateKeys: 1, dstGapTimes: 2, dstOverlapTimes: 1 },
      ],
      invalid: invalidRecords(),
    },
    ...over,
  };
}
