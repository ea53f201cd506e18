/**
 * The run: the one call that evaluates a selection of a registry over its log files, behind an
 * interface that every engine implements. The built-in engine streams the CSV files through
 * src/engine/; an engine that runs generated SQL (DuckDB, PostgreSQL, ClickHouse) takes the same
 * input and returns the same Evaluation, so the commands, the diff's impact and the tests do not
 * know which one ran.
 */
import type { LogFile } from '../logs/files.js';
import type { Evaluation, PeriodKind, PeriodRef } from '../model/evaluation.js';
import type { Selection } from '../plan/selection.js';
import type { Registry } from '../registry/model.js';
import { builtinEngine } from './builtin-engine.js';

/** The log files of one source, as its globs (or --log) found them. */
export interface SourceLogs {
  /** the globs that were expanded, to say what matched nothing */
  readonly patterns: readonly string[];
  /** in the order they are read */
  readonly files: readonly LogFile[];
}

/** What a run evaluates: a valid registry, the files of its sources, the moment, and what was selected. */
export interface RunInput {
  /** sources, calendars and settings (zone, fiscal year) come from here; the standards from `selection` */
  readonly registry: Registry;
  /** per source id; a source the selection reads but that is missing here has no files */
  readonly sources: ReadonlyMap<string, SourceLogs>;
  readonly asOf: Date;
  /** the standards to evaluate and the promises to roll up; `periods` bounds the breach list unless `within` is given */
  readonly selection: Selection;
}

/** Something a run has to say that is no error: the log files that add nothing. */
export type RunNote =
  /** a source whose globs match no file: its standards have no data */
  | { readonly kind: 'no-log-files'; readonly source: string; readonly patterns: readonly string[] }
  /** a log file with not even a header line; `message` is the log reader's */
  | { readonly kind: 'empty-log'; readonly file: string; readonly message: string };

/** How far a run has read; the caller decides whether and how to show it. */
export interface RunProgress {
  bytes(n: number): void;
  rows(n: number): void;
  done(): void;
}

export interface RunOptions {
  /** keep the breach list (breaches, report, the diff's impact); `gaps` needs only the counts */
  readonly breaches: boolean;
  /** also list open records at risk */
  readonly atRisk: boolean;
  /** keep only breaches within these periods (default: the selection's) */
  readonly within?: readonly PeriodRef[] | undefined;
  /** also count every standard over periods of this length, with the details charts need */
  readonly alsoBy?: PeriodKind | undefined;
  readonly details?: boolean | undefined;
  /** told of each note, in the order the logs are read */
  readonly note?: ((note: RunNote) => void) | undefined;
  /** started once with the bytes the run will read, if the caller wants progress */
  readonly progress?: ((totalBytes: number) => RunProgress) | undefined;
}

export interface Engine {
  readonly name: EngineName;
  /** where it reads a source's rows: the source's files, or tables on a database server (whose log files are not opened) */
  readonly logs: 'files' | 'tables';
  evaluate(input: RunInput, options: RunOptions): Promise<Evaluation>;
}

/** What an engine is set up from: the environment (PROMISE_THREADS, PROMISE_CHUNK_MB) and, for a database engine, where the tables are. */
export interface EngineConfig {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly database?: DatabaseOptions | undefined;
}

/** `--url` (or PROMISE_DATABASE_URL), `--table` and `--timeout`: a database engine's server and tables (SPEC §5). */
export interface DatabaseOptions {
  /** may hold a password: never shown */
  readonly url: string | undefined;
  /** per source id, the table that holds its rows */
  readonly tables: ReadonlyMap<string, string>;
  /** how long connecting, and each statement, may take */
  readonly timeoutMs: number;
}

/** The engines there are; a new one is a file and an entry here. */
export const ENGINE_NAMES = ['builtin', 'duckdb', 'postgres', 'clickhouse'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

const ENGINES: Readonly<Record<EngineName, (config: EngineConfig) => Engine>> = {
  builtin: builtinEngine,
  // DuckDB's module and native library take about 0.2 s to load: only a run that uses it loads them
  duckdb: (config) => ({
    name: 'duckdb',
    logs: 'files',
    evaluate: async (input, options) => (await import('./duckdb-engine.js')).duckdbEngine(config).evaluate(input, options),
  }),
  // the database clients, too, are loaded only by a run that uses them
  postgres: (config) => ({
    name: 'postgres',
    logs: 'tables',
    evaluate: async (input, options) => (await import('./postgres-engine.js')).postgresEngine(config).evaluate(input, options),
  }),
  clickhouse: (config) => ({
    name: 'clickhouse',
    logs: 'tables',
    evaluate: async (input, options) => (await import('./clickhouse-engine.js')).clickhouseEngine(config).evaluate(input, options),
  }),
};

export function getEngine(name: EngineName, config: EngineConfig): Engine {
  return ENGINES[name](config);
}
