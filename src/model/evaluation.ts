/**
 * What an evaluation of delivery logs produces (SPEC §2): plain data, camelCase inside; each
 * formatter maps it to SPEC's pinned snake_case shapes field by field.
 */

/** The length of a standard's periods. */
export type PeriodKind = 'week' | 'month' | 'quarter' | 'year';

/** The outcome of one record under one standard (SPEC §2). */
export type Outcome = 'met' | 'breached' | 'pending' | 'at_risk' | 'skipped' | 'invalid';

/** A standard's status in one period. */
export type PeriodStatus = 'met' | 'missed' | 'on-track' | 'at-risk' | 'no-data';

/** A promise's status in one period. */
export type PromiseStatus = 'kept' | 'broken' | 'unmeasured' | 'in-progress';

/** A named period: `2026-Q3`, `2026-07`, `2026`, `2026-W27`, `FY2027-Q1`; [startMs, endMs). */
export interface PeriodRef {
  kind: PeriodKind;
  key: string;
  startMs: number;
  endMs: number;
}

export interface Remedy {
  action: string;
  credit: number | undefined;
  currency: string | undefined;
}

/** A record that breached a standard (or, with --at-risk, is at risk of it). */
export interface Breach {
  standard: string;
  promise: string;
  owner: string;
  source: string;
  /** the record's key cell */
  record: string;
  /** the log file, registry-relative (or relative to the working folder for --log files) */
  file: string;
  line: number | null;
  period: string;
  outcome: 'breached' | 'at_risk';
  /** not done at as_of */
  open: boolean;
  startMs: number;
  /** when it was done; undefined while open */
  endMs: number | undefined;
  /** when it was due (grace included); undefined for a condition */
  dueMs: number | undefined;
  /** time used, as the standard measures it (open time with a calendar, less paused minutes) */
  elapsedSeconds: number | undefined;
  /** the allowance, as the standard measures it */
  limitSeconds: number | undefined;
  /** SPEC §2: elapsed - limit with an h/m/s limit; wall-clock from due to the end (or as_of) otherwise */
  overSeconds: number | undefined;
  remedy: Remedy | undefined;
}

/** Why a numeric comparison of a condition could not be decided, with the test it was (`>= 4`). */
export interface CompareArgs {
  column: string;
  /** the cell, trimmed; empty for `compare-empty` */
  text: string;
  op: 'gt' | 'gte' | 'lt' | 'lte';
  value: number;
}

/** A condition that could not be decided (SPEC §1: a data error, never a silent false). */
export type ConditionProblem =
  | { code: 'compare-empty'; args: CompareArgs }
  | { code: 'compare-not-a-number'; args: CompareArgs }
  | { code: 'compare-out-of-range'; args: CompareArgs };

/** Why a data row of a log cannot be trusted at all (the CSV reader's findings). */
export type RowProblem =
  | { code: 'row-unclosed-quote'; args: { openedOn: number } }
  | { code: 'row-text-after-quote'; args: Record<string, never> }
  | { code: 'row-cell-count'; args: { cells: number; columns: number } }
  | { code: 'row-not-utf8'; args: Record<string, never> };

/** What a timestamp reader says of a cell it could not read. */
export type TimestampProblem = 'not-a-timestamp' | 'not-a-real-time';

/**
 * Why a record could not be judged: a code with its arguments. The sentences are made in one
 * place (report/shared/invalid-reasons.ts); JSON writes the code as `reason_code`.
 */
export type InvalidReason =
  | RowProblem
  | ConditionProblem
  | { code: 'where-undecidable'; args: { problem: ConditionProblem } }
  | { code: 'start-empty'; args: { column: string } }
  /** `format`: the source's timestamp_format, undefined for ISO 8601 */
  | { code: 'not-a-timestamp'; args: { column: string; text: string; format: string | undefined } }
  | { code: 'not-a-real-time'; args: { column: string; text: string } }
  /** an engine that runs SQL cannot read cells of this `timestamp_format` as the built-in reader does (docs/sql.md) */
  | { code: 'not-read-in-sql'; args: { column: string; text: string; format: string } }
  | { code: 'end-before-start'; args: { end: string; start: string } }
  | { code: 'due-before-start'; args: { due: string; start: string } }
  | { code: 'done-before-start'; args: { done: string; start: string } }
  | { code: 'pause-not-a-number'; args: { column: string; text: string } }
  | { code: 'pause-out-of-range'; args: { column: string; text: string } }
  | { code: 'not-a-number'; args: { column: string; text: string } }
  | { code: 'nps-not-a-score'; args: { column: string; text: string } }
  | { code: 'number-out-of-range'; args: { column: string; text: string } }
  | SurveyProblem;

/**
 * What a survey response holds that is not counted as written (SPEC §6). An answer or weight that
 * cannot be read is a data error: left out of its mean, listed. A respondent with no perception
 * answer for a dimension is not counted for that dimension, and weights that do not add up to 100
 * are rescaled: both are notes, listed too, so nothing is left out unseen.
 */
export type SurveyProblem =
  | { code: 'answer-not-a-number'; args: { column: string; text: string } }
  | { code: 'answer-out-of-scale'; args: { column: string; text: string; lo: number; hi: number } }
  | { code: 'weight-not-a-number'; args: { column: string; text: string } }
  | { code: 'weights-missing'; args: { columns: string[] } }
  | { code: 'weights-zero'; args: Record<string, never> }
  | { code: 'weights-rescaled'; args: { sum: number } }
  | { code: 'no-perception'; args: { dimension: string; expectations: number } }
  /** SPEC §6 `links`: the linked source has no row with this key (a data error: the response is not compared) */
  | { code: 'link-not-found'; args: { column: string; text: string; source: string } }
  /** the linked key is on several met or breached rows of `standard`: the response is compared with each (a note) */
  | { code: 'link-repeated'; args: { column: string; text: string; source: string; standard: string; rows: number } };

/** A record that could not be judged, with where it is and why (never dropped silently). */
export type InvalidRecord = InvalidReason & {
  source: string;
  /** the standard it could not be judged for; undefined when the row itself is unreadable */
  standard: string | undefined;
  file: string;
  line: number | null;
  record: string;
  /** the period of its start, when the start could be read */
  period: string | undefined;
};

/** A record key seen more than once in a source's files. */
export interface DuplicateKey {
  source: string;
  record: string;
  file: string;
  line: number | null;
  /** where the key was first seen */
  firstFile: string;
  firstLine: number | null;
}

/**
 * One standard in one period (SPEC §2, `promise gaps`). SPEC §2: an average judges the period by
 * its mean, no single record, so its `met`, `breached`, `compliance` and `target` are undefined
 * (null in JSON), and its `gap` is the mean's distance from the bound.
 */
export interface GapRow {
  standard: string;
  promise: string;
  owner: string;
  period: PeriodRef;
  /** every record in scope whose start lies in the period; for an average, the values counted */
  records: number;
  /** undefined for an average */
  met: number | undefined;
  /** undefined for an average */
  breached: number | undefined;
  /** pending records, at-risk ones included */
  pending: number;
  atRisk: number;
  skipped: number;
  invalid: number;
  /** met / (met + breached); undefined when nothing was judged, and for an average */
  compliance: number | undefined;
  /** undefined for an average, which has none */
  target: number | undefined;
  /** compliance - target; for an average, average - bound (at_least) or bound - average (at_most); negative is short */
  gap: number | undefined;
  status: PeriodStatus;
  /** elapsed-time percentiles of judged records (duration standards only), seconds */
  p50Seconds: number | undefined;
  p90Seconds: number | undefined;
  pTargetSeconds: number | undefined;
  /** mean of the column (average standards only) */
  average: number | undefined;
  /** average standards: the bound the mean is held against */
  bound?: AverageBound | undefined;
  /** duration standards: the clock its elapsed times run on (see `Clock`) */
  clock?: Clock | undefined;
  /** credits owed for this period's breaches, by currency */
  credits: Record<string, number>;
  /** with details (the report): the median allowance of judged records, seconds (duration only) */
  typicalLimitSeconds?: number | undefined;
  /** with details (the report): how the elapsed times of judged records spread (duration only) */
  histogram?: Histogram | undefined;
}

/** An average's bound: the mean must be at least (`≥`) or at most (`≤`) the value. */
export interface AverageBound {
  op: '≥' | '≤';
  value: number;
  /** SPEC §6: the figure is a Net Promoter Score (−100..100), shown `NPS +32`, not a mean */
  nps?: true;
}

/**
 * What a duration's elapsed seconds count: wall-clock time, or open time on a business calendar
 * (an h/m/s limit on a calendar, or a bd limit, counted in open hours). Outputs show open time as
 * hours of open time, never as days, which would read as wall-clock days.
 */
export type Clock = 'wall' | 'open';

/** Equal bins of elapsed time from 0 to `upperSeconds`; `over` counts the rest. */
export interface Histogram {
  upperSeconds: number;
  counts: number[];
  over: number;
}

/** A standard's status over one period of the roll-up: its own periods in it, combined. */
export interface StandardRollup {
  standard: string;
  period: PeriodRef;
  /** missed if any of its periods in it missed, met if all met (see rollup.ts) */
  status: PeriodStatus;
}

/** Every standard, promise, owner and dimension rolled up over each of some periods (the report's). */
export interface PeriodRollups {
  standards: StandardRollup[];
  promises: PromiseRollup[];
  owners: OwnerRollup[];
  dimensions: DimensionRollup[];
}

export interface PromiseRollup {
  promise: string;
  owner: string;
  dimension: string;
  /** undefined for a promise that no standard measures */
  period: PeriodRef | undefined;
  status: PromiseStatus;
  /** the standards that decided it, with their status in the period */
  standards: { standard: string; status: PeriodStatus }[];
}

/** Counts shared by the owner and dimension roll-ups. */
export interface RollupCounts {
  standards: number;
  met: number;
  missed: number;
  onTrack: number;
  atRisk: number;
  noData: number;
  promises: number;
  kept: number;
  broken: number;
  inProgress: number;
  unmeasured: number;
  /** records judged across its standards, and of them the ones met */
  judged: number;
  judgedMet: number;
  breaches: number;
  /** judgedMet / judged; undefined when nothing was judged */
  compliance: number | undefined;
}

export interface OwnerRollup extends RollupCounts {
  owner: string;
  period: PeriodRef;
}

export interface DimensionRollup extends RollupCounts {
  dimension: string;
  period: PeriodRef;
}

/**
 * How every data row of a source was used by one standard. SPEC §3: in scope (counted in a
 * period) + out of scope + future + invalid without a period (+ skipped without a period)
 * adds up to the source's rows.
 */
export interface StandardAccount {
  standard: string;
  inPeriods: number;
  outOfScope: number;
  future: number;
  invalidWithoutPeriod: number;
  /** a deadline without a start column whose due is empty: nothing to judge and no date */
  skippedWithoutPeriod: number;
}

export interface SourceAccount {
  source: string;
  files: number;
  rows: number;
  /** rows invalid for at least one standard, or unreadable as a row */
  invalid: number;
  /** rows whose key was already seen (each counted and evaluated as it occurs); `Evaluation.duplicates` lists the first of them */
  duplicateKeys: number;
  /** SPEC §1: local times read that the clocks skip (a daylight-saving gap), moved forward by the gap: a note, not an error */
  dstGapTimes: number;
  /** SPEC §1: local times read that the clocks show twice (the autumn overlap), read as the earlier */
  dstOverlapTimes: number;
  standards: StandardAccount[];
}

/** The customer gap of one survey source, dimension and period (SPEC §6); a mean is undefined where it is not computed. */
export interface CustomerGapRow {
  source: string;
  dimension: string;
  period: PeriodRef;
  /** responses with at least one answered perception item of the dimension */
  respondents: number;
  expectation: number | undefined;
  perception: number | undefined;
  /** mean of P - E over respondents with both; undefined for SERVPERF */
  gap: number | undefined;
  /** mean share of the respondent's points on the dimension; undefined without weights */
  weight: number | undefined;
  weightedGap: number | undefined;
  /** as_of is at or after the period's end */
  finished: boolean;
}

/** SPEC §6: the overall SERVQUAL score of one survey source and period. */
export interface ServqualRow {
  source: string;
  period: PeriodRef;
  /** mean of the dimensions' gaps; undefined when no dimension has one */
  servqual: number | undefined;
  servqualWeighted: number | undefined;
}

/** SPEC §6 `links`: per standard on the linked source and the record's period, the mean perception of responses whose record met the standard against those whose record breached it. */
export interface CustomerLinkRow {
  standard: string;
  survey: string;
  period: PeriodRef;
  metResponses: number;
  metMean: number | undefined;
  breachedResponses: number;
  breachedMean: number | undefined;
  /** metMean - breachedMean; undefined unless both are */
  difference: number | undefined;
}

export interface Evaluation {
  asOfMs: number;
  breaches: Breach[];
  invalid: InvalidRecord[];
  /** the first repeated keys of each source in file order, at most 100 a source (so memory stays flat, SPEC §5); SourceAccount.duplicateKeys counts them all */
  duplicates: DuplicateKey[];
  gaps: GapRow[];
  /** with `alsoBy`: every standard's rows over periods of that length too (the report's quarter) */
  summaries: GapRow[];
  promises: PromiseRollup[];
  owners: OwnerRollup[];
  dimensions: DimensionRollup[];
  /** with `alsoBy`: the same roll-ups over each summary period (and `within` one), every promise and owner in scope listed */
  periodRollups?: PeriodRollups;
  sources: SourceAccount[];
  /** SPEC §6: per survey source, dimension and period, sorted by source, period, then SERVQUAL's dimension order */
  customer: CustomerGapRow[];
  /** SPEC §6: per survey source and period, sorted by source, then period */
  servqual: ServqualRow[];
  /** SPEC §6 `links`: sorted by standard, survey, then period; absent without linked surveys */
  customerLinks?: CustomerLinkRow[];
  /** with `alsoBy`: the customer gap over periods of that length too (the report's quarter), sorted as `customer` */
  customerSummaries?: CustomerGapRow[];
  /** with `alsoBy`: the SERVQUAL scores over those periods */
  servqualSummaries?: ServqualRow[];
  /** with `alsoBy` and linked surveys: met against breached by the record's period of that length */
  customerLinkSummaries?: CustomerLinkRow[];
}

/** Orders two rows of one file by line; rows of a table, which have no lines (SPEC §5), by key, after any that have one. */
export function byLine(a: { line: number | null; record: string }, b: { line: number | null; record: string }): number {
  if (a.line !== null && b.line !== null) return a.line - b.line;
  if (a.line === null && b.line === null) return a.record < b.record ? -1 : a.record > b.record ? 1 : 0;
  return a.line === null ? 1 : -1;
}

/** A row's place as a key, one per row: its file and line, or in a table, which has no lines (SPEC §5), its file and record key. */
export function placeOf(r: { file: string; line: number | null; record: string }): string {
  return r.line === null ? `${r.file}\u0000k\u0000${r.record}` : `${r.file}\u0000${r.line}`;
}

/** Where a row is, as the reports write it: `file:line`, or in a table, which has no lines (SPEC §5), the table's name. */
export function whereOf(r: { file: string; line: number | null }): string {
  return r.line === null ? r.file : `${r.file}:${r.line}`;
}
