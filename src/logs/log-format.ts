/**
 * Which reader a log file needs (SPEC §5): a file whose name ends in `.parquet`, in any case, is
 * Parquet, read by the DuckDB engine itself (src/run/duckdb-engine.ts); every other file is CSV,
 * read by src/logs/csv.ts. The name decides, as the user wrote it (a glob's match, a --log path),
 * not the bytes: a Parquet file is never opened as CSV to find out.
 */
import { LogFileError, UsageError, type PromiseError } from '../model/errors.js';
import type { LogFile } from './files.js';

export type LogFormat = 'csv' | 'parquet';

export function logFormat(display: string): LogFormat {
  return /\.parquet$/i.test(display) ? 'parquet' : 'csv';
}

/** Who reads CSV only: the built-in engine; a survey source (SPEC §6), whatever the engine; the CSV reader itself (`explain`, say). */
export type CsvOnly = 'builtin-engine' | 'survey' | 'csv-reader';

/** What a reader of CSV only says of a Parquet file. */
export function parquetRefused(display: string, by: CsvOnly): PromiseError {
  switch (by) {
    case 'builtin-engine':
      return new UsageError(`${display}: the built-in engine reads CSV; run with --engine duckdb to read Parquet`);
    case 'survey':
      return new UsageError(`${display}: a survey source is read as CSV by every engine`, 'export the survey responses as CSV');
    case 'csv-reader': {
      const reason = 'it is a Parquet file, which only --engine duckdb reads';
      return new LogFileError(display, `cannot read log file ${display}: ${reason}`, 'run breaches, gaps, report or diff with --engine duckdb, or export the log as CSV', undefined, reason);
    }
  }
}

/** Refuses the first Parquet file among `files`, as `by` says it. */
export function refuseParquet(files: Iterable<LogFile>, by: CsvOnly): void {
  for (const file of files) if (logFormat(file.display) === 'parquet') throw parquetRefused(file.display, by);
}
