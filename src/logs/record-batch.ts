/**
 * Batches of records (RecordBatch, src/model/cells.ts) to and from rows of strings: for the
 * readers that want every cell as a string, and for rows that come from elsewhere (the part of a
 * log papaparse reads, an explanation, a test).
 */
import type { LogRow, RecordBatch } from '../model/cells.js';
import type { RowProblem } from '../model/evaluation.js';

/** A record with its cells as strings, as the log reader's `batches()` gives it. */
interface StringRecord {
  cells: string[];
  line: number;
  problem?: RowProblem;
}

/** The records of a batch as CsvRecords: every cell a string. */
export function recordsOf(batch: RecordBatch): StringRecord[] {
  const out = new Array<StringRecord>(batch.count);
  const { text, first, starts, ends, escaped, lines, problems } = batch;
  for (let r = 0; r < batch.count; r++) {
    const cells: string[] = [];
    for (let i = first[r] as number; i < (first[r + 1] as number); i++) {
      const cell = text.slice(starts[i], ends[i]);
      cells.push(escaped[i] === 1 ? cell.replaceAll('""', '"') : cell);
    }
    const problem = problems?.[r];
    out[r] = problem === undefined ? { cells, line: lines[r] as number } : { cells, line: lines[r] as number, problem };
  }
  return out;
}

/** Rows given as strings as a batch: their cells laid end to end in one text. */
export function batchOfRows(rows: readonly LogRow[]): RecordBatch {
  let cellCount = 0;
  for (const r of rows) cellCount += r.cells.length;
  const first = new Int32Array(rows.length + 1);
  const starts = new Int32Array(cellCount);
  const ends = new Int32Array(cellCount);
  const lines = new Int32Array(rows.length);
  const parts: string[] = [];
  let problems: (RowProblem | undefined)[] | undefined;
  let at = 0;
  let i = 0;
  rows.forEach((r, k) => {
    first[k] = i;
    lines[k] = r.line;
    if (r.problem !== undefined) {
      problems ??= new Array<RowProblem | undefined>(rows.length);
      problems[k] = r.problem;
    }
    for (const cell of r.cells) {
      parts.push(cell);
      starts[i] = at;
      at += cell.length;
      ends[i++] = at;
    }
  });
  first[rows.length] = i;
  return { text: parts.join(''), count: rows.length, first, starts, ends, escaped: new Uint8Array(cellCount), lines, problems };
}

