/**
 * What the real-data tests share: where the public logs and the example registries are, the
 * built CLI's gap report as typed JSON, an independent DuckDB connection, and the accounting
 * check of SPEC §3 on the `sources` section.
 */
import { readFileSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Papa from 'papaparse';
import { glob } from 'tinyglobby';
import { parse } from 'yaml';
import { expect } from 'vitest';
import { promise, REPO, tempDir } from '../helpers/cli.js';

/** The public delivery logs, beside the project: ../shared/data (read its PROVENANCE.md files). */
export const DATA = join(REPO, '..', 'shared', 'data');

export function registryDir(name: string): string {
  return join(REPO, 'examples', name);
}

export function dataFile(set: string, file: string): string {
  return join(DATA, set, file);
}

/** One CSV as the papaparse header mode reads it: every cell as text, keyed by its column. */
export function readCsv(path: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/** The counts a gap row carries, as `promise gaps --format json` writes them (SPEC §3). */
export interface Counts {
  standard: string;
  period: string;
  records: number;
  met: number;
  breached: number;
  pending: number;
  skipped: number;
  invalid: number;
}

export interface StandardAccount {
  standard: string;
  in_periods: number;
  out_of_scope: number;
  future: number;
  invalid_without_period: number;
  skipped_without_period: number;
}

export interface GapsJson {
  as_of: string;
  standards: (Counts & { compliance: number | null; status: string })[];
  sources: { source: string; files: number; rows: number; invalid: number; duplicate_keys: number; dst_gap_times: number; dst_overlap_times: number; standards: StandardAccount[] }[];
  invalid: { source: string; standard: string | null; file: string; line: number; record: string; reason: string; period: string | null }[];
}

/**
 * Runs an evaluating command on an example registry with `--format json --out FILE` (a breach
 * list of thousands of records is more than a child process's stdout buffer holds) and parses
 * the file. A command that fails fails the test; the one line on stderr that counts rows
 * which could not be judged is expected.
 */
function evaluateJson(command: 'gaps' | 'breaches', registry: string, asOf: string, filters: readonly string[]): unknown {
  const dir = tempDir('promise-real-data-');
  try {
    const out = join(dir, `${command}.json`);
    const run = promise([command, '--registry', registryDir(registry), '--as-of', asOf, '--format', 'json', '--out', out, ...filters]);
    expect(run.stderr.replace(/^promise: \d+ log rows? could not be judged.*\n/m, '')).toBe('');
    expect(run.code).toBe(0);
    return JSON.parse(readFileSync(out, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `promise gaps --format json` (SPEC §3). */
export function gapsJson(registry: string, asOf: string, ...filters: string[]): GapsJson {
  return evaluateJson('gaps', registry, asOf, filters) as GapsJson;
}

/** One breach as `promise breaches --format json` writes it (SPEC §3), the fields tests read. */
export interface BreachJson {
  standard: string;
  source: string;
  record: string;
  line: number;
  outcome: string;
  open: boolean;
  start: string;
  end: string | null;
  due: string | null;
  over_seconds: number | null;
}

/** `promise breaches --format json` (SPEC §3). */
export function breachesJson(registry: string, asOf: string, ...filters: string[]): BreachJson[] {
  return (evaluateJson('breaches', registry, asOf, filters) as { breaches: BreachJson[] }).breaches;
}

/** `promise gaps --format md`, for the golden files. */
export function gapsMarkdown(registry: string, asOf: string, ...filters: string[]): string {
  const run = promise(['gaps', '--registry', registryDir(registry), '--as-of', asOf, '--format', 'md', ...filters]);
  expect(run.code).toBe(0);
  return run.stdout;
}

/** The gap rows reduced to the counts the SQL computes, in one order. */
export function countsOf(json: GapsJson): Counts[] {
  return json.standards
    .map(({ standard, period, records, met, breached, pending, skipped, invalid }) => ({ standard, period, records, met, breached, pending, skipped, invalid }))
    .sort(byStandardAndPeriod);
}

export function byStandardAndPeriod(a: { standard: string; period: string }, b: { standard: string; period: string }): number {
  return a.standard < b.standard ? -1 : a.standard > b.standard ? 1 : a.period < b.period ? -1 : a.period > b.period ? 1 : 0;
}

/**
 * SPEC §3: `sources` accounts for every data row read. For each standard, the records in its
 * periods, those out of its scope, its future records and those invalid or skipped without a
 * period add up to the source's rows; and the records in its periods are the gap rows' records.
 */
export function expectEveryRowAccountedFor(json: GapsJson): void {
  for (const source of json.sources) {
    for (const a of source.standards) {
      expect(a.in_periods + a.out_of_scope + a.future + a.invalid_without_period + a.skipped_without_period, `${source.source} / ${a.standard}`).toBe(source.rows);
      const records = json.standards.filter((g) => g.standard === a.standard).reduce((n, g) => n + g.records, 0);
      expect(records, a.standard).toBe(a.in_periods);
    }
  }
}

/** The `sources` accounts by standard id, for comparing with the SQL's. */
export function accountsOf(json: GapsJson): StandardAccount[] {
  return json.sources.flatMap((s) => s.standards).sort((a, b) => (a.standard < b.standard ? -1 : a.standard > b.standard ? 1 : 0));
}

type Row = Record<string, unknown>;

function plain(row: Row): Row {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]));
}

/**
 * The view a data set's SQL may end with, over its view `outcomes` (standard, outcome,
 * period_of_start): a record counts in the period of its start when it is met, breached,
 * pending, skipped or invalid there; out of scope, future and undated records are in no period.
 */
export const JUDGED_VIEW = `CREATE TEMP VIEW judged AS
  SELECT standard, outcome,
         IF(outcome IN ('met', 'breached', 'pending', 'skipped', 'invalid'), period_of_start, NULL) AS period
  FROM outcomes;`;

/**
 * Runs a data set's SQL in a fresh in-memory DuckDB. The SQL must define the view `judged`:
 * one row per (standard, log row) with its `outcome` and, for a row counted in a period, its
 * `period`. Returns the counts per standard and period, and the accounts per standard, that
 * `promise gaps --format json` reports.
 */
export async function judgeWithDuckDb(sql: string): Promise<{ counts: Counts[]; accounts: StandardAccount[] }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(sql);
    const counts = (await connection.runAndReadAll(COUNTS_SQL)).getRowObjectsJS().map(plain) as unknown as Counts[];
    const accounts = (await connection.runAndReadAll(ACCOUNTS_SQL)).getRowObjectsJS().map(plain) as unknown as StandardAccount[];
    return { counts: counts.sort(byStandardAndPeriod), accounts };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Runs a data set's SQL, then one more query over its views, and returns that query's rows. */
export async function queryDuckDb(sql: string, query: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(sql);
    return (await connection.runAndReadAll(query)).getRowObjectsJS().map(plain);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The gap report's counts per standard and period, from the view `judged`. */
const COUNTS_SQL = `
  SELECT standard, period,
         count(*)                                     AS records,
         count(*) FILTER (WHERE outcome = 'met')      AS met,
         count(*) FILTER (WHERE outcome = 'breached') AS breached,
         count(*) FILTER (WHERE outcome = 'pending')  AS pending,
         count(*) FILTER (WHERE outcome = 'skipped')  AS skipped,
         count(*) FILTER (WHERE outcome = 'invalid')  AS invalid
  FROM judged
  WHERE period IS NOT NULL
  GROUP BY standard, period
  ORDER BY standard, period`;

/** SPEC §3's accounts per standard: where each row of the log went. */
const ACCOUNTS_SQL = `
  SELECT standard,
         count(*) FILTER (WHERE period IS NOT NULL)                 AS in_periods,
         count(*) FILTER (WHERE outcome = 'out_of_scope')           AS out_of_scope,
         count(*) FILTER (WHERE outcome = 'future')                 AS future,
         count(*) FILTER (WHERE outcome = 'invalid_without_period') AS invalid_without_period,
         count(*) FILTER (WHERE outcome = 'skipped_without_period') AS skipped_without_period
  FROM judged
  GROUP BY standard
  ORDER BY standard`;

/** Embeds a path in SQL as a string literal. */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * The registry is clean (`promise check` finds nothing, columns included), and each source's
 * `files` glob, relative to the registry folder, finds exactly the expected log with the
 * project's glob library: the copy of the public extract in the registry's logs/ (a registry
 * reads only files inside it), the same bytes as the extract the independent answers read.
 */
export async function expectRegistryReadsItsLogs(registry: string, logs: Record<string, string>): Promise<void> {
  const check = promise(['check', '--registry', registryDir(registry), '--format', 'json']);
  expect(JSON.parse(check.stdout)).toMatchObject({ diagnostics: [], summary: { errors: 0, warnings: 0, infos: 0 } });
  expect(check.code).toBe(0);
  const sources = (parse(readFileSync(join(registryDir(registry), 'sources.yaml'), 'utf8')) as { sources: { id: string; files: string }[] }).sources;
  const found: Record<string, string[]> = {};
  for (const s of sources) {
    const paths = await glob(s.files, { cwd: registryDir(registry), absolute: true, onlyFiles: true, expandDirectories: false });
    found[s.id] = paths.map((p) => resolve(p));
  }
  const copyOf = (path: string) => join(registryDir(registry), 'logs', basename(path));
  expect(found).toEqual(Object.fromEntries(Object.entries(logs).map(([id, path]) => [id, [copyOf(path)]])));
  for (const path of Object.values(logs)) expect(readFileSync(copyOf(path)).equals(readFileSync(path))).toBe(true);
}
