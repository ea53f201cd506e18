/**
 * `npm run bench`: how fast `promise` evaluates a large log, and how much memory it needs,
 * against DuckDB on the same file, in the same run. Prints a table and writes it into
 * docs/performance.md (between the bench markers). No network: DuckDB comes from
 * @duckdb/node-api, a dev dependency; the logs are generated here, with a fixed seed, once.
 *
 *   npm run bench                      # 1M and 10M rows, 3 runs each
 *   npm run bench -- --rows 1000000    # sizes to run, comma-separated
 *   npm run bench -- --runs 1 --no-write
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { BENCH_AS_OF, writeBenchLog } from './bench/generate-log.js';
import { writeLargeRegistry } from './bench/large-registry.js';

const ROOT = join(import.meta.dirname, '..');
const WORK = join(ROOT, '.bench');
const BIN = join(ROOT, 'bin', 'promise.js');
const REGISTRY = join(ROOT, 'scripts', 'bench', 'registry');
const RUSAGE = join(ROOT, 'scripts', 'bench', 'rusage.mjs');
/** Bump when the log generator changes, so an old file is not measured as the new one. */
const GENERATOR_VERSION = 2;
const DUCKDB_AS_OF = BENCH_AS_OF.replace('T', ' ').replace('Z', '+00');
/** The standards DuckDB also computes: every one on wall-clock time. */
const WALL_CLOCK = ['email-reply', 'callback', 'vip-reply', 'resolution-wall', 'resolution-two-weeks', 'fix-by-priority', 'due-date', 'rated-good'];

const GOALS = { rowsPerSecond: 1_000_000, duckdbRatio: 1.0, rssMiB: 200, rssGrowth: 1.1, checkSeconds: 1.0 };

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}
const SIZES = (flag('--rows') ?? '1000000,10000000').split(',').map(Number);
const RUNS = Number(flag('--runs') ?? 3);
const WRITE = !process.argv.includes('--no-write');

interface Measure {
  wall: number;
  cpu: number;
  rssMiB: number;
}

/** Runs a command as a process of its own: wall time from here, CPU and peak memory from itself. */
function measure(args: readonly string[], label: string, env: Record<string, string> = {}): Measure & { stdout: string } {
  const usage = join(WORK, `rusage-${process.pid}.json`);
  rmSync(usage, { force: true });
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--import', RUSAGE, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, BENCH_RUSAGE: usage, NO_COLOR: '1', ...env }, maxBuffer: 64 * 1024 * 1024 });
  const wall = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`${label} failed (exit ${r.status ?? 'none'}): ${r.stderr}`);
  const u = JSON.parse(readFileSync(usage, 'utf8')) as { userSeconds: number; systemSeconds: number; maxRssKiB: number };
  return { wall, cpu: u.userSeconds + u.systemSeconds, rssMiB: u.maxRssKiB / 1024, stdout: r.stdout };
}

function median<T>(items: T[], by: (t: T) => number): T {
  return [...items].sort((a, b) => by(a) - by(b))[Math.floor(items.length / 2)] as T;
}

async function logOf(rows: number): Promise<string> {
  const path = join(WORK, `tickets-${rows}-v${GENERATOR_VERSION}.csv`);
  if (!existsSync(path)) {
    process.stderr.write(`generating ${rows.toLocaleString('en')} rows into ${path} ...\n`);
    await writeBenchLog(`${path}.tmp`, rows);
    renameSync(`${path}.tmp`, path);
  }
  return path;
}

interface Counts {
  standard: string;
  period: string;
  records: number;
  met: number;
  breached: number;
  pending: number;
  skipped: number;
}

/** The wall-clock standards' counts in promise's gap report, in DuckDB's shape. */
function promiseCounts(gapsFile: string): Counts[] {
  const gaps = JSON.parse(readFileSync(gapsFile, 'utf8')) as { standards: Counts[] };
  return gaps.standards
    .filter((g) => WALL_CLOCK.includes(g.standard))
    .map(({ standard, period, records, met, breached, pending, skipped }) => ({ standard, period, records, met, breached, pending, skipped }))
    .sort((a, b) => (a.standard + a.period < b.standard + b.period ? -1 : 1));
}

function sameCounts(a: Counts[], b: Counts[]): string | undefined {
  const key = (c: Counts) => `${c.standard} ${c.period}`;
  const other = new Map(b.map((c) => [key(c), c]));
  if (a.length !== b.length) return `promise has ${a.length} standard-periods, DuckDB ${b.length}`;
  for (const c of a) {
    const d = other.get(key(c));
    if (d === undefined) return `${key(c)} is missing from DuckDB's answer`;
    for (const f of ['records', 'met', 'breached', 'pending', 'skipped'] as const) {
      if (c[f] !== d[f]) return `${key(c)}: ${f} is ${c[f]} in promise, ${d[f]} in DuckDB`;
    }
  }
  return undefined;
}

interface Result {
  rows: number;
  bytes: number;
  promise: Measure;
  /** the same evaluation on one thread: the parallel path must give the same bytes */
  oneThread: Measure & { same: boolean };
  parse: Measure;
  duckdb: Measure & { query: number };
  agree: string | undefined;
}

async function runSize(rows: number): Promise<Result> {
  const log = await logOf(rows);
  const bytes = statSync(log).size;
  const gapsFile = join(WORK, `gaps-${rows}.json`);
  const promise = median(
    Array.from({ length: RUNS }, () =>
      measure([BIN, 'gaps', '--registry', REGISTRY, '--log', `tickets=${log}`, '--as-of', BENCH_AS_OF, '--format', 'json', '--out', gapsFile], 'promise gaps'),
    ),
    (m) => m.wall,
  );
  const oneFile = join(WORK, `gaps-${rows}-one-thread.json`);
  const single = measure([BIN, 'gaps', '--registry', REGISTRY, '--log', `tickets=${log}`, '--as-of', BENCH_AS_OF, '--format', 'json', '--out', oneFile], 'promise gaps on one thread', { PROMISE_THREADS: '1' });
  const oneThread = { ...single, same: readFileSync(oneFile, 'utf8') === readFileSync(gapsFile, 'utf8') };
  const parse = median(Array.from({ length: RUNS }, () => measure([join(ROOT, 'scripts', 'bench', 'read-only.mjs'), log], 'reading the log')), (m) => m.wall);
  const duckOut = join(WORK, `duckdb-${rows}.json`);
  const duck = median(
    Array.from({ length: RUNS }, () => {
      const m = measure(['--import', 'tsx', join(ROOT, 'scripts', 'bench', 'duckdb-run.ts'), log, DUCKDB_AS_OF, duckOut], 'DuckDB');
      const { seconds } = JSON.parse(readFileSync(duckOut, 'utf8')) as { seconds: number };
      return { ...m, query: seconds };
    }),
    (m) => m.wall,
  );
  const duckRows = (JSON.parse(readFileSync(duckOut, 'utf8')) as { rows: Counts[] }).rows;
  return { rows, bytes, promise, oneThread, parse, duckdb: duck, agree: sameCounts(promiseCounts(gapsFile), duckRows) };
}

/** `promise check` on a registry of 1,000 promises and 3,000 standards. */
function runCheck(): Measure {
  // the folder is named by the generator's version, so an older registry is not measured as this one
  const dir = join(WORK, 'large-registry-v2');
  if (!existsSync(join(dir, 'promise.yaml'))) writeLargeRegistry(dir, 1000, 3);
  return median(Array.from({ length: RUNS }, () => measure([BIN, 'check', '--registry', dir, '--as-of', BENCH_AS_OF, '--format', 'json'], 'promise check')), (m) => m.wall);
}

const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);
const int = (n: number) => Math.round(n).toLocaleString('en');

function verdict(ok: boolean, by: string): string {
  return ok ? 'met' : `missed: ${by}`;
}

function report(results: Result[], check: Measure): string {
  const lines: string[] = [];
  const threads = Number(process.env.PROMISE_THREADS ?? Math.min(8, availableParallelism()));
  lines.push(`Node.js ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}); median of ${RUNS} run${RUNS === 1 ? '' : 's'}; as of ${BENCH_AS_OF}.`, '');
  lines.push(`promise reads a large log on ${threads} thread${threads === 1 ? '' : 's'} (PROMISE_THREADS); "one thread" is the same run with PROMISE_THREADS=1, which must give the same bytes.`, '');
  lines.push('| rows | MB | promise wall s | CPU s | rows/s | MB/s | peak RSS MiB | one thread: wall s, rows/s, RSS MiB, same bytes | reading the log alone s | parsing share | evaluation share | DuckDB wall s (query s) | DuckDB RSS MiB | promise / DuckDB | counts agree |');
  lines.push('|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---|');
  for (const r of results) {
    const parseShare = Math.min(1, r.parse.wall / r.promise.wall);
    lines.push(
      `| ${int(r.rows)} | ${int(r.bytes / 1e6)} | ${f2(r.promise.wall)} | ${f2(r.promise.cpu)} | ${int(r.rows / r.promise.wall)} | ${f1(r.bytes / 1e6 / r.promise.wall)} | ${f1(r.promise.rssMiB)} | ${f2(r.oneThread.wall)}, ${int(r.rows / r.oneThread.wall)}, ${f1(r.oneThread.rssMiB)}, ${r.oneThread.same ? 'yes' : '**no**'} | ${f2(r.parse.wall)} | ${Math.round(parseShare * 100)}% | ${Math.round((1 - parseShare) * 100)}% | ${f2(r.duckdb.wall)} (${f2(r.duckdb.query)}) | ${f1(r.duckdb.rssMiB)} | ${f2(r.promise.wall / r.duckdb.wall)} | ${r.agree === undefined ? 'yes' : `**no**: ${r.agree}`} |`,
    );
  }
  lines.push('', `\`promise check\` on 1,000 promises and 3,000 standards: ${f2(check.wall)} s, ${f1(check.rssMiB)} MiB.`, '');
  lines.push('| goal | figure | verdict |', '|---|---|---|');
  const largest = results[results.length - 1] as Result;
  const smallest = results[0] as Result;
  const rate = largest.rows / largest.promise.wall;
  lines.push(`| at least ${int(GOALS.rowsPerSecond)} rows/s end to end | ${int(rate)} rows/s at ${int(largest.rows)} rows | ${verdict(rate >= GOALS.rowsPerSecond, `${f1(GOALS.rowsPerSecond / rate)}x too slow`)} |`);
  const ratio = largest.promise.wall / largest.duckdb.wall;
  lines.push(`| wall time no more than DuckDB's (ratio <= 1.0) | ${f2(ratio)} | ${verdict(ratio <= GOALS.duckdbRatio, `${f2(ratio)}x DuckDB's time`)} |`);
  lines.push(`| peak RSS under ${GOALS.rssMiB} MiB at the largest size | ${f1(largest.promise.rssMiB)} MiB | ${verdict(largest.promise.rssMiB < GOALS.rssMiB, `${f1(largest.promise.rssMiB - GOALS.rssMiB)} MiB over`)} |`);
  if (results.length > 1) {
    const growth = largest.promise.rssMiB / smallest.promise.rssMiB;
    lines.push(`| RSS at ${int(largest.rows)} rows no more than 10% above ${int(smallest.rows)} rows | ${f2(growth)}x | ${verdict(growth <= GOALS.rssGrowth, `${Math.round((growth - 1) * 100)}% above`)} |`);
  }
  lines.push(`| \`promise check\` on 1,000 promises and 3,000 standards under 1 s | ${f2(check.wall)} s | ${verdict(check.wall < GOALS.checkSeconds, `${f2(check.wall - GOALS.checkSeconds)} s over`)} |`);
  return `${lines.join('\n')}\n`;
}

function writeDocs(table: string): void {
  const doc = join(ROOT, 'docs', 'performance.md');
  const text = existsSync(doc) ? readFileSync(doc, 'utf8') : '';
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const block = `${start}\n${table}${end}`;
  const next = text.includes(start) && text.includes(end) ? text.replace(new RegExp(`${start}[\\s\\S]*${end}`), block) : `${text}\n${block}\n`;
  writeFileSync(doc, next);
}

mkdirSync(WORK, { recursive: true });
if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm run bench does)');
const results: Result[] = [];
for (const rows of SIZES) {
  process.stderr.write(`measuring ${rows.toLocaleString('en')} rows ...\n`);
  results.push(await runSize(rows));
}
const check = runCheck();
const table = report(results, check);
process.stdout.write(table);
if (WRITE) writeDocs(table);
if (results.some((r) => r.agree !== undefined || !r.oneThread.same)) {
  process.stderr.write('promise and DuckDB disagree, or one thread and several do: see the table\n');
  process.exitCode = 1;
}
