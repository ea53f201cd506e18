/**
 * The SQL engines of SPEC §5 on the bench's log, beside the built-in engine, in one run:
 * `--engine duckdb` on the CSV file and on the same rows as Parquet, `--engine postgres` on a
 * PostgreSQL server holding them as a table loaded with COPY, and `--engine clickhouse` on
 * ClickHouse embedded (chdb behind its HTTP interface) holding them as a MergeTree table: the
 * test servers (test/helpers/servers.ts), on loopback. Loading is not timed. Each engine's gap
 * rows are compared with the built-in engine's by SPEC §5's rule (scripts/bench/agree.ts:
 * percentiles past 65,536 records within the built-in engine's bucket), and the SQL engines'
 * with each other byte for byte.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { openCsv } from '../../src/logs/csv.js';
import { loadCsv } from '../../test/helpers/clickhouse.js';
import { copyCsv, withClient } from '../../test/helpers/postgres.js';
import { startClickHouse, startPostgres } from '../../test/helpers/servers.js';
import { gapRowsDisagreement, type GapRow } from './agree.js';

export interface SqlBenchInput {
  work: string;
  bin: string;
  registry: string;
  log: string;
  rows: number;
  asOf: string;
  /** `all`: DuckDB, PostgreSQL and ClickHouse; `duckdb`: DuckDB's two rows alone (a log too large for the database engines' time) */
  engines: 'all' | 'duckdb';
  measure(args: readonly string[], label: string, env?: Record<string, string>): { wall: number; cpu: number; rssMiB: number };
}

export async function benchSqlEngines(input: SqlBenchInput): Promise<string> {
  const { work, bin, registry, log, rows, asOf } = input;
  // the product's reader reads the header alone: the whole log may be larger than a string can be
  const header = (await openCsv(log, basename(log))).header;
  const parquet = join(work, `tickets-${rows}.parquet`);
  const duck = await DuckDBInstance.create(':memory:');
  const dc = await duck.connect();
  await dc.run(`COPY (SELECT * FROM read_csv('${log.replaceAll("'", "''")}', header = true, all_varchar = true)) TO '${parquet.replaceAll("'", "''")}' (FORMAT parquet)`);
  dc.closeSync();
  duck.closeSync();

  const databases = input.engines === 'all';
  const postgres = databases ? await startPostgres() : undefined;
  const clickhouse = databases ? await startClickHouse() : undefined;
  try {
    const base = [bin, 'gaps', '--registry', registry, '--as-of', asOf, '--format', 'json'];
    const contenders: { name: string; args: string[] }[] = [
      { name: 'built-in engine, CSV', args: ['--log', `tickets=${log}`] },
      { name: '`--engine duckdb`, CSV', args: ['--log', `tickets=${log}`, '--engine', 'duckdb'] },
      { name: '`--engine duckdb`, Parquet', args: ['--log', `tickets=${parquet}`, '--engine', 'duckdb'] },
    ];
    if (postgres !== undefined && clickhouse !== undefined) {
      if (postgres.url === '') throw new Error(`PostgreSQL did not start: ${postgres.problem}`);
      if (clickhouse.url === '') throw new Error(`ClickHouse (chdb) did not start: ${clickhouse.problem}`);
      const pgUrl = postgres.url;
      const chUrl = clickhouse.url;
      await copyCsv(pgUrl, 'tickets', [log], header);
      await withClient(pgUrl, (c) => c.query('ANALYZE tickets'));
      await loadCsv('tickets', [log], header, chUrl);
      contenders.push(
        { name: '`--engine postgres`, PostgreSQL 15 table (loopback)', args: ['--engine', 'postgres', '--url', pgUrl, '--timeout', '86400'] },
        { name: '`--engine clickhouse`, ClickHouse 26 embedded (chdb) table', args: ['--engine', 'clickhouse', '--url', chUrl, '--timeout', '86400'] },
      );
    }
    const lines = [`**The SQL engines, ${rows.toLocaleString('en')} rows${databases ? '' : ', DuckDB alone (the database engines run up to `--sql-rows`)'}, the bench registry's ten standards, one run each** (loading the table or writing the Parquet file not timed; peak RSS is promise's process, not the server's):`, '', '| engine | wall s | rows/s | peak RSS MiB | gap rows agree with the built-in engine (SPEC §5) |', '|---|---:|---:|---:|---|'];
    let builtin: GapRow[] | undefined;
    let firstSql: { name: string; text: string } | undefined;
    const sqlDiffer: string[] = [];
    for (const c of contenders) {
      const out = join(work, `sql-${rows}-${contenders.indexOf(c)}.json`);
      process.stderr.write(`  ${rows.toLocaleString('en')} rows: ${c.name}\n`);
      const m = input.measure([...base, ...c.args, '--out', out], c.name);
      const standards = (JSON.parse(readFileSync(out, 'utf8')) as { standards: GapRow[] }).standards;
      let agrees = 'the reference';
      if (builtin === undefined) builtin = standards;
      else {
        const why = gapRowsDisagreement(builtin, standards, c.name);
        agrees = why === undefined ? 'yes' : `**no**: ${why}`;
        const text = JSON.stringify(standards);
        if (firstSql === undefined) firstSql = { name: c.name, text };
        else if (text !== firstSql.text) sqlDiffer.push(c.name);
      }
      lines.push(`| ${c.name} | ${m.wall.toFixed(2)} | ${Math.round(rows / m.wall).toLocaleString('en')} | ${m.rssMiB.toFixed(1)} | ${agrees} |`);
    }
    lines.push('', sqlDiffer.length === 0 ? `The ${contenders.length - 1} SQL runs' gap rows are identical to each other, byte for byte.` : `**The SQL engines disagree with each other**: ${sqlDiffer.join(', ')} differ from ${firstSql?.name ?? ''}.`);
    return `${lines.join('\n')}\n`;
  } finally {
    clickhouse?.stop();
    postgres?.stop();
  }
}
