import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../../src/engine/calendar.js';
import { classify, planFile, planStandard, type Trace, type TraceStep } from '../../src/engine/classify.js';
import { columnIndex } from '../../src/engine/evaluate.js';
import { RowView } from '../../src/engine/row-view.js';
import { createTimestampReader } from '../../src/logs/timestamp-reader.js';
import { load } from '../helpers/memory-reader.js';

const FILES = {
  'owners.yaml': 'owners:\n  - { id: support, name: Support, kind: team }\n',
  'calendars.yaml': `calendars:
  - id: office
    hours: { weekdays: ["09:00-12:00", "13:00-17:00"] }
    holidays: [{ date: 2026-10-05, name: Staff Day }, { date: 2026-12-24, hours: "09:00-12:00" }]
`,
  'sources.yaml': 'sources:\n  - { id: tickets, files: logs/*.csv, key: id }\n',
  'promises.yaml': 'promises:\n  - { id: p, statement: We help., dimension: responsiveness, owner: support }\n',
  'standards.yaml': `standards:
  - { id: wall, promise: p, source: tickets, where: { channel: email, priority: [P1, P2] }, measure: { kind: duration, from: opened, to: closed, within: 4h }, target: 90%, period: month, warn_at: 50% }
  - { id: by-priority, promise: p, source: tickets, measure: { kind: duration, from: opened, to: closed, per: priority, within: { P1: 1h, P2: 8h } }, target: 90%, period: month }
  - { id: next-day, promise: p, source: tickets, measure: { kind: duration, from: opened, to: closed, within: 1bd, calendar: office }, target: 90%, period: quarter }
  - { id: open-hours, promise: p, source: tickets, measure: { kind: duration, from: opened, to: closed, within: 6h, calendar: office, paused: waited }, target: 90%, period: quarter }
  - { id: on-time, promise: p, source: tickets, measure: { kind: deadline, done: closed, due: due, grace: 30m }, target: 90%, period: month }
  - { id: rated, promise: p, source: tickets, where: { csat: { gte: 1 } }, measure: { kind: condition, at: opened, expect: { csat: { gte: 4 } } }, target: 80%, period: quarter }
  - { id: mean, promise: p, source: tickets, measure: { kind: average, at: opened, of: csat, at_least: 3.5 }, period: month }
`,
};

const HEADER = ['id', 'opened', 'closed', 'due', 'waited', 'channel', 'priority', 'csat'];
const AS_OF = Date.parse('2026-11-16T08:00:00Z');

interface Row {
  opened?: string;
  closed?: string;
  due?: string;
  waited?: string;
  channel?: string;
  priority?: string;
  csat?: string;
}

/** Classifies one row under one standard, with a trace; the registry's zone (Europe/Berlin) reads local times. */
async function decide(standardId: string, row: Row, asOf = AS_OF) {
  const { registry } = await load(FILES);
  const standard = registry.standards.find((s) => s.id === standardId);
  if (standard === undefined) throw new Error(`no standard ${standardId}`);
  const calendars = new Map(registry.calendars.map((c) => [c.id, compileCalendar(c)]));
  const plan = planStandard(standard, calendars, registry.settings.timezone, registry.settings.fiscalYearStart);
  planFile(plan, columnIndex(HEADER));
  const view = new RowView(HEADER.length, createTimestampReader(registry.settings.timezone));
  const r: Record<string, string | undefined> = { ...row };
  view.load(HEADER.map((h) => (h === 'id' ? 'T1' : (r[h] ?? ''))), 2);
  const trace: Trace = { steps: [] };
  const c = classify(plan, view, asOf, trace);
  // the same decision without a trace
  const quiet = { ...classify(plan, view, asOf), judgement: { ...plan.result.judgement } };
  const j = c.judgement;
  return { disposition: c.disposition, reason: c.reason ?? j.reason, period: c.period?.key, outcome: c.disposition === 'judged' ? j.outcome : undefined, j, quiet, steps: trace.steps };
}

const step = <K extends TraceStep['step']>(steps: TraceStep[], name: K) => steps.find((s): s is Extract<TraceStep, { step: K }> => s.step === name);

describe('classify: dispositions', () => {
  it.each([
    ['where decides on its first key', 'wall', { opened: '2026-10-01T08:00:00Z', channel: 'phone', priority: 'P1' }, 'channel'],
    ['where decides on a later key', 'wall', { opened: '2026-10-01T08:00:00Z', channel: 'email', priority: 'P3' }, 'priority'],
  ])('out of scope: %s, and the trace names the cell it read', async (_, id, row, column) => {
    const d = await decide(id, row);
    expect(d.disposition).toBe('out-of-scope');
    const where = step(d.steps, 'where');
    expect(where?.verdict).toBe(false);
    expect(where?.tests.at(-1)?.column).toBe(column);
    expect(where?.tests.at(-1)?.cell).toBe(row[column as 'channel']);
  });

  it('out of scope: a per value the map does not name, without a default', async () => {
    const d = await decide('by-priority', { opened: '2026-10-01T08:00:00Z', priority: 'P3' });
    expect(d.disposition).toBe('out-of-scope');
    expect(step(d.steps, 'per')).toMatchObject({ column: 'priority', value: 'P3', limit: undefined });
    const named = await decide('by-priority', { opened: '2026-10-01T08:00:00Z', closed: '2026-10-01T08:30:00Z', priority: 'P1' });
    expect(step(named.steps, 'per')).toMatchObject({ value: 'P1', limit: '1h', byDefault: false });
    expect(named.outcome).toBe('met');
  });

  it('future: a start after as_of is not evaluated', async () => {
    const d = await decide('by-priority', { opened: '2026-11-20T08:00:00Z', priority: 'P1' });
    expect(d.disposition).toBe('future');
    expect(d.period).toBeUndefined();
  });

  it.each([
    ['start-empty', 'by-priority', { priority: 'P1' }, { column: 'opened' }, undefined],
    ['not-a-timestamp', 'by-priority', { opened: '01/10/2026', priority: 'P1' }, { column: 'opened', text: '01/10/2026', format: undefined }, undefined],
    ['not-a-real-time', 'by-priority', { opened: '2026-02-30 10:00', priority: 'P1' }, { column: 'opened', text: '2026-02-30 10:00' }, undefined],
    ['where-undecidable', 'rated', { opened: '2026-10-01T08:00:00Z', csat: 'great' }, { problem: { code: 'compare-not-a-number', args: { column: 'csat', text: 'great', op: 'gte', value: 1 } } }, undefined],
    ['end-before-start', 'by-priority', { opened: '2026-10-01T08:00:00Z', closed: '2026-10-01T07:00:00Z', priority: 'P1' }, { end: 'closed', start: 'opened' }, '2026-10'],
    ['pause-not-a-number', 'open-hours', { opened: '2026-10-01T08:00:00Z', closed: '2026-10-01T09:00:00Z', waited: 'soon' }, { column: 'waited', text: 'soon' }, '2026-Q4'],
    ['pause-out-of-range', 'open-hours', { opened: '2026-10-01T08:00:00Z', waited: '1e999' }, { column: 'waited', text: '1e999' }, '2026-Q4'],
    ['not-a-timestamp', 'on-time', { due: 'x' }, { column: 'due', text: 'x', format: undefined }, undefined],
    ['not-a-number', 'mean', { opened: '2026-10-01T08:00:00Z', csat: 'four' }, { column: 'csat', text: 'four' }, '2026-10'],
    ['number-out-of-range', 'mean', { opened: '2026-10-01T08:00:00Z', csat: '1e999' }, { column: 'csat', text: '1e999' }, '2026-10'],
  ])('invalid: %s, with its arguments', async (code, id, row, args, period) => {
    const d = await decide(id, row as Row);
    expect(d.reason).toEqual({ code, args });
    expect(d.period).toBe(period);
    expect(d.disposition === 'invalid' || d.outcome === 'invalid').toBe(true);
    expect(step(d.steps, 'disposition')?.reason?.code).toBe(code);
  });

  it('skipped without a period: a deadline with no start column and no due', async () => {
    const d = await decide('on-time', { closed: '2026-10-01T08:00:00Z' });
    expect(d.disposition).toBe('skipped');
    expect(step(d.steps, 'cells')?.cells).toEqual([{ column: 'due', cell: '' }]);
  });

  it('skipped in its period: an average whose value is empty', async () => {
    const d = await decide('mean', { opened: '2026-10-01T08:00:00Z' });
    expect([d.disposition, d.outcome, d.period]).toEqual(['judged', 'skipped', '2026-10']);
  });
});

describe('classify: outcomes', () => {
  it.each([
    ['met', { closed: '2026-10-01T11:00:00Z' }, 'met', 3 * 3600, -3600],
    ['breached, done late', { closed: '2026-10-01T13:00:00Z' }, 'breached', 5 * 3600, 3600],
    ['breached, open past its limit', {}, 'breached', AS_OF / 1000 - Date.parse('2026-10-01T08:00:00Z') / 1000, AS_OF / 1000 - Date.parse('2026-10-01T12:00:00Z') / 1000],
  ])('wall-clock duration: %s', async (_, row, outcome, elapsed, over) => {
    const d = await decide('wall', { opened: '2026-10-01T08:00:00Z', channel: 'email', priority: 'P1', ...row });
    expect(d.outcome).toBe(outcome);
    expect(d.j.elapsedMs / 1000).toBe(elapsed);
    expect(d.j.overMs / 1000).toBe(over);
    expect(d.period).toBe('2026-10');
    expect(d.quiet.disposition).toBe(d.disposition);
    expect(d.quiet.judgement.outcome).toBe(d.outcome);
  });

  it.each([
    ['pending', '2026-11-16T07:00:00Z', 'pending'],
    ['at risk past warn_at', '2026-11-16T05:30:00Z', 'at_risk'],
  ])('open and within its limit: %s', async (_, opened, outcome) => {
    const d = await decide('wall', { opened, channel: 'email', priority: 'P2' });
    expect(d.outcome).toBe(outcome);
    expect(step(d.steps, 'end')?.state).toBe('empty');
  });

  it('an end after as_of is not there yet: open', async () => {
    const d = await decide('wall', { opened: '2026-11-16T07:00:00Z', closed: '2026-11-16T09:00:00Z', channel: 'email', priority: 'P2' });
    expect(d.outcome).toBe('pending');
    expect(step(d.steps, 'end')?.state).toBe('after-as-of');
  });

  it('a condition: met, breached, and the expect tests it ran', async () => {
    const met = await decide('rated', { opened: '2026-10-01T08:00:00Z', csat: '5' });
    const breached = await decide('rated', { opened: '2026-10-01T08:00:00Z', csat: '2' });
    expect([met.outcome, breached.outcome]).toEqual(['met', 'breached']);
    expect(step(breached.steps, 'expect')).toMatchObject({ verdict: false, tests: [{ column: 'csat', cell: '2' }] });
  });

  it('a deadline written as a date is due by the end of that day, plus grace', async () => {
    const d = await decide('on-time', { due: '2026-10-02', closed: '2026-10-02T21:00:00Z' });
    // Europe/Berlin: the end of 2 October is 22:00 UTC, grace 30 minutes
    expect(d.j.dueMs).toBe(Date.parse('2026-10-02T22:30:00Z'));
    expect(d.outcome).toBe('met');
    expect(step(d.steps, 'due')).toMatchObject({ endOfDay: true, grace: '30m' });
  });
});

describe('classify: time as read', () => {
  it('a local start in the spring-forward gap is read with the offset before the jump, and the trace says so', async () => {
    const d = await decide('by-priority', { opened: '2026-03-29 02:30:00', closed: '2026-03-29 03:45:00', priority: 'P1' });
    const start = step(d.steps, 'start');
    expect(start?.reading).toMatchObject({ zone: 'Europe/Berlin', clockNote: 1, offset: 60, writtenOffset: undefined });
    expect(start?.reading.ms).toBe(Date.parse('2026-03-29T01:30:00Z'));
    // 02:30 (read as 03:30) to 03:45 is 15 minutes
    expect(d.j.elapsedMs).toBe(15 * 60_000);
  });

  it('a local time shown twice in the autumn is the earlier, noted; an offset written is used as written', async () => {
    const d = await decide('by-priority', { opened: '2026-10-25 02:30:00', closed: '2026-10-25T03:00:00+01:00', priority: 'P1' });
    expect(step(d.steps, 'start')?.reading).toMatchObject({ clockNote: 2, offset: 120 });
    expect(step(d.steps, 'end')?.reading).toMatchObject({ writtenOffset: 60, clockNote: 0 });
    expect(d.j.elapsedMs).toBe(90 * 60_000);
  });
});

describe('classify: calendars', () => {
  it('a business day across a weekend and a holiday: the days skipped, the open intervals counted, the due', async () => {
    // Friday 2 October after hours; Saturday and Sunday closed; Monday 5 October a holiday: due Tuesday's close
    const d = await decide('next-day', { opened: '2026-10-02 16:00', closed: '2026-10-07 10:00' });
    expect(d.outcome).toBe('breached');
    expect(d.j.dueMs).toBe(Date.parse('2026-10-06T15:00:00Z'));
    const cal = step(d.steps, 'calendar');
    expect(cal?.days.map((day) => [day.date, day.closed, day.holiday])).toEqual([
      ['2026-10-02', false, false],
      ['2026-10-03', true, false],
      ['2026-10-04', true, false],
      ['2026-10-05', true, true],
      ['2026-10-06', false, false],
      ['2026-10-07', false, false],
    ]);
    expect(cal?.days[3]?.name).toBe('Staff Day');
    // the open time listed is the open time counted: 1h Friday, 7h Tuesday, 1h Wednesday
    expect(cal?.openMs).toBe(9 * 3600_000);
    expect(cal?.openMs).toBe(d.j.elapsedMs);
    expect(step(d.steps, 'limit')).toMatchObject({ limit: '1bd', businessDays: 1, dueMs: d.j.dueMs });
  });

  it('open hours less the pause, on a shortened holiday', async () => {
    const d = await decide('open-hours', { opened: '2026-12-23 15:00', closed: '2026-12-24 11:00', waited: '30' }, Date.parse('2027-01-10T00:00:00Z'));
    const cal = step(d.steps, 'calendar');
    // 23 Dec 15:00-17:00, 24 Dec (shortened to 09:00-12:00) 09:00-11:00
    expect(cal?.days.map((day) => [day.date, day.holiday, day.open.length])).toEqual([['2026-12-23', false, 1], ['2026-12-24', true, 1]]);
    expect(cal?.openMs).toBe(4 * 3600_000);
    expect(d.j.elapsedMs).toBe(3.5 * 3600_000);
    expect(d.outcome).toBe('met');
    expect(step(d.steps, 'paused')).toMatchObject({ minutes: 30 });
    // 6h and the 30m paused: 2h on the 23rd, 3h on the 24th, then 1h 30m on Friday the 25th
    expect(step(d.steps, 'limit')?.dueMs).toBe(Date.parse('2026-12-25T09:30:00Z'));
  });
});
