/**
 * The streaming CSV reader: the only place that parses the rows of a log (SPEC §1 "sources").
 *
 * papaparse's Parser does the RFC 4180 work on decoded text, one chunk at a time; this module
 * decodes the bytes (telling bytes that are not UTF-8 from a U+FFFD written as such), gives each
 * line its own line end (LF, CRLF or CR: logs are put together from several exports), carries
 * the unfinished last record over to the next chunk, keeps every record's line exact and says
 * which records cannot be trusted. Why papaparse, and the figures: docs/csv-parsers.md.
 */
import { constants as fsConstants, readSync, type Stats } from 'node:fs';
import { lstat, open, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type Papa from 'papaparse';
import { isAscii, isUtf8 } from 'node:buffer';
import { BlankHeaderError, describeFsError, EmptyLogError, LogFileError } from '../model/errors.js';
import type { RecordBatch } from '../model/cells.js';
import type { RowProblem } from '../model/evaluation.js';
import type { HeaderLayout } from '../registry/model.js';
import { columnNames, PLAIN_HEADER } from './header-layout.js';
import { logFormat, parquetRefused } from './log-format.js';
import { batchOfRows, recordsOf } from './record-batch.js';
import { BatchBuilder, tokenize, type TokenizeState } from './tokenize.js';

export interface CsvRecord {
  /** the cells as read, as many as the row has */
  cells: string[];
  /** 1-based line on which the record starts; the header is line 1 (and, with a header of several lines, the lines after it) */
  line: number;
  /** why the row cannot be trusted; undefined when fine */
  problem?: RowProblem;
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
  /** the records in file order, in batches (about one batch per chunk read), streamed: never the whole file */
  batches(): AsyncIterable<CsvRecord[]>;
  /** the records of one byte range as `batches()` gives them (see `rangeRecordBatches`) */
  rangeBatches(range: ByteRange, onEnd: (end: RangeEnd) => void): AsyncIterable<CsvRecord[]>;
  /**
   * `batches()` as the engine reads them: cells as spans of the chunk's text, made strings only
   * when read. A batch is valid until the next one is asked for: its arrays are reused.
   */
  recordBatches(): AsyncIterable<RecordBatch>;
  /** the records of one byte range, lines counted from 1 at its start (from the file's line 1 for a range at 0) */
  rangeRecordBatches(range: ByteRange, onEnd: (end: RangeEnd) => void): AsyncIterable<RecordBatch>;
}

export interface CsvOptions {
  /** one character; default `,` */
  delimiter?: string;
  /** called with the bytes of each chunk that batches() reads, for a progress bar */
  onBytes?: (n: number) => void;
  /** bytes read at a time; tests use tiny chunks to cut characters and quoted cells apart */
  chunkBytes?: number;
  /** how many lines the header takes and which names the columns; default one line */
  header?: HeaderLayout;
  /** read every record with papaparse, without the fast path: its reference (tests) */
  papaparseOnly?: boolean;
}

/**
 * papaparse, loaded when first needed: a log of well-formed records under a header without
 * quotes never needs it, and loading it is a tenth of a worker thread's start (docs/performance.md).
 */
let papaparse: typeof Papa | undefined;
function papa(): typeof Papa {
  papaparse ??= createRequire(import.meta.url)('papaparse') as typeof Papa;
  return papaparse;
}

/**
 * What papaparse's Parser gives for text without a quote (its own fast path, written out):
 * lines split at LF, cells at the delimiter, the last line left out when it may go on.
 */
function parseUnquoted(text: string, delimiter: string, ignoreLastRow: boolean): Papa.ParseResult<string[]> {
  if (text.indexOf(QUOTE) !== -1) return new (papa().Parser)({ delimiter, newline: '\n', quoteChar: QUOTE }).parse(text, 0, ignoreLastRow) as Papa.ParseResult<string[]>;
  const lines = text === '' ? [] : text.split('\n');
  if (ignoreLastRow) lines.pop();
  return { data: lines.map((line) => line.split(delimiter)), errors: [], meta: { delimiter, linebreak: '\n', aborted: false, truncated: false, cursor: 0 } };
}

/** docs/csv-parsers.md: larger chunks measured slower and larger, 16 KiB no faster. */
const CHUNK_BYTES = 64 * 1024;
/** How often a reading lets other work of the event loop run (see readChunks). */
const YIELD_BYTES = 1024 * 1024;
/** A first line longer than this is not a CSV header. */
const HEADER_BYTES = 1024 * 1024;
const QUOTE = '"';
/** What the decoder puts in place of bytes that are not UTF-8 (and what a log may also hold as text). */
const REPLACEMENT = '\uFFFD';
/**
 * What this reader puts in place of bytes that are not UTF-8: a lone high surrogate, which text
 * decoded from UTF-8 never holds (a surrogate is not UTF-8, and a pair's high half is always
 * followed by its low half), so a U+FFFD written in a log as EF BF BD stays ordinary text.
 */
const MARK = '\uD800';
const LONE_MARK = /\uD800(?![\uDC00-\uDFFF])/;
const LONE_MARKS = /\uD800(?![\uDC00-\uDFFF])/g;

interface Layout {
  delimiter: string;
  columns: number;
  /** header lines to skip at the start of the file */
  headerRows: number;
}

/**
 * Opens a log file and reads its header. Throws LogFileError when the file is missing,
 * unreadable, not a regular file (a folder, a FIFO, a device, a link to nothing or in a loop),
 * empty / has an empty first line, or named as Parquet (src/logs/log-format.ts).
 */
export async function openCsv(abs: string, display: string, options: CsvOptions = {}): Promise<CsvFile> {
  // a Parquet file read as text would be a header of binary noise
  if (logFormat(display) === 'parquet') throw parquetRefused(display, 'csv-reader');
  const delimiter = options.delimiter ?? ',';
  const headerLayout = options.header ?? PLAIN_HEADER;
  const header = await readHeader(abs, display, delimiter, options.chunkBytes ?? CHUNK_BYTES, headerLayout);
  const layout: Layout = { delimiter, columns: header.length, headerRows: headerLayout.rows };
  return {
    header,
    batches: () => mapBatches(readBatches(abs, display, layout, options, undefined), recordsOf),
    rangeBatches: (range, onEnd) => mapBatches(readBatches(abs, display, layout, options, { range, onEnd }), recordsOf),
    recordBatches: () => readBatches(abs, display, layout, options, undefined),
    rangeRecordBatches: (range, onEnd) => readBatches(abs, display, layout, options, { range, onEnd }),
  };
}

async function* mapBatches<T>(batches: AsyncIterable<RecordBatch>, map: (batch: RecordBatch) => T): AsyncGenerator<T> {
  for await (const batch of batches) yield map(batch);
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

/**
 * The bytes of a file from `start` to `end` (exclusive), read into one buffer over and over: each
 * chunk yielded is valid until the next is asked for (a stream would allocate a buffer per chunk,
 * which measured twice the time for the same bytes; docs/performance.md has why the reads are
 * synchronous). Opened as the header was: without waiting,
 * and only while the file is a regular file.
 */
async function* readChunks(abs: string, display: string, size: number, start: number, end: number): AsyncGenerator<Buffer> {
  let handle: FileHandle;
  try {
    handle = await open(abs, READ_FLAGS);
  } catch (err) {
    throw openError(err, display);
  }
  try {
    const changed = await handle.stat().then((st) => typeError(st, display), (err: unknown) => openError(err, display));
    if (changed !== undefined) throw changed;
    const buffer = Buffer.allocUnsafe(size);
    let turn = start + YIELD_BYTES;
    for (let at = start; at < end; ) {
      if (at >= turn) {
        // the reads do not wait, so give the event loop a turn now and then: the worker threads'
        // messages (a part done, the next one wanted) are answered while this thread reads
        turn = at + YIELD_BYTES;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      // read on this thread: a regular file's chunk is in the page cache or on its way, and each
      // read through the thread pool cost about 90 µs of waiting (1M rows: 190 ms against 20 ms)
      const bytesRead = readSync(handle.fd, buffer, 0, Math.min(size, end - at), at);
      if (bytesRead === 0) break;
      at += bytesRead;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
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

/** Characters String.prototype.trim removes, less CR and LF: what papaparse lets stand between a closing quote and a delimiter or line end. */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || (c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/**
 * Where the quoted cell opened at `open` ends, as papaparse reads it: just after the quote that
 * closes it, one followed (past spaces) by the delimiter, a line end or the end of the text; a
 * doubled quote stays inside, and any other quote is part of the cell (papaparse reports it as
 * InvalidQuotes). -1 when the cell does not end within the text.
 */
function quotedCellEnd(text: string, open: number, delimiter: number): number {
  const n = text.length;
  for (let q = text.indexOf(QUOTE, open + 1); q !== -1; q = text.indexOf(QUOTE, q + 1)) {
    if (q === n - 1) return n;
    if (text.charCodeAt(q + 1) === 34) {
      q++;
      continue;
    }
    let j = q + 1;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === delimiter || c === 10 || c === 13) return q + 1;
      if (!isSpace(c)) break;
      j++;
    }
    // spaces up to the end of the text: whether the quote closes the cell is not known yet
    if (j === n) return -1;
  }
  return -1;
}

/**
 * The text with every line end outside quoted cells made one LF, for papaparse, which takes one
 * kind of line end: each line of a log may end in LF, CRLF or CR alone (SPEC §1; logs are put
 * together from several exports). Quoted cells keep their bytes as written. `text` starts at a
 * record boundary. Unless `last`, a CR at the very end is left as it is: the LF of its CRLF may
 * be in the next chunk. Text that holds no CR is returned as it is, at the cost of one search.
 */
function normaliseLineEnds(text: string, delimiter: string, last: boolean): string {
  let cr = text.indexOf('\r');
  if (cr === -1) return text;
  const n = text.length;
  const delimiterCode = delimiter.charCodeAt(0);
  let quote = text.indexOf(QUOTE);
  const parts: string[] = [];
  let copied = 0;
  let at = 0;
  for (;;) {
    if (cr !== -1 && cr < at) cr = text.indexOf('\r', at);
    if (cr === -1) break;
    if (quote !== -1 && quote < at) quote = text.indexOf(QUOTE, at);
    if (quote !== -1 && quote < cr) {
      // a quote opens a quoted cell only at the start of a cell; elsewhere it is a character of the cell
      const before = quote === 0 ? 10 : text.charCodeAt(quote - 1);
      if (before === delimiterCode || before === 10 || before === 13) {
        const end = quotedCellEnd(text, quote, delimiterCode);
        if (end === -1) break;
        at = end;
      } else at = quote + 1;
      continue;
    }
    if (cr + 1 < n) {
      parts.push(text.slice(copied, cr));
      if (text.charCodeAt(cr + 1) !== 10) parts.push('\n');
      copied = cr + 1;
    } else if (last) {
      parts.push(text.slice(copied, cr), '\n');
      copied = n;
    }
    at = cr + 1;
  }
  if (copied === 0) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}

/**
 * A log file opened for reading, once it is known to be a regular file: looked at first, then
 * opened without waiting, then looked at again (it may have been swapped in between). Throws
 * LogFileError; the caller closes the handle. The Parquet reader (src/logs/parquet.ts) opens
 * its files here too.
 */
export async function openLogFile(abs: string, display: string): Promise<{ handle: FileHandle; size: number }> {
  const refused = await refusal(abs, display);
  if (refused !== undefined) throw refused;
  let handle: FileHandle;
  try {
    handle = await open(abs, READ_FLAGS);
  } catch (err) {
    throw openError(err, display);
  }
  try {
    const st = await handle.stat();
    const changed = typeError(st, display);
    if (changed !== undefined) throw changed;
    return { handle, size: st.size };
  } catch (err) {
    await handle.close();
    throw err instanceof LogFileError ? err : openError(err, display);
  }
}

async function readHeader(abs: string, display: string, delimiter: string, chunkBytes: number, headerLayout: HeaderLayout): Promise<string[]> {
  const { handle } = await openLogFile(abs, display);
  try {
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
      // the header is the first record: complete once a line end outside quotes is read, or at the end
      const result = parseUnquoted(normaliseLineEnds(text, delimiter, eof), delimiter, !eof);
      const header = result.data[0];
      if (header !== undefined && header.every((cell) => cell.trim() === '')) {
        throw new BlankHeaderError(display);
      }
      // the lines after the first, blank ones left out as the rows' reader leaves them out
      const lines = result.data.filter((row, i) => i === 0 || !(row.length === 1 && row[0] === ''));
      if (header !== undefined && (lines.length >= headerLayout.rows || eof)) {
        const unclosed = result.errors.find((e) => e.code === 'MissingQuotes' && e.row !== undefined && e.row < headerLayout.rows);
        if (unclosed !== undefined) {
          throw new LogFileError(display, `the header of log file ${display} opens a quote that is never closed`, 'close the quote in the header, or remove it', undefined, 'the header opens a quote that is never closed');
        }
        return columnNames(lines.slice(0, headerLayout.rows), headerLayout);
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

/** Line ends in text[0, end): LF, CRLF and CR alone count one each. */
function lineEndsIn(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  for (let i = text.indexOf('\r'); i !== -1 && i < end; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) n++;
  return n;
}

/** Line ends inside the cells of a row, the first `count` of them. */
function breaksIn(cells: readonly string[], count = cells.length): number {
  let n = 0;
  for (let i = 0; i < count; i++) {
    const cell = cells[i] as string;
    if (cell.length > 0 && (cell.indexOf('\n') !== -1 || cell.indexOf('\r') !== -1)) n += lineEndsIn(cell, cell.length);
  }
  return n;
}

/** True when a cell holds bytes that were not UTF-8; their marks become U+FFFD, as a decoder shows them. */
function unmark(cells: string[]): boolean {
  let found = false;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as string;
    if (cell.indexOf(MARK) !== -1 && LONE_MARK.test(cell)) {
      cells[i] = cell.replace(LONE_MARKS, REPLACEMENT);
      found = true;
    }
  }
  return found;
}

/** The length of an unfinished UTF-8 sequence at the end of `bytes` (0-3): bytes to wait for the next chunk with. */
function unfinishedTail(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back] as number;
    if ((b & 0xc0) === 0x80) continue;
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/**
 * UTF-8 as the WHATWG decoder reads it (one replacement for each maximal ill-formed part), but
 * with MARK for each replacement; runs of well-formed bytes are decoded natively.
 */
export function decodeMarked(bytes: Uint8Array, decoder: { decode(bytes: Uint8Array): string }): string {
  let out = '';
  let run = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lower = 0xa0;
      if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f;
    } else {
      out += decoder.decode(bytes.subarray(run, i)) + MARK;
      run = ++i;
      continue;
    }
    let j = i + 1;
    let wellFormed = true;
    for (let k = 0; k < need; k++, j++) {
      const c = j < n ? (bytes[j] as number) : -1;
      if (c < lower || c > upper) {
        wellFormed = false;
        break;
      }
      lower = 0x80;
      upper = 0xbf;
    }
    if (wellFormed) {
      i = j;
      continue;
    }
    // the bytes [i, j) are one replacement; byte j starts afresh
    out += decoder.decode(bytes.subarray(run, i)) + MARK;
    i = run = j;
  }
  return out + decoder.decode(bytes.subarray(run, n));
}

/**
 * A log's bytes as text, chunk by chunk. The common case costs one native check that the chunk
 * is ASCII and a copy, or one native decode, and one search per chunk; only a chunk that decodes to a U+FFFD and is not well-formed UTF-8 is decoded again
 * to mark the bytes that were replaced.
 */
class LogText {
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private carry: Buffer | undefined;
  private atStart: boolean;

  constructor(fromFileStart: boolean) {
    this.atStart = fromFileStart;
  }

  /** The text of the next chunk; undefined for the end of the file. */
  decode(chunk: Buffer | undefined): string {
    let bytes: Buffer;
    if (chunk === undefined) {
      bytes = this.carry ?? Buffer.alloc(0);
      this.carry = undefined;
    } else {
      const whole = this.carry === undefined ? chunk : Buffer.concat([this.carry, chunk]);
      const tail = unfinishedTail(whole);
      this.carry = tail === 0 ? undefined : Buffer.from(whole.subarray(whole.length - tail));
      bytes = tail === 0 ? whole : whole.subarray(0, whole.length - tail);
    }
    // ASCII is UTF-8 and Latin-1 alike, and Latin-1 is a copy: most logs are ASCII chunk after chunk
    let text = isAscii(bytes) ? bytes.toString('latin1') : this.decoder.decode(bytes);
    if (text.indexOf(REPLACEMENT) !== -1 && !isUtf8(bytes)) text = decodeMarked(bytes, this.decoder);
    if (this.atStart && text.length > 0) {
      // SPEC §1: an optional UTF-8 byte-order mark at the start of the file
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.atStart = false;
    }
    return text;
  }
}

/**
 * The carried-over text and the next chunk's as one string whose characters are read directly:
 * `a + b` makes a rope, which every later `charCodeAt` of the tokenizer and the timestamp
 * readers walks through (a third slower per character, measured); `join` copies them into one.
 */
function joined(pending: string, text: string): string {
  return pending === '' ? text : [pending, text].join('');
}

async function* readBatches(
  abs: string,
  display: string,
  layout: Layout,
  options: CsvOptions,
  part: { range: ByteRange; onEnd: (end: RangeEnd) => void } | undefined,
): AsyncGenerator<RecordBatch> {
  const { delimiter, columns, headerRows } = layout;
  const { onBytes } = options;
  let parser: Papa.Parser | undefined;
  /** the fast path's arrays, reused chunk after chunk: a batch yielded is valid until the next is asked for */
  let builder: BatchBuilder | undefined;
  const decoder = new LogText(part === undefined || part.range.start === 0);
  // a range that starts past the header starts at a record; `line` is the line on which the next row starts
  const state: TokenizeState = { line: 1, headerLeft: part !== undefined && part.range.start > 0 ? 0 : headerRows };
  let unclosedAtEnd = false;
  /** text, line ends made LF outside quotes, that does not yet end a record */
  let pending = '';
  /**
   * A record longer than a chunk (an unclosed quote swallows the rest of the file) is parsed
   * again only once the text has doubled, so the work stays linear in the file's size.
   */
  let retryAt = 0;

  /** papaparse's reading of `text` (line ends already LF), the reference for every record the fast path leaves. */
  const parseWithPapa = (text: string, last: boolean): CsvRecord[] => {
    parser ??= new (papa().Parser)({ delimiter, newline: '\n', quoteChar: QUOTE });
    const result = parser.parse(text, 0, !last) as Papa.ParseResult<string[]>;
    const rows = result.data;
    const end = last ? text.length : result.meta.cursor;
    pending = last ? '' : text.slice(end);
    retryAt = !last && rows.length === 0 ? 2 * text.length : 0;
    // the empty "row" after a final line end is no line of the file
    if (last && text.charCodeAt(text.length - 1) === 10 && rows.length > 0 && (rows[rows.length - 1] as string[]).length === 1 && (rows[rows.length - 1] as string[])[0] === '' && !result.errors.some((e) => e.row === rows.length - 1)) rows.pop();
    if (rows.length === 0) return [];

    // Every row the parser completed ends in exactly one line end, so the line ends of the
    // consumed text less its rows are those inside cells: cells are searched only while some
    // are still to be found. The last parse may end without a line end, so it searches them all.
    let inCells = last ? Infinity : lineEndsIn(text, end) - rows.length;
    const marked = text.indexOf(MARK) !== -1;
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
      const start = state.line;
      state.line += 1;
      if (inCells > 0) {
        const breaks = breaksIn(cells);
        state.line += breaks;
        inCells -= breaks;
      }
      // a blank line is no record but still a line; in a one-column log an empty cell reads as one too
      if (cells.length === 1 && cells[0] === '') continue;
      if (state.headerLeft > 0) {
        state.headerLeft--;
        continue;
      }
      const record: CsvRecord = { cells, line: start };
      const notUtf8 = marked && unmark(cells);
      const error = errors?.get(i);
      if (last && i === rows.length - 1) unclosedAtEnd = error === 'MissingQuotes';
      if (error === 'MissingQuotes') {
        record.problem = { code: 'row-unclosed-quote', args: { openedOn: start + breaksIn(cells, cells.length - 1) } };
      } else if (error === 'InvalidQuotes') {
        record.problem = { code: 'row-text-after-quote', args: {} };
      } else if (cells.length !== columns) {
        record.problem = { code: 'row-cell-count', args: { cells: cells.length, columns } };
      } else if (notUtf8) {
        record.problem = { code: 'row-not-utf8', args: {} };
      }
      out.push(record);
    }
    return out;
  };

  /** The records of `raw`: the fast path's, then papaparse's from the first record it leaves (if any). */
  const parse = (raw: string, last: boolean): RecordBatch[] => {
    const text = normaliseLineEnds(raw, delimiter, last);
    const out: RecordBatch[] = [];
    let rest = text;
    // a chunk with bytes that were not UTF-8 is papaparse's: its rows are flagged and unmarked there
    if (options.papaparseOnly !== true && text.indexOf(MARK) === -1) {
      builder ??= new BatchBuilder(text.length);
      const fast = tokenize(text, delimiter, columns, last, state, builder);
      if (fast.batch.count > 0) out.push(fast.batch);
      if (!fast.handOver) {
        pending = last ? '' : text.slice(fast.end);
        retryAt = !last && fast.end === 0 ? 2 * text.length : 0;
        return out;
      }
      rest = text.slice(fast.end);
    }
    const records = parseWithPapa(rest, last);
    if (records.length > 0) out.push(batchOfRows(records));
    return out;
  };

  const range = part?.range;
  try {
    for await (const chunk of readChunks(abs, display, options.chunkBytes ?? CHUNK_BYTES, range?.start ?? 0, range?.end ?? Infinity)) {
      onBytes?.(chunk.length);
      const decoded = decoder.decode(chunk);
      if (pending.length + decoded.length < retryAt) {
        // a record still unfinished: kept as a rope, made one string once it is parsed again
        pending += decoded;
        continue;
      }
      for (const batch of parse(joined(pending, decoded), false)) yield batch;
    }
  } catch (err) {
    if (err instanceof LogFileError || (err as { code?: unknown } | null)?.code === undefined) throw err;
    throw openError(err, display);
  }
  for (const batch of parse(joined(pending, decoder.decode(undefined)), true)) yield batch;
  part?.onEnd({ nextLine: state.line, clean: !unclosedAtEnd });
}
