/**
 * The log reader's fast path (src/logs/tokenize.ts) against papaparse, its reference: on random
 * text of any shape (quotes opened and never closed, text after a closing quote, spaces after
 * it, doubled quotes, blank lines, ragged rows, CR, LF and CRLF inside and outside quotes, bytes
 * that are not UTF-8), read in random chunk sizes, whole and in byte ranges, the reader must give
 * the records, lines, problems and range ends that papaparse alone gives.
 */
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openCsv, type CsvOptions, type RangeEnd } from '../../src/logs/csv.js';
import { splitLog } from '../../src/logs/split.js';
import { tempDir } from '../helpers/cli.js';

const dir = tempDir('promise-tokenize-property-');
let fileNo = 0;

/** Pieces a log's text is made of: cells, delimiters, quotes where they belong and where they do not. */
const piece = fc.constantFrom('a', 'bc', ',', ',', '"', '""', '"x"', '" ', '\n', '\n', '\r\n', '\r', ' ', ';', 'é', '\t');
const body = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));

interface Case {
  header: string;
  body: string;
  delimiter: string;
  chunkBytes: number;
  /** a byte that is not UTF-8 written somewhere in the body */
  notUtf8: number | undefined;
}

const cases: fc.Arbitrary<Case> = fc.record({
  header: fc.constantFrom('a,b', 'a,b,c', '"a,1",b', 'a;b;c', 'x'),
  body,
  delimiter: fc.constantFrom(',', ';'),
  chunkBytes: fc.oneof(fc.integer({ min: 1, max: 24 }), fc.constant(65_536)),
  notUtf8: fc.option(fc.nat({ max: 200 }), { freq: 6 }).map((n) => n ?? undefined),
});

function bytesOf(c: Case): Buffer {
  const text = Buffer.from(`${c.header}\n${c.body}`, 'utf8');
  if (c.notUtf8 === undefined || text.length === 0) return text;
  const at = c.notUtf8 % text.length;
  return Buffer.concat([text.subarray(0, at), Buffer.from([0xff]), text.subarray(at)]);
}

type Read = { records: { cells: string[]; line: number; problem: unknown }[]; ends: RangeEnd[] };

async function readAll(path: string, options: CsvOptions, cutEvery: number | undefined): Promise<Read> {
  const csv = await openCsv(path, 'logs/t.csv', options);
  const records: Read['records'] = [];
  const ends: RangeEnd[] = [];
  if (cutEvery === undefined) {
    for await (const batch of csv.batches()) for (const r of batch) records.push({ cells: r.cells, line: r.line, problem: r.problem });
    return { records, ends };
  }
  for (const range of await splitLog(path, statSync(path).size, cutEvery)) {
    let end: RangeEnd = { nextLine: 1, clean: true };
    for await (const batch of csv.rangeBatches(range, (e) => (end = e))) for (const r of batch) records.push({ cells: r.cells, line: r.line, problem: r.problem });
    ends.push(end);
  }
  return { records, ends };
}

describe('the fast path against papaparse', () => {
  it('reads any text as papaparse reads it, whole and in byte ranges', async () => {
    await fc.assert(
      fc.asyncProperty(cases, fc.option(fc.integer({ min: 1, max: 40 }), { freq: 2 }), async (c, cutEvery) => {
        const path = join(dir, `t-${++fileNo}.csv`);
        writeFileSync(path, bytesOf(c));
        const options = { delimiter: c.delimiter, chunkBytes: c.chunkBytes };
        let reference: Read | Error;
        try {
          reference = await readAll(path, { ...options, papaparseOnly: true }, cutEvery ?? undefined);
        } catch (err) {
          reference = err as Error;
        }
        if (reference instanceof Error) {
          // a file papaparse's reader refuses (a blank header) the fast path refuses alike
          await expect(readAll(path, options, cutEvery ?? undefined)).rejects.toThrow(reference.message);
          return;
        }
        expect(await readAll(path, options, cutEvery ?? undefined)).toEqual(reference);
      }),
      { numRuns: 1500 },
    );
  });
});
