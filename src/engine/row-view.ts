/**
 * One row as the standards of a source see it, read in place from the log reader's batch
 * (RecordBatch): a cell becomes a string only when a standard needs its text, and a timestamp
 * cell is parsed straight from the batch's text. STYLE: each timestamp cell of a batch is parsed
 * at most once, however many standards read it and in whatever order they visit the rows (the
 * evaluation runs each standard over the whole batch in turn); the memo holds a slot per cell
 * of the batch and is reset by bumping a generation number, so nothing is allocated per row.
 */
import { batchOfRows } from '../logs/record-batch.js';
import type { RecordBatch, TimestampReader, TimestampReading } from '../model/cells.js';
import type { InvalidReason, TimestampProblem } from '../model/evaluation.js';
import { parseNumber, type RowCells } from './condition.js';

/** Counts of local times that fell on a clock change. */
interface ClockNotes {
  dstGapTimes: number;
  dstOverlapTimes: number;
}

/** How a timestamp cell read: a time, a date alone, empty, or not a timestamp. */
export type TimeStatus = 'time' | 'date' | 'empty' | 'bad';

const TIME = 1;
const DATE = 2;
const EMPTY = 3;
const BAD = 4;

/** What String.prototype.trim removes: white space and line terminators. */
function isTrimmed(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

export class RowView implements RowCells {
  line = 0;
  private text = '';
  /** the row's first cell in the batch, and how many it has */
  private base = 0;
  private count = 0;
  /** the memo's slot of the row's first column: the row's number in its batch times the columns */
  private slot = 0;
  private readonly columns: number;
  /** the batch the memo is of; a new one bumps the generation */
  private batch: RecordBatch | undefined;
  private generation = 0;
  /** the memo, a slot per cell of the batch (row by row, `columns` to a row); grown with the batch */
  private seen = new Uint32Array(0);
  private status = new Uint8Array(0);
  private values = new Float64Array(0);
  /** the day number of the date written in a cell that read as a timestamp */
  private days = new Float64Array(0);
  private problems: TimestampProblem[] = [];
  /** the clock note of each parsed cell, counted once the cell is read as a time (not by `endOfDay`, which reads only its date) */
  private clockNotes = new Uint8Array(0);
  private noted = new Uint32Array(0);
  private readonly reader: TimestampReader;
  /** where the local times read in a daylight-saving gap or overlap are counted (SPEC §1), once per cell */
  private readonly notes: ClockNotes;

  constructor(columns: number, reader: TimestampReader, notes: ClockNotes = { dstGapTimes: 0, dstOverlapTimes: 0 }) {
    this.notes = notes;
    this.columns = columns;
    this.reader = reader;
  }

  /** Points the view at record `r` of a batch; the records of one batch may be visited in any order, and again. */
  loadRecord(batch: RecordBatch, r: number): void {
    if (batch !== this.batch) this.startBatch(batch);
    const base = batch.first[r] as number;
    this.base = base;
    this.count = (batch.first[r + 1] as number) - base;
    this.line = batch.lines[r] as number;
    this.slot = r * this.columns;
  }

  /**
   * A new batch: the memo forgotten by a new generation, grown to a slot per cell. `loadRecord`
   * calls it for a batch it has not seen; the evaluation calls it for every batch it is pushed,
   * so that a batch object given again with other records could not be read from the memo.
   */
  startBatch(batch: RecordBatch): void {
    this.batch = batch;
    this.text = batch.text;
    this.starts = batch.starts;
    this.ends = batch.ends;
    this.escaped = batch.escaped;
    const slots = batch.count * this.columns;
    if (slots > this.seen.length) {
      const size = Math.max(slots, this.seen.length * 2);
      this.seen = new Uint32Array(size);
      this.status = new Uint8Array(size);
      this.values = new Float64Array(size);
      this.days = new Float64Array(size);
      this.problems = new Array<TimestampProblem>(size).fill('not-a-timestamp');
      this.clockNotes = new Uint8Array(size);
      this.noted = new Uint32Array(size);
      this.generation = 0;
    }
    this.generation = this.generation === 0xffffffff ? 1 : this.generation + 1;
    if (this.generation === 1) {
      this.seen.fill(0);
      this.noted.fill(0);
    }
  }

  /** Points the view at a row given as strings (an explanation, a test). */
  load(cells: readonly string[], line: number): void {
    this.loadRecord(batchOfRows([{ cells: [...cells], line }]), 0);
  }

  /** The cell as read (not trimmed); '' past the row's last cell. */
  cell(column: number): string {
    if (column < 0 || column >= this.count) return '';
    const i = this.base + column;
    const text = this.text.slice(this.starts[i], this.ends[i]);
    return this.escaped[i] === 1 ? text.replaceAll('""', '"') : text;
  }

  private starts: Int32Array = new Int32Array(0);
  private ends: Int32Array = new Int32Array(0);
  private escaped: Uint8Array = new Uint8Array(0);
  /** where the cell `span` last looked at lies in the text, trimmed */
  private spanStart = 0;
  private spanEnd = 0;

  /**
   * Finds where the trimmed cell lies in the text (spanStart, spanEnd); false for a cell written
   * with doubled quotes, whose text must be made a string first.
   */
  private span(column: number): boolean {
    if (column < 0 || column >= this.count) {
      this.spanStart = this.spanEnd = 0;
      return true;
    }
    const i = this.base + column;
    if (this.escaped[i] === 1) return false;
    const text = this.text;
    let s = this.starts[i] as number;
    let e = this.ends[i] as number;
    while (s < e && isTrimmed(text.charCodeAt(s))) s++;
    while (e > s && isTrimmed(text.charCodeAt(e - 1))) e--;
    this.spanStart = s;
    this.spanEnd = e;
    return true;
  }

  trimmed(column: number): string {
    if (!this.span(column)) return this.cell(column).trim();
    return this.text.slice(this.spanStart, this.spanEnd);
  }

  /** True when the cell holds nothing but white space. */
  isBlank(column: number): boolean {
    if (!this.span(column)) return this.cell(column).trim() === '';
    return this.spanStart === this.spanEnd;
  }

  is(column: number, value: string): boolean {
    if (!this.span(column)) return this.cell(column).trim() === value;
    return this.spanEnd - this.spanStart === value.length && this.text.startsWith(value, this.spanStart);
  }

  /** The position in `values` of the first that the trimmed cell is, or -1: the cell is found in the text once, then compared in place. */
  indexOf(column: number, values: readonly string[]): number {
    if (!this.span(column)) return values.indexOf(this.cell(column).trim());
    const start = this.spanStart;
    const length = this.spanEnd - start;
    const text = this.text;
    for (let i = 0; i < values.length; i++) {
      const value = values[i] as string;
      if (value.length === length && text.startsWith(value, start)) return i;
    }
    return -1;
  }

  number(column: number): number | undefined {
    if (this.span(column)) {
      // a whole number of up to 15 digits is read in place, exactly as Number reads it
      const start = this.spanStart;
      const end = this.spanEnd;
      const text = this.text;
      let i = start;
      const sign = i < end ? text.charCodeAt(i) : 0;
      if (sign === 43 || sign === 45) i++;
      if (end > i && end - i <= 15) {
        let n = 0;
        for (; i < end; i++) {
          const d = text.charCodeAt(i) - 48;
          if (d < 0 || d > 9) break;
          n = n * 10 + d;
        }
        if (i === end) return sign === 45 ? -n : n;
      }
    }
    return parseNumber(this.trimmed(column));
  }

  time(column: number): TimeStatus {
    const at = this.slot + column;
    if (this.seen[at] !== this.generation) this.parse(column, at);
    const note = this.clockNotes[at];
    if (note !== 0 && this.noted[at] !== this.generation) {
      this.noted[at] = this.generation;
      if (note === 1) this.notes.dstGapTimes++;
      else this.notes.dstOverlapTimes++;
    }
    switch (this.status[at]) {
      case TIME:
        return 'time';
      case DATE:
        return 'date';
      case EMPTY:
        return 'empty';
      default:
        return 'bad';
    }
  }

  /** The instant of a cell whose status is `time` or `date`. */
  value(column: number): number {
    return this.values[this.slot + column] as number;
  }

  /** Why a `bad` cell is not a timestamp, as the reason of an invalid record; `name` is the column's. */
  badTime(column: number, name: string): InvalidReason {
    return this.problems[this.slot + column] === 'not-a-real-time' ? { code: 'not-a-real-time', args: { column: name, text: this.cell(column).trim() } } : this.notADay(column, name);
  }

  /** Why a cell `endOfDay` could not read names no day: always `not-a-timestamp`, whatever the cell's own problem (which other standards of the row still read). */
  notADay(column: number, name: string): InvalidReason {
    return { code: 'not-a-timestamp', args: { column: name, text: this.cell(column).trim(), format: this.reader.format } };
  }

  /** How a cell reads as a timestamp, in full: for an explanation, not for the hot path. */
  explain(column: number): TimestampReading {
    return this.reader.explain(this.cell(column));
  }

  /** The end of the local day the cell names (the next midnight); NaN when unreadable. */
  endOfDay(column: number): number {
    const at = this.slot + column;
    if (this.seen[at] !== this.generation) this.parse(column, at);
    const status = this.status[at];
    if (status === EMPTY || status === BAD) return Number.NaN;
    return this.reader.endOfWrittenDay(this.days[at] as number);
  }

  /** Parses the row's cell `column` into the memo's slot `at`. */
  private parse(column: number, at: number): void {
    this.seen[at] = this.generation;
    this.clockNotes[at] = 0;
    let ms: number;
    if (!this.span(column)) {
      const text = this.cell(column);
      if (text.trim() === '') {
        this.status[at] = EMPTY;
        return;
      }
      ms = this.reader.read(text);
    } else {
      if (this.spanStart === this.spanEnd) {
        this.status[at] = EMPTY;
        return;
      }
      ms = this.reader.readAt(this.text, this.spanStart, this.spanEnd);
    }
    if (Number.isNaN(ms)) {
      this.status[at] = BAD;
      this.problems[at] = this.reader.problem;
      return;
    }
    this.values[at] = ms;
    this.days[at] = this.reader.writtenDay;
    this.status[at] = this.reader.dateOnly ? DATE : TIME;
    this.clockNotes[at] = this.reader.clockNote;
  }
}
