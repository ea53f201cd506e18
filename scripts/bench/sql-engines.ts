/**
 * The SQL engines of SPEC §5 on the bench's log, beside the built-in engine, in one run:
 * `--engine duckdb` on the CSV file and on the same rows as Parquet, `--engine postgres` on a
 * PostgreSQL server (scripts/test-postgres.sh, loopback) holding them as a table loaded with
 * COPY, and `--engine clickhouse` on ClickHouse embedded (chdb behind its HTTP interface,
 * test/helpers/clickhouse-http.mjs) holding them as a MergeTree table. Loading is not timed;
 * each engine's gap rows must be the built-in engine's before its time is shown.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createClient } from '@clickhouse/client';
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export interface SqlBenchInput {
  root: string;
  work: string;
  bin: string;
  registry: string;
  log: string;
  rows: number;
  asOf: string;
  measure(args: readonly string[], label: string, env?: Record<string, string>): { wall: number; cpu: number; rssMiB: number };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a !== null ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

const quoted = (name: string): string => `"${name.replaceAll('"', '""')}"`;

export async function benchSqlEngines(input: SqlBenchInput): Promise<string> {
  const { work, bin, registry, log, rows, asOf } = input;
  const header = (readFileSync(log, 'utf8').slice(0, 64 * 1024).split(/\r?\n/)[0] ?? '').split(',');
  const parquet = join(work, `tickets-${rows}.parquet`);
  const duck = await DuckDBInstance.create(':memory:');
  const dc = await duck.connect();
  await dc.run(`COPY (SELECT * FROM read_csv('${log.replaceAll("'", "''")}', header = true, all_varchar = true)) TO '${parquet.replaceAll("'", "''")}' (FORMAT parquet)`);
  dc.closeSync();
  duck.closeSync();

  const password = randomBytes(12).toString('hex');
  const pgDir = mkdtempSync(join(work, 'pg-'));
  const pgPort = await freePort();
  const script = join(input.root, 'scripts', 'test-postgres.sh');
  const started = spawnSync('bash', [script, 'start', pgDir, String(pgPort), password], { encoding: 'utf8' });
  if (started.status !== 0) throw new Error(`PostgreSQL did not start: ${started.stderr}`);
  const pgUrl = `postgres://promise:${password}@127.0.0.1:${pgPort}/postgres`;
  const chDir = mkdtempSync(join(work, 'ch-'));
  const shim = spawn(process.execPath, [join(input.root, 'test', 'helpers', 'clickhouse-http.mjs'), chDir, password], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    await client.query(`CREATE TABLE tickets (${header.map((h) => `${quoted(h)} text`).join(', ')})`);
    await pipeline(createReadStream(log), client.query(copyFrom(`COPY tickets FROM STDIN WITH (FORMAT csv, HEADER true)`)));
    await client.query('ANALYZE tickets');
    await client.end();

    const chPort = await new Promise<string>((resolve) => shim.stdout.once('data', (c: Buffer) => resolve(c.toString().trim())));
    const chUrl = `http://promise:${password}@127.0.0.1:${chPort}`;
    const ch = createClient({ url: chUrl, request_timeout: 3_600_000, clickhouse_settings: { send_progress_in_http_headers: 1, http_headers_progress_interval_ms: '60000' } });
    const columns = header.map((h) => `${quoted(h)} String`).join(', ');
    await ch.command({ query: `CREATE TABLE tickets (${columns}) ENGINE = MergeTree ORDER BY tuple()` });
    await ch.command({ query: `INSERT INTO tickets SELECT * FROM file('${log.replaceAll("'", "\\'")}', 'CSVWithNames', '${columns.replaceAll("'", "\\'")}')` });
    await ch.close();

    const base = [bin, 'gaps', '--registry', registry, '--as-of', asOf, '--format', 'json'];
    const contenders: { name: string; args: string[] }[] = [
      { name: 'built-in engine, CSV', args: ['--log', `tickets=${log}`] },
      { name: '`--engine duckdb`, CSV', args: ['--log', `tickets=${log}`, '--engine', 'duckdb'] },
      { name: '`--engine duckdb`, Parquet', args: ['--log', `tickets=${parquet}`, '--engine', 'duckdb'] },
      { name: '`--engine postgres`, PostgreSQL 15 table (loopback)', args: ['--engine', 'postgres', '--url', pgUrl, '--timeout', '3600'] },
      { name: '`--engine clickhouse`, ClickHouse 26 embedded (chdb) table', args: ['--engine', 'clickhouse', '--url', chUrl, '--timeout', '3600'] },
    ];
    const lines = [`**The SQL engines, ${rows.toLocaleString('en')} rows, the bench registry's ten standards, one run each** (loading the table or writing the Parquet file not timed; peak RSS is promise's process, not the server's):`, '', '| engine | wall s | rows/s | peak RSS MiB | gap rows agree with the built-in engine |', '|---|---:|---:|---:|---|'];
    let reference: string | undefined;
    for (const c of contenders) {
      const out = join(work, `sql-${contenders.indexOf(c)}.json`);
      process.stderr.write(`  ${rows.toLocaleString('en')} rows: ${c.name}\n`);
      const m = input.measure([...base, ...c.args, '--out', out], c.name);
      const standards = JSON.stringify((JSON.parse(readFileSync(out, 'utf8')) as { standards: unknown }).standards);
      reference ??= standards;
      lines.push(`| ${c.name} | ${m.wall.toFixed(2)} | ${Math.round(rows / m.wall).toLocaleString('en')} | ${m.rssMiB.toFixed(1)} | ${standards === reference ? 'yes' : '**no**'} |`);
    }
    return `${lines.join('\n')}\n`;
  } finally {
    shim.kill('SIGTERM');
    spawnSync('bash', [script, 'stop', pgDir]);
    rmSync(pgDir, { recursive: true, force: true });
    rmSync(chDir, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
  }
}
