/**
 * One source's log: its records, the dirty cells put in on purpose, and the CSV files it is
 * written to. The dirt is a fixed number of cells per kind, chosen by the seeded generator
 * among older closed records, so examples/README.md can say exactly what each log holds.
 */
import type { Random } from '../../src/init/random.js';
import { writeCsv, type CsvStyle, type Row } from './csv.js';
import { DAY } from './time.js';

/**
 * The kinds of dirty data real exports contain, each judged `invalid` or counted as a duplicate
 * (SPEC §2, §3); on a survey (SPEC §6) an answer outside the scale, text where a score belongs,
 * and importance weights that do not add up to 100 (rescaled, with a note).
 */
export type DirtKind = 'empty-start' | 'unparseable-timestamp' | 'end-before-start' | 'non-numeric' | 'duplicate-key' | 'out-of-scale' | 'weights-not-100';

/** A cell made dirty on purpose, where it lands in the written files. */
export interface DirtyCell {
  source: string;
  /** registry-relative path of the log file */
  file: string;
  /** the line the record starts on (the header is line 1; a survey's extra header rows follow it) */
  line: number;
  /** the record's key */
  record: string;
  column: string;
  kind: DirtKind;
  /** the cell as written */
  value: string;
}

export interface LogRecord {
  cells: Row;
  /** the instant that dates the record: orders it and picks its file */
  at: number;
}

export interface DirtSpec {
  kind: DirtKind;
  column: string;
  count: number;
  /** the dirty cell; not used for `duplicate-key` */
  value?: (record: LogRecord, random: Random) => string;
  /** which records may carry it, beyond being older than two weeks and clean so far */
  eligible?: (record: LogRecord) => boolean;
}

export interface SourceLog {
  id: string;
  key: string;
  columns: readonly string[];
  style: CsvStyle;
  /** rows written between the header and the records, as a Qualtrics export has two (question text, import ids) */
  headerRows?: readonly Row[];
  records: LogRecord[];
  /** the registry-relative file a record is written to */
  fileOf: (record: LogRecord) => string;
  dirt: readonly DirtSpec[];
}

export interface RenderedLog {
  files: Map<string, string>;
  dirty: DirtyCell[];
}

/** An example's generated files: its delivery logs (`logs/`) and its survey exports (`surveys/`), each with its dirt. */
export interface ExampleData {
  logs: RenderedLog;
  surveys: RenderedLog;
}

/** Code-unit order: the same on every machine, whatever its locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Placed {
  record: LogRecord;
  spec: DirtSpec;
  value: string;
}

/** Applies the dirt, then writes the files; `asOf` keeps the newest records clean. */
export function renderSourceLog(log: SourceLog, random: Random, asOf: number): RenderedLog {
  const records = [...log.records].sort((a, b) => a.at - b.at || compareText(a.cells[log.key] ?? '', b.cells[log.key] ?? ''));
  const touched = new Set<LogRecord>();
  const placed: Placed[] = [];
  for (const spec of log.dirt) {
    const pool = records.filter((r) => r.at < asOf - 14 * DAY && !touched.has(r) && (spec.eligible?.(r) ?? (r.cells[spec.column] ?? '') !== ''));
    if (pool.length < spec.count) throw new Error(`source ${log.id}: only ${pool.length} records can take ${spec.count} × ${spec.kind}`);
    for (let i = 0; i < spec.count; i++) {
      const record = pool.splice(Math.floor(random.next() * pool.length), 1)[0] as LogRecord;
      touched.add(record);
      if (spec.kind === 'duplicate-key') {
        // An export that joins a 1:n table writes the record twice, one after the other.
        const copy: LogRecord = { cells: { ...record.cells }, at: record.at };
        records.splice(records.indexOf(record) + 1, 0, copy);
        touched.add(copy);
        placed.push({ record: copy, spec, value: copy.cells[spec.column] ?? '' });
      } else {
        const value = spec.value?.(record, random) ?? '';
        record.cells[spec.column] = value;
        placed.push({ record, spec, value });
      }
    }
  }
  const byFile = new Map<string, LogRecord[]>();
  for (const record of records) {
    const file = log.fileOf(record);
    const list = byFile.get(file) ?? [];
    list.push(record);
    byFile.set(file, list);
  }
  const files = new Map<string, string>();
  const where = new Map<LogRecord, { file: string; line: number }>();
  for (const file of [...byFile.keys()].sort()) {
    const list = byFile.get(file) ?? [];
    const header = log.headerRows ?? [];
    const written = writeCsv(log.columns, [...header, ...list.map((r) => r.cells)], log.style);
    list.forEach((record, i) => where.set(record, { file, line: written.lines[header.length + i] ?? 0 }));
    files.set(file, written.text);
  }
  const dirty = placed.map(({ record, spec, value }): DirtyCell => {
    const at = where.get(record) ?? { file: '', line: 0 };
    return { source: log.id, file: at.file, line: at.line, record: record.cells[log.key] ?? '', column: spec.column, kind: spec.kind, value };
  });
  dirty.sort((a, b) => compareText(a.file, b.file) || a.line - b.line);
  return { files, dirty };
}

/** The logs of one example: every file of every source, and the dirt put in on purpose. */
export function mergeLogs(logs: readonly RenderedLog[]): RenderedLog {
  const files = new Map<string, string>();
  const dirty: DirtyCell[] = [];
  for (const log of logs) {
    for (const [path, text] of log.files) files.set(path, text);
    dirty.push(...log.dirty);
  }
  return { files: new Map([...files].sort(([a], [b]) => compareText(a, b))), dirty };
}
