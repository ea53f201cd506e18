import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../src/model/evaluation.js';
import { evaluate } from '../helpers/evaluate.js';
import { invalidReasonText } from '../../src/report/shared/invalid-reasons.js';

const BASE = {
  'owners.yaml': `owners:
  - { id: support, name: Support, kind: team }
  - { id: billing, name: Billing, kind: team }
`,
  'calendars.yaml': `calendars:
  - id: office
    hours: { weekdays: ["09:00-12:00", "13:00-17:00"] }
    holidays: [2026-12-25, { date: 2026-12-24, hours: "09:00-12:00" }]
`,
  'sources.yaml': `sources:
  - { id: tickets, files: logs/*.csv, key: id }
`,
  'promises.yaml': `promises:
  - { id: fast, statement: We answer fast., dimension: responsiveness, owner: support }
  - { id: right, statement: We get it right., dimension: reliability, owner: billing }
`,
};

function registry(standards: string): Record<string, string> {
  return { ...BASE, 'standards.yaml': `standards:\n${standards}` };
}

const std = (id: string, measure: string, extra = '', promise = 'fast') =>
  `  - id: ${id}\n    promise: ${promise}\n    source: tickets\n    measure: ${measure}\n    target: 90%\n    period: quarter\n${extra}`;

/** record key -> outcome, from the breach list and gap counts of one standard */
function outcomes(e: Evaluation): Record<string, string> {
  const out: Record<string, string> = {};
  for (const b of e.breaches) out[b.record] = b.open ? `${b.outcome} (open)` : b.outcome;
  for (const i of e.invalid) out[i.record] = `invalid: ${invalidReasonText(i)}`;
  return out;
}

describe('duration on wall-clock time', () => {
  const files = registry(std('reply', '{ kind: duration, from: opened, to: replied, within: 24h }', '    warn_at: 75%\n'));
  const log = `id,opened,replied
met,2026-07-01T10:00:00Z,2026-07-02T10:00:00Z
late,2026-07-01T10:00:00Z,2026-07-02T10:00:01Z
pending,2026-09-30T20:00:00Z,
risky,2026-09-30T04:00:00Z,
open-late,2026-09-28T10:00:00Z,
backwards,2026-07-01T10:00:00Z,2026-07-01T09:00:00Z
no-start,,2026-07-01T09:00:00Z
bad-start,yesterday,2026-07-01T09:00:00Z
bad-end,2026-07-01T10:00:00Z,soon
future,2026-10-02T10:00:00Z,
closed-after-as-of,2026-09-30T10:00:00Z,2026-10-01T11:00:00Z
`;
  const asOf = '2026-10-01T00:00:00Z';

  it('gives each record one outcome', async () => {
    const e = await evaluate({ files, logs: { tickets: log }, asOf, options: { atRisk: true } });
    expect(outcomes(e)).toEqual({
      late: 'breached',
      'open-late': 'breached (open)',
      risky: 'at_risk (open)',
      backwards: 'invalid: replied is before opened: it ends before it starts',
      'no-start': 'invalid: opened is empty: the record has no start',
      'bad-start': 'invalid: opened "yesterday" is not an ISO 8601 timestamp',
      'bad-end': 'invalid: replied "soon" is not an ISO 8601 timestamp',
    });
    expect(e.gaps).toHaveLength(1);
    expect(e.gaps[0]).toMatchObject({ period: { key: '2026-Q3' }, records: 8, met: 1, breached: 2, pending: 3, atRisk: 1, skipped: 0, invalid: 2, compliance: 1 / 3, status: 'missed' });
    expect(e.sources[0]?.standards[0]).toEqual({ standard: 'reply', inPeriods: 8, outOfScope: 0, future: 1, invalidWithoutPeriod: 2, skippedWithoutPeriod: 0 });
    expect(e.sources[0]).toMatchObject({ rows: 11, invalid: 4 });
  });

  it('reports elapsed, limit, over and due as SPEC §2 says', async () => {
    const e = await evaluate({ files, logs: { tickets: log }, asOf });
    const late = e.breaches.find((b) => b.record === 'late');
    expect(late).toMatchObject({ elapsedSeconds: 86_401, limitSeconds: 86_400, overSeconds: 1, open: false, period: '2026-Q3' });
    expect(new Date(late?.dueMs ?? 0).toISOString()).toBe('2026-07-02T10:00:00.000Z');
    const open = e.breaches.find((b) => b.record === 'open-late');
    // an open breach counts its time up to as_of
    expect(open).toMatchObject({ elapsedSeconds: 3 * 86_400 - 36_000, overSeconds: 2 * 86_400 - 36_000, endMs: undefined });
  });

  it('percentiles count an open breach up to as_of and leave pending records out', async () => {
    const e = await evaluate({ files, logs: { tickets: log }, asOf });
    // judged: met 86400, late 86401, open-late 223200
    expect(e.gaps[0]).toMatchObject({ p50Seconds: 86_401, p90Seconds: 223_200, pTargetSeconds: 223_200 });
  });

  it('subtracts paused minutes, and refuses a pause that is not a number', async () => {
    const paused = registry(std('reply', '{ kind: duration, from: opened, to: replied, within: 1h, paused: waited }'));
    const e = await evaluate({
      files: paused,
      logs: { tickets: `id,opened,replied,waited\na,2026-07-01T10:00:00Z,2026-07-01T11:30:00Z,30\nb,2026-07-01T10:00:00Z,2026-07-01T11:30:00Z,29\nc,2026-07-01T10:00:00Z,2026-07-01T11:00:00Z,\nd,2026-07-01T10:00:00Z,2026-07-01T11:00:00Z,half\n` },
      asOf,
    });
    expect(outcomes(e)).toEqual({ b: 'breached', d: 'invalid: waited "half" is not a number of minutes' });
    expect(e.gaps[0]).toMatchObject({ met: 2, breached: 1, invalid: 1 });
  });

  it('refuses a pause too long to hold, rather than calling the record met', async () => {
    const paused = registry(std('reply', '{ kind: duration, from: opened, to: replied, within: 1h, paused: waited }'));
    const e = await evaluate({
      files: paused,
      logs: { tickets: `id,opened,replied,waited\na,2026-07-01T10:00:00Z,2026-07-09T11:30:00Z,1e999\nb,2026-07-01T10:00:00Z,2026-07-09T11:30:00Z,1e305\n` },
      asOf,
    });
    expect(outcomes(e)).toEqual({
      a: 'invalid: waited "1e999" is out of range: a pause can be at most about 3e303 minutes',
      b: 'invalid: waited "1e305" is out of range: a pause can be at most about 3e303 minutes',
    });
  });
});

describe('per-value limits', () => {
  const log = `id,opened,fixed,priority
p1-ok,2026-07-01T10:00:00Z,2026-07-01T10:59:00Z,P1
p1-late,2026-07-01T10:00:00Z,2026-07-01T11:01:00Z,P1
p2-ok,2026-07-01T10:00:00Z,2026-07-01T13:00:00Z,P2
other-late,2026-07-01T10:00:00Z,2026-07-03T10:00:01Z,P3
empty-ok,2026-07-01T10:00:00Z,2026-07-02T10:00:00Z,
`;
  it('picks the limit by the column, with default for the rest', async () => {
    const files = registry(std('fix', '{ kind: duration, from: opened, to: fixed, per: priority, within: { P1: 1h, P2: 4h, default: 2d } }'));
    const e = await evaluate({ files, logs: { tickets: log }, asOf: '2026-10-01T00:00:00Z' });
    expect(outcomes(e)).toEqual({ 'p1-late': 'breached', 'other-late': 'breached' });
    expect(e.gaps[0]).toMatchObject({ records: 5, met: 3, breached: 2 });
  });

  it('without a default, a value the map does not name is out of scope', async () => {
    const files = registry(std('fix', '{ kind: duration, from: opened, to: fixed, per: priority, within: { P1: 1h, P2: 4h } }'));
    const e = await evaluate({ files, logs: { tickets: log }, asOf: '2026-10-01T00:00:00Z' });
    expect(e.gaps[0]).toMatchObject({ records: 3, met: 2, breached: 1 });
    expect(e.sources[0]?.standards[0]).toMatchObject({ inPeriods: 3, outOfScope: 2 });
  });
});

describe('scope', () => {
  it('applies where in order, and a where that cannot be decided makes the record invalid in no period', async () => {
    const files = registry(std('vip', '{ kind: duration, from: opened, to: replied, within: 1h }', '    where: { segment: vip, spend: { gt: 1000 } }\n'));
    const e = await evaluate({
      files,
      logs: { tickets: `id,opened,replied,segment,spend\na,2026-07-01T10:00:00Z,2026-07-01T10:30:00Z,vip,5000\nb,2026-07-01T10:00:00Z,2026-07-01T12:30:00Z,retail,lots\nc,2026-07-01T10:00:00Z,2026-07-01T10:30:00Z,vip,lots\nd,2026-07-01T10:00:00Z,2026-07-01T10:30:00Z,vip,10\n` },
      asOf: '2026-10-01T00:00:00Z',
    });
    expect(outcomes(e)).toEqual({ c: 'invalid: where: spend "lots" is not a number (> 1000)' });
    expect(e.gaps[0]).toMatchObject({ records: 1, met: 1 });
    expect(e.sources[0]?.standards[0]).toEqual({ standard: 'vip', inPeriods: 1, outOfScope: 2, future: 0, invalidWithoutPeriod: 1, skippedWithoutPeriod: 0 });
    expect(e.invalid[0]).toMatchObject({ period: undefined, line: 4 });
  });
});

describe('deadlines', () => {
  const asOf = '2026-10-01T00:00:00Z';
  it('a date-only due means the end of that day; grace is added', async () => {
    const files = registry(std('repair', '{ kind: deadline, start: booked, done: done, due: due, grace: 15m }'));
    const e = await evaluate({
      files,
      logs: {
        tickets: `id,booked,done,due
same-day,2026-07-01T08:00:00Z,2026-07-01T23:59:00+02:00,2026-07-01
in-grace,2026-07-01T08:00:00Z,2026-07-02T00:14:59+02:00,2026-07-01
after-grace,2026-07-01T08:00:00Z,2026-07-02T00:15:00+02:00,2026-07-01
timed-ok,2026-07-01T08:00:00Z,2026-07-01T12:15:00Z,2026-07-01T12:00:00Z
timed-late,2026-07-01T08:00:00Z,2026-07-01T12:15:01Z,2026-07-01T12:00:00Z
no-promise,2026-07-01T08:00:00Z,2026-07-09T12:00:00Z,
done-first,2026-07-01T08:00:00Z,2026-06-30T12:00:00Z,2026-07-01
open-late,2026-07-01T08:00:00Z,,2026-07-03
`,
      },
      asOf,
    });
    expect(outcomes(e)).toEqual({ 'after-grace': 'breached', 'timed-late': 'breached', 'open-late': 'breached (open)', 'done-first': 'invalid: done is before booked: it was done before it started' });
    expect(e.gaps[0]).toMatchObject({ records: 8, met: 3, breached: 3, skipped: 1, invalid: 1 });
    const late = e.breaches.find((b) => b.record === 'after-grace');
    // Europe/Berlin: the end of 1 July is 22:00 UTC, plus 15 minutes of grace
    expect(new Date(late?.dueMs ?? 0).toISOString()).toBe('2026-07-01T22:15:00.000Z');
    expect(late).toMatchObject({ overSeconds: 0, elapsedSeconds: undefined, limitSeconds: undefined });
  });

  it('due_is_date ignores the due cell time of day', async () => {
    const files = registry(std('deliver', '{ kind: deadline, start: ordered, done: delivered, due: estimate, due_is_date: true }'));
    const e = await evaluate({
      files,
      logs: { tickets: `id,ordered,delivered,estimate\nlate-evening,2026-07-01T08:00:00Z,2026-07-10 21:00:00,2026-07-10 00:00:00\nnext-day,2026-07-01T08:00:00Z,2026-07-11 00:00:00,2026-07-10 00:00:00\n` },
      asOf,
    });
    expect(outcomes(e)).toEqual({ 'next-day': 'breached' });
  });

  it("one standard reading a due as a day does not change why another finds the same cell no time", async () => {
    // 0999-01-01 has the form of a date but no real year: as a timestamp it is not-a-real-time, as a day not-a-timestamp
    const reasons = async (order: string[]): Promise<Record<string, string | undefined>> => {
      const defs: Record<string, string> = {
        'by-date': std('by-date', '{ kind: deadline, start: ordered, done: delivered, due: estimate, due_is_date: true }'),
        'by-time': std('by-time', '{ kind: deadline, start: ordered, done: delivered, due: estimate }'),
      };
      const e = await evaluate({ files: registry(order.map((id) => defs[id]).join('')), logs: { tickets: 'id,ordered,delivered,estimate\nT1,2026-07-01T08:00:00Z,,0999-01-01\n' }, asOf });
      return Object.fromEntries(e.invalid.map((i) => [i.standard, i.code]));
    };
    const expected = { 'by-date': 'not-a-timestamp', 'by-time': 'not-a-real-time' };
    expect(await reasons(['by-date', 'by-time'])).toEqual(expected);
    expect(await reasons(['by-time', 'by-date'])).toEqual(expected);
  });

  it('without a start column the record is dated by its due; an empty due has no period', async () => {
    const files = registry(std('pay', '{ kind: deadline, done: paid, due: due }'));
    const e = await evaluate({ files, logs: { tickets: `id,paid,due\na,2026-07-01T10:00:00Z,2026-07-02T00:00:00Z\nb,2026-07-01T10:00:00Z,\nc,,2026-12-01T00:00:00Z\n` }, asOf });
    expect(e.sources[0]?.standards[0]).toEqual({ standard: 'pay', inPeriods: 1, outOfScope: 0, future: 1, invalidWithoutPeriod: 0, skippedWithoutPeriod: 1 });
  });
});

describe('conditions and averages', () => {
  const asOf = '2026-10-01T00:00:00Z';
  it('a condition is met or breached; empty expected columns are skipped; a bad number is invalid', async () => {
    const files = registry(std('ftf', '{ kind: condition, at: closed, expect: { visits: { lte: 1 }, outcome: fixed } }', '', 'right'));
    const e = await evaluate({
      files,
      logs: { tickets: `id,closed,visits,outcome\na,2026-07-01T10:00:00Z,1,fixed\nb,2026-07-01T10:00:00Z,2,fixed\nc,2026-07-01T10:00:00Z,,\nd,2026-07-01T10:00:00Z,one,fixed\ne,2026-07-01T10:00:00Z,1,parts-ordered\n` },
      asOf,
    });
    expect(outcomes(e)).toEqual({ b: 'breached', d: 'invalid: visits "one" is not a number (<= 1)', e: 'breached' });
    expect(e.gaps[0]).toMatchObject({ records: 5, met: 1, breached: 2, skipped: 1, invalid: 1, p50Seconds: undefined });
    expect(e.breaches[0]).toMatchObject({ dueMs: undefined, overSeconds: undefined, elapsedSeconds: undefined });
  });

  it('an average judges the period: the mean against at_least', async () => {
    const files = registry(std('csat', '{ kind: average, at: closed, of: score, at_least: 4 }', '', 'right').replace('    target: 90%\n', ''));
    const e = await evaluate({
      files,
      logs: { tickets: `id,closed,score\na,2026-07-01T10:00:00Z,5\nb,2026-07-02T10:00:00Z,3\nc,2026-07-03T10:00:00Z,\nd,2026-07-04T10:00:00Z,4.5\ne,2026-07-05T10:00:00Z,n/a\nf,2026-10-01T10:00:00Z,1\n` },
      asOf: '2026-12-01T00:00:00Z',
    });
    expect(e.breaches).toEqual([]);
    // SPEC §2: records are the values counted, gap = average - bound; no record is met or breached
    expect(e.gaps.map((g) => [g.period.key, g.average, g.records, g.gap, g.skipped, g.invalid, g.status])).toEqual([
      ['2026-Q3', 12.5 / 3, 3, 12.5 / 3 - 4, 1, 1, 'met'],
      ['2026-Q4', 1, 1, -3, 0, 0, 'at-risk'],
    ]);
    expect(e.gaps.map((g) => [g.met, g.breached, g.compliance, g.target])).toEqual([
      [undefined, undefined, undefined, undefined],
      [undefined, undefined, undefined, undefined],
    ]);
  });

  it('an average refuses a number too large to hold, with its line, and is not thrown by one', async () => {
    const files = registry(std('csat', '{ kind: average, at: closed, of: score, at_most: 5 }', '', 'right').replace('    target: 90%\n', ''));
    const e = await evaluate({ files, logs: { tickets: `id,closed,score\na,2026-07-01T10:00:00Z,4\nb,2026-07-02T10:00:00Z,1e999\nc,2026-07-03T10:00:00Z,5\n` }, asOf: '2026-12-01T00:00:00Z' });
    expect(e.invalid.map((i) => [i.line, i.record, i.code, i.args])).toEqual([[3, 'b', 'number-out-of-range', { column: 'score', text: '1e999' }]]);
    // at_most: gap = bound - average
    expect(e.gaps.map((g) => [g.average, g.records, g.gap, g.invalid, g.status])).toEqual([[4.5, 2, 0.5, 1, 'met']]);
  });

  it('an average of numbers whose sum is too large to hold is their mean, finite, and judged', async () => {
    const files = registry(std('amount', '{ kind: average, at: closed, of: amount, at_most: 1e307 }', '', 'right').replace('    target: 90%\n', ''));
    const e = await evaluate({
      files,
      logs: { tickets: `id,closed,amount\na,2026-07-01T10:00:00Z,1.5e308\nb,2026-07-02T10:00:00Z,1.5e308\nc,2026-07-03T10:00:00Z,1.5e308\nd,2026-10-01T10:00:00Z,-1.5e308\ne,2026-10-02T10:00:00Z,1.5e308\n` },
      asOf: '2026-12-01T00:00:00Z',
      batch: 1,
    });
    expect(e.gaps.map((g) => [g.period.key, g.average, g.records, g.status])).toEqual([
      ['2026-Q3', 1.5e308, 3, 'missed'],
      ['2026-Q4', 0, 2, 'on-track'],
    ]);
  });
});

describe('SPEC §6 nps', () => {
  const npsOf = async (scores: string[], atLeast = 0) => {
    const files = registry(std('nps', `{ kind: nps, at: closed, of: score, at_least: ${atLeast} }`, '', 'right').replace('    target: 90%\n', ''));
    const lines = scores.map((s, i) => `r${i},2026-07-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z,${s}`);
    return evaluate({ files, logs: { tickets: `id,closed,score\n${lines.join('\n')}\n` }, asOf: '2026-12-01T00:00:00Z' });
  };

  it.each([
    ['all promoters', ['9', '10', '10'], 100],
    ['all detractors', ['0', '3', '6'], -100],
    ['passives only', ['7', '8', '7'], 0],
    ['mixed: 3 promoters, 2 passives, 1 detractor of 6', ['10', '9', '9', '7', '8', '2'], (200 / 6)],
  ])('%s', async (_, scores, expected) => {
    const e = await npsOf(scores);
    expect(e.gaps.map((g) => [g.average, g.records, g.gap, g.met, g.breached, g.compliance, g.target, g.bound])).toEqual([
      [expected, scores.length, expected, undefined, undefined, undefined, undefined, { op: '≥', value: 0, nps: true }],
    ]);
  });

  it('judges the period against at_least; an empty cell is skipped, a cell not a whole 0–10 score invalid with its line', async () => {
    const e = await npsOf(['10', '', '7.5', '11', '-1', 'ten', '6', '9'], 30);
    expect(e.invalid.map((i) => [i.line, i.code, i.args])).toEqual([
      [4, 'nps-not-a-score', { column: 'score', text: '7.5' }],
      [5, 'nps-not-a-score', { column: 'score', text: '11' }],
      [6, 'nps-not-a-score', { column: 'score', text: '-1' }],
      [7, 'nps-not-a-score', { column: 'score', text: 'ten' }],
    ]);
    // 10, 6, 9: two promoters, one detractor of three
    expect(e.gaps.map((g) => [g.average, g.records, g.skipped, g.invalid, g.status])).toEqual([[100 / 3, 3, 1, 4, 'met']]);
    expect(e.gaps[0]?.gap).toBeCloseTo(100 / 3 - 30, 12);
    expect(e.breaches).toEqual([]);
  });

  it('is the same figure read in batches of one, the counts merged', async () => {
    const files = registry(std('nps', '{ kind: nps, at: closed, of: score, at_least: 50 }', '', 'right').replace('    target: 90%\n', ''));
    const e = await evaluate({ files, logs: { tickets: `id,closed,score\na,2026-07-01T10:00:00Z,10\nb,2026-07-02T10:00:00Z,0\nc,2026-07-03T10:00:00Z,9\nd,2026-07-04T10:00:00Z,8\n` }, asOf: '2026-12-01T00:00:00Z', batch: 1 });
    expect(e.gaps.map((g) => [g.average, g.gap, g.status])).toEqual([[25, -25, 'missed']]);
  });
});

describe('periods and status', () => {
  it('finished periods are met or missed, running ones on-track or at-risk', async () => {
    const files = registry(std('reply', '{ kind: duration, from: opened, to: replied, within: 1h }').replace('period: quarter', 'period: month'));
    const e = await evaluate({
      files,
      logs: { tickets: `id,opened,replied\na,2026-08-10T10:00:00Z,2026-08-10T10:30:00Z\nb,2026-09-10T10:00:00Z,2026-09-10T12:30:00Z\nc,2026-10-01T10:00:00Z,2026-10-01T10:30:00Z\nd,2026-11-01T10:00:00Z,2026-11-01T12:30:00Z\ne,2026-12-01T10:00:00Z,\n` },
      asOf: '2026-12-01T10:30:00Z',
    });
    expect(e.gaps.map((g) => [g.period.key, g.status])).toEqual([
      ['2026-08', 'met'],
      ['2026-09', 'missed'],
      ['2026-10', 'met'],
      ['2026-11', 'missed'],
      ['2026-12', 'no-data'],
    ]);
  });

  it('assigns a record to the period of its start in the registry timezone', async () => {
    const files = registry(std('reply', '{ kind: duration, from: opened, to: replied, within: 1h }'));
    // 22:30 UTC on 30 June is 00:30 on 1 July in Berlin: the third quarter
    const e = await evaluate({ files, logs: { tickets: `id,opened,replied\na,2026-06-30T22:30:00Z,2026-06-30T22:40:00Z\nb,2026-06-30T21:30:00Z,2026-06-30T21:40:00Z\n` }, asOf: '2026-10-01T00:00:00Z' });
    expect(e.gaps.map((g) => [g.period.key, g.records])).toEqual([
      ['2026-Q2', 1],
      ['2026-Q3', 1],
    ]);
  });
});

describe('business time', () => {
  const asOf = '2027-01-15T00:00:00Z';
  it('Nbd is due at the close of the N-th business day after the start day', async () => {
    const files = registry(std('answer', '{ kind: duration, from: opened, to: replied, within: 1bd, calendar: office }'));
    const e = await evaluate({
      files,
      logs: {
        tickets: `id,opened,replied
fri-ok,2026-07-03T15:00:00+02:00,2026-07-06T16:59:00+02:00
fri-late,2026-07-03T15:00:00+02:00,2026-07-06T17:00:01+02:00
sat-ok,2026-07-04T11:00:00+02:00,2026-07-06T16:00:00+02:00
xmas-eve,2026-12-23T16:00:00+01:00,2026-12-24T12:00:01+01:00
`,
      },
      asOf,
    });
    expect(outcomes(e)).toEqual({ 'fri-late': 'breached', 'xmas-eve': 'breached' });
    const late = e.breaches.find((b) => b.record === 'fri-late');
    expect(new Date(late?.dueMs ?? 0).toISOString()).toBe('2026-07-06T15:00:00.000Z');
    expect(late?.overSeconds).toBe(1);
    // the open time the allowance gave: 2 h on Friday and 7 h on Monday
    expect(late?.limitSeconds).toBe(9 * 3600);
    const eve = e.breaches.find((b) => b.record === 'xmas-eve');
    // 24 December closes at 12:00 (a shortened day)
    expect(new Date(eve?.dueMs ?? 0).toISOString()).toBe('2026-12-24T11:00:00.000Z');
  });

  it('hours on a calendar count open time only', async () => {
    const files = registry(std('answer', '{ kind: duration, from: opened, to: replied, within: 4h, calendar: office }'));
    const e = await evaluate({
      files,
      logs: { tickets: `id,opened,replied\nover-lunch,2026-07-01T10:00:00+02:00,2026-07-01T15:00:00+02:00\nlunch-is-closed,2026-07-01T16:00:00+02:00,2026-07-02T12:59:59+02:00\nover-night,2026-07-01T16:00:00+02:00,2026-07-02T13:00:01+02:00\n` },
      asOf,
    });
    expect(outcomes(e)).toEqual({ 'over-night': 'breached' });
    const b = e.breaches[0];
    expect(b).toMatchObject({ elapsedSeconds: 4 * 3600 + 1, limitSeconds: 4 * 3600, overSeconds: 1 });
    expect(e.gaps[0]).toMatchObject({ met: 2, p50Seconds: 4 * 3600, p90Seconds: 4 * 3600 + 1 });
  });
});

describe('keys and rows', () => {
  it('repeated keys are reported and each occurrence counted; unreadable rows are invalid for every standard', async () => {
    const files = registry(
      std('reply', '{ kind: duration, from: opened, to: replied, within: 1h }') + std('closed', '{ kind: condition, at: opened, expect: { replied: { empty: false } } }', '', 'right'),
    );
    const e = await evaluate({ files, logs: { tickets: [`id,opened,replied\na,2026-07-01T10:00:00Z,2026-07-01T10:30:00Z\nb,2026-07-01T10:00:00Z,`, `id,opened,replied\na,2026-07-02T10:00:00Z,2026-07-02T10:30:00Z`] }, asOf: '2026-10-01T00:00:00Z' });
    expect(e.duplicates).toEqual([{ source: 'tickets', record: 'a', file: 'logs/tickets-2.csv', line: 2, firstFile: 'logs/tickets-1.csv', firstLine: 2 }]);
    expect(e.sources[0]).toMatchObject({ files: 2, rows: 3, duplicateKeys: 1 });
    expect(e.gaps.find((g) => g.standard === 'reply')).toMatchObject({ records: 3, met: 2, pending: 0, breached: 1 });
  });
});

describe('midnights the clocks skip', () => {
  // America/Sao_Paulo moved its clocks from 00:00 to 01:00 on 15 October 2017
  const files = {
    ...registry(std('deliver', '{ kind: deadline, start: ordered, done: delivered, due: estimate, due_is_date: true }')),
    'promise.yaml': 'version: 1\nname: Test Registry\ntimezone: America/Sao_Paulo\n',
  };
  it('a due date whose next midnight does not exist ends at the jump; a due time that does not exist is ignored with due_is_date', async () => {
    const e = await evaluate({
      files,
      logs: {
        tickets: `id,ordered,delivered,estimate
on-time,2017-10-10 10:00:00,2017-10-14 23:59:59,2017-10-14
at-jump,2017-10-10 10:00:00,2017-10-15 01:00:00,2017-10-14 00:00:00
skipped-midnight,2017-10-10 10:00:00,2017-10-15 20:00:00,2017-10-15 00:00:00
`,
      },
      asOf: '2017-11-01T00:00:00Z',
    });
    expect(outcomes(e)).toEqual({ 'at-jump': 'breached' });
    const late = e.breaches[0];
    expect(new Date(late?.dueMs ?? 0).toISOString()).toBe('2017-10-15T03:00:00.000Z');
    expect(e.gaps[0]).toMatchObject({ met: 2, breached: 1, invalid: 0 });
  });
});

describe('a header that names a column twice', () => {
  const files = registry(std('reply', '{ kind: duration, from: opened, to: replied, within: 1h }'));
  it('is refused when a standard reads that name (check reports it), never read as its first column', async () => {
    await expect(evaluate({ files, logs: { tickets: 'id,opened,replied,opened\na,2026-07-01T10:00:00Z,2026-07-01T10:30:00Z,2026-07-01T08:00:00Z\n' }, asOf: '2026-10-01T00:00:00Z' })).rejects.toThrow(/"opened" is not in the header, or is there more than once/);
    await expect(evaluate({ files, logs: { tickets: 'id,opened,replied,id\na,2026-07-01T10:00:00Z,2026-07-01T10:30:00Z,b\n' }, asOf: '2026-10-01T00:00:00Z' })).rejects.toThrow(/key column "id" is in the header more than once/);
  });

  it('is read as usual when nothing reads that name', async () => {
    const e = await evaluate({ files, logs: { tickets: 'id,opened,replied,note,note\na,2026-07-01T10:00:00Z,2026-07-01T10:30:00Z,x,y\n' }, asOf: '2026-10-01T00:00:00Z' });
    expect(e.gaps[0]).toMatchObject({ records: 1, met: 1 });
  });
});

describe('local times on a clock change (SPEC §1)', () => {
  const files = registry(std('reply', '{ kind: duration, from: opened, to: replied, within: 1h }'));
  it('judges a time the clocks skip as moved forward by the gap, one shown twice as the earlier, and counts both as notes', async () => {
    const e = await evaluate({
      files,
      logs: {
        tickets: `id,opened,replied
spring,2026-03-29 02:30:00,2026-03-29 03:40:00
autumn,2026-10-25 02:30:00,2026-10-25 03:10:00
plain,2026-07-01 10:00:00,2026-07-01 10:30:00
`,
      },
      asOf: '2026-12-01T00:00:00Z',
      batch: 1,
    });
    expect(e.invalid).toEqual([]);
    // 02:30 is 03:30 CEST, 10 minutes before the reply; 02:30 is 02:30 CEST, 100 minutes before 03:10 CET
    expect(outcomes(e)).toEqual({ autumn: 'breached' });
    expect(e.breaches[0]).toMatchObject({ record: 'autumn', startMs: Date.parse('2026-10-25T00:30:00Z'), elapsedSeconds: 6000 });
    expect(e.gaps.map((g) => [g.period.key, g.met, g.breached])).toEqual([
      ['2026-Q1', 1, 0],
      ['2026-Q3', 1, 0],
      ['2026-Q4', 0, 1],
    ]);
    expect(e.sources[0]).toMatchObject({ rows: 3, invalid: 0, dstGapTimes: 1, dstOverlapTimes: 1 });
  });
});
