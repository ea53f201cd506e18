/**
 * The log reader's fast path: finds the cells of well-formed records as spans of the chunk's
 * text (RecordBatch), with native `indexOf` searches and no string per cell. It reads exactly
 * what papaparse reads for every record it takes, and takes only records it is sure of: the
 * first record that is not plain RFC 4180 (a quote that closes a cell but is followed by
 * anything other than the delimiter or a line end, a quote never closed at the end of the file)
 * stops it, and papaparse, the reference, reads the rest of the chunk (src/logs/csv.ts). A
 * property test holds both to the same cells and lines on random text
 * (test/logs/tokenize.property.test.ts); the figures that chose it are in docs/csv-parsers.md.
 *
 * The text it is given has every line end outside quoted cells made one LF, and starts at a
 * record boundary.
 */
import type { RecordBatch } from '../model/cells.js';
import type { RowProblem } from '../model/evaluation.js';

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Growable columns of a batch being built. One builder serves every chunk of a reading: the
 * batch it gives is a view of its arrays, valid until the next chunk is tokenized (as the
 * chunk's bytes are valid until the next read), so a reading allocates no arrays per chunk.
 */
export class BatchBuilder {
  count = 0;
  cells = 0;
  first: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  escaped: Uint8Array;
  lines: Int32Array;
  problems: (RowProblem | undefined)[] | undefined;

  /** sized for a text of `length` characters of a log's usual shape, grown when it is not */
  constructor(length: number) {
    const records = (length >> 6) + 16;
    const cells = (length >> 3) + 64;
    this.first = new Int32Array(records);
    this.lines = new Int32Array(records);
    this.starts = new Int32Array(cells);
    this.ends = new Int32Array(cells);
    this.escaped = new Uint8Array(cells);
  }

  /** Empties the builder for the next text, keeping its arrays (they only ever grow). */
  reset(): void {
    this.count = 0;
    this.cells = 0;
    this.problems = undefined;
  }

  cell(start: number, end: number, escaped: number): void {
    if (this.cells === this.starts.length) {
      const size = this.starts.length * 2;
      this.starts = grow(this.starts, size);
      this.ends = grow(this.ends, size);
      const e = new Uint8Array(size);
      e.set(this.escaped);
      this.escaped = e;
    }
    this.starts[this.cells] = start;
    this.ends[this.cells] = end;
    this.escaped[this.cells] = escaped;
    this.cells++;
  }

  /** Opens record `count` at the current cell. */
  record(line: number): void {
    if (this.count + 1 >= this.first.length) {
      this.first = grow(this.first, this.first.length * 2);
      this.lines = grow(this.lines, this.lines.length * 2);
    }
    this.first[this.count] = this.cells;
    this.lines[this.count] = line;
  }

  /** Closes the record opened last, with its problem if it has one. */
  keep(problem: RowProblem | undefined): void {
    if (problem !== undefined) {
      this.problems ??= [];
      this.problems[this.count] = problem;
    }
    this.count++;
  }

  /** Forgets the cells of the record opened last (a blank line, a header line). */
  drop(): void {
    this.cells = this.first[this.count] as number;
  }

  batch(text: string): RecordBatch {
    this.first[this.count] = this.cells;
    const problems = this.problems;
    if (problems !== undefined && problems.length < this.count) problems.length = this.count;
    return {
      text,
      count: this.count,
      first: this.first.subarray(0, this.count + 1),
      starts: this.starts.subarray(0, this.cells),
      ends: this.ends.subarray(0, this.cells),
      escaped: this.escaped.subarray(0, this.cells),
      lines: this.lines.subarray(0, this.count),
      problems,
    };
  }
}

function grow(a: Int32Array, size: number): Int32Array {
  const out = new Int32Array(size);
  out.set(a);
  return out;
}

/** Line ends in text[start, end): LF, CRLF and CR alone count one each. */
function lineEndsBetween(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', start); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  for (let i = text.indexOf('\r', start); i !== -1 && i < end; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== LF) n++;
  return n;
}

export interface TokenizeState {
  /** the line on which the next record starts */
  line: number;
  /** header lines still to be skipped (not blank lines) */
  headerLeft: number;
}

export interface Tokenized {
  batch: RecordBatch;
  /** where the records read end: the start of the unfinished record, of the one left to papaparse, or the end */
  end: number;
  /** true when the record at `end` is one the fast path does not read: papaparse reads from there */
  handOver: boolean;
}

/**
 * The records of `text` that the fast path can read, from its start. Unless `last`, a record
 * that does not end within the text is left unread (`end` is its start), as papaparse leaves
 * it with "ignore the last row". `state` is updated for the records read. With a `builder`, the
 * batch is built in its arrays: valid until the builder's next use.
 */
export function tokenize(text: string, delimiter: string, columns: number, last: boolean, state: TokenizeState, builder?: BatchBuilder): Tokenized {
  const b = builder ?? new BatchBuilder(text.length);
  b.reset();
  const n = text.length;
  const delimiterCode = delimiter.charCodeAt(0);
  const hasCr = text.indexOf('\r') !== -1;
  let line = state.line;
  let headerLeft = state.headerLeft;
  let nextDelim = text.indexOf(delimiter);
  let nextNewline = text.indexOf('\n');
  let at = 0;
  let handOver = false;
  records: while (at < n) {
    let c = at;
    let breaks = 0;
    b.record(line);
    for (;;) {
      if (text.charCodeAt(c) === QUOTE) {
        // a quoted cell: up to the quote that is not doubled
        let q = text.indexOf('"', c + 1);
        let escaped = 0;
        while (q !== -1 && q + 1 < n && text.charCodeAt(q + 1) === QUOTE) {
          escaped = 1;
          q = text.indexOf('"', q + 2);
        }
        if (q === -1 || (q === n - 1 && !last)) {
          // not closed within the text: unfinished, or (at the end of the file) papaparse's to report
          handOver = last;
          break records;
        }
        const after = q + 1 < n ? text.charCodeAt(q + 1) : -1;
        if (after !== -1 && after !== LF && after !== delimiterCode) {
          // a CR that ends the text may be the first half of a CRLF: the record is unfinished
          if (!(after === CR && q + 2 === n && !last)) handOver = true;
          break records;
        }
        b.cell(c + 1, q, escaped);
        if (nextNewline !== -1 && nextNewline < q) {
          breaks += lineEndsBetween(text, c + 1, q);
          nextNewline = text.indexOf('\n', q);
        } else if (hasCr) breaks += lineEndsBetween(text, c + 1, q);
        if (nextDelim !== -1 && nextDelim < q) nextDelim = text.indexOf(delimiter, q);
        if (after === -1) {
          at = n;
          break;
        }
        if (after === LF) {
          at = q + 2;
          nextNewline = text.indexOf('\n', at);
          break;
        }
        c = q + 2;
        continue;
      }
      if (nextDelim !== -1 && nextDelim < c) nextDelim = text.indexOf(delimiter, c);
      if (nextDelim !== -1 && (nextDelim < nextNewline || nextNewline === -1)) {
        b.cell(c, nextDelim, 0);
        c = nextDelim + 1;
        nextDelim = text.indexOf(delimiter, c);
        continue;
      }
      if (nextNewline !== -1) {
        b.cell(c, nextNewline, 0);
        at = nextNewline + 1;
        nextNewline = text.indexOf('\n', at);
        break;
      }
      // no line end left: the end of the file ends the record; elsewhere it is unfinished
      if (!last) break records;
      b.cell(c, n, 0);
      at = n;
      break;
    }
    line += 1 + breaks;
    const count = b.cells - (b.first[b.count] as number);
    // a blank line is no record but still a line; in a one-column log an empty cell reads as one too
    if (count === 1 && b.ends[b.cells - 1] === b.starts[b.cells - 1]) {
      b.drop();
      continue;
    }
    if (headerLeft > 0) {
      headerLeft--;
      b.drop();
      continue;
    }
    b.keep(count === columns ? undefined : { code: 'row-cell-count', args: { cells: count, columns } });
  }
  // the record left unread starts where the last one read ended; its cells are not kept
  const end = at;
  if (end < n) b.drop();
  state.line = line;
  state.headerLeft = headerLeft;
  return { batch: b.batch(text), end, handOver };
}
