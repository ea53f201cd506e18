import { accessSync, chmodSync, constants, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCsv } from '../../src/logs/csv.js';
import type { CsvFile, CsvRecord } from '../../src/logs/csv.js';
import { EXIT_FAILURE, LogFileError } from '../../src/model/errors.js';
import { tempDir } from '../helpers/cli.js';

const dir = tempDir('promise-csv-');
let fileNo = 0;
function file(content: string | Buffer, name = `log-${++fileNo}.csv`): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function batchesOf(csv: CsvFile): Promise<CsvRecord[][]> {
  const out: CsvRecord[][] = [];
  for await (const batch of csv.batches()) out.push(batch);
  return out;
}

async function read(content: string | Buffer, options: Parameters<typeof openCsv>[2] = {}): Promise<{ header: string[]; records: CsvRecord[] }> {
  const csv = await openCsv(file(content), 'logs/test.csv', options);
  return { header: csv.header, records: (await batchesOf(csv)).flat() };
}

/** The records as [line, ...cells], for compact expectations. */
const rows = (records: readonly CsvRecord[]): (string | number)[][] => records.map((r) => [r.line, ...r.cells]);

async function openError(path: string, display: string): Promise<LogFileError> {
  try {
    await openCsv(path, display);
  } catch (err) {
    if (err instanceof LogFileError) return err;
    throw err;
  }
  throw new Error(`openCsv(${display}) did not fail`);
}

describe('openCsv: formats', () => {
  it('strips a UTF-8 BOM from the header and reads CRLF lines', async () => {
    const { header, records } = await read('\uFEFFid,channel\r\n1,email\r\n2,phone\r\n');
    expect(header).toEqual(['id', 'channel']);
    expect(rows(records)).toEqual([
      [2, '1', 'email'],
      [3, '2', 'phone'],
    ]);
    expect(records.every((r) => r.problem === undefined)).toBe(true);
  });

  it.each([
    ['LF with a final newline', 'a,b\n1,2\n3,4\n'],
    ['LF without a final newline', 'a,b\n1,2\n3,4'],
    ['CRLF with a final newline', 'a,b\r\n1,2\r\n3,4\r\n'],
    ['CRLF without a final newline', 'a,b\r\n1,2\r\n3,4'],
    ['CR alone', 'a,b\r1,2\r3,4\r'],
  ])('reads the last line: %s', async (_, content) => {
    const { header, records } = await read(content);
    expect(header).toEqual(['a', 'b']);
    expect(rows(records)).toEqual([
      [2, '1', '2'],
      [3, '3', '4'],
    ]);
  });

  it.each([
    [';', 'id;note;amount\n1;"a; b";2,50\n2;x;3\n', [[2, '1', 'a; b', '2,50'], [3, '2', 'x', '3']]],
    ['\t', 'id\tnote\tamount\n1\t"a\tb"\t2.50\n2\t\t\n', [[2, '1', 'a\tb', '2.50'], [3, '2', '', '']]],
  ])('reads the delimiter %j', async (delimiter, content, expected) => {
    const { header, records } = await read(content, { delimiter });
    expect(header).toEqual(['id', 'note', 'amount']);
    expect(rows(records)).toEqual(expected);
    expect(records.every((r) => r.problem === undefined)).toBe(true);
  });

  it('reads RFC 4180 quotes: the delimiter, doubled quotes, CRLF and LF inside quotes', async () => {
    const content = 'id,subject,csat\r\n1,"Refund, partial",5\r\n2,"Code ""SUMMER"" failed",\r\n3,"line one\r\nline two",4\r\n4,"lf\ninside",\r\n5,"",3\r\n';
    const { records } = await read(content);
    expect(rows(records)).toEqual([
      [2, '1', 'Refund, partial', '5'],
      [3, '2', 'Code "SUMMER" failed', ''],
      [4, '3', 'line one\r\nline two', '4'],
      [6, '4', 'lf\ninside', ''],
      [8, '5', '', '3'],
    ]);
    expect(records.every((r) => r.problem === undefined)).toBe(true);
  });

  it('reads a header whose names are quoted and hold the delimiter and a line end', async () => {
    const { header, records } = await read('"id","opened, local","note\nfield"\n1,2,3\n');
    expect(header).toEqual(['id', 'opened, local', 'note\nfield']);
    expect(rows(records)).toEqual([[3, '1', '2', '3']]);
  });

  it.each([
    ['a quote inside a name', 'id,size "inch",x\r\n1,2,3\r\n', ['id', 'size "inch"', 'x']],
    ['a quoted name with a CRLF and a doubled quote', 'id,"a ""b""\r\nc"\r\n1,2\r\n', ['id', 'a "b"\r\nc']],
  ])('finds the line end of a header with %s', async (_, content, header) => {
    const csv = await openCsv(file(content), 'logs/t.csv', { chunkBytes: 2 });
    expect(csv.header).toEqual(header);
    expect((await batchesOf(csv)).flat().map((r) => [r.line, r.cells.length, r.problem])).toEqual([[header.join().split('\n').length + 1, header.length, undefined]]);
  });
});

describe('openCsv: lines', () => {
  it('skips blank lines but counts them, with LF and CRLF', async () => {
    for (const eol of ['\n', '\r\n']) {
      const content = ['a,b', '', '1,2', '', '', '3,4', '"5', '6",7', '', '8,9', '', ''].join(eol);
      const { records } = await read(content);
      expect(rows(records)).toEqual([
        [3, '1', '2'],
        [6, '3', '4'],
        [7, `5${eol}6`, '7'],
        [10, '8', '9'],
      ]);
    }
  });

  it('keeps lines exact after many quoted line ends, whatever the chunk size', async () => {
    const lines = ['id,note'];
    const expected: (string | number)[][] = [];
    let line = 2;
    for (let i = 0; i < 300; i++) {
      const note = i % 7 === 0 ? `first\nsecond\nthird ${i}` : i % 5 === 0 ? `a, "b"` : `plain ${i}`;
      expected.push([line, String(i), note]);
      lines.push(`${i},"${note.replace(/"/g, '""')}"`);
      line += 1 + (note.match(/\n/g)?.length ?? 0);
      if (i % 11 === 0) {
        lines.push('');
        line += 1;
      }
    }
    const path = file(lines.join('\r\n') + '\r\n');
    for (const chunkBytes of [1, 3, 16, 1000, 65536]) {
      const records = (await batchesOf(await openCsv(path, 'logs/t.csv', { chunkBytes }))).flat();
      expect(rows(records), `chunks of ${chunkBytes} bytes`).toEqual(expected);
    }
  });
});

describe('openCsv: line ends, each line its own', () => {
  const LOG = ['ticket_id,channel,opened_at', 'T1,email,2026-07-01', 'T2,phone,2026-07-02', 'T3,email,2026-07-03', 'T4,chat,2026-07-04', 'T5,web,2026-07-05'];
  const expected = [
    [2, 'T1', 'email', '2026-07-01'],
    [3, 'T2', 'phone', '2026-07-02'],
    [4, 'T3', 'email', '2026-07-03'],
    [5, 'T4', 'chat', '2026-07-04'],
    [6, 'T5', 'web', '2026-07-05'],
  ];

  it.each([
    ['a CRLF header over LF rows', (i: number) => (i === 0 ? '\r\n' : '\n')],
    ['an LF header over CRLF rows', (i: number) => (i === 0 ? '\n' : '\r\n')],
    ['a CR header over LF rows', (i: number) => (i === 0 ? '\r' : '\n')],
    ['line ends mixed row by row', (i: number) => ['\r\n', '\n', '\r', '\r\n', '\r', '\n'][i] as string],
  ])('reads every row of %s', async (_, eol) => {
    const content = LOG.map((l, i) => l + eol(i)).join('');
    for (const chunkBytes of [1, 2, 3, 7, 65536]) {
      const { header, records } = await read(content, { chunkBytes });
      expect(header, `chunks of ${chunkBytes} bytes`).toEqual(['ticket_id', 'channel', 'opened_at']);
      expect(rows(records), `chunks of ${chunkBytes} bytes`).toEqual(expected);
      expect(records.every((r) => r.problem === undefined)).toBe(true);
    }
  });

  it('keeps line ends inside quoted cells as written, whatever ends the rows, and counts each as a line', async () => {
    const content = 'id,note\r\n1,"crlf\r\ninside"\n2,"lf\ninside"\r3,"cr\rinside"\r\n4,"ends in cr\r"\n5,"""q""\r\n"\r6,x';
    for (const chunkBytes of [1, 2, 5, 65536]) {
      const { records } = await read(content, { chunkBytes });
      expect(rows(records), `chunks of ${chunkBytes} bytes`).toEqual([
        [2, '1', 'crlf\r\ninside'],
        [4, '2', 'lf\ninside'],
        [6, '3', 'cr\rinside'],
        [8, '4', 'ends in cr\r'],
        [10, '5', '"q"\r\n'],
        [12, '6', 'x'],
      ]);
      expect(records.every((r) => r.problem === undefined)).toBe(true);
    }
  });

  it('counts blank lines of every kind', async () => {
    const { records } = await read('a,b\r\n\r\n1,2\n\n\r3,4\r\r\n5,6\n');
    expect(rows(records)).toEqual([
      [3, '1', '2'],
      [6, '3', '4'],
      [8, '5', '6'],
    ]);
  });

  it('reads a header that ends in CRLF split between two chunks', async () => {
    const csv = await openCsv(file('id,"a\r\nb"\r\n1,2\n3,4\r\n'), 'logs/t.csv', { chunkBytes: 9 });
    expect(csv.header).toEqual(['id', 'a\r\nb']);
    expect(rows((await batchesOf(csv)).flat())).toEqual([
      [3, '1', '2'],
      [4, '3', '4'],
    ]);
  });
});

describe('openCsv: records that cannot be trusted', () => {
  it('yields ragged rows with a problem that names both cell counts', async () => {
    const { records } = await read('a,b,c\n1,2\n3,4,5,6\n7,8,9\nx\n');
    expect(rows(records)).toEqual([
      [2, '1', '2'],
      [3, '3', '4', '5', '6'],
      [4, '7', '8', '9'],
      [5, 'x'],
    ]);
    expect(records.map((r) => r.problem)).toEqual([{ code: 'row-cell-count', args: { cells: 2, columns: 3 } }, { code: 'row-cell-count', args: { cells: 4, columns: 3 } }, undefined, { code: 'row-cell-count', args: { cells: 1, columns: 3 } }]);
  });

  it('yields a record whose quote is never closed, naming the line where it opened', async () => {
    const { records } = await read('a,b\n1,2\n3,"open\n4,5\n6,7\n');
    expect(rows(records)).toEqual([
      [2, '1', '2'],
      [3, '3', 'open\n4,5\n6,7\n'],
    ]);
    expect(records[0]?.problem).toBeUndefined();
    expect(records[1]?.problem).toEqual({ code: 'row-unclosed-quote', args: { openedOn: 3 } });
  });

  it('names the line of the unclosed quote, not the start of its record', async () => {
    const { records } = await read('a,b,c\n1,"fine\nclosed","never\n2,3,4\n', { chunkBytes: 4 });
    expect(rows(records)).toEqual([[2, '1', 'fine\nclosed', 'never\n2,3,4\n']]);
    expect(records[0]?.problem).toEqual({ code: 'row-unclosed-quote', args: { openedOn: 3 } });
  });

  it('reads an unclosed quote followed by a long rest of file in linear time', async () => {
    const tail = 'x,y\n'.repeat(2_000_000);
    const started = Date.now();
    const { records } = await read(`a,b\n1,2\n3,"never closed\n${tail}`, { chunkBytes: 1024 });
    // parsed again at every chunk, the 8 MB would take tens of seconds in 8,000 chunks
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(records.map((r) => r.line)).toEqual([2, 3]);
    expect(records[1]?.cells[1]?.length).toBe('never closed\n'.length + tail.length);
    expect(records[1]?.problem).toEqual({ code: 'row-unclosed-quote', args: { openedOn: 3 } });
  });

  it('reads a quoted cell longer than many chunks', async () => {
    const long = 'z'.repeat(300_000);
    const { records } = await read(`a,b\n1,"${long}"\n2,3\n`, { chunkBytes: 512 });
    expect(records.map((r) => [r.line, r.cells[1]?.length, r.problem])).toEqual([
      [2, 300_000, undefined],
      [3, 1, undefined],
    ]);
  });

  it('flags a quoted cell that goes on after its closing quote', async () => {
    const { records } = await read('a,b\n1,"5" screen"\n2,3\n');
    expect(records[0]?.problem).toBeDefined();
    expect(rows(records.slice(1))).toEqual([[3, '2', '3']]);
    expect(records[1]?.problem).toBeUndefined();
  });

  it('decodes bytes that are not UTF-8 as U+FFFD and flags their record', async () => {
    const latin1 = Buffer.concat([Buffer.from('id,city\n1,Z'), Buffer.from([0xfc]), Buffer.from('rich\n2,Berlin\n3,Caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    for (const chunkBytes of [1, 2, 65536]) {
      const { records } = await read(latin1, { chunkBytes });
      expect(rows(records)).toEqual([
        [2, '1', 'Z\uFFFDrich'],
        [3, '2', 'Berlin'],
        [4, '3', 'Caf\uFFFD'],
      ]);
      expect(records.map((r) => r.problem !== undefined)).toEqual([true, false, true]);
    }
  });

  it('reads a U+FFFD written as UTF-8 (EF BF BD) as text, and flags only rows whose bytes were replaced', async () => {
    const content = Buffer.concat([
      Buffer.from('id,note\n'),
      Buffer.from('1,"written \uFFFD on purpose"\n'),
      Buffer.from('2,Z'), Buffer.from([0xfc]), Buffer.from('rich\n'),
      Buffer.from('3,both \uFFFD and '), Buffer.from([0xff]), Buffer.from('\n'),
      Buffer.from('4,\u{10000} and \uFFFD\n'),
      Buffer.from('5,\u{10000}'), Buffer.from([0xe2, 0x82]), Buffer.from('\n'),
      Buffer.from('6,\uFFFD\uFFFD\n'),
    ]);
    for (const chunkBytes of [1, 2, 3, 4, 5, 65536]) {
      const { records } = await read(content, { chunkBytes });
      expect(rows(records), `chunks of ${chunkBytes} bytes`).toEqual([
        [2, '1', 'written \uFFFD on purpose'],
        [3, '2', 'Z\uFFFDrich'],
        [4, '3', 'both \uFFFD and \uFFFD'],
        [5, '4', '\u{10000} and \uFFFD'],
        [6, '5', '\u{10000}\uFFFD'],
        [7, '6', '\uFFFD\uFFFD'],
      ]);
      expect(records.map((r) => r.problem !== undefined), `chunks of ${chunkBytes} bytes`).toEqual([false, true, true, false, true, false]);
    }
  });

  it('flags a UTF-8 sequence cut short by the end of the file', async () => {
    const { records } = await read(Buffer.concat([Buffer.from('id,note\n1,ok\n2,caf'), Buffer.from([0xc3])]));
    expect(rows(records)).toEqual([
      [2, '1', 'ok'],
      [3, '2', 'caf\uFFFD'],
    ]);
    expect(records.map((r) => r.problem !== undefined)).toEqual([false, true]);
  });

  it('decodes multi-byte characters split between chunks', async () => {
    const content = 'name,city,note\nJosé,Zürich,"a ""quoted"", 😀"\n"😀, ok",東京,"multi\nline"\nlast,Škoda,ß\n';
    for (const chunkBytes of [1, 2, 3, 5, 7]) {
      const { header, records } = await read(content, { chunkBytes });
      expect(header).toEqual(['name', 'city', 'note']);
      expect(rows(records), `chunks of ${chunkBytes} bytes`).toEqual([
        [2, 'José', 'Zürich', 'a "quoted", 😀'],
        [3, '😀, ok', '東京', 'multi\nline'],
        [5, 'last', 'Škoda', 'ß'],
      ]);
      expect(records.every((r) => r.problem === undefined)).toBe(true);
    }
  });

  it('drops the CR that a CRLF line end leaves in a file whose header ends in LF', async () => {
    const { records } = await read('a,b\n1,2\r\n3,4\n');
    expect(rows(records)).toEqual([
      [2, '1', '2'],
      [3, '3', '4'],
    ]);
  });
});

describe('openCsv: streaming', () => {
  it('reads a large file in many batches and reports the bytes it consumed', async () => {
    const count = 200_000;
    const parts = ['ticket_id,channel,opened_at'];
    for (let i = 1; i <= count; i++) parts.push(`T${i},${i % 3 === 0 ? 'phone' : 'email'},2026-07-01T09:15:00+02:00`);
    const path = file(parts.join('\n') + '\n');
    let bytes = 0;
    const csv = await openCsv(path, 'logs/big.csv', { onBytes: (n) => (bytes += n) });
    let batches = 0;
    let records = 0;
    let last: CsvRecord | undefined;
    for await (const batch of csv.batches()) {
      batches++;
      records += batch.length;
      last = batch.at(-1);
    }
    expect(batches).toBeGreaterThan(50);
    expect(records).toBe(count);
    expect(last).toEqual({ cells: [`T${count}`, 'email', '2026-07-01T09:15:00+02:00'], line: count + 1 });
    expect(bytes).toBe(statSync(path).size);
  });

  it('reads the records again on each call of batches()', async () => {
    const csv = await openCsv(file('a\n1\n2\n'), 'logs/t.csv');
    expect(rows((await batchesOf(csv)).flat())).toEqual(rows((await batchesOf(csv)).flat()));
    expect((await batchesOf(csv)).flat().length).toBe(2);
  });

  it.each([
    ['with a final newline', 'a,b\n'],
    ['without a final newline', 'a,b'],
    ['followed by blank lines', 'a,b\r\n\r\n\r\n'],
  ])('yields no batch for a header-only file %s', async (_, content) => {
    const csv = await openCsv(file(content), 'logs/t.csv');
    expect(csv.header).toEqual(['a', 'b']);
    expect(await batchesOf(csv)).toEqual([]);
  });
});

describe('openCsv: files that cannot be read', () => {
  const expectLogFileError = (err: LogFileError, display: string): void => {
    expect(err.file).toBe(display);
    expect(err.message).toContain(display);
    expect(err.exitCode).toBe(EXIT_FAILURE);
    expect(err.hint).toBeTruthy();
  };

  it.each([
    ['an empty file', ''],
    ['a file with only a BOM', '\uFEFF'],
    ['an empty first line', '\na,b\n1,2\n'],
    ['an empty first line with CRLF', '\r\na,b\r\n'],
    ['a first line of empty cells', ',,\n1,2,3\n'],
    ['a first line of spaces', '   \n1,2,3\n'],
    ['a header whose quote is never closed', 'a,"b\n1,2\n'],
  ])('throws LogFileError for %s', async (_, content) => {
    expectLogFileError(await openError(file(content), 'logs/bad.csv'), 'logs/bad.csv');
  });

  it('throws LogFileError for a missing file', async () => {
    expectLogFileError(await openError(join(dir, 'missing.csv'), 'exports/missing.csv'), 'exports/missing.csv');
  });

  it('throws LogFileError for a folder', async () => {
    mkdirSync(join(dir, 'folder.csv'));
    expectLogFileError(await openError(join(dir, 'folder.csv'), 'logs/folder.csv'), 'logs/folder.csv');
  });

  it('throws LogFileError for a file that cannot be read', async (ctx) => {
    const path = file('a,b\n1,2\n');
    chmodSync(path, 0o000);
    const readable = (): boolean => {
      try {
        accessSync(path, constants.R_OK);
        return true;
      } catch {
        return false;
      }
    };
    try {
      // as root the file stays readable, and there is nothing to test
      if (readable()) ctx.skip();
      expectLogFileError(await openError(path, 'logs/locked.csv'), 'logs/locked.csv');
    } finally {
      chmodSync(path, 0o644);
    }
  });
});
