/**
 * A Parquet file's column names from its footer (src/logs/parquet.ts), on files DuckDB writes:
 * every top-level column in order (a nested one once), whatever the types, the metadata and the
 * number of columns; a file that is not Parquet, or whose footer is damaged, says so.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readParquetColumns } from '../../src/logs/parquet.js';
import { LogFileError } from '../../src/model/errors.js';
import { tempDir } from '../helpers/cli.js';

let dir: string;
let duckdb: DuckDBInstance;

beforeAll(async () => {
  dir = tempDir('promise-parquet-columns-');
  duckdb = await DuckDBInstance.create(':memory:');
});

afterAll(() => {
  duckdb.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

/** Writes `select` as a Parquet file; returns its path and the column names DuckDB reads back. */
async function write(name: string, select: string, options = ''): Promise<{ path: string; described: string[] }> {
  const path = join(dir, name);
  const c = await duckdb.connect();
  try {
    await c.run(`COPY (${select}) TO '${path}' (FORMAT parquet${options})`);
    const described = (await c.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${path}')`)).getRowObjectsJS().map((r) => String(r.column_name));
    return { path, described };
  } finally {
    c.closeSync();
  }
}

const reason = async (path: string): Promise<string | undefined> => {
  try {
    await readParquetColumns(path, 'logs/x.parquet');
    return undefined;
  } catch (err) {
    if (!(err instanceof LogFileError)) throw err;
    expect(err.message).toContain('log file logs/x.parquet');
    return err.reason;
  }
};

describe('readParquetColumns', () => {
  it.each([
    ['text columns', "SELECT 'T-1' AS ticket_id, 'email' AS channel, '2026-10-01T08:00:00Z' AS opened_at", ''],
    ["Parquet's own types", "SELECT 1::TINYINT a, 2::SMALLINT b, 3 c, 4::BIGINT d, 5::HUGEINT e, 1.5::FLOAT f, 2.5 g, 3.25::DECIMAL(18,4) h, true i, DATE '2026-10-01' j, TIMESTAMP '2026-10-01 08:00' k, TIMESTAMPTZ '2026-10-01 08:00:00+00' l, TIME '08:00' m, 'x'::BLOB n, uuid() o, INTERVAL 1 DAY p", ''],
    ['nested columns, each one column', "SELECT {'a': 1, 'b': {'c': [1, 2]}} AS nested, [[1], [2, 3]] AS lists, MAP {'k': 'v'} AS mapped, 'last' AS after_them", ''],
    ['names in any script, with spaces and quotes', 'SELECT 1 AS "Ticket ID", 2 AS "créé_le", 3 AS "受付", 4 AS "say ""hi"""', ''],
    ['many columns (a list longer than 14)', `SELECT ${Array.from({ length: 40 }, (_, i) => `${i} AS c${i}`).join(', ')}`, ''],
    ['no rows', "SELECT 'x' AS only WHERE false", ''],
    ['many row groups, metadata, another codec', "SELECT range AS id, range::VARCHAR AS label FROM range(5000)", ", ROW_GROUP_SIZE 100, COMPRESSION zstd, KV_METADATA {written_by: 'a test', note: 'x'}"],
  ])('reads the names of %s', async (name, select, options) => {
    const { path, described } = await write(`${name.replace(/[^a-z0-9]+/gi, '-')}.parquet`, select, options);
    expect(await readParquetColumns(path, 'logs/x.parquet')).toEqual(described);
  });

  it('says that a file that is not Parquet is not', async () => {
    const path = join(dir, 'csv.parquet');
    writeFileSync(path, 'ticket_id,opened_at\nT-1,2026-10-01\n');
    expect(await reason(path)).toBe("it is not a Parquet file: it does not start and end with Parquet's PAR1 mark");
    writeFileSync(path, 'PAR1');
    expect(await reason(path)).toBe("it is not a Parquet file: it does not start and end with Parquet's PAR1 mark");
    writeFileSync(path, '');
    expect(await reason(path)).toBe("it is not a Parquet file: it does not start and end with Parquet's PAR1 mark");
  });

  it('says that a file cut short, or whose footer is damaged, is damaged', async () => {
    const { path } = await write('whole.parquet', 'SELECT range AS id, range::VARCHAR AS label FROM range(100)');
    const bytes = readFileSync(path);
    const cut = join(dir, 'cut.parquet');
    writeFileSync(cut, bytes.subarray(0, bytes.length - 100));
    expect(await reason(cut)).toBe("it is not a Parquet file: it does not start and end with Parquet's PAR1 mark");
    const length = bytes.readUInt32LE(bytes.length - 8);
    const garbled = Buffer.from(bytes);
    garbled.fill(0xff, bytes.length - 8 - length, bytes.length - 8);
    const damaged = join(dir, 'damaged.parquet');
    writeFileSync(damaged, garbled);
    expect(await reason(damaged)).toBe('its Parquet footer is damaged');
    const long = Buffer.from(bytes);
    long.writeUInt32LE(bytes.length, bytes.length - 8);
    writeFileSync(damaged, long);
    expect(await reason(damaged)).toBe('its Parquet footer is damaged');
  });

  it('says what the CSV reader says of a file that is not there or is a folder', async () => {
    expect(await reason(join(dir, 'gone.parquet'))).toBe('it does not exist');
    expect(await reason(dir)).toBe('it is a folder, not a file');
  });
});

