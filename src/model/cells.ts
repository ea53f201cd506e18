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
 * Reads the timestamp cells of one source. Mutable fields carry the details of the last read,
 * so the hot path allocates nothing.
 */
export interface TimestampReader {
  /** epoch ms; NaN when the cell is not a timestamp, and then `reason` says why */
  read(cell: string): number;
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
