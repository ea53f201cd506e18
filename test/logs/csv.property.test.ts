/**
 * The log reader against a model of the file it reads: random tables of cells (quotes,
 * delimiters and line ends inside them), written with a line end of its own on every line,
 * read in random chunk sizes, in one piece and cut into byte ranges as the parallel reader cuts
 * a large log. The reader must give back every cell as written and the line each record starts on.
 */
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMarked, openCsv, type CsvRecord } from '../../src/logs/csv.js';
import { splitLog } from '../../src/logs/split.js';
import { tempDir } from '../helpers/cli.js';

const dir = tempDir('promise-csv-property-');
let fileNo = 0;

const EOLS = ['\n', '\r\n', '\r'] as const;

/** Line ends inside a text, each of LF, CRLF and CR alone counting once: how many lines it spans, less one. */
function lineEnds(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') n++;
    else if (c === '\r' && text[i + 1] !== '\n') n++;
  }
  return n;
}

/** A cell as an export writes it: quoted when it must be (or when the writer likes to), quotes doubled. */
function written(cell: string, quote: boolean, delimiter: string): string {
  const must = cell.includes(delimiter) || cell.includes('"') || cell.includes('\n') || cell.includes('\r');
  return must || quote ? `"${cell.replaceAll('"', '""')}"` : cell;
}

interface Table {
  delimiter: string;
  columns: number;
  rows: { cells: string[]; quoted: boolean[]; blankBefore: number }[];
  /** one per line end written, in order, cycled */
  eols: (typeof EOLS)[number][];
  finalEol: boolean;
  chunkBytes: number;
}

const cellText = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', ';', '"', '\n', '\r', 'é', '😀', 'x'), maxLength: 8 });

const table: fc.Arbitrary<Table> = fc
  .record({
    delimiter: fc.constantFrom(',', ';'),
    columns: fc.integer({ min: 2, max: 4 }),
    rowCount: fc.integer({ min: 0, max: 12 }),
    eols: fc.array(fc.constantFrom(...EOLS), { minLength: 1, maxLength: 20 }),
    finalEol: fc.boolean(),
    chunkBytes: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constant(65_536)),
    seed: fc.array(fc.tuple(fc.array(cellText, { minLength: 4, maxLength: 4 }), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), fc.nat({ max: 2 })), { minLength: 12, maxLength: 12 }),
  })
  .map(({ delimiter, columns, rowCount, eols, finalEol, chunkBytes, seed }) => ({
    delimiter,
    columns,
    rows: seed.slice(0, rowCount).map(([cells, quoted, blank]) => ({ cells: cells.slice(0, columns), quoted: quoted.slice(0, columns), blankBefore: blank === 2 ? 1 : 0 })),
    eols,
    finalEol,
    chunkBytes,
  }));

/** The file's text and the records a correct reader gives back: [line, ...cells]. */
function write(t: Table): { text: string; expected: (string | number)[][] } {
  const header = Array.from({ length: t.columns }, (_, i) => `c${i}`);
  let eolNo = 0;
  let text = header.join(t.delimiter);
  // a CR and then an LF are one line end (CRLF): an LF written after a CR that ends a blank line is written CRLF
  const eol = (): string => {
    const e = t.eols[eolNo++ % t.eols.length] as string;
    return e === '\n' && text.endsWith('\r') ? '\r\n' : e;
  };
  let line = 2;
  const expected: (string | number)[][] = [];
  for (const row of t.rows) {
    text += eol();
    for (let b = 0; b < row.blankBefore; b++) {
      text += eol();
      line++;
    }
    // a row of one empty cell would be a blank line; the header has two columns at least, so a row never is one
    text += row.cells.map((c, i) => written(c, row.quoted[i] === true, t.delimiter)).join(t.delimiter);
    expected.push([line, ...row.cells]);
    line += 1 + row.cells.reduce((n, c) => n + lineEnds(c), 0);
  }
  if (t.finalEol) text += eol();
  return { text, expected };
}

const asRows = (records: readonly CsvRecord[]): (string | number)[][] => records.map((r) => [r.line, ...r.cells]);

async function readWhole(path: string, t: Table): Promise<CsvRecord[]> {
  const csv = await openCsv(path, 'logs/t.csv', { delimiter: t.delimiter, chunkBytes: t.chunkBytes });
  const out: CsvRecord[] = [];
  for await (const batch of csv.batches()) out.push(...batch);
  return out;
}

/** Reads the file in byte ranges and merges them as the parallel reader does; undefined when a cut fell inside a quoted cell. */
async function readInRanges(path: string, t: Table, cutEvery: number): Promise<CsvRecord[] | undefined> {
  const csv = await openCsv(path, 'logs/t.csv', { delimiter: t.delimiter, chunkBytes: t.chunkBytes });
  const ranges = await splitLog(path, statSync(path).size, cutEvery);
  const out: CsvRecord[] = [];
  let base = 1;
  for (const [k, range] of ranges.entries()) {
    let end = { nextLine: 1, clean: true };
    for await (const batch of csv.rangeBatches(range, (e) => (end = e))) out.push(...batch.map((r) => ({ ...r, line: r.line + base - 1 })));
    if (k < ranges.length - 1 && !end.clean) return undefined;
    base += end.nextLine - 1;
  }
  return out;
}

describe('openCsv against a model of the file', () => {
  it('gives back every cell and the line each record starts on, whatever line ends each line has', async () => {
    await fc.assert(
      fc.asyncProperty(table, async (t) => {
        const { text, expected } = write(t);
        const path = join(dir, `t-${++fileNo}.csv`);
        writeFileSync(path, text);
        const records = await readWhole(path, t);
        expect(asRows(records)).toEqual(expected);
        expect(records.filter((r) => r.problem !== undefined)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('gives back the same records read in byte ranges, cut after line ends, whenever the cuts fall between records', async () => {
    let merged = 0;
    await fc.assert(
      fc.asyncProperty(table, fc.integer({ min: 1, max: 30 }), async (t, cutEvery) => {
        const { text, expected } = write(t);
        const path = join(dir, `r-${++fileNo}.csv`);
        writeFileSync(path, text);
        const records = await readInRanges(path, t, cutEvery);
        if (records === undefined) return;
        merged++;
        expect(asRows(records)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
    // not vacuous: many tables (a fifth or so, quoted line ends being frequent here) have every cut between records
    expect(merged).toBeGreaterThan(40);
  });
});

/** Pieces of cells as bytes: well-formed text (U+FFFD written as EF BF BD among it) and bytes that are not UTF-8, none starting with a continuation byte, so that no two pieces join into a character. */
const GOOD = ['a', 'é', '\uFFFD', '😀', '\u{10000}', '\u{10FFFF}', ' '].map((t) => Buffer.from(t));
const BAD = [[0xff], [0xfc], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf0, 0x90, 0x80], [0xc0, 0xaf], [0xf4, 0x90, 0x80, 0x80]].map((b) => Buffer.from(b));
const piece = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...GOOD).map((bytes) => ({ bytes, bad: false })) }, { weight: 1, arbitrary: fc.constantFrom(...BAD).map((bytes) => ({ bytes, bad: true })) });

describe('bytes that are not UTF-8, told from a U+FFFD written as text', () => {
  it('decodeMarked reads bytes as the WHATWG decoder does, marking each replacement', () => {
    const native = new TextDecoder('utf-8', { ignoreBOM: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.array(piece, { maxLength: 12 }), (noise, pieces) => {
        for (const bytes of [noise, Buffer.concat(pieces.map((p) => p.bytes))]) {
          const marked = decodeMarked(bytes, native);
          expect(marked.replace(/\uD800(?![\uDC00-\uDFFF])/g, '\uFFFD')).toBe(native.decode(bytes));
        }
        // a replacement is marked exactly when some piece was not UTF-8
        const joined = Buffer.concat(pieces.map((p) => p.bytes));
        expect(/\uD800(?![\uDC00-\uDFFF])/.test(decodeMarked(joined, native))).toBe(pieces.some((p) => p.bad));
      }),
      { numRuns: 2000 },
    );
  });

  it('flags exactly the rows holding bytes that are not UTF-8, in any chunk size, and shows their cells as a decoder does', async () => {
    const native = new TextDecoder('utf-8', { ignoreBOM: true });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.array(piece, { maxLength: 4 }), { minLength: 2, maxLength: 2 }), { maxLength: 8 }), fc.integer({ min: 1, max: 9 }), async (table, chunkBytes) => {
        const lines = [Buffer.from('a,b\n'), ...table.map((cells) => Buffer.concat([...cells.flatMap((c, i) => [...(i > 0 ? [Buffer.from(',')] : []), ...c.map((p) => p.bytes)]), Buffer.from('\n')]))];
        const path = join(dir, `u-${++fileNo}.csv`);
        writeFileSync(path, Buffer.concat(lines));
        const records = await readWhole(path, { delimiter: ',', chunkBytes } as Table);
        expect(records.map((r) => r.cells)).toEqual(table.map((cells) => cells.map((c) => native.decode(Buffer.concat(c.map((p) => p.bytes))))));
        expect(records.map((r) => r.problem !== undefined)).toEqual(table.map((cells) => cells.some((c) => c.some((p) => p.bad))));
      }),
      { numRuns: 300 },
    );
  });
});
