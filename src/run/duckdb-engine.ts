/**
 * The DuckDB engine (`--engine duckdb`, SPEC §5): each source's rows go into an embedded DuckDB
 * and the standards run there as the SQL src/sql/ compiles (src/run/sql-engine.ts reads what
 * comes back).
 *
 * CSV files are read by the product's own reader (src/logs/csv.ts: every cell text, each row's
 * real line, the rows that cannot be trusted) and appended to a table.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { PromiseError } from '../model/errors.js';
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
      return await evaluateWithSql(duckdbBackend(connection), input, options);
    } finally {
      connection.closeSync();
    }
  } finally {
    instance?.closeSync();
    await rm(temp, { recursive: true, force: true });
  }
}

function duckdbBackend(connection: DuckDBConnection): SqlBackend {
  return {
    engine: 'duckdb',
    dialect: DUCKDB,
    query: async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJS() as Row[],
    openSource: (run) => loadSource(connection, run),
    closeSource: async (run) => {
      await connection.run(`DROP TABLE IF EXISTS ${run.table}`);
    },
    loadTables: (tables) => loadTables(connection, tables),
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

/** A source's files into one table: CSV through the product's reader, Parquet through DuckDB. */
async function loadSource(connection: DuckDBConnection, run: SourceRun): Promise<Relation> {
  const { source, logs, table, columns, account } = run;
  if (logs.files.length === 0) run.note({ kind: 'no-log-files', source: source.id, patterns: logs.patterns });
  const names = [...columns.values()];
  await connection.run(`CREATE OR REPLACE TABLE ${table} (file_name VARCHAR, line_no DOUBLE, row_no DOUBLE, row_problem VARCHAR, ${names.map((n) => `${n} VARCHAR`).join(', ')})`);
  const appender = await connection.createAppender(table);
  let rowNo = 0;
  for (const file of logs.files) {
    const csv = await openLog(source, file, run.note);
    account.files++;
    if (csv === undefined) continue;
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
  }
  appender.closeSync();
  return { from: table, column: (name) => columns.get(name) ?? 'NULL', file: 'file_name', line: 'line_no', order: 'row_no', problem: 'row_problem' };
}

