import { describe, expect, it } from 'vitest';
import type { GapRow, PeriodKind, PeriodRef, PeriodStatus } from '../../src/model/evaluation.js';
import type { ServicePromise, Standard } from '../../src/registry/model.js';
import { combinedStatus, promiseStatus, rollUp } from '../../src/engine/rollup.js';

const at = (iso: string): number => Date.parse(iso);
const period = (kind: PeriodKind, key: string, start: string, end: string): PeriodRef => ({ kind, key, startMs: at(start), endMs: at(end) });

const Q3 = period('quarter', '2026-Q3', '2026-07-01T00:00:00Z', '2026-10-01T00:00:00Z');
const Q4 = period('quarter', '2026-Q4', '2026-10-01T00:00:00Z', '2027-01-01T00:00:00Z');
const JUL = period('month', '2026-07', '2026-07-01T00:00:00Z', '2026-08-01T00:00:00Z');
const AUG = period('month', '2026-08', '2026-08-01T00:00:00Z', '2026-09-01T00:00:00Z');
const Y2026 = period('year', '2026', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z');

const promise = (id: string, owner = 'desk', dimension: ServicePromise['dimension'] = 'responsiveness'): ServicePromise => ({
  id,
  statement: `${id}.`,
  dimension,
  owner,
  at: { file: 'promises.yaml', path: ['promises', 0] },
});

const durationStandard = (id: string, promiseId: string, kind: PeriodKind, owner = 'desk'): Standard => ({
  id,
  promise: promiseId,
  owner,
  ownerInherited: true,
  source: 'tickets',
  where: undefined,
  measure: { kind: 'duration', from: 'opened', to: 'closed', within: { kind: 'time', text: '4h', seconds: 14_400, usesDays: false } },
  target: 0.9,
  period: kind,
  at: { file: 'standards.yaml', path: ['standards', 0] },
});

const averageStandard = (id: string, promiseId: string, owner = 'desk'): Standard => ({
  ...durationStandard(id, promiseId, 'quarter', owner),
  measure: { kind: 'average', at: 'rated', of: 'csat', at_least: 4 },
  target: undefined,
});

function row(s: Standard, p: PeriodRef, status: PeriodStatus, met: number, breached: number): GapRow {
  return {
    standard: s.id,
    promise: s.promise,
    owner: s.owner,
    period: p,
    records: met + breached,
    met,
    breached,
    pending: 0,
    atRisk: 0,
    skipped: 0,
    invalid: 0,
    compliance: met + breached === 0 ? undefined : met / (met + breached),
    target: s.target,
    gap: undefined,
    status,
    p50Seconds: undefined,
    p90Seconds: undefined,
    pTargetSeconds: undefined,
    average: undefined,
    credits: {},
  };
}

/** SPEC §2: an average's row: the values counted, the mean, its gap to the bound; nothing met or breached. */
function averageRow(s: Standard, p: PeriodRef, average: number, values: number): GapRow {
  const gap = average - 4;
  return { ...row(s, p, gap >= 0 ? 'met' : 'missed', 0, 0), records: values, met: undefined, breached: undefined, compliance: undefined, target: undefined, gap, average, bound: { op: '≥', value: 4 } };
}

describe('combinedStatus and promiseStatus', () => {
  it.each([
    [['met', 'met', 'met'], 'met'],
    [['met', 'missed', 'met'], 'missed'],
    [['met', 'on-track'], 'on-track'],
    [['on-track', 'at-risk'], 'at-risk'],
    [['no-data', 'missed'], 'missed'],
    [['no-data', 'no-data'], 'no-data'],
    [[], 'no-data'],
  ] as [PeriodStatus[], PeriodStatus][])('%j combine to %s', (statuses, expected) => {
    expect(combinedStatus(statuses)).toBe(expected);
  });

  it.each([
    [['met', 'met'], 'kept'],
    [['met', 'missed'], 'broken'],
    [['met', 'on-track'], 'in-progress'],
    [['at-risk', 'missed'], 'broken'],
    [['met', 'no-data'], 'unmeasured'],
    [[], 'unmeasured'],
  ] as [PeriodStatus[], string][])('a promise whose standards are %j is %s', (statuses, expected) => {
    expect(promiseStatus(statuses)).toBe(expected);
  });
});

describe('rollUp', () => {
  const fast = promise('fast');
  const rated = promise('rated', 'desk', 'empathy');
  const silent = promise('silent', 'desk', 'assurance');
  const reply = durationStandard('reply', 'fast', 'quarter');
  const callback = durationStandard('callback', 'fast', 'month');
  const rating = averageStandard('rating', 'rated');
  const scope = { standards: [reply, callback, rating], promises: [fast, rated, silent] };

  it('counts an average by its status only: no records judged, met or breached', () => {
    const gaps = [averageRow(rating, Q3, 4.3, 120), averageRow(rating, Q4, 3.9, 80)];
    const r = rollUp({ standards: [rating], promises: [rated] }, { gaps, summaries: [] }, {});
    expect(r.promises.map((p) => [p.promise, p.period?.key, p.status])).toEqual([
      ['rated', '2026-Q3', 'kept'],
      ['rated', '2026-Q4', 'broken'],
    ]);
    expect(r.owners.map((o) => [o.period.key, o.standards, o.met, o.missed, o.judged, o.breaches, o.compliance])).toEqual([
      ['2026-Q3', 1, 1, 0, 0, 0, undefined],
      ['2026-Q4', 1, 0, 1, 0, 0, undefined],
    ]);
  });

  it('a promise no standard measures is unmeasured, in no period, and never kept', () => {
    const r = rollUp(scope, { gaps: [row(reply, Q3, 'met', 9, 1)], summaries: [] }, {});
    expect(r.promises.find((p) => p.promise === 'silent')).toMatchObject({ period: undefined, status: 'unmeasured', standards: [] });
  });

  it('a period still running leaves the promise in progress; a standard of its length with nothing judged leaves it unmeasured', () => {
    const running = rollUp({ standards: [reply], promises: [fast] }, { gaps: [row(reply, Q4, 'on-track', 5, 0)], summaries: [] }, {});
    expect(running.promises.map((p) => p.status)).toEqual(['in-progress']);
    const nothing = rollUp({ standards: [reply], promises: [fast] }, { gaps: [row(reply, Q3, 'no-data', 0, 0)], summaries: [] }, {});
    expect(nothing.promises.map((p) => p.status)).toEqual(['unmeasured']);
  });

  it("a monthly standard's months decide the quarter too: one missed month breaks the promise there", () => {
    const gaps = [row(reply, Q3, 'met', 95, 5), row(callback, JUL, 'met', 10, 0), row(callback, AUG, 'missed', 5, 5)];
    const r = rollUp(scope, { gaps, summaries: [] }, {});
    const fastRows = r.promises.filter((p) => p.promise === 'fast');
    expect(fastRows.map((p) => [p.period?.key, p.status, p.standards])).toEqual([
      ['2026-Q3', 'broken', [{ standard: 'callback', status: 'missed' }, { standard: 'reply', status: 'met' }]],
      ['2026-07', 'kept', [{ standard: 'callback', status: 'met' }]],
      ['2026-08', 'broken', [{ standard: 'callback', status: 'missed' }]],
    ]);
    const desk = r.owners.find((o) => o.period.key === '2026-Q3');
    // both standards, the month rows summed: 95 + 10 + 5 met of 120 judged
    expect(desk).toMatchObject({ standards: 2, met: 1, missed: 1, judged: 120, judgedMet: 110, breaches: 10, promises: 1, broken: 1 });
  });

  it('a longer standard does not decide a shorter period: a yearly standard is not met in a quarter', () => {
    const yearly = durationStandard('yearly', 'fast', 'year');
    const gaps = [row(reply, Q3, 'met', 9, 1), row(yearly, Y2026, 'on-track', 50, 2)];
    const r = rollUp({ standards: [reply, yearly], promises: [fast] }, { gaps, summaries: [] }, {});
    expect(r.promises.map((p) => [p.period?.key, p.status])).toEqual([
      ['2026', 'in-progress'],
      ['2026-Q3', 'kept'],
    ]);
  });

  it("with alsoBy, the report's periods are rolled up by the same rule: equal to the gaps roll-up where both have a period", () => {
    const gaps = [row(reply, Q3, 'met', 95, 5), row(callback, JUL, 'met', 10, 0), row(callback, AUG, 'missed', 5, 5), averageRow(rating, Q3, 4.3, 120)];
    const summaries = [row(reply, Q3, 'met', 95, 5), row(callback, Q3, 'met', 15, 5), averageRow(rating, Q3, 4.3, 120)];
    const r = rollUp(scope, { gaps, summaries }, { alsoBy: 'quarter', within: [Q4] });
    const over = r.periodRollups;
    expect(over?.promises.filter((p) => p.period?.key === '2026-Q3')).toEqual(r.promises.filter((p) => p.period?.key === '2026-Q3'));
    expect(over?.owners.filter((o) => o.period.key === '2026-Q3')).toEqual(r.owners.filter((o) => o.period.key === '2026-Q3'));
    expect(over?.dimensions.filter((d) => d.period.key === '2026-Q3')).toEqual(r.dimensions.filter((d) => d.period.key === '2026-Q3'));
    // the summary row says the quarter met 75% overall; the standard's status over it is its months', missed
    expect(over?.standards.filter((s) => s.period.key === '2026-Q3').map((s) => [s.standard, s.status])).toEqual([
      ['callback', 'missed'],
      ['rating', 'met'],
      ['reply', 'met'],
    ]);
    // a `within` period with no record at all: every standard has no data there, no promise is rolled up
    expect(over?.standards.filter((s) => s.period.key === '2026-Q4').map((s) => s.status)).toEqual(['no-data', 'no-data', 'no-data']);
    expect(over?.promises.filter((p) => p.period?.key === '2026-Q4')).toEqual([]);
  });

  it('without alsoBy there are no period roll-ups', () => {
    expect(rollUp(scope, { gaps: [], summaries: [] }, {}).periodRollups).toBeUndefined();
  });
});
