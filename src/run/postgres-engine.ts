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
import { PromiseError } from '../model/errors.js';
import type { Evaluation } from '../model/evaluation.js';
import { didYouMean } from '../registry/suggest.js';
import type { DataTable, Relation } from '../sql/compile.js';
import { getDialect } from '../sql/dialects.js';
import { nullOf } from '../sql/dialect.js';
import { databaseError, networkReason, parseDatabaseUrl, scrub, type ShownAddress } from './db/connection-error.js';
import type { DatabaseOptions, Engine, EngineConfig, RunInput, RunOptions } from './engine.js';
import { checkTables, tableName } from './db/tables.js';
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
  const db = requireDatabase(config, 'postgres');
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
    };
    return await evaluateWithSql(backend, input, options);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The database options of `--url`, `--table` and `--timeout`, required by a database engine. */
export function requireDatabase(config: EngineConfig, engine: string): DatabaseOptions & { url: string } {
  const db = config.database;
  if (db === undefined || db.url === undefined || db.url === '') {
    throw new PromiseError(`--engine ${engine} runs on a server: give its address with --url or PROMISE_DATABASE_URL`, { hint: engine === 'postgres' ? `e.g. --url ${EXAMPLE}` : 'e.g. --url http://user:password@host:8123' });
  }
  return { ...db, url: db.url };
}

function failure(shown: ShownAddress, err: unknown, doing: string): PromiseError {
  if (err instanceof PromiseError) return err;
  const e = err as { code?: unknown; message?: unknown };
  const state = typeof e.code === 'string' ? STATES[e.code] : undefined;
  if (state !== undefined) return databaseError(shown, state, e.code === '57014' ? 'give it longer with --timeout SECONDS' : undefined);
  const network = networkReason(err);
  if (network !== undefined) return databaseError(shown, `${doing}: ${network}`, 'check the host and port of --url, and that the server is running');
  const message = typeof e.message === 'string' && e.message !== '' ? e.message : String(err);
  if (/timeout/i.test(message)) return databaseError(shown, `${doing}: no answer within --timeout`, 'check that the server is reachable, or give it longer with --timeout SECONDS');
  return databaseError(shown, `${doing}: ${message}`);
}

/** A source's table, checked to have the columns its standards read; its rows in physical order where it has one. */
async function openTable(client: pg.Client, shown: ShownAddress, run: SourceRun, table: string): Promise<Relation> {
  const from = table
    .split('.')
    .map((part) => PG.ident(part))
    .join('.');
  let names: string[];
  try {
    names = (await client.query(`SELECT * FROM ${from} LIMIT 0`)).fields.map((f) => f.name);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === '42P01' || code === '3F000') throw databaseError(shown, `table ${table} (source ${run.source.id}) does not exist`, `load the source's rows into it, or name the table that holds them with --table ${run.source.id}=SCHEMA.TABLE`);
    throw failure(shown, err, `reading table ${table}`);
  }
  for (const column of run.columns.keys()) {
    if (!names.includes(column)) {
      throw databaseError(shown, `table ${table} (source ${run.source.id}) has no column "${scrub(shown, column)}"`, didYouMean(column, names) ?? 'name the columns as the registry names them');
    }
  }
  let order = nullOf(PG, 'double');
  try {
    await client.query(`SELECT ctid FROM ${from} LIMIT 0`);
    order = 'ctid';
  } catch {
    // a view: no physical order (see above)
  }
  run.account.files++;
  return { from, column: (name) => PG.ident(name), file: PG.string(table), line: nullOf(PG, 'double'), order, problem: nullOf(PG, 'text') };
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
