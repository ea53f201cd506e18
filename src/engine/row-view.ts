/**
 * One row as the standards of a source see it. STYLE: each timestamp cell of a row is parsed at
 * most once, however many standards read it; the memo is reset by bumping a generation number,
 * so nothing is allocated per row.
 */
import type { TimestampReader, TimestampReading } from '../model/cells.js';
import type { InvalidReason, TimestampProblem } from '../model/evaluation.js';

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

export class RowView {
  cells: readonly string[] = [];
  line = 0;
  private generation = 0;
  private readonly seen: Uint32Array;
  private readonly status: Uint8Array;
  private readonly values: Float64Array;
  private readonly problems: TimestampProblem[];
  private readonly reader: TimestampReader;
  /** where the local times read in a daylight-saving gap or overlap are counted (SPEC §1), once per cell */
  private readonly notes: ClockNotes;

  constructor(columns: number, reader: TimestampReader, notes: ClockNotes = { dstGapTimes: 0, dstOverlapTimes: 0 }) {
    this.notes = notes;
    this.seen = new Uint32Array(columns);
    this.status = new Uint8Array(columns);
    this.values = new Float64Array(columns);
    this.problems = new Array<TimestampProblem>(columns).fill('not-a-timestamp');
    this.reader = reader;
  }

  /** Points the view at the next row. */
  load(cells: readonly string[], line: number): void {
    this.cells = cells;
    this.line = line;
    this.generation = this.generation === 0xffffffff ? 1 : this.generation + 1;
    if (this.generation === 1) this.seen.fill(0);
  }

  cell(column: number): string {
    return this.cells[column] ?? '';
  }

  time(column: number): TimeStatus {
    if (this.seen[column] !== this.generation) this.parse(column);
    switch (this.status[column]) {
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
    return this.values[column] as number;
  }

  /** Why a `bad` cell (or one `endOfDay` could not read) is not a timestamp, as the reason of an invalid record; `name` is the column's. */
  badTime(column: number, name: string): InvalidReason {
    const text = this.cell(column).trim();
    return this.problems[column] === 'not-a-real-time' ? { code: 'not-a-real-time', args: { column: name, text } } : { code: 'not-a-timestamp', args: { column: name, text, format: this.reader.format } };
  }

  /** How a cell reads as a timestamp, in full: for an explanation, not for the hot path. */
  explain(column: number): TimestampReading {
    return this.reader.explain(this.cell(column));
  }

  /** The end of the local day the cell names (the next midnight); NaN when unreadable. */
  endOfDay(column: number): number {
    const ms = this.reader.endOfDay(this.cell(column));
    if (Number.isNaN(ms)) this.problems[column] = this.reader.problem;
    return ms;
  }

  private parse(column: number): void {
    this.seen[column] = this.generation;
    const text = this.cell(column);
    if (text.trim() === '') {
      this.status[column] = EMPTY;
      return;
    }
    const ms = this.reader.read(text);
    if (Number.isNaN(ms)) {
      this.status[column] = BAD;
      this.problems[column] = this.reader.problem;
      return;
    }
    this.values[column] = ms;
    this.status[column] = this.reader.dateOnly ? DATE : TIME;
    const note = this.reader.clockNote;
    if (note !== 0) {
      if (note === 1) this.notes.dstGapTimes++;
      else this.notes.dstOverlapTimes++;
    }
  }
}
