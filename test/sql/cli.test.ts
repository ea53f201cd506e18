/**
 * The built CLI with `--engine duckdb` and `promise sql`, as a user runs them: the same bytes as
 * the built-in engine on every example (SPEC §5), clear errors, and a printed query that, run on
 * a table holding the log, gives the gap rows the built-in engine gives.
 */
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { AS_OF, promise, promiseOut, REPO } from '../helpers/cli.js';

const EXAMPLES = ['airport', 'retail-bank', 'field-service'];


describe('--engine duckdb', () => {
  it.each(EXAMPLES)('gives the built-in engine bytes on examples/%s: gaps, breaches, report', (example) => {
    for (const args of [
      ['gaps', '--format', 'json'],
      ['breaches', '--format', 'json', '--at-risk'],
      ['report', '--format', 'md'],
    ]) {
      const common = [...args, '--registry', `examples/${example}`, '--as-of', AS_OF];
      const builtin = promiseOut(common);
      const duckdb = promiseOut([...common, '--engine', 'duckdb']);
      expect(builtin.code, builtin.stderr).toBe(0);
      expect({ code: duckdb.code, stderr: duckdb.stderr }).toEqual({ code: builtin.code, stderr: builtin.stderr });
      expect(duckdb.stdout).toBe(builtin.stdout);
    }
    // nine runs of the CLI, three on DuckDB: minutes on a loaded 2-core machine
  }, 400_000);

  it('on a --log given on the command line, with a filter', () => {
    const common = ['gaps', '--registry', 'examples/field-service', '--as-of', AS_OF, '--log', 'jobs=examples/field-service/logs/jobs.csv', '--standard', 'follow-up-call', '--format', 'csv'];
    const builtin = promise(common);
    expect(builtin.code).toBe(0);
    expect(promise([...common, '--engine', 'duckdb']).stdout).toBe(builtin.stdout);
  }, 60_000);

  it('names the engines there are, and what a database engine needs', () => {
    const postgres = promise(['gaps', '--registry', 'examples/field-service', '--as-of', AS_OF, '--engine', 'postgres'], { env: { PROMISE_DATABASE_URL: undefined } });
    expect(postgres.code).toBe(2);
    expect(postgres.stderr).toMatch(/^promise: --engine postgres runs on a server: give its address with --url or PROMISE_DATABASE_URL\nhint: e\.g\. --url postgres:/);
    const typo = promise(['gaps', '--registry', 'examples/field-service', '--as-of', AS_OF, '--engine', 'duckbd']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe('promise: --engine duckbd: no such engine\nhint: did you mean "duckdb"?\n');
  });
});

/** Runs printed statements on DuckDB over tables made from CSV files, every cell text. */
async function runPrinted(sql: string, tables: Record<string, { path: string; delimiter: string }>): Promise<Record<string, unknown>[][]> {
  const instance = await DuckDBInstance.create(':memory:');
  try {
    const c = await instance.connect();
    for (const [name, { path, delimiter }] of Object.entries(tables)) {
      await c.run(`CREATE TABLE "${name}" AS SELECT * FROM read_csv('${path}', all_varchar = true, header = true, delim = '${delimiter}', quote = '"', escape = '"')`);
    }
    const out: Record<string, unknown>[][] = [];
    for (const statement of sql.split(/;\n/).filter((s) => s.replace(/--.*$/gm, '').trim() !== '')) {
      out.push((await c.runAndReadAll(statement)).getRowObjectsJS() as Record<string, unknown>[]);
    }
    c.closeSync();
    return out;
  } finally {
    instance.closeSync();
  }
}

const plain = (v: unknown): unknown => (typeof v === 'bigint' ? Number(v) : v === null ? null : v);

describe('promise sql', () => {
  it('prints a query that gives the gap rows of the built-in engine when run on the log as a table', async () => {
    const run = promise(['sql', '--registry', 'examples/field-service', '--dialect', 'duckdb', '--as-of', AS_OF, '--standard', 'follow-up-call']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^-- promise sql --dialect duckdb: Lakeshore Appliance Repair, source jobs, table jobs\n/);
    const [rows] = await runPrinted(run.stdout, { jobs: { path: join(REPO, 'examples/field-service/logs/jobs.csv'), delimiter: ',' } });
    const gaps = JSON.parse(promise(['gaps', '--registry', 'examples/field-service', '--as-of', AS_OF, '--standard', 'follow-up-call', '--format', 'json']).stdout) as { standards: Record<string, unknown>[] };
    const fields = ['standard', 'period', 'records', 'met', 'breached', 'pending', 'at_risk', 'skipped', 'invalid', 'p50_seconds', 'p90_seconds', 'p_target_seconds'];
    const pick = (r: Record<string, unknown>) => Object.fromEntries(fields.map((f) => [f, plain(r[f])]));
    expect(rows?.map(pick)).toEqual(gaps.standards.map(pick));
  }, 60_000);

  it('prints the breach list, each breach with its due, and the invalid records with their reason codes', async () => {
    const run = promise(['sql', '--registry', 'examples/field-service', '--dialect', 'duckdb', '--as-of', AS_OF, '--standard', 'follow-up-call', '--breaches']);
    expect(run.code).toBe(0);
    const [rows] = await runPrinted(run.stdout, { jobs: { path: join(REPO, 'examples/field-service/logs/jobs.csv'), delimiter: ',' } });
    const listed = JSON.parse(promise(['breaches', '--registry', 'examples/field-service', '--as-of', AS_OF, '--standard', 'follow-up-call', '--format', 'json', '--at-risk']).stdout) as { breaches: { record: string; due: string | null }[]; invalid: { record: string; reason_code: string }[] };
    const breaches = (rows ?? []).filter((r) => r.listed_as !== 'invalid').map((r) => ({ record: r.record, due: r.due_ms === null ? null : new Date(r.due_ms as number).toISOString() }));
    expect(breaches.sort((a, b) => String(a.record).localeCompare(String(b.record)))).toEqual(listed.breaches.map((b) => ({ record: b.record, due: b.due })).sort((a, b) => a.record.localeCompare(b.record)));
    const invalid = (rows ?? []).filter((r) => r.listed_as === 'invalid').map((r) => `${String(r.record)} ${String(r.reason_code)}`).sort();
    expect(invalid).toEqual(listed.invalid.map((i) => `${i.record} ${i.reason_code}`).sort());
  }, 60_000);

  it('writes one statement per source, for every dialect', () => {
    for (const dialect of ['duckdb', 'postgres', 'clickhouse', 'trino', 'spark', 'bigquery', 'snowflake']) {
      const run = promise(['sql', '--registry', 'examples/retail-bank', '--dialect', dialect, '--as-of', AS_OF, '--from', '2026-09-01', '--to', '2026-09-10', '--table', 'callbacks=telephony.callbacks']);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout.match(/^-- promise sql --dialect .*, source (\S+), table (\S+)$/gm)).toEqual([
        `-- promise sql --dialect ${dialect}: Northbridge Savings Bank, source advice-survey, table advice-survey`,
        `-- promise sql --dialect ${dialect}: Northbridge Savings Bank, source callbacks, table telephony.callbacks`,
        `-- promise sql --dialect ${dialect}: Northbridge Savings Bank, source crm-cases, table crm-cases`,
      ]);
    }
  }, 120_000);

  it('refuses what it cannot do, in one line each', () => {
    const base = ['sql', '--registry', 'examples/retail-bank', '--as-of', AS_OF];
    expect(promise([...base]).stderr).toMatch(/required option '--dialect <name>' not specified/);
    expect(promise([...base, '--dialect', 'oracle']).stderr).toMatch(/--dialect.*oracle.*Allowed choices are duckdb, postgres, clickhouse, trino, spark, bigquery, snowflake/);
    const table = promise([...base, '--dialect', 'trino', '--table', 'calbacks=x']);
    expect({ code: table.code, stderr: table.stderr }).toEqual({ code: 2, stderr: 'promise: --table calbacks=x: the registry has no source "calbacks"\nhint: did you mean "callbacks"?\n' });
    const log = promise([...base, '--dialect', 'trino', '--log', 'callbacks=x.csv']);
    expect(log.code).toBe(2);
    expect(log.stderr).toMatch(/^promise: unknown option '--log'/);
    const range = promise([...base, '--dialect', 'trino', '--from', '2026-02-30']);
    expect(range.stderr).toBe('promise: --from 2026-02-30: expected a date, YYYY-MM-DD\nhint: e.g. --from 2024-01-01\n');
  }, 60_000);

  it('is the same text every time (golden: a week of the service desk, DuckDB)', async () => {
    const run = promise(['sql', '--registry', 'test/fixtures/evaluation/service-desk', '--dialect', 'duckdb', '--as-of', '2026-10-01T00:00:00Z', '--from', '2026-09-28', '--to', '2026-10-02']);
    expect(run.code, run.stderr).toBe(0);
    await expect(run.stdout).toMatchFileSnapshot('__golden__/service-desk.duckdb.sql');
    const again = promise(['sql', '--registry', 'test/fixtures/evaluation/service-desk', '--dialect', 'duckdb', '--as-of', '2026-10-01T00:00:00Z', '--from', '2026-09-28', '--to', '2026-10-02']);
    expect(again.stdout).toBe(run.stdout);
  }, 60_000);
});
