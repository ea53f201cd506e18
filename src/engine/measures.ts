/**
 * One function per measure kind (SPEC §1 table, §2 outcomes): given a row already in the
 * standard's scope and dated, decide its outcome. Pure arithmetic on instants; the cells come
 * through a RowView that parses each timestamp cell at most once per row.
 */
import type { InvalidReason } from '../model/evaluation.js';
import type { Duration } from '../registry/duration.js';
import type { Measure } from '../registry/model.js';
import { addOpenSeconds, closeOfBusinessDay, openSeconds, type BusinessCalendar } from './calendar.js';
import type { RowCondition } from './condition.js';
import { isOutOfRange, parseNumber } from './condition.js';
import type { RowView } from './row-view.js';

/** The outcome of a dated record and what a breach list or the percentiles need from it. */
export interface Judgement {
  outcome: 'met' | 'breached' | 'pending' | 'at_risk' | 'skipped' | 'invalid';
  /** why it is invalid; undefined otherwise */
  reason: InvalidReason | undefined;
  open: boolean;
  /** NaN when not done (or not applicable) */
  endMs: number;
  /** NaN when the kind has no due */
  dueMs: number;
  /** ms as the standard measures them; NaN when not applicable */
  elapsedMs: number;
  limitMs: number;
  /** SPEC §2 over_seconds, in ms; NaN when not applicable */
  overMs: number;
  /** the number an average standard adds up */
  value: number;
}

/** SPEC §2 what a breach reports, as `breaches` and `explain` show it: undefined where it does not apply. */
export function figuresOf(j: Judgement): { endMs: number | undefined; dueMs: number | undefined; elapsedSeconds: number | undefined; limitSeconds: number | undefined; overSeconds: number | undefined } {
  const finite = (ms: number): number | undefined => (Number.isFinite(ms) ? ms : undefined);
  const seconds = (ms: number): number | undefined => (Number.isFinite(ms) ? Math.round(ms) / 1000 : undefined);
  return {
    endMs: finite(j.endMs),
    dueMs: finite(j.dueMs),
    elapsedSeconds: seconds(j.elapsedMs),
    limitSeconds: seconds(j.limitMs),
    // an at-risk record is not over yet: it has time left
    overSeconds: j.outcome === 'at_risk' ? undefined : seconds(j.overMs),
  };
}

export function emptyJudgement(): Judgement {
  return { outcome: 'met', reason: undefined, open: false, endMs: Number.NaN, dueMs: Number.NaN, elapsedMs: Number.NaN, limitMs: Number.NaN, overMs: Number.NaN, value: Number.NaN };
}

function reset(j: Judgement): void {
  j.reason = undefined;
  j.open = false;
  j.endMs = Number.NaN;
  j.dueMs = Number.NaN;
  j.elapsedMs = Number.NaN;
  j.limitMs = Number.NaN;
  j.overMs = Number.NaN;
  j.value = Number.NaN;
}

function invalid(j: Judgement, reason: InvalidReason): void {
  j.outcome = 'invalid';
  j.reason = reason;
}

/** The measure compiled against one file's header: column positions and the calendar. */
export interface MeasurePlan {
  measure: Measure;
  calendar: BusinessCalendar | undefined;
  warnAt: number | undefined;
  /** column positions of the measure's own columns */
  end: number;
  due: number;
  paused: number;
  per: number;
  of: number;
  expect: RowCondition | undefined;
  expectColumns: number[];
  /**
   * What the judging reads of the measure on every row, taken out of it once: the measures of a
   * registry's standards are objects of many shapes, and reading them row by row would be the
   * slow, shape-generic kind of property access.
   */
  /** the name of the end (`to`, `done`) column, for an invalid record's reason */
  endName: string;
  /** deadline: the due is a date whatever the cell's time of day */
  dueIsDate: boolean;
  /** deadline: the grace, in ms */
  graceMs: number;
  /** average, nps: the name of the `of` column */
  ofName: string;
}

/** Minutes in the `paused` column: empty is none; anything but a non-negative number is a data error. */
function pausedMs(plan: MeasurePlan, row: RowView, j: Judgement): number | undefined {
  if (plan.paused < 0) return 0;
  if (row.isBlank(plan.paused)) return 0;
  const text = row.trimmed(plan.paused);
  const name = plan.measure.kind === 'duration' ? plan.measure.paused : 'paused';
  // (read only on the way to a data error)
  const minutes = parseNumber(text);
  // a pause must be a finite number of milliseconds too, or it would cancel any elapsed time
  const ms = minutes === undefined ? Number.NaN : minutes * 60_000;
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const tooLarge = Number.isFinite(minutes) ? ms > 0 : minutes === undefined && isOutOfRange(text) && !text.startsWith('-');
  invalid(j, { code: tooLarge ? 'pause-out-of-range' : 'pause-not-a-number', args: { column: name ?? 'paused', text } });
  return undefined;
}

/** The done/end cell: undefined when open at as_of; a done after as_of was not yet done then. */
function endOf(row: RowView, column: number, name: string, asOfMs: number, j: Judgement): number | undefined | null {
  const status = row.time(column);
  if (status === 'empty') return undefined;
  if (status === 'bad') {
    invalid(j, row.badTime(column, name));
    return null;
  }
  const end = row.value(column);
  return end > asOfMs ? undefined : end;
}

function atRisk(j: Judgement, used: number, allowance: number, warnAt: number | undefined): void {
  j.outcome = warnAt !== undefined && allowance > 0 && used >= warnAt * allowance ? 'at_risk' : 'pending';
}

export function judgeDuration(plan: MeasurePlan, limit: Duration, row: RowView, startMs: number, asOfMs: number, j: Judgement): void {
  reset(j);
  const end = endOf(row, plan.end, plan.endName, asOfMs, j);
  if (end === null) return;
  if (end !== undefined && end < startMs) {
    const m = plan.measure as Extract<Measure, { kind: 'duration' }>;
    return invalid(j, { code: 'end-before-start', args: { end: m.to, start: m.from } });
  }
  const paused = pausedMs(plan, row, j);
  if (paused === undefined) return;
  const cal = plan.calendar;
  const stop = end ?? asOfMs;
  const spent = (cal === undefined ? stop - startMs : Math.round(openSeconds(cal, startMs, stop) * 1000)) - paused;
  j.elapsedMs = Math.max(0, spent);
  j.open = end === undefined;
  j.endMs = end ?? Number.NaN;
  if (limit.kind === 'time') {
    const limitMs = Math.round(limit.seconds * 1000);
    j.limitMs = limitMs;
    j.overMs = j.elapsedMs - limitMs;
    if (j.elapsedMs > limitMs) j.outcome = 'breached';
    else if (end !== undefined) j.outcome = 'met';
    else atRisk(j, j.elapsedMs, limitMs, plan.warnAt);
    // the due only shows in a breach list: on a calendar it costs a search, so only for those
    if (cal === undefined) j.dueMs = startMs + limitMs + paused;
    else if (j.outcome === 'breached' || j.outcome === 'at_risk') j.dueMs = addOpenSeconds(cal, startMs, (limitMs + paused) / 1000);
    return;
  }
  if (cal === undefined) throw new TypeError('a business-day limit needs a calendar');
  // SPEC §1 `Nbd`: by the close of the N-th business day; paused minutes move it on by as much open time.
  const close = closeOfBusinessDay(cal, startMs, limit.days);
  const due = paused > 0 ? addOpenSeconds(cal, close, paused / 1000) : close;
  j.dueMs = due;
  j.limitMs = Math.round(openSeconds(cal, startMs, close) * 1000);
  j.overMs = stop - due;
  if (stop > due) j.outcome = 'breached';
  else if (end !== undefined) j.outcome = 'met';
  else atRisk(j, j.elapsedMs, j.limitMs, plan.warnAt);
}

/**
 * A deadline's due, grace included, and whether it is inclusive: a due written as a date (or
 * read with `due_is_date`) means "by the end of that day", i.e. before the next midnight.
 */
export function judgeDeadline(plan: MeasurePlan, row: RowView, startMs: number, asOfMs: number, j: Judgement): void {
  reset(j);
  const m = plan.measure as Extract<Measure, { kind: 'deadline' }>;
  if (row.isBlank(plan.due)) {
    // SPEC §2: an empty due means no promise was made for this record.
    j.outcome = 'skipped';
    return;
  }
  // with due_is_date the time of day is ignored, so it need not exist (a midnight the clocks skip)
  const dueStatus = plan.dueIsDate ? 'date' : row.time(plan.due);
  if (dueStatus === 'bad') return invalid(j, row.badTime(plan.due, m.due));
  const byDate = dueStatus === 'date';
  const dueCell = byDate ? row.endOfDay(plan.due) : row.value(plan.due);
  if (Number.isNaN(dueCell)) return invalid(j, row.notADay(plan.due, m.due));
  const due = dueCell + plan.graceMs;
  if (due < startMs) return invalid(j, { code: 'due-before-start', args: { due: m.due, start: m.start ?? m.due } });
  const end = endOf(row, plan.end, plan.endName, asOfMs, j);
  if (end === null) return;
  if (end !== undefined && end < startMs) return invalid(j, { code: 'done-before-start', args: { done: m.done, start: m.start ?? m.due } });
  j.dueMs = due;
  j.open = end === undefined;
  j.endMs = end ?? Number.NaN;
  const stop = end ?? asOfMs;
  j.overMs = stop - due;
  const late = byDate ? stop >= due : stop > due;
  if (late) j.outcome = 'breached';
  else if (end !== undefined) j.outcome = 'met';
  else atRisk(j, asOfMs - startMs, due - startMs, plan.warnAt);
}

export function judgeCondition(plan: MeasurePlan, row: RowView, j: Judgement): void {
  reset(j);
  // SPEC §2: a condition whose expected columns are all empty has nothing to judge.
  const columns = plan.expectColumns;
  let blank = true;
  for (let i = 0; i < columns.length && blank; i++) blank = row.isBlank(columns[i] as number);
  if (blank) {
    j.outcome = 'skipped';
    return;
  }
  const verdict = (plan.expect as RowCondition)(row);
  if (typeof verdict === 'object') return invalid(j, verdict);
  j.outcome = verdict ? 'met' : 'breached';
}

/** An average judges the period, not the record: here a record only brings its number. */
export function judgeAverage(plan: MeasurePlan, row: RowView, j: Judgement): void {
  judgeValue(plan, plan.ofName, row, j, averageProblem);
}

type ValueProblem = (text: string, n: number | undefined) => 'number-out-of-range' | 'not-a-number' | 'nps-not-a-score' | undefined;

// module-level, so the per-row path creates no closure
const averageProblem: ValueProblem = (text, n) => (n === undefined ? (isOutOfRange(text) ? 'number-out-of-range' : 'not-a-number') : undefined);
const npsProblem: ValueProblem = (_text, n) => (n === undefined || !Number.isInteger(n) || n < 0 || n > 10 ? 'nps-not-a-score' : undefined);

/**
 * A measure that judges the period: the record brings the number in its `of` column; empty is
 * skipped (SPEC §2), a number `problem` refuses is invalid with that code.
 */
function judgeValue(plan: MeasurePlan, column: string, row: RowView, j: Judgement, problem: ValueProblem): void {
  reset(j);
  if (row.isBlank(plan.of)) {
    j.outcome = 'skipped';
    return;
  }
  const n = row.number(plan.of);
  const code = n === undefined ? problem(row.trimmed(plan.of), n) : problem('', n);
  if (code !== undefined || n === undefined) return invalid(j, { code: code ?? 'not-a-number', args: { column, text: row.trimmed(plan.of) } });
  j.value = n;
  j.outcome = 'met';
}

/** How one 0–10 answer counts in a Net Promoter Score (SPEC §6): 9–10 promote, 7–8 are passive, 0–6 detract. */
export type NpsCategory = 'promoter' | 'passive' | 'detractor';

export function npsCategory(score: number): NpsCategory {
  return score >= 9 ? 'promoter' : score <= 6 ? 'detractor' : 'passive';
}

/**
 * SPEC §6: an NPS judges the period, not the response: a response brings its 0–10 score, a
 * whole number; anything else (`7.5`, `11`, `-1`, `ten`) is invalid, an empty cell skipped.
 */
export function judgeNps(plan: MeasurePlan, row: RowView, j: Judgement): void {
  judgeValue(plan, plan.ofName, row, j, npsProblem);
}
