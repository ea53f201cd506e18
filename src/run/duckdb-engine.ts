/**
 * The DuckDB engine (`--engine duckdb`, SPEC §5): each source's rows go into an embedded DuckDB
 * and the standards run there as the SQL src/sql/ compiles (src/run/sql-engine.ts reads what
 * comes back).
 *
 * CSV files are read by the product's own reader (src/logs/csv.ts: every cell text, each row's
 * real line, the rows that cannot be trusted) and appended to a table; Parquet files (a name
 * ending in `.parquet`, src/logs/log-format.ts) are read by DuckDB itself into the same table,
 * their columns cast to text (docs/sql.md "Parquet logs").
 */
import { constants as fsConstants } from 'node:fs';
import { copyFile, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { LogFile } from '../logs/files.js';
import { logFormat } from '../logs/log-format.js';
import { readParquetColumns } from '../logs/parquet.js';
import { LogFileError, PromiseError } from '../model/errors.js';
import { didYouMean } from '../registry/suggest.js';
import type { Evaluation } from '../model/evaluation.js';
import type { DataTable, Relation } from '../sql/compile.js';
import { getDialect } from '../sql/dialects.js';
import type { Engine, EngineConfig, RunInput, RunOptions } from './engine.js';
import { evaluateWithSql, openLog, type Row, type SourceRun, type SqlBackend } from './sql-engine.js';

const DUCKDB = getDialect('duckdb');

export function duckdbEngine(config: EngineConfig): Engine {
  return { name: 'duckdb', logs: 'files', evaluate: (input, options) => evaluateWithDuckDb(input, options, config) };
}

async function evaluateWithDuckDb(input: RunInput, options: RunOptions, config: EngineConfig): Promise<Evaluation> {
  const temp = await mkdtemp(join(tmpdir(), 'promise-duckdb-'));
  const threads = config.env.PROMISE_THREADS;
  const settings: Record<string, string> = { temp_directory: temp, preserve_insertion_order: 'true' };
  if (threads !== undefined && /^\d+$/.test(threads) && Number(threads) >= 1) settings.threads = threads;
  let instance: DuckDBInstance | undefined;
  try {
    try {
      instance = await DuckDBInstance.create(':memory:', settings);
    } catch (err) {
      throw new PromiseError(`the DuckDB engine could not start: ${(err as Error).message}`, { hint: 'run with --engine builtin, or reinstall promise so that @duckdb/node-api is there' });
    }
    const connection = await instance.connect();
    try {
      // a TIMESTAMP WITH TIME ZONE of a Parquet log is cast to text in this zone, whatever the machine's
      await connection.run(`SET TimeZone = 'UTC'`);
      return await evaluateWithSql(duckdbBackend(connection, temp), input, options);
    } finally {
      connection.closeSync();
    }
  } finally {
    instance?.closeSync();
    await rm(temp, { recursive: true, force: true });
  }
}

function duckdbBackend(connection: DuckDBConnection, temp: string): SqlBackend {
  return {
    engine: 'duckdb',
    dialect: DUCKDB,
    query: async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJS() as Row[],
    openSource: (run) => loadSource(connection, run, temp),
    closeSource: async (run) => {
      await connection.run(`DROP TABLE IF EXISTS ${run.table}`);
    },
    loadTables: (tables) => loadTables(connection, tables),
    tableOf: async (name, query) => {
      await connection.run(`CREATE OR REPLACE TEMP TABLE ${name} AS ${query}`);
    },
    dropTable: async (name) => {
      await connection.run(`DROP TABLE IF EXISTS ${name}`);
    },
  };
}

/** Loads the data tables the queries read, replacing those of the source before. */
async function loadTables(connection: DuckDBConnection, tables: readonly DataTable[]): Promise<void> {
  for (const t of tables) {
    await connection.run(`CREATE OR REPLACE TABLE ${t.name} (${t.columns.map((c) => `${DUCKDB.ident(c.name)} ${c.type === 'double' ? 'DOUBLE' : 'VARCHAR'}`).join(', ')})`);
    const appender = await connection.createAppender(t.name);
    for (const row of t.rows) {
      row.forEach((v, i) => {
        if (v === null) appender.appendNull();
        else if (t.columns[i]?.type === 'double') appender.appendDouble(v as number);
        else appender.appendVarchar(String(v));
      });
      appender.endRow();
    }
    appender.closeSync();
  }
}

/** A source's files into one table, in file order: CSV through the product's reader, Parquet through DuckDB. */
async function loadSource(connection: DuckDBConnection, run: SourceRun, temp: string): Promise<Relation> {
  const { source, logs, table, columns, account } = run;
  if (logs.files.length === 0) run.note({ kind: 'no-log-files', source: source.id, patterns: logs.patterns });
  const names = [...columns.values()];
  await connection.run(`CREATE OR REPLACE TABLE ${table} (file_name VARCHAR, line_no DOUBLE, row_no DOUBLE, row_problem VARCHAR, ${names.map((n) => `${n} VARCHAR`).join(', ')})`);
  let rowNo = 0;
  for (const [index, file] of logs.files.entries()) {
    rowNo += logFormat(file.display) === 'parquet' ? await insertParquet(connection, run, file, rowNo, join(temp, `${table}-${index + 1}.parquet`)) : await appendCsv(connection, run, file, rowNo);
    account.files++;
  }
  return { from: table, column: (name) => columns.get(name) ?? 'NULL', file: 'file_name', line: 'line_no', order: 'row_no', problem: 'row_problem' };
}

/** A CSV file's rows appended to the source's table, numbered from `firstRow`; returns how many. */
async function appendCsv(connection: DuckDBConnection, run: SourceRun, file: LogFile, firstRow: number): Promise<number> {
  const { source, columns, table } = run;
  const csv = await openLog(source, file, run.note);
  if (csv === undefined) return 0;
  const index = new Map<string, number>();
  const repeated = new Set<string>();
  csv.header.forEach((name, i) => {
    if (index.has(name)) repeated.add(name);
    else index.set(name, i);
  });
  for (const name of repeated) index.delete(name);
  if (!index.has(source.key) && csv.header.includes(source.key)) throw new RangeError(`key column "${source.key}" is in the header more than once`);
  const positions = [...columns.keys()].map((name) => index.get(name) ?? -1);
  const keyAt = index.get(source.key) ?? -1;
  // one appender per file, closed before the next file (a Parquet file is inserted by a statement)
  const appender = await connection.createAppender(table);
  let rowNo = firstRow;
  try {
    for await (const batch of csv.batches()) {
      for (const row of batch) {
        appender.appendVarchar(file.display);
        appender.appendDouble(row.line);
        appender.appendDouble(rowNo++);
        if (row.problem === undefined) appender.appendNull();
        else {
          appender.appendVarchar(row.problem.code);
          // SPEC §1: a row that cannot be trusted is invalid for every standard, listed once
          run.invalid.push({ source: source.id, standard: undefined, file: file.display, line: row.line, record: keyAt < 0 ? '' : (row.cells[keyAt] ?? '').trim(), period: undefined, ...row.problem });
        }
        for (const p of positions) {
          const cell = p < 0 ? undefined : row.cells[p];
          if (cell === undefined) appender.appendNull();
          else appender.appendVarchar(cell);
        }
        appender.endRow();
      }
    }
  } finally {
    appender.closeSync();
  }
  return rowNo - firstRow;
}

/** What DuckDB's glob would read otherwise in a path given to read_parquet, or what a literal would have to spell as codes. */
const NOT_PLAIN = /[*?[\]{}\u0000-\u001f\u007f]/;
/** The column read_parquet adds for a row's place in its file. */
const ROW_NUMBER = 'file_row_number';

/**
 * A Parquet file's rows inserted into the source's table by DuckDB, numbered from `firstRow` in
 * the file's order; returns how many. SPEC §5: every column the standards read is cast to text,
 * which SPEC §1's reader reads as it reads a CSV cell (the session's zone is UTC, so a TIMESTAMP
 * WITH TIME ZONE is written with `+00`; a TIMESTAMP is wall time, read in the source's zone; a
 * DATE is `YYYY-MM-DD`); a NULL is an empty cell. A row of a Parquet file has no line. `link` is
 * a path in the run's temporary folder, unique within the run, through which a path that DuckDB
 * would read as a glob is read.
 */
async function insertParquet(connection: DuckDBConnection, run: SourceRun, file: LogFile, firstRow: number, link: string): Promise<number> {
  const { source, columns, table } = run;
  // the columns as `check` reads them (src/logs/parquet.ts), by position: DuckDB matches names ignoring case
  const header = await readParquetColumns(file.abs, file.display);
  const cells = [...columns.keys()].map((name) => {
    const at = header.flatMap((c, i) => (c === name ? [i + 1] : []));
    if (at.length === 1) return `CAST(#${at[0] as number} AS VARCHAR)`;
    const what = `${name === source.key ? 'key column' : 'column'} "${name}"`;
    if (at.length === 0) throw new PromiseError(`log file ${file.display} has no ${what}`, { hint: didYouMean(name, header) ?? `its columns are: ${header.length > 12 ? `${header.slice(0, 12).join(', ')}, ...` : header.join(', ')}` });
    throw new PromiseError(`log file ${file.display} has ${what} more than once (columns ${at.join(', ')}): which one is meant is not known`, { hint: 'rename one of the columns in the export, so that each name is one column' });
  });
  let path = file.abs;
  if (NOT_PLAIN.test(path)) {
    // a copy where links cannot be made; never over a file that is there
    await symlink(file.abs, link).catch(() => copyFile(file.abs, link, fsConstants.COPYFILE_EXCL));
    path = link;
  }
  // a file with a column of that name cannot have DuckDB's: its rows are numbered by where they land in the table
  const own = header.some((c) => c.toLowerCase() === ROW_NUMBER);
  const rowNumber = own ? 'NULL' : `${firstRow} + ${ROW_NUMBER}`;
  const from = `read_parquet(${DUCKDB.string(path)}${own ? '' : `, ${ROW_NUMBER} = true`})`;
  try {
    const inserted = Number((await connection.run(`INSERT INTO ${table} SELECT ${DUCKDB.string(file.display)}, NULL, ${rowNumber}, NULL, ${cells.join(', ')} FROM ${from}`)).rowsChanged);
    if (own) await connection.run(`UPDATE ${table} SET row_no = ${firstRow} + rowid - (SELECT min(rowid) FROM ${table} WHERE row_no IS NULL) WHERE row_no IS NULL`);
    return inserted;
  } catch (err) {
    const said = ((err as Error).message.split('\n')[0] ?? '').replaceAll(path, file.display);
    const reason = `DuckDB cannot read it as Parquet: ${said}`;
    throw new LogFileError(file.display, `cannot read log file ${file.display}: ${reason}`, 'export it again, or check that the whole file was copied', err, reason);
  }
}
