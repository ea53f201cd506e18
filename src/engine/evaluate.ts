/**
 * The evaluation of delivery logs (SPEC §2): one streaming pass over each source's files, every
 * standard of the source judging each row, counts kept per standard and period. Pure: rows and a
 * timestamp reader come in, an Evaluation comes out; no files, no clock.
 */
import { batchOfRows } from '../logs/record-batch.js';
import type { LogRow, RecordBatch, TimestampReader } from '../model/cells.js';
import type { Breach, Evaluation, InvalidReason, InvalidRecord, PeriodKind, PeriodRef, SourceAccount, StandardAccount } from '../model/evaluation.js';
import type { Calendar, ServicePromise, Source, Standard } from '../registry/model.js';
import { compileCalendar, type BusinessCalendar } from './calendar.js';
import { classify, planFile, planStandard, type StandardPlan } from './classify.js';
import { KeyTracker, type KeyOrder } from './keys.js';
import { figuresOf, type Judgement } from './measures.js';
import { PeriodFinder } from './period.js';
import { PeriodAccumulator, type AccumulatorState } from './period-accumulator.js';
import { finishEvaluation } from './rollup.js';
import { RowView } from './row-view.js';

export interface EvaluationOptions {
  asOfMs: number;
  /** the registry's zone and fiscal year, for periods */
  timezone: string;
  fiscalYearStart: number;
  /** keep the breach list (breaches, report); `gaps` needs only the counts */
  breaches: boolean;
  /** also list open records at risk */
  atRisk: boolean;
  /** keep only breaches whose start lies within one of these periods */
  within: readonly PeriodRef[] | undefined;
  /** also count every standard over periods of this length (the report's quarter) */
  alsoBy?: PeriodKind | undefined;
  /** keep allowances and the spread of elapsed times for charts */
  details?: boolean | undefined;
  /** a part of a log read on another thread: only follow the order of keys (see SourceRun.keysFromParts) */
  keyOrderOnly?: boolean | undefined;
  /** sources a survey links to (SPEC §6 `links`): their standards keep each met or breached record's outcome by key */
  linkedSources?: readonly string[] | undefined;
}

/** A judged record's outcome and period, kept for the surveys that link to it. */
export interface LinkedOutcome {
  met: boolean;
  period: PeriodRef;
  /** with `alsoBy`: the record's period of that length (the report's quarter) */
  summary: PeriodRef | undefined;
}

/**
 * Per record key, the outcome of its met or breached row; a key on several rows keeps one per
 * row, in file order (SPEC §2 counts every occurrence of a repeated key, so a response linked
 * to it is compared with each: docs/customer-gap.md).
 */
export type LinkedOutcomes = ReadonlyMap<string, LinkedOutcome | readonly LinkedOutcome[]>;

/** Keeps a linked row's outcome under its key: a key on several rows is compared once per row, in file order. */
export function keepOutcome(map: Map<string, LinkedOutcome | LinkedOutcome[]>, key: string, outcome: LinkedOutcome): void {
  const kept = map.get(key);
  if (kept === undefined) map.set(key, outcome);
  else if (Array.isArray(kept)) kept.push(outcome);
  else map.set(key, [kept as LinkedOutcome, outcome]);
}

export interface EvaluationScope {
  sources: readonly Source[];
  /** the standards to evaluate */
  standards: readonly Standard[];
  calendars: readonly Calendar[];
  promises: readonly ServicePromise[];
}

/** A standard's counts from one part of a log, as plain data. */
export interface StandardState {
  account: StandardAccount;
  periods: AccumulatorState[];
  summaries: AccumulatorState[];
}

/** What one part of a source's log added, as plain data that can cross to another thread. */
export interface SourceState {
  rows: number;
  invalid: number;
  dstGapTimes: number;
  dstOverlapTimes: number;
  /** in the order of the source's standards */
  standards: StandardState[];
  breaches: Breach[];
  invalidRecords: InvalidRecord[];
  keys: KeyOrder;
}

/** How a record of the batch being pushed stands: judged by every standard so far valid, unreadable (judged by none), invalid for some standard. */
const JUDGED = 0;
const UNREADABLE = 1;
const INVALID = 2;

class StandardRun {
  readonly standard: Standard;
  readonly account: StandardAccount;
  readonly periods = new Map<string, PeriodAccumulator>();
  /** the same records counted over the periods of `alsoBy` */
  readonly summaries = new Map<string, PeriodAccumulator>();
  private readonly plan: StandardPlan;
  private readonly summaryFinder: PeriodFinder | undefined;
  /** key -> outcome of every met or breached record, only for a standard on a linked source */
  readonly outcomes: Map<string, LinkedOutcome | LinkedOutcome[]> | undefined;

  constructor(
    standard: Standard,
    calendars: ReadonlyMap<string, BusinessCalendar>,
    private readonly options: EvaluationOptions,
    private readonly out: { breaches: Breach[]; invalid: InvalidRecord[] },
  ) {
    this.standard = standard;
    this.account = { standard: standard.id, inPeriods: 0, outOfScope: 0, future: 0, invalidWithoutPeriod: 0, skippedWithoutPeriod: 0 };
    this.plan = planStandard(standard, calendars, options.timezone, options.fiscalYearStart);
    this.summaryFinder = options.alsoBy === undefined ? undefined : new PeriodFinder(options.alsoBy, options.timezone, options.fiscalYearStart);
    this.outcomes = options.linkedSources?.includes(standard.source) === true && this.plan.kind.judgesRecords ? new Map() : undefined;
  }

  /** Compiles the standard against one file's header. */
  beginFile(columns: ReadonlyMap<string, number>): void {
    planFile(this.plan, columns);
  }

  /** A row the file could not give whole: invalid for every standard, without a period. */
  unreadable(): void {
    this.account.invalidWithoutPeriod++;
  }

  /** Counts the records of a batch, in order, but those marked UNREADABLE (see FileRun.pushBatch); marks INVALID those invalid for this standard. */
  judgeBatch(batch: RecordBatch, view: RowView, file: string, keys: readonly string[], marks: Uint8Array): void {
    for (let r = 0; r < batch.count; r++) {
      if (marks[r] === UNREADABLE) continue;
      view.loadRecord(batch, r);
      if (this.judge(view, file, keys[r] as string)) marks[r] = INVALID;
    }
  }

  /** Counts one row as `classify` decides it; returns true when the row is invalid for this standard. */
  judge(row: RowView, file: string, key: string): boolean {
    const c = classify(this.plan, row, this.options.asOfMs);
    switch (c.disposition) {
      case 'out-of-scope':
        this.account.outOfScope++;
        return false;
      case 'skipped':
        this.account.skippedWithoutPeriod++;
        return false;
      case 'future':
        this.account.future++;
        return false;
      case 'invalid':
        this.account.invalidWithoutPeriod++;
        this.invalid(file, row.line, key, c.reason as InvalidReason, undefined);
        return true;
      case 'judged':
        break;
    }
    const period = c.period as PeriodRef;
    const startMs = c.startMs;
    const j = c.judgement;
    const recent = this.recent;
    (recent !== undefined && recent.period === period ? recent : this.accumulator(this.periods, period)).add(j);
    const summary = this.summaryFinder?.find(startMs);
    if (summary !== undefined) this.accumulator(this.summaries, summary).add(j);
    this.account.inPeriods++;
    if (j.outcome === 'invalid') {
      this.invalid(file, row.line, key, j.reason as InvalidReason, period.key);
      return true;
    }
    if (this.outcomes !== undefined && key !== '' && (j.outcome === 'met' || j.outcome === 'breached')) keepOutcome(this.outcomes, key, { met: j.outcome === 'met', period, summary });
    if (this.options.breaches && this.plan.kind.judgesRecords && (j.outcome === 'breached' || (j.outcome === 'at_risk' && this.options.atRisk))) {
      this.breach(period, file, row.line, key, startMs, j);
    }
    return false;
  }

  state(): StandardState {
    return { account: { ...this.account }, periods: [...this.periods.values()].map((a) => a.state()), summaries: [...this.summaries.values()].map((a) => a.state()) };
  }

  merge(state: StandardState): void {
    const a = this.account;
    a.inPeriods += state.account.inPeriods;
    a.outOfScope += state.account.outOfScope;
    a.future += state.account.future;
    a.invalidWithoutPeriod += state.account.invalidWithoutPeriod;
    a.skippedWithoutPeriod += state.account.skippedWithoutPeriod;
    for (const acc of state.periods) this.accumulator(this.periods, acc.period).merge(acc);
    for (const acc of state.summaries) this.accumulator(this.summaries, acc.period).merge(acc);
  }

  /** The last accumulator found: records in time order hit the same period again and again. */
  private recent: PeriodAccumulator | undefined;

  private accumulator(map: Map<string, PeriodAccumulator>, period: PeriodRef): PeriodAccumulator {
    const recent = this.recent;
    if (recent !== undefined && recent.period === period && map === this.periods) return recent;
    // a merged state brings its own copy of a period: find it by its key
    let acc = map.get(period.key);
    if (acc === undefined) {
      acc = new PeriodAccumulator(period, this.standard, this.options.details === true);
      map.set(period.key, acc);
    }
    if (map === this.periods) this.recent = acc;
    return acc;
  }

  private invalid(file: string, line: number, record: string, reason: InvalidReason, period: string | undefined): void {
    this.out.invalid.push({ source: this.standard.source, standard: this.standard.id, file, line, record, period, ...reason });
  }

  private breach(period: PeriodRef, file: string, line: number, record: string, startMs: number, j: Judgement): void {
    const within = this.options.within;
    if (within !== undefined && !within.some((p) => startMs >= p.startMs && startMs < p.endMs)) return;
    const s = this.standard;
    const remedy = s.remedy;
    this.out.breaches.push({
      standard: s.id,
      promise: s.promise,
      owner: s.owner,
      source: s.source,
      record,
      file,
      line,
      period: period.key,
      outcome: j.outcome === 'at_risk' ? 'at_risk' : 'breached',
      open: j.open,
      startMs,
      ...figuresOf(j),
      remedy: remedy === undefined ? undefined : { action: remedy.action, credit: remedy.credit, currency: remedy.currency },
    });
  }
}

/**
 * The columns of a header by name. A name the header has twice is left out: which column it
 * means is not known, so nothing may read it (`promise check` reports a reference to it as
 * `unknown-column`); a repeated name nothing reads is no problem.
 */
export function columnIndex(header: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  const repeated = new Set<string>();
  header.forEach((name, i) => {
    if (out.has(name)) repeated.add(name);
    else out.set(name, i);
  });
  for (const name of repeated) out.delete(name);
  return out;
}

/** One file of a source, compiled: push its rows in batches, in file order. */
export class FileRun {
  private readonly view: RowView;
  private readonly keyIndex: number;
  /** each record's key, for the batch being pushed */
  private readonly keys: string[] = [];
  /** per record of the batch: JUDGED, UNREADABLE or INVALID (grown with the batch) */
  private marks = new Uint8Array(0);

  constructor(
    private readonly run: SourceRun,
    private readonly display: string,
    header: readonly string[],
    reader: TimestampReader,
  ) {
    const columns = columnIndex(header);
    for (const s of run.standards) s.beginFile(columns);
    const key = columns.get(run.source.key);
    if (key === undefined && header.includes(run.source.key)) throw new RangeError(`key column "${run.source.key}" is in the header more than once`);
    this.keyIndex = key ?? -1;
    this.view = new RowView(header.length, reader, run.account);
  }

  /** Rows given as strings (a test, a caller that has them so). */
  push(rows: readonly LogRow[]): void {
    this.pushBatch(batchOfRows(rows));
  }

  /**
   * The records of a batch of the log reader, in file order: first the records themselves (keys,
   * rows that cannot be read), then each standard over the whole batch in turn, so that one
   * standard's counts stay at hand while it runs (docs/performance.md). Each standard still sees
   * the records in file order, and the lists it adds to are sorted at the end.
   */
  pushBatch(batch: RecordBatch): void {
    const run = this.run;
    const standards = run.standards;
    const view = this.view;
    const keyIndex = this.keyIndex;
    const problems = batch.problems;
    const count = batch.count;
    if (this.marks.length < count) this.marks = new Uint8Array(Math.max(count, this.marks.length * 2));
    const marks = this.marks;
    const keys = this.keys;
    view.startBatch(batch);
    for (let r = 0; r < count; r++) {
      run.account.rows++;
      view.loadRecord(batch, r);
      const key = keyIndex < 0 ? '' : view.trimmed(keyIndex);
      keys[r] = key;
      marks[r] = JUDGED;
      if (key !== '') run.linkedKeys?.add(key);
      const problem = problems?.[r];
      if (problem !== undefined) {
        // The row itself cannot be trusted: invalid for every standard, listed once.
        marks[r] = UNREADABLE;
        run.account.invalid++;
        for (const s of standards) s.unreadable();
        run.out.invalid.push({ source: run.source.id, standard: undefined, file: this.display, line: view.line, record: key, period: undefined, ...problem });
        continue;
      }
      if (key !== '') run.keys.see(key, this.display, view.line);
    }
    for (let i = 0; i < standards.length; i++) (standards[i] as StandardRun).judgeBatch(batch, view, this.display, keys, marks);
    for (let r = 0; r < count; r++) if (marks[r] === INVALID) run.account.invalid++;
  }
}

/** One source: its standards evaluated together over each of its files in turn. */
export class SourceRun {
  readonly account: SourceAccount;
  readonly keys: KeyTracker;
  /**
   * Every key of a source a survey links to (SPEC §6 `links`), so that a link to a record that
   * is not in the log can be told from one whose record is pending, skipped or invalid: one
   * entry per distinct key, only for a linked source (docs/customer-gap.md).
   */
  readonly linkedKeys: Set<string> | undefined;

  constructor(
    readonly source: Source,
    readonly standards: readonly StandardRun[],
    private readonly reader: TimestampReader,
    readonly out: Evaluation,
    keyOrderOnly = false,
    linked = false,
  ) {
    this.keys = keyOrderOnly ? new KeyTracker(0, 0, true) : new KeyTracker();
    this.linkedKeys = linked ? new Set() : undefined;
    this.account = { source: source.id, files: 0, rows: 0, invalid: 0, duplicateKeys: 0, dstGapTimes: 0, dstOverlapTimes: 0, standards: standards.map((s) => s.account) };
  }

  /**
   * True when repeated keys must be confirmed by reading the source's keys once more (only
   * for a log too long to keep every key): call `keyPass` for each file, in the same order.
   */
  needsKeyPass(): boolean {
    return this.keys.needsPass();
  }

  keyPass(): (display: string, header: readonly string[]) => (rows: readonly LogRow[]) => void {
    const recheck = this.keys.startPass();
    return (display, header) => {
      const index = header.indexOf(this.source.key);
      return (rows) => {
        if (index < 0) return;
        for (const row of rows) {
          const key = (row.cells[index] ?? '').trim();
          if (row.problem === undefined && key !== '') recheck(key, display, row.line);
        }
      };
    };
  }

  /** What one part of the log added, as plain data: see `merge`. */
  state(): SourceState {
    return {
      rows: this.account.rows,
      invalid: this.account.invalid,
      dstGapTimes: this.account.dstGapTimes,
      dstOverlapTimes: this.account.dstOverlapTimes,
      standards: this.standards.map((s) => s.state()),
      breaches: this.out.breaches,
      invalidRecords: this.out.invalid,
      keys: this.keys.order(),
    };
  }

  /**
   * Adds a part of the log read elsewhere (a byte range of a file, on a worker thread). Its
   * lines count from `lineBase` (the line its range starts on); parts are merged in file order.
   */
  merge(state: SourceState, lineBase: number): void {
    this.account.rows += state.rows;
    this.account.invalid += state.invalid;
    this.account.dstGapTimes += state.dstGapTimes;
    this.account.dstOverlapTimes += state.dstOverlapTimes;
    state.standards.forEach((s, i) => this.standards[i]?.merge(s));
    const shift = lineBase - 1;
    for (const b of state.breaches) this.out.breaches.push(shift === 0 ? b : { ...b, line: b.line === null ? null : b.line + shift });
    for (const r of state.invalidRecords) this.out.invalid.push(shift === 0 ? r : { ...r, line: r.line === null ? null : r.line + shift });
  }

  /** A file counted without being read here: read in parts elsewhere, or empty. */
  countFile(): void {
    this.account.files++;
  }

  /** The key order of every part read elsewhere, in file order: see KeyTracker.fromParts. */
  keysFromParts(parts: readonly KeyOrder[]): void {
    this.keys.fromParts(parts);
  }

  /** The repeated keys, once the first pass (and key passes, if they were needed) is over: all counted, the first few listed. */
  finishKeys(): void {
    for (const r of this.keys.repeats()) this.out.duplicates.push({ source: this.source.id, ...r });
    this.account.duplicateKeys = this.keys.count();
  }

  file(display: string, header: readonly string[]): FileRun {
    this.account.files++;
    return new FileRun(this, display, header, this.reader);
  }
}

export class Evaluator {
  private readonly calendars: Map<string, BusinessCalendar>;
  private readonly runs = new Map<string, StandardRun[]>();
  private readonly sources: SourceRun[] = [];
  private readonly out: Evaluation;

  constructor(
    private readonly scope: EvaluationScope,
    readonly options: EvaluationOptions,
  ) {
    this.calendars = new Map(scope.calendars.map((c) => [c.id, compileCalendar(c)]));
    this.out = { asOfMs: options.asOfMs, breaches: [], invalid: [], duplicates: [], gaps: [], summaries: [], promises: [], owners: [], dimensions: [], sources: [], customer: [], servqual: [] };
    for (const standard of scope.standards) {
      const runs = this.runs.get(standard.source) ?? [];
      runs.push(new StandardRun(standard, this.calendars, options, this.out));
      this.runs.set(standard.source, runs);
    }
  }

  /** A source's standards, in the order its runs judge them: what a part read elsewhere needs. */
  standardsOf(sourceId: string): Standard[] {
    return (this.runs.get(sourceId) ?? []).map((r) => r.standard);
  }

  /** The kept outcomes of a linked source's standards (see EvaluationOptions.linkedSources). */
  linkedOutcomes(sourceId: string): { standard: Standard; outcomes: LinkedOutcomes }[] {
    return (this.runs.get(sourceId) ?? []).flatMap((r) => (r.outcomes === undefined ? [] : [{ standard: r.standard, outcomes: r.outcomes }]));
  }

  /** Every key of a linked source's rows, once it is read; undefined for a source not read here (see EvaluationOptions.linkedSources). */
  linkedKeys(sourceId: string): ReadonlySet<string> | undefined {
    return this.sources.find((s) => s.source.id === sourceId)?.linkedKeys;
  }

  /** The ids of the sources that at least one evaluated standard reads. */
  sourceIds(): string[] {
    return [...this.runs.keys()];
  }

  /** Starts a source; call `file()` on the result for each of its log files, in order. */
  source(sourceId: string, reader: TimestampReader): SourceRun {
    const source = this.scope.sources.find((s) => s.id === sourceId);
    if (source === undefined) throw new RangeError(`unknown source "${sourceId}"`);
    const run = new SourceRun(source, this.runs.get(sourceId) ?? [], reader, this.out, this.options.keyOrderOnly === true, this.options.linkedSources?.includes(sourceId) === true);
    this.sources.push(run);
    return run;
  }

  finish(): Evaluation {
    const asOf = this.options.asOfMs;
    const runs = [...this.runs.values()].flat();
    const rows = (maps: Map<string, PeriodAccumulator>[]) => maps.flatMap((m) => [...m.values()].map((acc) => acc.row(asOf)));
    const out = this.out;
    out.gaps = rows(runs.map((r) => r.periods));
    out.summaries = rows(runs.map((r) => r.summaries));
    for (const run of this.sources) run.finishKeys();
    out.sources = this.sources.map((s) => s.account);
    return finishEvaluation(this.scope, out, this.options);
  }
}
