/** What the engine needs from a log: rows of cells, and a way to read a source's timestamps. */
import type { RowProblem, TimestampProblem } from './evaluation.js';

/** One data row of a log file. */
export interface LogRow {
  cells: string[];
  /** 1-based line on which the row starts; the header is line 1 */
  line: number;
  /** why the row itself cannot be trusted (ragged, unterminated quote, bytes not UTF-8) */
  problem?: RowProblem | undefined;
}

/**
 * Records as the log reader found them: each cell a span of one text, made a string only when
 * something reads it (most cells of a log are read by no standard). The engine reads the cells
 * it needs in place: timestamps and the values a condition compares are not copied out.
 */
export interface RecordBatch {
  readonly text: string;
  readonly count: number;
  /** record r's cells are cells first[r] to first[r + 1] - 1 */
  readonly first: Int32Array;
  /** where each cell starts and ends in `text` (within its quotes, when it is quoted) */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** 1 for a quoted cell written with doubled quotes, each of which stands for one quote */
  readonly escaped: Uint8Array;
  /** 1-based line on which each record starts */
  readonly lines: Int32Array;
  /** why each record cannot be trusted; undefined when every record of the batch is fine */
  readonly problems: readonly (RowProblem | undefined)[] | undefined;
}

/**
 * Reads the timestamp cells of one source. Mutable fields carry the details of the last read,
 * so the hot path allocates nothing.
 */
export interface TimestampReader {
  /** epoch ms; NaN when the cell is not a timestamp, and then `reason` says why */
  read(cell: string): number;
  /** `read` of the cell text[start, end), without making a string of it */
  readAt(text: string, start: number, end: number): number;
  /** after a successful read: the day number (days since 1970-01-01) of the date written in the cell */
  writtenDay: number;
  /** the end of the local day `writtenDay` names: the next local midnight */
  endOfWrittenDay(day: number): number;
  /** after a successful read: true when the cell held a date alone */
  dateOnly: boolean;
  /**
   * after a successful read: 1 when the cell held a local time the clocks skip (a daylight-saving
   * gap, read with the offset before the jump), 2 when it held one they show twice (read as the
   * earlier), else 0. SPEC §1: neither is a data error; the data-quality section counts them.
   */
  clockNote: 0 | 1 | 2;
  /** after a failed read: why (the cell was no timestamp at all, or named a date and time that does not exist) */
  problem: TimestampProblem;
  /** the source's timestamp_format, or undefined for ISO 8601: what a cell must look like */
  readonly format: string | undefined;
  /** what `read` makes of a cell, in full, for an explanation (not for the hot path) */
  explain(cell: string): TimestampReading;
  /** the end of the local day written in the cell, i.e. the next local midnight; NaN when unreadable */
  endOfDay(cell: string): number;
}

/** How one timestamp cell was read: what `promise explain` shows of a start or an end. */
export interface TimestampReading {
  /** epoch ms; NaN when the cell is not a timestamp (then `problem` says why) */
  ms: number;
  problem: TimestampProblem | undefined;
  dateOnly: boolean;
  /** the offset written in the cell, in minutes; undefined for a local time */
  writtenOffset: number | undefined;
  /** the zone a local time is read in (the source's) */
  zone: string;
  /** the offset from UTC the instant was read with, in minutes */
  offset: number;
  /** as TimestampReader.clockNote */
  clockNote: 0 | 1 | 2;
}
