/**
 * `--engine builtin|duckdb|postgres|clickhouse` (SPEC §5) on the commands that evaluate logs,
 * with what a database engine needs: `--url` (or PROMISE_DATABASE_URL), `--table SOURCE=TABLE`
 * and `--timeout SECONDS`.
 */
import { Option, type Command } from 'commander';
import { UsageError } from '../model/errors.js';
import { didYouMean } from '../registry/suggest.js';
import { ENGINE_NAMES, getEngine, type Engine, type EngineName } from '../run/engine.js';
import type { CommandContext } from './context.js';

export interface EngineOptions {
  engine?: string;
  url?: string;
  table?: string[];
  timeout?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** Five minutes: a quarter of a large table is read well within it; `--timeout` says otherwise. */
const DEFAULT_TIMEOUT_SECONDS = 300;

export function addEngineOption(cmd: Command): Command {
  return cmd
    .addOption(new Option('--engine <name>', `what evaluates the logs: ${ENGINE_NAMES.join(', ')} (docs/sql.md)`).default('builtin'))
    .addOption(new Option('--url <url>', 'the database server of --engine postgres or clickhouse, e.g. postgres://user@host:5432/db (default: PROMISE_DATABASE_URL)'))
    .addOption(new Option('--table <source=table>', "the table that holds a source's rows on the database (repeatable)").argParser(collect).default([], "a table named like the source's id"))
    .addOption(new Option('--timeout <seconds>', 'how long connecting to the database, and each of its queries, may take').default(String(DEFAULT_TIMEOUT_SECONDS)));
}

/** The engine `--engine` names, set up from the environment; the built-in one without it. */
export function chooseEngine(ctx: CommandContext, options: EngineOptions): Engine {
  const name = options.engine;
  const database = name === 'postgres' || name === 'clickhouse';
  const tables = options.table ?? [];
  if (!database) {
    if (options.url !== undefined) throw new UsageError(`--url names a database server, which --engine ${name ?? 'builtin'} does not read`, 'use it with --engine postgres or --engine clickhouse');
    if (tables.length > 0) throw new UsageError(`--table names a database table, which --engine ${name ?? 'builtin'} does not read`, 'use it with --engine postgres or --engine clickhouse; --log SOURCE=FILE names a log file');
  }
  if (name === undefined || name === 'builtin') return getEngine('builtin', { env: ctx.io.env });
  if (!(ENGINE_NAMES as readonly string[]).includes(name)) throw new UsageError(`--engine ${name}: no such engine`, didYouMean(name, ENGINE_NAMES) ?? `use one of ${ENGINE_NAMES.join(', ')}`);
  if (!database) return getEngine(name as EngineName, { env: ctx.io.env });
  const timeout = options.timeout ?? String(DEFAULT_TIMEOUT_SECONDS);
  const seconds = Number(timeout);
  if (!/^\d+(\.\d+)?$/.test(timeout) || seconds <= 0 || seconds > 86_400) throw new UsageError(`--timeout ${timeout}: expected a number of seconds from 1 to 86400`, 'e.g. --timeout 600');
  const byTable = new Map<string, string>();
  for (const value of tables) {
    const eq = value.indexOf('=');
    if (eq <= 0 || eq === value.length - 1) throw new UsageError(`--table ${value}: expected SOURCE=TABLE`, 'e.g. --table tickets=support.tickets');
    const id = value.slice(0, eq);
    if (byTable.has(id)) throw new UsageError(`--table ${id}=...: given twice`, 'name one table for each source');
    byTable.set(id, value.slice(eq + 1));
  }
  const url = options.url ?? ctx.io.env.PROMISE_DATABASE_URL;
  return getEngine(name as EngineName, { env: ctx.io.env, database: { url, tables: byTable, timeoutMs: Math.round(seconds * 1000) } });
}
