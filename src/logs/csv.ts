/**
 * The streaming CSV reader: the only place that parses the rows of a log (SPEC §1 "sources").
 *
 * papaparse's Parser does the RFC 4180 work on decoded text, one chunk at a time; this module
 * decodes the bytes, carries the unfinished last record over to the next chunk, keeps every
 * record's line exact and says which records cannot be trusted. Why papaparse, and the figures:
 * docs/csv-parsers.md.
 */
import { constants as fsConstants, type ReadStream, type Stats } from 'node:fs';
import { lstat, open, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import Papa from 'papaparse';
import { BlankHeaderError, describeFsError, EmptyLogError, LogFileError } from '../model/errors.js';

export interface CsvRecord {
  /** the cells as read, as many as the row has */
  cells: string[];
  /** 1-based line on which the record starts; the header is line 1 */
  line: number;
  /** why the row cannot be trusted, in words; undefined when fine */
  problem?: string;
}

/** A part of a log file between two record boundaries, for reading a large log in parallel. */
export interface ByteRange {
  /** the first byte; a range from 0 holds the header too, which is skipped */
  start: number;
  /** one past the last byte */
  end: number;
}

/** How a range ended. */
export interface RangeEnd {
  /** the line the next record would start on, counting the range's first line as 1 */
  nextLine: number;
  /** false when the range's last record ran into its end inside quotes: not a record boundary */
  clean: boolean;
}

export interface CsvFile {
  header: string[];
  /** the line end of the header, and so of the file */
  newline: '\n' | '\r\n' | '\r';
  /** the records of one byte range, lines counted from 1 at its start (from the file's line 1 for a range at 0) */
  rangeBatches(range: ByteRange, onEnd: (end: RangeEnd) => void): AsyncIterable<CsvRecord[]>;
  /** the records in file order, in batches (one batch per chunk read), streamed: never the whole file */
  batches(): AsyncIterable<CsvRecord[]>;
}

export interface CsvOptions {
  /** one character; default `,` */
  delimiter?: string;
  /** called with the bytes of each chunk that batches() reads, for a progress bar */
  onBytes?: (n: number) => void;
  /** bytes read at a time; tests use tiny chunks to cut characters and quoted cells apart */
  chunkBytes?: number;
}

type Newline = '\n' | '\r\n' | '\r';

/** docs/csv-parsers.md: larger chunks measured slower and larger, 16 KiB no faster. */
const CHUNK_BYTES = 64 * 1024;
/** A first line longer than this is not a CSV header. */
const HEADER_BYTES = 1024 * 1024;
const QUOTE = '"';
/** What the decoder puts in place of bytes that are not UTF-8. */
const REPLACEMENT = '\uFFFD';

interface Layout {
  delimiter: string;
  newline: Newline;
  columns: number;
}

/**
 * Opens a log file and reads its header. Throws LogFileError when the file is missing,
 * unreadable, not a regular file (a folder, a FIFO, a device, a link to nothing or in a loop),
 * or empty / has an empty first line.
 */
export async function openCsv(abs: string, display: string, options: CsvOptions = {}): Promise<CsvFile> {
  const delimiter = options.delimiter ?? ',';
  const { header, newline } = await readHeader(abs, display, delimiter, options.chunkBytes ?? CHUNK_BYTES);
  const layout: Layout = { delimiter, newline, columns: header.length };
  return {
    header,
    newline,
    batches: () => readBatches(abs, display, layout, options, undefined),
    rangeBatches: (range, onEnd) => readBatches(abs, display, layout, options, { range, onEnd }),
  };
}

/**
 * Opened for reading without waiting: a FIFO opened in the usual way blocks until a writer
 * comes, and the type check before opening could be raced. Regular files read as usual.
 */
const READ_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0);

function unreadable(display: string, reason: string, hint: string, cause?: unknown): LogFileError {
  return new LogFileError(display, `cannot read log file ${display}: ${reason}`, hint, cause, reason);
}

function openError(err: unknown, display: string): LogFileError {
  const code = (err as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return new LogFileError(display, `log file ${display} does not exist`, "check the path given to --log, or the source's `files` glob", err, 'it does not exist');
    case 'EISDIR':
      return folderError(display);
    case 'EACCES':
    case 'EPERM':
      return unreadable(display, 'permission denied', 'give the user who runs promise read access to it', err);
    case 'ELOOP':
      return unreadable(display, 'it is a link that loops back on itself', 'fix or remove the link', err);
    default:
      return unreadable(display, describeFsError(err), 'check that the file can be read, then run again', err);
  }
}

function folderError(display: string): LogFileError {
  return new LogFileError(display, `log file ${display} is a folder, not a file`, `point the source at the CSV files inside it, e.g. ${display.replace(/\/+$/, '')}/*.csv`, { code: 'EISDIR' }, 'it is a folder, not a file');
}

/** Anything but a regular file is refused before it is opened for reading: a FIFO would wait for a writer, /dev/zero never ends. */
function typeError(st: Stats, display: string): LogFileError | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return folderError(display);
  const what = st.isFIFO() ? 'a named pipe (FIFO)' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : st.isSocket() ? 'a socket' : 'not a regular file';
  return unreadable(display, `it is ${what}, not a file`, 'point the source at the CSV file an export wrote');
}

/** The rows' stream, opened as the header was: without waiting, and only while the file is a regular file. */
async function openStream(abs: string, display: string, options: { highWaterMark: number; start?: number; end?: number }): Promise<ReadStream> {
  let handle: FileHandle;
  try {
    handle = await open(abs, READ_FLAGS);
  } catch (err) {
    throw openError(err, display);
  }
  const changed = await handle.stat().then((st) => typeError(st, display), (err: unknown) => openError(err, display));
  if (changed !== undefined) {
    await handle.close();
    throw changed;
  }
  return handle.createReadStream(options);
}

/** Why a log file cannot be opened, found by looking at it, never by reading it. */
async function refusal(abs: string, display: string): Promise<LogFileError | undefined> {
  let st: Stats;
  try {
    st = await stat(abs);
  } catch (err) {
    const link = await lstat(abs).then((l) => l.isSymbolicLink(), () => false);
    if (link && (err as { code?: unknown }).code === 'ENOENT') return unreadable(display, 'it is a link that leads to nothing', 'fix or remove the link', err);
    return openError(err, display);
  }
  return typeError(st, display);
}

/**
 * The line end of the header decides for the whole file: exports write one kind throughout.
 * Undefined while the text read so far holds no line end outside quotes. A quote opens a
 * quoted cell only at the start of a cell, as the parser reads it.
 */
function detectNewline(text: string, delimiter: string, eof: boolean): Newline | undefined {
  const delimiterCode = delimiter.charCodeAt(0);
  let quoted = false;
  let cellStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      // a doubled quote stays inside; any other quote closes the cell
      if (c === 34) {
        if (i + 1 === text.length) return eof ? '\n' : undefined;
        if (text.charCodeAt(i + 1) === 34) i++;
        else quoted = false;
      }
    } else if (c === 34 && cellStart) {
      quoted = true;
    } else if (c === 10) {
      return '\n';
    } else if (c === 13) {
      if (i + 1 < text.length) return text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r';
      return eof ? '\r' : undefined;
    }
    cellStart = !quoted && c === delimiterCode;
  }
  return eof ? '\n' : undefined;
}

async function readHeader(abs: string, display: string, delimiter: string, chunkBytes: number): Promise<{ header: string[]; newline: Newline }> {
  const refused = await refusal(abs, display);
  if (refused !== undefined) throw refused;
  let handle: FileHandle;
  try {
    handle = await open(abs, READ_FLAGS);
  } catch (err) {
    throw openError(err, display);
  }
  try {
    // the file may have been swapped since it was looked at
    const changed = typeError(await handle.stat(), display);
    if (changed !== undefined) throw changed;
    // the decoder drops a UTF-8 byte-order mark at the start (SPEC §1)
    const decoder = new TextDecoder('utf-8');
    const buffer = Buffer.allocUnsafe(chunkBytes);
    let text = '';
    let bytes = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, chunkBytes, bytes);
      bytes += bytesRead;
      const eof = bytesRead === 0;
      text += eof ? decoder.decode() : decoder.decode(buffer.subarray(0, bytesRead), { stream: true });
      if (eof && text === '') throw new EmptyLogError(display);
      const newline = detectNewline(text, delimiter, eof);
      if (newline !== undefined) {
        const result = new Papa.Parser({ delimiter, newline, quoteChar: QUOTE }).parse(text, 0, !eof) as Papa.ParseResult<string[]>;
        const header = result.data[0];
        if (header !== undefined) {
          if (header.every((cell) => cell.trim() === '')) {
            throw new BlankHeaderError(display);
          }
          if (result.errors.some((e) => e.code === 'MissingQuotes' && e.row === 0)) {
            throw new LogFileError(display, `the header of log file ${display} opens a quote that is never closed`, 'close the quote on line 1, or remove it', undefined, 'the header opens a quote that is never closed');
          }
          return { header, newline };
        }
      }
      if (bytes >= HEADER_BYTES) {
        const limit = `${HEADER_BYTES / 1024 / 1024} MiB`;
        throw new LogFileError(display, `log file ${display} has no line end in its first ${limit}: is it a CSV file?`, 'a log is CSV text whose first line names its columns', undefined, `it has no line end in its first ${limit}: is it a CSV file?`);
      }
    }
  } catch (err) {
    throw err instanceof LogFileError ? err : openError(err, display);
  } finally {
    await handle.close();
  }
}

function countOf(text: string, char: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf(char); i !== -1 && i < end; i = text.indexOf(char, i + 1)) n++;
  return n;
}

/** Line ends inside the cells of a row, the first `count` of them. */
function breaksIn(cells: readonly string[], lineBreak: string, count = cells.length): number {
  let n = 0;
  for (let i = 0; i < count; i++) {
    const cell = cells[i] as string;
    if (cell.length > 0 && cell.indexOf(lineBreak) !== -1) n += countOf(cell, lineBreak, cell.length);
  }
  return n;
}

function holds(cells: readonly string[], char: string): boolean {
  for (const cell of cells) if (cell.indexOf(char) !== -1) return true;
  return false;
}

const cellCount = (n: number): string => (n === 1 ? '1 cell' : `${n} cells`);

async function* readBatches(
  abs: string,
  display: string,
  layout: Layout,
  options: CsvOptions,
  part: { range: ByteRange; onEnd: (end: RangeEnd) => void } | undefined,
): AsyncGenerator<CsvRecord[]> {
  const { delimiter, newline, columns } = layout;
  const { onBytes } = options;
  const parser = new Papa.Parser({ delimiter, newline, quoteChar: QUOTE });
  // a CRLF line end holds one LF; a file that ends its lines with CR alone counts CRs
  const lineBreak = newline === '\r' ? '\r' : '\n';
  const decoder = new TextDecoder('utf-8');
  /** the line on which the next row starts */
  let line = 1;
  // a range that starts past the header starts at a record
  let headerSeen = part !== undefined && part.range.start > 0;
  let unclosedAtEnd = false;
  /** decoded text that does not yet end a record */
  let pending = '';
  /**
   * A record longer than a chunk (an unclosed quote swallows the rest of the file) is parsed
   * again only once the text has doubled, so the work stays linear in the file's size.
   */
  let retryAt = 0;

  const parse = (text: string, last: boolean): CsvRecord[] => {
    const result = parser.parse(text, 0, !last) as Papa.ParseResult<string[]>;
    const rows = result.data;
    const end = last ? text.length : result.meta.cursor;
    pending = last ? '' : text.slice(end);
    retryAt = !last && rows.length === 0 ? 2 * text.length : 0;
    if (rows.length === 0) return [];

    // Every row the parser completed ends in exactly one line end, so the line ends of the
    // consumed text less its rows are those inside cells: cells are searched only while some
    // are still to be found. The last parse may end without a line end, so it searches them all.
    let inCells = last ? Infinity : countOf(text, lineBreak, end) - rows.length;
    const replaced = text.indexOf(REPLACEMENT) !== -1;
    // an LF file with some CRLF line ends (logs put together from two exports) leaves a CR at a row's end
    const strayCr = newline === '\n' && text.indexOf('\r') !== -1;
    let errors: Map<number, string> | undefined;
    for (const e of result.errors) {
      // an error on a row past the last one returned is about the unfinished record, parsed again later
      if (e.row === undefined || e.row >= rows.length) continue;
      errors ??= new Map();
      if (e.code === 'MissingQuotes' || !errors.has(e.row)) errors.set(e.row, e.code);
    }

    const out: CsvRecord[] = [];
    for (let i = 0; i < rows.length; i++) {
      const cells = rows[i] as string[];
      const start = line;
      line += 1;
      if (inCells > 0) {
        const breaks = breaksIn(cells, lineBreak);
        line += breaks;
        inCells -= breaks;
      }
      // a blank line is no record but still a line; in a one-column log an empty cell reads as one too
      if (cells.length === 1 && cells[0] === '') continue;
      if (!headerSeen) {
        headerSeen = true;
        continue;
      }
      if (strayCr) {
        const lastCell = cells[cells.length - 1] as string;
        if (lastCell.endsWith('\r')) cells[cells.length - 1] = lastCell.slice(0, -1);
      }
      const record: CsvRecord = { cells, line: start };
      const error = errors?.get(i);
      if (last && i === rows.length - 1) unclosedAtEnd = error === 'MissingQuotes';
      if (error === 'MissingQuotes') {
        record.problem = `a quote opened on line ${start + breaksIn(cells, lineBreak, cells.length - 1)} is never closed`;
      } else if (error === 'InvalidQuotes') {
        record.problem = 'a quoted cell goes on after its closing quote (a quote inside quotes must be doubled: "")';
      } else if (cells.length !== columns) {
        record.problem = `has ${cellCount(cells.length)}, the header has ${columns}`;
      } else if (replaced && holds(cells, REPLACEMENT)) {
        record.problem = 'holds bytes that are not UTF-8 (shown as U+FFFD)';
      }
      out.push(record);
    }
    return out;
  };

  const range = part?.range;
  const stream = await openStream(abs, display, { highWaterMark: options.chunkBytes ?? CHUNK_BYTES, ...(range === undefined ? {} : { start: range.start, end: range.end - 1 }) });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      onBytes?.(chunk.length);
      const text = pending + decoder.decode(chunk, { stream: true });
      if (text.length < retryAt) {
        pending = text;
        continue;
      }
      const batch = parse(text, false);
      if (batch.length > 0) yield batch;
    }
  } catch (err) {
    if (err instanceof LogFileError || (err as { code?: unknown } | null)?.code === undefined) throw err;
    throw openError(err, display);
  }
  const batch = parse(pending + decoder.decode(), true);
  if (batch.length > 0) yield batch;
  part?.onEnd({ nextLine: line, clean: !unclosedAtEnd });
}
