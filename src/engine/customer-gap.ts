/**
 * The customer gap (SPEC §6): per survey source, dimension and period, the means of respondents'
 * expectation and perception scores, their gap and its weighted form, and per period the SERVQUAL
 * score. `scoreResponse` decides one response (pure, shared with anything that needs one
 * response's figures); `CustomerGapAccumulator` keeps sums per period, never rows, so memory does
 * not grow with the responses read (SPEC §5). docs/customer-gap.md gives the formulas.
 */
import type { LogRow, TimestampReader } from '../model/cells.js';
import type { CustomerGapRow, CustomerLinkRow, DuplicateKey, Evaluation, InvalidRecord, PeriodKind, PeriodRef, ServqualRow, SourceAccount, SurveyProblem } from '../model/evaluation.js';
import { byLine, placeOf } from '../model/evaluation.js';
import type { Dimension, Source, Survey } from '../registry/model.js';
import { columnIndex, type LinkedOutcome, type LinkedOutcomes } from './evaluate.js';
import { KeyTracker } from './keys.js';
import { PeriodFinder } from './period.js';
import { compareText as compare } from '../model/diagnostic.js';

/** One respondent's scores on one dimension: E(r,d), P(r,d) and s(r,d), undefined where not given. */
export interface DimensionScore {
  dimension: Dimension;
  expectation: number | undefined;
  perception: number | undefined;
  /** the respondent's share of points on d, 0-1 */
  share: number | undefined;
}

export interface ResponseScore {
  scores: DimensionScore[];
  /** data errors and notes, each with the column it is about where there is one */
  problems: SurveyProblem[];
  /** true when a problem is a data error (not only a note) */
  invalid: boolean;
}

/** A cell's text by column name; undefined for a column the row lacks. */
export type CellOf = (column: string) => string | undefined;

/** A number as written in an answer: digits, an optional sign and decimal point; empty is undefined. */
function readNumber(text: string): number | undefined | typeof NaN {
  const t = text.trim();
  if (t === '') return undefined;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return NaN;
  return Number(t);
}

function mean(values: readonly number[]): number | undefined {
  return values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Decides one response: SPEC §6, an empty answer is skipped per item, a non-numeric or out-of-scale one is a data error. */
export function scoreResponse(survey: Survey, cell: CellOf): ResponseScore {
  const problems: SurveyProblem[] = [];
  let invalid = false;
  const [lo, hi] = survey.scale;
  const answers = (columns: readonly string[]): number[] => {
    const out: number[] = [];
    for (const column of columns) {
      const text = cell(column) ?? '';
      const value = readNumber(text);
      if (value === undefined) continue;
      if (Number.isNaN(value)) {
        problems.push({ code: 'answer-not-a-number', args: { column, text: text.trim() } });
        invalid = true;
      } else if (value < lo || value > hi) {
        problems.push({ code: 'answer-out-of-scale', args: { column, text: text.trim(), lo, hi } });
        invalid = true;
      } else out.push(value);
    }
    return out;
  };
  const shares = readShares(survey, cell, problems);
  if (shares.invalid) invalid = true;
  const scores: DimensionScore[] = [];
  for (const { dimension, items } of survey.dimensions) {
    const e = answers(items.expectation);
    const p = answers(items.perception);
    if (p.length === 0) problems.push({ code: 'no-perception', args: { dimension, expectations: e.length } });
    scores.push({ dimension, expectation: mean(e), perception: mean(p), share: shares.of?.get(dimension) });
  }
  return { scores, problems, invalid };
}

/** s(r,d) for every weighted dimension: the points divided by their sum (a sum other than 100 rescaled, noted). */
function readShares(survey: Survey, cell: CellOf, problems: SurveyProblem[]): { of: Map<Dimension, number> | undefined; invalid: boolean } {
  const weights = survey.weights;
  if (weights === undefined) return { of: undefined, invalid: false };
  const points = new Map<Dimension, number>();
  const empty: string[] = [];
  let bad = false;
  for (const { dimension } of survey.dimensions) {
    const column = weights[dimension];
    if (column === undefined) continue;
    const text = cell(column) ?? '';
    const value = readNumber(text);
    if (value === undefined) empty.push(column);
    else if (Number.isNaN(value) || value < 0) {
      problems.push({ code: 'weight-not-a-number', args: { column, text: text.trim() } });
      bad = true;
    } else points.set(dimension, value);
  }
  if (bad) return { of: undefined, invalid: true };
  // a response that gives no weight at all has none: no data error, it is left out of the weighted figures
  if (points.size === 0) return { of: undefined, invalid: false };
  if (empty.length > 0) {
    problems.push({ code: 'weights-missing', args: { columns: empty } });
    return { of: undefined, invalid: true };
  }
  const sum = [...points.values()].reduce((a, b) => a + b, 0);
  if (sum === 0) {
    problems.push({ code: 'weights-zero', args: {} });
    return { of: undefined, invalid: true };
  }
  if (Math.abs(sum - 100) > 1e-9) problems.push({ code: 'weights-rescaled', args: { sum } });
  return { of: new Map([...points].map(([d, v]) => [d, v / sum])), invalid: false };
}

/** Running sums of one dimension in one period. */
class DimensionSums {
  respondents = 0;
  expectationSum = 0;
  expectationCount = 0;
  perceptionSum = 0;
  gapSum = 0;
  gapCount = 0;
  shareSum = 0;
  shareCount = 0;
  weightedGapSum = 0;
  weightedGapCount = 0;
}

class PeriodSums {
  readonly dimensions = new Map<Dimension, DimensionSums>();
  weightedTotalSum = 0;
  weightedTotalCount = 0;

  constructor(readonly period: PeriodRef) {}
}

/** The sums of one survey source, per period. */
export class CustomerGapAccumulator {
  private readonly periods = new Map<string, PeriodSums>();

  constructor(
    readonly source: string,
    private readonly survey: Survey,
  ) {}

  /** Counts one response of `period`. */
  add(period: PeriodRef, score: ResponseScore): void {
    let sums = this.periods.get(period.key);
    if (sums === undefined) {
      sums = new PeriodSums(period);
      for (const { dimension } of this.survey.dimensions) sums.dimensions.set(dimension, new DimensionSums());
      this.periods.set(period.key, sums);
    }
    let total = 0;
    let complete = score.scores.length > 0;
    for (const s of score.scores) {
      const d = sums.dimensions.get(s.dimension) as DimensionSums;
      if (s.perception === undefined) {
        complete = false;
        continue;
      }
      d.respondents++;
      d.perceptionSum += s.perception;
      if (s.share !== undefined) {
        d.shareSum += s.share;
        d.shareCount++;
      }
      if (s.expectation === undefined) {
        complete = false;
        continue;
      }
      const gap = s.perception - s.expectation;
      d.expectationSum += s.expectation;
      d.expectationCount++;
      d.gapSum += gap;
      d.gapCount++;
      if (s.share === undefined) {
        complete = false;
        continue;
      }
      d.weightedGapSum += s.share * gap;
      d.weightedGapCount++;
      total += s.share * gap;
    }
    if (complete) {
      sums.weightedTotalSum += total;
      sums.weightedTotalCount++;
    }
  }

  rows(asOfMs: number): { customer: CustomerGapRow[]; servqual: ServqualRow[] } {
    const customer: CustomerGapRow[] = [];
    const servqual: ServqualRow[] = [];
    const ratio = (sum: number, n: number): number | undefined => (n === 0 ? undefined : sum / n);
    for (const sums of [...this.periods.values()].sort((a, b) => a.period.startMs - b.period.startMs)) {
      const gaps: number[] = [];
      for (const [dimension, d] of sums.dimensions) {
        const gap = ratio(d.gapSum, d.gapCount);
        if (gap !== undefined) gaps.push(gap);
        customer.push({
          source: this.source,
          dimension,
          period: sums.period,
          respondents: d.respondents,
          expectation: ratio(d.expectationSum, d.expectationCount),
          perception: ratio(d.perceptionSum, d.respondents),
          gap,
          weight: ratio(d.shareSum, d.shareCount),
          weightedGap: ratio(d.weightedGapSum, d.weightedGapCount),
          finished: asOfMs >= sums.period.endMs,
        });
      }
      servqual.push({ source: this.source, period: sums.period, servqual: mean(gaps), servqualWeighted: ratio(sums.weightedTotalSum, sums.weightedTotalCount) });
    }
    return { customer, servqual };
  }
}

/** The invalid-record entries of one response's problems. */
export function problemRecords(problems: readonly SurveyProblem[], at: { source: string; file: string; line: number; record: string; period: string | undefined }): InvalidRecord[] {
  return problems.map((p) => ({ ...p, ...at, standard: undefined }));
}

/** One standard on the survey's linked source: the dimension of its promise and its records' kept outcomes. */
export interface SurveyLink {
  standard: string;
  /** undefined when the promise names no dimension: only a `score` survey is then compared */
  dimension: Dimension | undefined;
  outcomes: LinkedOutcomes;
}

/** What one survey source's run needs from the evaluation: the moment and the registry's zone and fiscal year. */
export interface SurveyOptions {
  asOfMs: number;
  timezone: string;
  fiscalYearStart: number;
  /** SPEC §6 `links`: the standards on the linked source */
  links?: readonly SurveyLink[] | undefined;
  /**
   * Every key of the linked source's rows, when it was read: a link to none of them names no
   * record (`link-not-found`); undefined when the linked source was not read, and then not checked.
   */
  linkedKeys?: ReadonlySet<string> | undefined;
  /** also count over periods of this length (the report's quarter): `customerSummaries` and the like */
  alsoBy?: PeriodKind | undefined;
}

/** Sums of one standard and period: the responses whose record met it, and those whose record breached it. */
interface LinkSums {
  period: PeriodRef;
  met: number;
  metSum: number;
  breached: number;
  breachedSum: number;
}

/** The outcomes kept for one key, as a list. */
function outcomesOf(kept: LinkedOutcome | readonly LinkedOutcome[] | undefined): readonly LinkedOutcome[] {
  return kept === undefined ? [] : Array.isArray(kept) ? kept : [kept as LinkedOutcome];
}

/**
 * SPEC §6 `links`: per linked standard and record period, the mean perception on the
 * standard's dimension (or the `score`) of responses whose record met the standard against
 * those whose record breached it. Sums only, never rows. With `alsoBy`, the same sums by the
 * record's period of that length.
 */
export class CustomerLinkAccumulator {
  private readonly sums = new Map<string, Map<string, LinkSums>>();
  private readonly summarySums = new Map<string, Map<string, LinkSums>>();

  constructor(
    readonly survey: string,
    private readonly links: readonly SurveyLink[],
  ) {}

  /**
   * Counts one valid response linked to record `key`; `value(d)` is its P(r,d), or its score for
   * d undefined. A key on several met or breached rows is compared with each of them (SPEC §2:
   * every occurrence counts); the standards for which that happened are returned, with how many.
   */
  add(key: string, value: (dimension: Dimension | undefined) => number | undefined): { standard: string; rows: number }[] {
    const repeated: { standard: string; rows: number }[] = [];
    for (const link of this.links) {
      const outcomes = outcomesOf(link.outcomes.get(key));
      if (outcomes.length === 0) continue;
      const v = value(link.dimension);
      if (v === undefined) continue;
      if (outcomes.length > 1) repeated.push({ standard: link.standard, rows: outcomes.length });
      for (const outcome of outcomes) {
        count(this.sums, link.standard, outcome.period, outcome.met, v);
        if (outcome.summary !== undefined) count(this.summarySums, link.standard, outcome.summary, outcome.met, v);
      }
    }
    return repeated;
  }

  rows(): CustomerLinkRow[] {
    return linkRows(this.survey, this.sums);
  }

  /** The same comparison by the records' periods of the `alsoBy` length. */
  summaryRows(): CustomerLinkRow[] {
    return linkRows(this.survey, this.summarySums);
  }
}

function count(sums: Map<string, Map<string, LinkSums>>, standard: string, period: PeriodRef, met: boolean, v: number): void {
  let periods = sums.get(standard);
  if (periods === undefined) sums.set(standard, (periods = new Map()));
  let s = periods.get(period.key);
  if (s === undefined) periods.set(period.key, (s = { period, met: 0, metSum: 0, breached: 0, breachedSum: 0 }));
  if (met) {
    s.met++;
    s.metSum += v;
  } else {
    s.breached++;
    s.breachedSum += v;
  }
}

function linkRows(survey: string, sums: Map<string, Map<string, LinkSums>>): CustomerLinkRow[] {
  const out: CustomerLinkRow[] = [];
  for (const [standard, periods] of sums) {
    for (const s of periods.values()) {
      const metMean = s.met === 0 ? undefined : s.metSum / s.met;
      const breachedMean = s.breached === 0 ? undefined : s.breachedSum / s.breached;
      out.push({
        standard,
        survey,
        period: s.period,
        metResponses: s.met,
        metMean,
        breachedResponses: s.breached,
        breachedMean,
        difference: metMean === undefined || breachedMean === undefined ? undefined : metMean - breachedMean,
      });
    }
  }
  return out;
}

/**
 * One survey source read through its files in order: each response dated by `at` into a period,
 * scored and added to the sums; what cannot be counted as written is listed (SPEC §6), repeated
 * keys are counted as a log's are (each response counted as it occurs).
 */
export class SurveyRun {
  readonly account: SourceAccount;
  readonly invalid: InvalidRecord[] = [];
  private readonly keys = new KeyTracker();
  private readonly gaps: CustomerGapAccumulator;
  private readonly periods: PeriodFinder;
  /** with `alsoBy` of another length than the survey's own periods: the same sums over those */
  private readonly summaryGaps: CustomerGapAccumulator | undefined;
  private readonly summaryPeriods: PeriodFinder | undefined;
  private readonly links: CustomerLinkAccumulator | undefined;

  constructor(
    readonly source: Source & { survey: Survey },
    private readonly reader: TimestampReader,
    private readonly options: SurveyOptions,
  ) {
    this.gaps = new CustomerGapAccumulator(source.id, source.survey);
    this.periods = new PeriodFinder(source.survey.period, options.timezone, options.fiscalYearStart);
    const alsoBy = options.alsoBy;
    const other = alsoBy !== undefined && alsoBy !== source.survey.period;
    this.summaryGaps = other ? new CustomerGapAccumulator(source.id, source.survey) : undefined;
    this.summaryPeriods = other ? new PeriodFinder(alsoBy, options.timezone, options.fiscalYearStart) : undefined;
    this.links = source.survey.links === undefined || options.links === undefined || options.links.length === 0 ? undefined : new CustomerLinkAccumulator(source.id, options.links);
    this.account = { source: source.id, files: 0, rows: 0, invalid: 0, duplicateKeys: 0, dstGapTimes: 0, dstOverlapTimes: 0, standards: [] };
  }

  /** Starts a file; push its rows in batches, in file order. */
  file(display: string, header: readonly string[]): (rows: readonly LogRow[]) => void {
    this.account.files++;
    const columns = columnIndex(header);
    const keyIndex = columns.get(this.source.key) ?? -1;
    const atIndex = columns.get(this.source.survey.at) ?? -1;
    const link = this.source.survey.links;
    const linkIndex = link === undefined ? -1 : (columns.get(link.column) ?? -1);
    return (rows) => {
      for (const row of rows) this.push(display, columns, keyIndex, atIndex, linkIndex, row);
    };
  }

  /** A file counted without being read: an export of nothing. */
  countFile(): void {
    this.account.files++;
  }

  private push(display: string, columns: ReadonlyMap<string, number>, keyIndex: number, atIndex: number, linkIndex: number, row: LogRow): void {
    const account = this.account;
    account.rows++;
    const key = keyIndex < 0 ? '' : (row.cells[keyIndex] ?? '').trim();
    const at = { source: this.source.id, standard: undefined, file: display, line: row.line, record: key };
    if (row.problem !== undefined) {
      account.invalid++;
      this.invalid.push({ ...at, period: undefined, ...row.problem });
      return;
    }
    if (key !== '') this.keys.see(key, display, row.line);
    const column = this.source.survey.at;
    const text = (atIndex < 0 ? '' : (row.cells[atIndex] ?? '')).trim();
    if (text === '') {
      account.invalid++;
      this.invalid.push({ ...at, period: undefined, code: 'start-empty', args: { column } });
      return;
    }
    const ms = this.reader.read(text);
    if (Number.isNaN(ms)) {
      account.invalid++;
      const problem = this.reader.problem;
      this.invalid.push(problem === 'not-a-real-time' ? { ...at, period: undefined, code: 'not-a-real-time', args: { column, text } } : { ...at, period: undefined, code: 'not-a-timestamp', args: { column, text, format: this.source.timestamp_format } });
      return;
    }
    if (this.reader.clockNote === 1) account.dstGapTimes++;
    else if (this.reader.clockNote === 2) account.dstOverlapTimes++;
    // SPEC §2: a response dated after as_of was not there yet
    if (ms > this.options.asOfMs) return;
    const period = this.periods.find(ms);
    const score = scoreResponse(this.source.survey, (name) => {
      const i = columns.get(name);
      return i === undefined ? undefined : row.cells[i];
    });
    this.gaps.add(period, score);
    if (this.summaryGaps !== undefined) this.summaryGaps.add((this.summaryPeriods as PeriodFinder).find(ms), score);
    const problems = [...score.problems];
    let invalid = score.invalid;
    const linkSpec = this.source.survey.links;
    const linked = linkIndex < 0 ? '' : (row.cells[linkIndex] ?? '').trim();
    if (linkSpec !== undefined && linked !== '') {
      const keys = this.options.linkedKeys;
      if (keys !== undefined && !keys.has(linked)) {
        // SPEC §6: a link to a record the log does not have is a data error, listed; the scores still count
        problems.push({ code: 'link-not-found', args: { column: linkSpec.column, text: linked, source: linkSpec.source } });
        invalid = true;
      } else if (this.links !== undefined && !score.invalid) {
        // a response with a data error is listed, not compared: its scores are not all as written
        const repeated = this.links.add(linked, (dimension) => (dimension === undefined ? this.scoreValue(columns, row) : score.scores.find((s) => s.dimension === dimension)?.perception));
        for (const r of repeated) problems.push({ code: 'link-repeated', args: { column: linkSpec.column, text: linked, source: linkSpec.source, standard: r.standard, rows: r.rows } });
      }
    }
    if (invalid) account.invalid++;
    this.invalid.push(...problemRecords(problems, { ...at, period: period.key }));
  }

  /** SPEC §6: the one `score` column of a survey without dimensions, when it holds a number on the scale. */
  private scoreValue(columns: ReadonlyMap<string, number>, row: LogRow): number | undefined {
    const column = this.source.survey.score;
    const i = column === undefined ? undefined : columns.get(column);
    if (i === undefined) return undefined;
    const value = readNumber(row.cells[i] ?? '');
    const [lo, hi] = this.source.survey.scale;
    return value === undefined || Number.isNaN(value) || value < lo || value > hi ? undefined : value;
  }

  /** The rows and what the run found, once every file is read. */
  finish(): SurveyResult {
    this.account.duplicateKeys = this.keys.count();
    const duplicates = this.keys.repeats().map((r) => ({ source: this.source.id, ...r }));
    const own = this.gaps.rows(this.options.asOfMs);
    const summaries = this.options.alsoBy === undefined ? undefined : this.summaryGaps === undefined ? own : this.summaryGaps.rows(this.options.asOfMs);
    return {
      ...own,
      links: this.links?.rows() ?? [],
      summaries: summaries === undefined ? undefined : { ...summaries, links: this.links?.summaryRows() ?? [] },
      invalid: this.invalid,
      duplicates,
      account: this.account,
    };
  }
}

/** What one survey source's run found. */
interface SurveyResult {
  customer: CustomerGapRow[];
  servqual: ServqualRow[];
  links: CustomerLinkRow[];
  /** with `alsoBy`: the same over periods of that length */
  summaries: { customer: CustomerGapRow[]; servqual: ServqualRow[]; links: CustomerLinkRow[] } | undefined;
  invalid: InvalidRecord[];
  duplicates: DuplicateKey[];
  account: SourceAccount;
}

/** Survey findings that are notes: listed, but the response is not counted as invalid for them. */
const NOTES: ReadonlySet<InvalidRecord['code']> = new Set(['no-perception', 'weights-rescaled', 'link-repeated']);


/**
 * A survey source that standards also read (a CSAT `average`, an `nps`) was read twice, as a log
 * and as a survey: one account, its rows and repeated keys counted once, a row invalid for a
 * standard or for the survey counted once, an unreadable row listed once.
 */
function mergeInto(evaluation: Evaluation, account: SourceAccount, done: SurveyResult): void {
  const bad = new Set(evaluation.invalid.filter((i) => i.source === account.source).map(placeOf));
  const unreadable = new Set(evaluation.invalid.filter((i) => i.source === account.source && i.standard === undefined).map(placeOf));
  for (const r of done.invalid) {
    if (r.code.startsWith('row-') && unreadable.has(placeOf(r))) continue;
    evaluation.invalid.push(r);
    if (!NOTES.has(r.code)) bad.add(placeOf(r));
  }
  account.invalid = bad.size;
}

/** Adds the surveys' figures to an evaluation, sorted as the finish sorts (SPEC: same inputs, same bytes). */
export function addSurveys(evaluation: Evaluation, runs: readonly SurveyRun[]): void {
  for (const run of runs) {
    const done = run.finish();
    evaluation.customer.push(...done.customer);
    evaluation.servqual.push(...done.servqual);
    if (done.links.length > 0) (evaluation.customerLinks ??= []).push(...done.links);
    if (done.summaries !== undefined) {
      (evaluation.customerSummaries ??= []).push(...done.summaries.customer);
      (evaluation.servqualSummaries ??= []).push(...done.summaries.servqual);
      if (done.summaries.links.length > 0) (evaluation.customerLinkSummaries ??= []).push(...done.summaries.links);
    }
    const read = evaluation.sources.find((s) => s.source === done.account.source);
    if (read !== undefined) mergeInto(evaluation, read, done);
    else {
      evaluation.invalid.push(...done.invalid);
      evaluation.duplicates.push(...done.duplicates);
      evaluation.sources.push(done.account);
    }
  }
  const byPeriod = <T extends { source: string; period: PeriodRef }>(rows: T[] | undefined): void => {
    // a stable sort keeps SERVQUAL's dimension order, in which the rows are made
    rows?.sort((a, b) => compare(a.source, b.source) || a.period.startMs - b.period.startMs);
  };
  const links = (rows: CustomerLinkRow[] | undefined): void => {
    rows?.sort((a, b) => compare(a.standard, b.standard) || compare(a.survey, b.survey) || a.period.startMs - b.period.startMs);
  };
  byPeriod(evaluation.customer);
  byPeriod(evaluation.servqual);
  byPeriod(evaluation.customerSummaries);
  byPeriod(evaluation.servqualSummaries);
  links(evaluation.customerLinks);
  links(evaluation.customerLinkSummaries);
  evaluation.invalid.sort((a, b) => compare(a.source, b.source) || compare(a.file, b.file) || byLine(a, b) || compare(a.standard ?? '', b.standard ?? ''));
  evaluation.duplicates.sort((a, b) => compare(a.source, b.source) || compare(a.file, b.file) || byLine(a, b));
  evaluation.sources.sort((a, b) => compare(a.source, b.source));
}
