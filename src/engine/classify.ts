/**
 * The decision about one record under one standard (SPEC §1-§2), apart from any counting: out of
 * its scope, dated in the future, invalid without a period, skipped without a period, or judged
 * in a period with its outcome. The evaluation counts what this decides; `promise explain` asks
 * the same function with a trace, which collects how the decision was reached.
 *
 * The hot loop calls `classify` without a trace: then it allocates nothing (the result is one
 * object per standard, reused) and every step of the trace is behind one `undefined` check.
 */
import type { InvalidReason, PeriodRef } from '../model/evaluation.js';
import type { TimestampReading } from '../model/cells.js';
import { kindOf, type Limits, type MeasureKind } from '../plan/measure-kinds.js';
import type { Duration } from '../registry/duration.js';
import type { Measure, Standard } from '../registry/model.js';
import { addOpenSeconds, calendarDays, type BusinessCalendar, type CalendarDay } from './calendar.js';
import { compileRowCondition, parseNumber, type RowCondition, type TestRun, type Verdict } from './condition.js';
import { emptyJudgement, judgeAverage, judgeCondition, judgeDeadline, judgeDuration, judgeNps, type Judgement, type MeasurePlan } from './measures.js';
import { PeriodFinder } from './period.js';
import type { RowView } from './row-view.js';

/** What became of a record under a standard. */
export type Disposition = 'out-of-scope' | 'future' | 'invalid' | 'skipped' | 'judged';

interface Classification {
  disposition: Disposition;
  /** `invalid`: why (a record judged invalid in its period has the reason in `judgement`) */
  reason: InvalidReason | undefined;
  /** the start instant; NaN when the start was not read */
  startMs: number;
  /** `judged`: the period of its start */
  period: PeriodRef | undefined;
  /** `judged`: the outcome and its figures */
  judgement: Judgement;
}

/** The per-file part of a standard: its columns' positions in this file's header. */
interface FilePlan {
  where: RowCondition | undefined;
  start: number;
  measure: MeasurePlan;
  /** SPEC §2 `skipped`: the columns whose emptiness leaves nothing to judge (all of them empty) */
  judged: number[];
  judgedNames: string[];
}

/** A standard compiled for classifying: what does not depend on a file, and the current file's columns. */
export interface StandardPlan {
  readonly standard: Standard;
  readonly kind: MeasureKind;
  /** the measure's kind, read once (see MeasurePlan) */
  readonly measureKind: Measure['kind'];
  readonly startName: string;
  readonly limits: Limits | undefined;
  /** a small `per` map's values, tried in turn on the cell in place (RowView.indexOf), and their limits */
  readonly perValues: readonly string[] | undefined;
  readonly perLimits: readonly Duration[];
  readonly calendar: BusinessCalendar | undefined;
  readonly finder: PeriodFinder;
  /** set by `planFile` for each file's header */
  file: FilePlan | undefined;
  /** the result of the last `classify`, reused */
  readonly result: Classification;
}

export function planStandard(standard: Standard, calendars: ReadonlyMap<string, BusinessCalendar>, timezone: string, fiscalYearStart: number): StandardPlan {
  const kind = kindOf(standard.measure);
  const calendar = kind.calendar(standard.measure);
  const limits = kind.limits(standard.measure);
  const byValue = limits === undefined ? [] : [...limits.byValue];
  return {
    standard,
    kind,
    measureKind: standard.measure.kind,
    startName: kind.startColumn(standard.measure),
    limits,
    perValues: byValue.length <= SMALL_MAP ? byValue.map(([value]) => value) : undefined,
    perLimits: byValue.length <= SMALL_MAP ? byValue.map(([, limit]) => limit) : [],
    calendar: calendar === undefined ? undefined : calendars.get(calendar),
    finder: new PeriodFinder(standard.period, timezone, fiscalYearStart),
    file: undefined,
    result: { disposition: 'out-of-scope', reason: undefined, startMs: Number.NaN, period: undefined, judgement: emptyJudgement() },
  };
}

/** Compiles a standard against one file's header (column positions by name; a repeated name is absent). */
export function planFile(plan: StandardPlan, columns: ReadonlyMap<string, number>): void {
  const s = plan.standard;
  const m = s.measure;
  const at = (name: string | undefined): number => {
    if (name === undefined) return -1;
    const index = columns.get(name);
    if (index === undefined) throw new RangeError(`column "${name}" is not in the header, or is there more than once`);
    return index;
  };
  const own = plan.kind.columns(m);
  const role = (r: string): number => at(own.find((c) => c.role === r)?.column);
  const expect = m.kind === 'condition' ? m.expect : undefined;
  const expectColumns = new Set<number>();
  const measure: MeasurePlan = {
    measure: m,
    calendar: plan.calendar,
    warnAt: s.warn_at,
    end: role('end'),
    due: role('due'),
    paused: role('paused'),
    per: role('per'),
    of: role('of'),
    expect: expect === undefined ? undefined : compileRowCondition(expect, columns, expectColumns),
    expectColumns: [...expectColumns],
    endName: m.kind === 'duration' ? m.to : m.kind === 'deadline' ? m.done : '',
    dueIsDate: m.kind === 'deadline' && m.due_is_date === true,
    graceMs: m.kind === 'deadline' && m.grace?.kind === 'time' ? Math.round(m.grace.seconds * 1000) : 0,
    ofName: m.kind === 'average' || m.kind === 'nps' ? m.of : '',
  };
  const skippedBy = plan.kind.skippedWhenEmpty;
  const judged = skippedBy === undefined ? [] : skippedBy === 'expect' ? measure.expectColumns : [role(skippedBy)];
  const names = new Map([...columns].map(([name, index]) => [index, name]));
  plan.file = {
    where: s.where === undefined ? undefined : compileRowCondition(s.where, columns),
    start: at(plan.startName),
    measure,
    judged,
    judgedNames: judged.map((index) => names.get(index) ?? ''),
  };
}

/** Decides one row. The result is the plan's own object: read it before the next call. */
export function classify(plan: StandardPlan, row: RowView, asOfMs: number, trace?: Trace): Classification {
  const file = plan.file as FilePlan;
  const out = plan.result;
  out.reason = undefined;
  out.startMs = Number.NaN;
  out.period = undefined;
  if (file.where !== undefined) {
    const tests = trace === undefined ? undefined : [];
    const inScope = file.where(row, tests);
    if (trace !== undefined) trace.steps.push({ step: 'where', tests: tests as TestRun[], verdict: inScope });
    if (typeof inScope === 'object') {
      // SPEC §1: a record whose `where` cannot be decided is invalid and in no period.
      return invalid(out, { code: 'where-undecidable', args: { problem: inScope } }, trace);
    }
    if (!inScope) return decided(out, 'out-of-scope', trace);
  }
  let limit: Duration | undefined;
  const limits = plan.limits;
  if (limits !== undefined) {
    limit = limits.single;
    if (limit === undefined) {
      // SPEC §1: without a `default`, a value the map does not name is outside the standard's scope.
      const named = limitOf(plan, row, file.measure.per);
      limit = named ?? limits.fallback;
      if (trace !== undefined) trace.steps.push({ step: 'per', column: plan.kind.perColumn(plan.standard.measure) ?? '', value: row.trimmed(file.measure.per), limit: limit?.text, byDefault: named === undefined && limit !== undefined });
      if (limit === undefined) return decided(out, 'out-of-scope', trace);
    }
  }
  const status = row.time(file.start);
  if (status !== 'time' && status !== 'date' && nothingToJudge(file, row)) {
    // Nothing to judge and no date to file it under (an open ticket not yet rated, a deadline
    // with no due): skipped, not a data error.
    if (trace !== undefined) traceCells(trace, plan, row);
    return decided(out, 'skipped', trace);
  }
  if (status === 'empty') return invalid(out, { code: 'start-empty', args: { column: plan.startName } }, trace);
  if (status === 'bad') return invalid(out, row.badTime(file.start, plan.startName), trace);
  const startMs = row.value(file.start);
  out.startMs = startMs;
  if (trace !== undefined) trace.steps.push({ step: 'start', column: plan.startName, cell: row.cell(file.start), reading: row.explain(file.start) });
  if (startMs > asOfMs) return decided(out, 'future', trace);
  out.period = plan.finder.find(startMs);
  const j = out.judgement;
  switch (plan.measureKind) {
    case 'duration':
      judgeDuration(file.measure, limit as Duration, row, startMs, asOfMs, j);
      break;
    case 'deadline':
      judgeDeadline(file.measure, row, startMs, asOfMs, j);
      break;
    case 'condition':
      judgeCondition(file.measure, row, j);
      break;
    case 'average':
      judgeAverage(file.measure, row, j);
      break;
    case 'nps':
      judgeNps(file.measure, row, j);
      break;
  }
  if (trace !== undefined) traceJudgement(trace, plan, row, startMs, asOfMs, limit);
  return decided(out, 'judged', trace);
}

/** Maps up to this many values are looked up value by value in the cell itself; larger ones by a string. */
const SMALL_MAP = 8;

/** The limit a `per` map names for the row's cell; undefined when it names none. */
function limitOf(plan: StandardPlan, row: RowView, column: number): Duration | undefined {
  const values = plan.perValues;
  if (values === undefined) return (plan.limits as Limits).byValue.get(row.trimmed(column));
  const index = row.indexOf(column, values);
  return index < 0 ? undefined : plan.perLimits[index];
}

function decided(out: Classification, disposition: Disposition, trace: Trace | undefined): Classification {
  out.disposition = disposition;
  if (trace !== undefined) trace.steps.push({ step: 'disposition', disposition, period: out.period?.key, outcome: disposition === 'judged' ? out.judgement.outcome : undefined, reason: disposition === 'judged' ? out.judgement.reason : out.reason });
  return out;
}

function invalid(out: Classification, reason: InvalidReason, trace: Trace | undefined): Classification {
  out.reason = reason;
  return decided(out, 'invalid', trace);
}

function nothingToJudge(file: FilePlan, row: RowView): boolean {
  const judged = file.judged;
  if (judged.length === 0) return false;
  for (let i = 0; i < judged.length; i++) if (!row.isBlank(judged[i] as number)) return false;
  return true;
}

/** One step of how a record was decided, as data; report/explain/ puts each in words. */
export type TraceStep =
  /** the `where` tests run, in order (the last one decided), and the verdict */
  | { step: 'where'; tests: TestRun[]; verdict: Verdict }
  /** the `per` cell and the limit it selected (undefined: none, so out of scope) */
  | { step: 'per'; column: string; value: string; limit: string | undefined; byDefault: boolean }
  | { step: 'start'; column: string; cell: string; reading: TimestampReading }
  /** the end (`to`, `done`) cell; `state`: how it counted */
  | { step: 'end'; column: string; cell: string; reading: TimestampReading | undefined; state: 'done' | 'empty' | 'after-as-of' | 'bad' }
  | { step: 'due'; column: string; cell: string; reading: TimestampReading | undefined; endOfDay: boolean; grace: string | undefined; dueMs: number }
  | { step: 'paused'; column: string; cell: string; minutes: number | undefined }
  /** open time counted on a calendar from the start to the end (or as_of), day by day */
  | { step: 'calendar'; calendar: string; zone: string; days: CalendarDay[]; more: number; openMs: number }
  /** the allowance: `dueMs` is when it runs out (a business-day limit: the close of that day), later by the pause */
  | { step: 'limit'; limit: string; limitMs: number; dueMs: number; businessDays: number | undefined; pausedMs: number }
  | { step: 'expect'; tests: TestRun[]; verdict: Verdict }
  | { step: 'value'; column: string; cell: string; value: number | undefined }
  | { step: 'cells'; cells: { column: string; cell: string }[] }
  | { step: 'disposition'; disposition: Disposition; period: string | undefined; outcome: Judgement['outcome'] | undefined; reason: InvalidReason | undefined };

/** Collects the steps of one `classify`. */
export interface Trace {
  steps: TraceStep[];
}

/** Days of a calendar an explanation lists at most. */
const MAX_TRACED_DAYS = 62;

/** The cells of a record skipped without a date: what was empty. */
function traceCells(trace: Trace, plan: StandardPlan, row: RowView): void {
  const file = plan.file as FilePlan;
  trace.steps.push({ step: 'cells', cells: file.judged.map((index, i) => ({ column: file.judgedNames[i] ?? '', cell: row.cell(index) })) });
}

/** The steps of a judgement: the cells it read, as it read them, and the allowance. */
function traceJudgement(trace: Trace, plan: StandardPlan, row: RowView, startMs: number, asOfMs: number, limit: Duration | undefined): void {
  const file = plan.file as FilePlan;
  const mp = file.measure;
  const m = plan.standard.measure;
  const j = plan.result.judgement;
  const end = (column: string, index: number): void => {
    const status = row.time(index);
    const reading = status === 'empty' ? undefined : row.explain(index);
    const state = status === 'empty' ? 'empty' : status === 'bad' ? 'bad' : row.value(index) > asOfMs ? 'after-as-of' : 'done';
    trace.steps.push({ step: 'end', column, cell: row.cell(index), reading, state });
  };
  switch (m.kind) {
    case 'duration': {
      end(m.to, mp.end);
      let pausedMs = 0;
      if (m.paused !== undefined) {
        const text = row.trimmed(mp.paused);
        const minutes = text === '' ? 0 : parseNumber(text);
        pausedMs = (minutes ?? 0) * 60_000;
        trace.steps.push({ step: 'paused', column: m.paused, cell: row.cell(mp.paused), minutes });
      }
      if (j.outcome === 'invalid' || limit === undefined) return;
      const cal = mp.calendar;
      const stop = Number.isNaN(j.endMs) ? asOfMs : j.endMs;
      if (cal !== undefined) {
        const { days, more } = calendarDays(cal, startMs, stop, MAX_TRACED_DAYS);
        const openMs = days.reduce((n, d) => n + d.open.reduce((k, o) => k + o.endMs - o.startMs, 0), 0);
        trace.steps.push({ step: 'calendar', calendar: cal.id, zone: cal.zone, days, more, openMs });
      }
      let due = j.dueMs;
      // the engine looks for the due of a calendar's h/m/s limit only when a breach list shows it
      if (Number.isNaN(due) && cal !== undefined && limit.kind === 'time') due = addOpenSeconds(cal, startMs, (j.limitMs + pausedMs) / 1000);
      trace.steps.push({ step: 'limit', limit: limit.text, limitMs: j.limitMs, dueMs: due, businessDays: limit.kind === 'business-days' ? limit.days : undefined, pausedMs });
      return;
    }
    case 'deadline': {
      const dueCell = row.cell(mp.due);
      const byDate = m.due_is_date === true || (row.time(mp.due) === 'date');
      trace.steps.push({ step: 'due', column: m.due, cell: dueCell, reading: dueCell.trim() === '' ? undefined : row.explain(mp.due), endOfDay: byDate, grace: m.grace?.text, dueMs: j.dueMs });
      if (j.outcome === 'skipped') return;
      end(m.done, mp.end);
      return;
    }
    case 'condition': {
      const tests: TestRun[] = [];
      const verdict = j.outcome === 'skipped' ? false : (mp.expect as RowCondition)(row, tests);
      trace.steps.push({ step: 'expect', tests, verdict });
      return;
    }
    case 'average':
    case 'nps': {
      const text = row.trimmed(mp.of);
      trace.steps.push({ step: 'value', column: m.of, cell: row.cell(mp.of), value: text === '' ? undefined : parseNumber(text) });
      return;
    }
  }
}
