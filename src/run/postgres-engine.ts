/**
 * The PostgreSQL engine (`--engine postgres`, SPEC §5): the standards run as the SQL src/sql/
 * compiles, on a server that already holds each source's rows as a table (`--table
 * SOURCE=TABLE`, default a table named like the source), through `pg`. Nothing is written to the
 * user's schemas: the calendars, periods and zone offsets go into the session's temporary tables,
 * which end with it.
 *
 * A table has no lines: `line` is null and `file` is the table's name (SPEC §5). Rows are taken
 * in the table's physical order (`ctid`, which for a table filled by COPY is the file's order)
 * where the table has one; a view has none, and then the first of two rows with one key, and the
 * order an average sums in, are the server's.
 */
import pg from 'pg';
import type { PromiseError } from '../model/errors.js';
import type { Evaluation } from '../model/evaluation.js';
import type { DataTable, Relation } from '../sql/compile.js';
import { getDialect } from '../sql/dialects.js';
import { tableRelation } from '../sql/print.js';
import { failureOf, missingTable, parseDatabaseUrl, requireColumns, type ShownAddress } from './db/connection-error.js';
import { checkTables, requireDatabase, tableName } from './db/tables.js';
import type { Engine, EngineConfig, RunInput, RunOptions } from './engine.js';
import { evaluateWithSql, type Row, type SourceRun, type SqlBackend } from './sql-engine.js';

const PG = getDialect('postgres');
const EXAMPLE = 'postgres://user:password@host:5432/database';

export function postgresEngine(config: EngineConfig): Engine {
  return { name: 'postgres', logs: 'tables', evaluate: (input, options) => evaluateWithPostgres(input, options, config) };
}

/** The server's SQLSTATE codes this engine words itself (others are passed on, scrubbed). */
const STATES: Readonly<Record<string, string>> = {
  '28P01': 'the password was refused',
  '28000': 'the server refuses this user or host (pg_hba.conf)',
  '3D000': 'no such database',
  '57014': 'a statement ran longer than --timeout and was cancelled',
  '42501': 'permission denied',
  '53300': 'the server has no connection free',
};

async function evaluateWithPostgres(input: RunInput, options: RunOptions, config: EngineConfig): Promise<Evaluation> {
  const db = requireDatabase(config, 'postgres', EXAMPLE);
  const { url, shown } = parseDatabaseUrl('postgres', db.url, ['postgres:', 'postgresql:'], EXAMPLE);
  checkTables(input.registry, db.tables);
  const client = new pg.Client({
    connectionString: url.href,
    connectionTimeoutMillis: db.timeoutMs,
    statement_timeout: db.timeoutMs,
    query_timeout: db.timeoutMs + 5_000,
    application_name: 'promise',
  });
  // a connection the server drops later must not end the process with an unhandled 'error'
  let dropped: unknown;
  client.on('error', (err) => {
    dropped = err;
  });
  try {
    await client.connect();
  } catch (err) {
    throw failure(shown, err, 'could not connect');
  }
  try {
    const query = async (sql: string): Promise<Row[]> => {
      try {
        return (await client.query(sql)).rows as Row[];
      } catch (err) {
        throw failure(shown, dropped ?? err, 'a query failed');
      }
    };
    // instants and lengths are doubles of milliseconds and printed exactly; text is read in UTC; JIT
    // compiling the queries' long CASE expressions takes longer than running them
    await query("SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET extra_float_digits = 1; SET IntervalStyle = 'iso_8601'; SET jit = off");
    const backend: SqlBackend = {
      engine: 'postgres',
      dialect: PG,
      query,
      openSource: (run) => openTable(client, shown, run, tableName(db.tables, run.source.id)),
      closeSource: async () => undefined,
      loadTables: (tables) => loadTables(query, client, shown, tables),
      // a temporary table, as the data tables are; analysed, since autovacuum never reads one
      tableOf: async (name, sql) => {
        await query(`DROP TABLE IF EXISTS pg_temp.${name}`);
        await query(`CREATE TEMPORARY TABLE ${name} AS ${sql}`);
        await query(`ANALYZE ${name}`);
      },
      dropTable: async (name) => {
        await query(`DROP TABLE IF EXISTS pg_temp.${name}`);
      },
    };
    return await evaluateWithSql(backend, input, options);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function failure(shown: ShownAddress, err: unknown, doing: string): PromiseError {
  const code = (err as { code?: unknown }).code;
  const text = typeof code === 'string' ? STATES[code] : undefined;
  return failureOf(shown, err, doing, text === undefined ? undefined : { text, cancelled: code === '57014' }, 'check the host and port of --url, and that the server is running');
}

/** A source's table, checked to have the columns its standards read; its rows in physical order where it has one. */
async function openTable(client: pg.Client, shown: ShownAddress, run: SourceRun, table: string): Promise<Relation> {
  const { from } = tableRelation(PG, table);
  let names: string[];
  try {
    names = (await client.query(`SELECT * FROM ${from} LIMIT 0`)).fields.map((f) => f.name);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === '42P01' || code === '3F000') throw missingTable(shown, run.source.id, table, 'SCHEMA.TABLE');
    throw failure(shown, err, `reading table ${table}`);
  }
  requireColumns(shown, run.source.id, table, run.columns.keys(), names);
  let physical = false;
  try {
    await client.query(`SELECT ctid FROM ${from} LIMIT 0`);
    physical = true;
  } catch {
    // a view: no physical order (see above)
  }
  run.account.files++;
  return tableRelation(PG, table, physical ? { order: 'ctid' } : {});
}

/** The data tables as temporary tables of this session, filled with parameters in batches. */
async function loadTables(query: (sql: string) => Promise<Row[]>, client: pg.Client, shown: ShownAddress, tables: readonly DataTable[]): Promise<void> {
  for (const t of tables) {
    const name = PG.ident(t.name);
    await query(`DROP TABLE IF EXISTS pg_temp.${name}`);
    await query(`CREATE TEMPORARY TABLE ${name} (${t.columns.map((c) => `${PG.ident(c.name)} ${c.type === 'double' ? PG.types.double : PG.types.text}`).join(', ')})`);
    const width = Math.max(1, t.columns.length);
    // PostgreSQL takes at most 65,535 parameters in one statement
    const batch = Math.max(1, Math.floor(30_000 / width));
    for (let at = 0; at < t.rows.length; at += batch) {
      const rows = t.rows.slice(at, at + batch);
      const values: (string | number | null)[] = [];
      const tuples = rows.map((row) => `(${t.columns.map((c, i) => {
        values.push(row[i] ?? null);
        return `$${values.length}::${c.type === 'double' ? PG.types.double : PG.types.text}`;
      }).join(', ')})`);
      try {
        await client.query(`INSERT INTO ${name} VALUES ${tuples.join(', ')}`, values.map((v) => (typeof v === 'number' ? numberText(v) : v)));
      } catch (err) {
        throw failure(shown, err, `loading the ${t.about}`);
      }
    }
  }
}

/** A double as PostgreSQL reads one back exactly. */
function numberText(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  return String(v);
}
