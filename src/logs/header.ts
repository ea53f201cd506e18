/** The header line of a log file (a Parquet file's column names): what `promise check` compares a standard's columns with. */
import { BlankHeaderError, EmptyLogError, LogFileError } from '../model/errors.js';
import type { HeaderLayout } from '../registry/model.js';
import { openCsv } from './csv.js';
import { PLAIN_HEADER } from './header-layout.js';
import { logFormat } from './log-format.js';
import { readParquetColumns } from './parquet.js';
import type { LogRefusal, SourceFiles } from './files.js';

export interface FileHeader {
  display: string;
  /** the column names; undefined when the file could not be read or is empty */
  columns: string[] | undefined;
  /** why there are no columns */
  problem?: { kind: 'unreadable' | 'empty'; message: string; hint?: string };
}

export interface SourceHeaders {
  patterns: string[];
  overridden: boolean;
  files: FileHeader[];
  /** what the source's globs name but is not read, because of where it leads (src/logs/files.ts) */
  refused: LogRefusal[];
}

/**
 * The header of one log file, read by the same reader as the evaluation (src/logs/csv.ts), so
 * that `check` and the evaluating commands agree on every file; a file without one says why. A
 * Parquet file's columns are the names in its footer (src/logs/parquet.ts), as the DuckDB engine
 * reads them.
 */
export async function readHeader(abs: string, delimiter: string, display = abs, header: HeaderLayout = PLAIN_HEADER): Promise<Pick<FileHeader, 'columns' | 'problem'>> {
  try {
    if (logFormat(display) === 'parquet') return { columns: await readParquetColumns(abs, display) };
    return { columns: (await openCsv(abs, display, { delimiter, header })).header };
  } catch (err) {
    if (err instanceof EmptyLogError) return { columns: undefined, problem: { kind: 'empty', message: 'the file is empty: it has no header line' } };
    if (err instanceof BlankHeaderError) return { columns: undefined, problem: { kind: 'empty', message: 'the first line is empty: the header must be line 1' } };
    // said of the file where it is shown, so the message leaves out its path
    if (err instanceof LogFileError) {
      const problem = { kind: 'unreadable' as const, message: err.reason ?? err.message };
      return { columns: undefined, problem: err.hint === undefined ? problem : { ...problem, hint: err.hint } };
    }
    throw err;
  }
}

export async function readSourceHeaders(sources: ReadonlyMap<string, SourceFiles>): Promise<Map<string, SourceHeaders>> {
  const out = new Map<string, SourceHeaders>();
  for (const [id, { source, patterns, overridden, files, refused }] of sources) {
    const headers: FileHeader[] = [];
    for (const file of files) headers.push({ display: file.display, ...(await readHeader(file.abs, source.delimiter ?? ',', file.display, source.header)) });
    out.set(id, { patterns, overridden, files: headers, refused });
  }
  return out;
}
