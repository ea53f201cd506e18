/** The header line of a log file: what `promise check` compares a standard's columns with. */
import { open } from 'node:fs/promises';
import Papa from 'papaparse';
import { describeFsError } from '../model/errors.js';
import type { SourceFiles } from './files.js';

/** A header longer than this is not a header. */
const HEADER_BYTES = 1024 * 1024;

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

export async function readHeader(abs: string, delimiter: string): Promise<Pick<FileHeader, 'columns' | 'problem'>> {
  let bytes: Uint8Array;
  try {
    const handle = await open(abs, 'r');
    try {
      const buf = new Uint8Array(HEADER_BYTES);
      const { bytesRead } = await handle.read(buf, 0, HEADER_BYTES, 0);
      bytes = buf.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (err) {
    return { columns: undefined, problem: { kind: 'unreadable', message: describeFsError(err) } };
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  if (text.trim() === '') return { columns: undefined, problem: { kind: 'empty', message: 'the file is empty: it has no header line' } };
  const parsed = Papa.parse<string[]>(text, { delimiter, preview: 1, skipEmptyLines: false });
  const first = parsed.data[0];
  if (first === undefined || first.every((c) => c === '')) {
    return { columns: undefined, problem: { kind: 'empty', message: 'the first line is empty: the header must be line 1' } };
  }
  return { columns: first };
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
