/**
 * The ClickHouse engine (`--engine clickhouse`, SPEC §5): the standards run as the SQL src/sql/
 * compiles for ClickHouse, on a server that already holds each source's rows as a table
 * (`--table SOURCE=TABLE`, default a table named like the source), over HTTP through
 * `@clickhouse/client`.
 *
 * Each statement carries its calendars, periods and zone offsets as literal rows (CTEs), so the
 * engine writes nothing on the server and needs no session: a user with `readonly = 1` can run
 * it. A table has no lines: `line` is null and `file` is the table's name; ClickHouse keeps no
 * insertion order, so which of two rows with one key is listed as the first is the server's.
 * Columns of ClickHouse's own date and time types are read as ISO text in UTC (a `Date` as the
 * date it holds).
 */
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { PromiseError } from '../model/errors.js';
import type { Evaluation } from '../model/evaluation.js';
import type { Relation } from '../sql/compile.js';
import { getDialect } from '../sql/dialects.js';
import { tableRelation } from '../sql/print.js';
import { failureOf, missingTable, parseDatabaseUrl, requireColumns, type ShownAddress } from './db/connection-error.js';
import { checkTables, requireDatabase, tableName } from './db/tables.js';
import type { Engine, EngineConfig, RunInput, RunOptions } from './engine.js';
import { evaluateWithSql, type Row, type SourceRun, type SqlBackend } from './sql-engine.js';

const CH = getDialect('clickhouse');
const EXAMPLE = 'http://user:password@host:8123/database';

export function clickhouseEngine(config: EngineConfig): Engine {
  return { name: 'clickhouse', logs: 'tables', evaluate: (input, options) => evaluateWithClickHouse(input, options, config) };
}

/** ClickHouse's error names this engine words itself (others are passed on, scrubbed). */
const ERRORS: Readonly<Record<string, string>> = {
  AUTHENTICATION_FAILED: 'the user or password was refused',
  REQUIRED_PASSWORD: 'the user or password was refused',
  UNKNOWN_USER: 'the user or password was refused',
  UNKNOWN_DATABASE: 'no such database',
  TIMEOUT_EXCEEDED: 'a query ran longer than --timeout and was cancelled',
  ACCESS_DENIED: 'permission denied',
  READONLY: 'permission denied',
};

async function evaluateWithClickHouse(input: RunInput, options: RunOptions, config: EngineConfig): Promise<Evaluation> {
  const db = requireDatabase(config, 'clickhouse', EXAMPLE);
  const { url, shown } = parseDatabaseUrl('clickhouse', db.url, ['http:', 'https:'], EXAMPLE);
  checkTables(input.registry, db.tables);
  const client = createClient({
    url: url.href,
    request_timeout: db.timeoutMs + 5_000,
    application: 'promise',
    // a client that logs would write to the terminal, past the one-line errors
    log: { level: 127 as never },
    clickhouse_settings: {
      session_timezone: 'UTC',
      max_execution_time: Math.max(1, Math.ceil(db.timeoutMs / 1000)),
      // counts come as numbers, and names as the query wrote them
      output_format_json_quote_64bit_integers: 0,
      // a long query keeps its connection alive through proxies
      send_progress_in_http_headers: 1,
      http_headers_progress_interval_ms: '60000',
    },
  });
  try {
    const query = async (sql: string): Promise<Row[]> => {
      try {
        return await (await client.query({ query: sql, format: 'JSONEachRow' })).json<Row>();
      } catch (err) {
        throw failure(shown, err, 'a query failed');
      }
    };
    const backend: SqlBackend = {
      engine: 'clickhouse',
      dialect: CH,
      data: 'inline',
      query,
      openSource: (run) => openTable(query, shown, run, tableName(db.tables, run.source.id)),
      closeSource: async () => undefined,
      loadTables: async () => undefined,
    };
    return await evaluateWithSql(backend, input, options);
  } finally {
    await close(client);
  }
}

async function close(client: ClickHouseClient): Promise<void> {
  try {
    await client.close();
  } catch {
    // nothing more to say: the run has its answer or its error
  }
}

function failure(shown: ShownAddress, err: unknown, doing: string): PromiseError {
  const type = (err as { type?: unknown }).type;
  const text = typeof type === 'string' ? ERRORS[type] : undefined;
  return failureOf(
    shown,
    err,
    doing,
    text === undefined ? undefined : { text, cancelled: type === 'TIMEOUT_EXCEEDED' },
    'check the host and port of --url (ClickHouse answers HTTP on 8123, HTTPS on 8443), and that the server is running',
    // the server's text ends with its version and a stack: the first sentence says it
    (message) => message.split(/\. \(|\n/)[0] ?? message,
  );
}

/** A source's table, checked to have the columns its standards read; date and time columns read as ISO text in UTC. */
async function openTable(query: (sql: string) => Promise<Row[]>, shown: ShownAddress, run: SourceRun, table: string): Promise<Relation> {
  const { from } = tableRelation(CH, table);
  let described: Row[];
  try {
    described = await query(`DESCRIBE TABLE ${from}`);
  } catch (err) {
    if (err instanceof PromiseError && /UNKNOWN_TABLE|doesn't exist|does not exist|Unknown table|no such database/i.test(err.message)) {
      throw missingTable(shown, run.source.id, table, 'DATABASE.TABLE');
    }
    throw err;
  }
  const types = new Map(described.map((r) => [String(r.name), String(r.type)]));
  requireColumns(shown, run.source.id, table, run.columns.keys(), [...types.keys()]);
  run.account.files++;
  const column = (name: string): string => {
    const type = (types.get(name) ?? '').replace(/^(Nullable|LowCardinality)\((.*)\)$/, '$2').replace(/^(Nullable|LowCardinality)\((.*)\)$/, '$2');
    const c = CH.ident(name);
    // an instant: written in UTC with its zone, as SPEC §1 reads it; a date as the date it holds
    if (/^DateTime64/.test(type)) return `concat(formatDateTime(toTimeZone(${c}, 'UTC'), '%Y-%m-%dT%H:%i:%S.%f'), 'Z')`;
    if (/^DateTime/.test(type)) return `concat(formatDateTime(toTimeZone(${c}, 'UTC'), '%Y-%m-%dT%H:%i:%S'), 'Z')`;
    return c;
  };
  return tableRelation(CH, table, { column });
}
