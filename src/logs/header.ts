/** The header line of a log file: what `promise check` compares a standard's columns with. */
import { BlankHeaderError, describeFsError, EmptyLogError, LogFileError } from '../model/errors.js';
import { openCsv } from './csv.js';
import type { SourceFiles } from './files.js';

export interface FileHeader {
  display: string;
  /** the column names; undefined when the file could not be read or is empty */
  columns: string[] | undefined;
  /** why there are no columns */
  problem?: { kind: 'unreadable' | 'empty'; message: string };
}

export interface SourceHeaders {
  patterns: string[];
  overridden: boolean;
  files: FileHeader[];
}

/**
 * The header of one log file, read by the same reader as the evaluation (src/logs/csv.ts), so
 * that `check` and the evaluating commands agree on every file; a file without one says why.
 */
export async function readHeader(abs: string, delimiter: string): Promise<Pick<FileHeader, 'columns' | 'problem'>> {
  try {
    return { columns: (await openCsv(abs, abs, { delimiter })).header };
  } catch (err) {
    if (err instanceof EmptyLogError) return { columns: undefined, problem: { kind: 'empty', message: 'the file is empty: it has no header line' } };
    if (err instanceof BlankHeaderError) return { columns: undefined, problem: { kind: 'empty', message: 'the first line is empty: the header must be line 1' } };
    if (err instanceof LogFileError) {
      const cause = err.cause as { code?: unknown } | undefined;
      // said of the file where it is shown, so the message leaves out its path
      const message = typeof cause?.code === 'string' ? describeFsError(cause) : err.message.replace(/^(log file|the header of log file) \S+ ?/, (m) => (m.startsWith('the header') ? 'the header ' : ''));
      return { columns: undefined, problem: { kind: 'unreadable', message } };
    }
    throw err;
  }
}

export async function readSourceHeaders(sources: ReadonlyMap<string, SourceFiles>): Promise<Map<string, SourceHeaders>> {
  const out = new Map<string, SourceHeaders>();
  for (const [id, { source, patterns, overridden, files }] of sources) {
    const headers: FileHeader[] = [];
    for (const file of files) headers.push({ display: file.display, ...(await readHeader(file.abs, source.delimiter ?? ',')) });
    out.set(id, { patterns, overridden, files: headers });
  }
  return out;
}
