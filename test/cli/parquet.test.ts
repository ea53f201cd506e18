/**
 * Parquet logs as a user runs them (SPEC §5): `--engine duckdb` reads a Parquet file given with
 * --log or named by a source's glob and gives what the built-in engine gives on the CSV it was
 * written from; `check` reads a Parquet file's column names; the built-in engine, and a Parquet
 * file that is not one or lacks a column, each say so in words, exit 2.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promise, REPO, tempDir } from '../helpers/cli.js';
import { writeParquet } from '../sql/engines.js';

const DESK = join(REPO, 'test/fixtures/evaluation/service-desk');
const AS_OF = '2026-11-16T08:00:00Z';

interface JsonBreach {
  source: string;
  file: string;
  line: number | null;
}

type Located = { record: string; file: string; line: number | null; first_file?: string; first_line?: number | null };

/**
 * A JSON output with its lists of records (breaches, invalid records, repeated keys) by key, each
 * record's file named as CSV and without a line: a Parquet row has none (SPEC §5).
 */
function byKey(stdout: string, csvName = 'logs/tickets.csv'): unknown {
  const out = JSON.parse(stdout) as Record<string, unknown>;
  const asCsv = (file: string) => file.replace(/\.parquet$/, '.csv').replace(/^big\.csv$/, csvName);
  const key = (r: Located) => `${r.record} ${r.file} ${JSON.stringify(r)}`;
  for (const list of ['breaches', 'invalid', 'duplicates']) {
    const rows = out[list] as Located[] | undefined;
    if (rows === undefined) continue;
    out[list] = rows
      .map((r) => ({ ...r, file: asCsv(r.file), line: null, ...(r.first_file === undefined ? {} : { first_file: asCsv(r.first_file), first_line: null }) }))
      .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }
  return out;
}

let dir: string;
/** the service desk registry, as it is: its logs CSV */
let csvRoot: string;
/** the same registry whose tickets source names logs/*.parquet, with the tickets log written as Parquet */
let parquetRoot: string;

beforeAll(async () => {
  dir = tempDir('promise-parquet-');
  csvRoot = join(dir, 'csv');
  parquetRoot = join(dir, 'parquet');
  cpSync(DESK, csvRoot, { recursive: true });
  cpSync(DESK, parquetRoot, { recursive: true });
  const registry = join(parquetRoot, 'registry.yaml');
  writeFileSync(registry, readFileSync(registry, 'utf8').replace('files: logs/tickets.csv', 'files: logs/*.parquet'));
  await writeParquet({ abs: join(parquetRoot, 'logs/tickets.csv'), display: 'logs/tickets.csv' });
  rmSync(join(parquetRoot, 'logs/tickets.csv'));
  mkdirSync(join(dir, 'exports [2026]'));
  await writeParquet({ abs: join(csvRoot, 'logs/tickets.csv'), display: 'logs/tickets.csv' });
  cpSync(join(csvRoot, 'logs/tickets.parquet'), join(dir, 'big.parquet'));
  cpSync(join(csvRoot, 'logs/tickets.parquet'), join(dir, 'exports [2026]', 'tickets[1].parquet'));
  rmSync(join(csvRoot, 'logs/tickets.parquet'));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (root: string, args: readonly string[], cwd = root) => promise([...args, '--registry', root, '--as-of', AS_OF], { cwd, timeoutMs: 60_000 });

describe('Parquet logs on --engine duckdb', () => {
  it('--log tickets=big.parquet gives the gap rows and breaches the built-in engine gives on the CSV', () => {
    for (const args of [['gaps', '--format', 'json'], ['breaches', '--format', 'json', '--at-risk']]) {
      const builtin = run(csvRoot, args);
      expect(builtin.code, builtin.stderr).toBe(0);
      const duckdb = run(csvRoot, [...args, '--engine', 'duckdb', '--log', 'tickets=big.parquet'], dir);
      expect({ code: duckdb.code, stderr: duckdb.stderr }).toEqual({ code: builtin.code, stderr: builtin.stderr });
      expect(byKey(duckdb.stdout)).toEqual(byKey(builtin.stdout));
    }
    const breaches = JSON.parse(run(csvRoot, ['breaches', '--format', 'json', '--engine', 'duckdb', '--log', 'tickets=big.parquet'], dir).stdout) as { breaches: JsonBreach[] };
    const tickets = breaches.breaches.filter((b) => b.source === 'tickets');
    expect(tickets.length).toBeGreaterThan(0);
    expect(tickets.every((b) => b.file === 'big.parquet' && b.line === null)).toBe(true);
  }, 120_000);

  it('reads a path that holds glob characters as the file it names', () => {
    const gaps = run(csvRoot, ['gaps', '--format', 'csv']);
    const onParquet = run(csvRoot, ['gaps', '--format', 'csv', '--engine', 'duckdb', '--log', 'tickets=exports [2026]/tickets[1].parquet'], dir);
    expect(onParquet.stderr).toBe(gaps.stderr);
    expect(onParquet.stdout).toBe(gaps.stdout);
  }, 120_000);

  it('reads the files a source names with `files: logs/*.parquet`, which check checks', () => {
    const check = run(parquetRoot, ['check']);
    const csvCheck = run(csvRoot, ['check']);
    expect(check.code).toBe(0);
    expect({ code: check.code, stdout: check.stdout, stderr: check.stderr }).toEqual({ code: csvCheck.code, stdout: csvCheck.stdout, stderr: csvCheck.stderr });
    for (const args of [['gaps', '--format', 'json'], ['breaches', '--format', 'json', '--at-risk']]) {
      const builtin = run(csvRoot, args);
      const duckdb = run(parquetRoot, [...args, '--engine', 'duckdb']);
      expect(builtin.code, builtin.stderr).toBe(0);
      expect({ code: duckdb.code, stderr: duckdb.stderr }).toEqual({ code: builtin.code, stderr: builtin.stderr });
      expect(byKey(duckdb.stdout)).toEqual(byKey(builtin.stdout));
    }
    // the gap rows and roll-ups hold no file: the same bytes
    const gaps = run(csvRoot, ['gaps', '--format', 'csv']);
    expect(run(parquetRoot, ['gaps', '--format', 'csv', '--engine', 'duckdb']).stdout).toBe(gaps.stdout);
  }, 120_000);
});

describe('what cannot be read, said in words', () => {
  it('the built-in engine refuses a Parquet file: a usage error, exit 2', () => {
    const gaps = run(parquetRoot, ['gaps']);
    expect({ code: gaps.code, stdout: gaps.stdout, stderr: gaps.stderr }).toEqual({ code: 2, stdout: '', stderr: 'promise: logs/tickets.parquet: the built-in engine reads CSV; run with --engine duckdb to read Parquet\n' });
    const onLog = run(csvRoot, ['breaches', '--log', 'tickets=big.parquet'], dir);
    expect({ code: onLog.code, stderr: onLog.stderr }).toEqual({ code: 2, stderr: 'promise: big.parquet: the built-in engine reads CSV; run with --engine duckdb to read Parquet\n' });
    // explain reads CSV too: it says which engine reads Parquet
    const explain = run(parquetRoot, ['explain', 'email-reply', 'T-001']);
    expect(explain.code).toBe(2);
    expect(explain.stderr).toMatch(/^promise: cannot read log file logs\/tickets\.parquet: it is a Parquet file, which only --engine duckdb reads\n/);
  }, 120_000);

  it('a Parquet file without a column a standard reads: check and the DuckDB engine name the file and the column', async () => {
    const root = join(dir, 'missing-column');
    cpSync(parquetRoot, root, { recursive: true });
    const csv = { abs: join(root, 'logs/tickets.csv'), display: 'logs/tickets.csv' };
    cpSync(join(DESK, 'logs/tickets.csv'), csv.abs);
    await writeParquet(csv, 'SELECT * EXCLUDE (replied_at), replied_at AS repled_at FROM csv');
    rmSync(csv.abs);
    const check = run(root, ['check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/error {2}unknown-column {2}standard "email-reply" names column "replied_at", which the header of logs\/tickets\.parquet lacks — did you mean "repled_at"\?/);
    const gaps = run(root, ['gaps', '--engine', 'duckdb']);
    expect(gaps.code).toBe(2);
    expect(gaps.stderr).toMatch(/unknown-column {2}standard "email-reply" names column "replied_at", which the header of logs\/tickets\.parquet lacks — did you mean "repled_at"\?/);
    expect(gaps.stderr).toMatch(/\npromise: the registry has \d+ errors?; run `promise check` for details\n$/);
    expect(gaps.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);

  it('a file named .parquet that is not Parquet, and a FIFO, are unreadable files, in one line each', () => {
    const root = join(dir, 'not-parquet');
    cpSync(parquetRoot, root, { recursive: true });
    cpSync(join(DESK, 'logs/tickets.csv'), join(root, 'logs/tickets.parquet'));
    const check = run(root, ['check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/error {2}unreadable-file {2}source "tickets": cannot read logs\/tickets\.parquet: it is not a Parquet file: it does not start and end with Parquet's PAR1 mark/);
    const gaps = run(root, ['gaps', '--engine', 'duckdb']);
    expect(gaps.code).toBe(2);
    expect(gaps.stderr).toMatch(/cannot read logs\/tickets\.parquet: it is not a Parquet file/);

    execFileSync('mkfifo', [join(root, 'logs/pipe.parquet')]);
    const fifo = run(root, ['gaps', '--engine', 'duckdb', '--log', 'tickets=logs/pipe.parquet']);
    expect(fifo.code).toBe(2);
    expect(fifo.stderr).toMatch(/cannot read logs\/pipe\.parquet: it is a named pipe \(FIFO\), not a file/);
  }, 120_000);
});
