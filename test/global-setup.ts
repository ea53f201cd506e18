/**
 * Before any test: the CLI must be built (npm test builds it first), the example logs generated,
 * and a PostgreSQL server started for the engine tests, on loopback, as an unprivileged user
 * (scripts/test-postgres.sh), and ClickHouse's HTTP interface over chdb (ClickHouse embedded, a
 * dev dependency), both stopped after the last test.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://promise:…@127.0.0.1:PORT/postgres, or '' when the server could not start */
    postgresUrl: string;
    postgresProblem: string;
    /** http://promise:…@127.0.0.1:PORT: ClickHouse's HTTP interface over chdb (test/helpers/clickhouse-http.mjs), or '' */
    clickhouseUrl: string;
    clickhouseProblem: string;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => void> {
  const root = join(import.meta.dirname, '..');
  if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
    throw new Error('dist/ is missing: run the tests with `npm test`, which builds the CLI first');
  }
  const generator = join(root, 'scripts', 'generate-example-logs.ts');
  if (existsSync(generator)) {
    execFileSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), generator], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const script = join(root, 'scripts', 'test-postgres.sh');
  const dir = mkdtempSync(join(tmpdir(), 'promise-pg-'));
  const password = randomBytes(12).toString('hex');
  let url = '';
  let problem = '';
  try {
    const port = await freePort();
    execFileSync('bash', [script, 'start', dir, String(port), password], { stdio: ['ignore', 'ignore', 'pipe'] });
    url = `postgres://promise:${password}@127.0.0.1:${port}/postgres`;
  } catch (err) {
    problem = ((err as { stderr?: Buffer }).stderr?.toString() ?? String(err)).trim() || String(err);
  }
  project.provide('postgresUrl', url);
  project.provide('postgresProblem', problem);
  const clickhouse = await startClickHouse(root);
  project.provide('clickhouseUrl', clickhouse.url);
  project.provide('clickhouseProblem', clickhouse.problem);
  return () => {
    clickhouse.stop();
    try {
      execFileSync('bash', [script, 'stop', dir], { stdio: 'ignore' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

/** The chdb-backed ClickHouse HTTP interface in a process of its own (its queries block the thread they run on). */
async function startClickHouse(root: string): Promise<{ url: string; problem: string; stop: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'promise-ch-'));
  const password = randomBytes(12).toString('hex');
  const child = spawn(process.execPath, [join(root, 'test', 'helpers', 'clickhouse-http.mjs'), dir, password], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const stop = (): void => {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  const port = await new Promise<string>((resolve) => {
    let out = '';
    const timer = setTimeout(() => resolve(''), 30_000);
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(out.trim());
      }
    });
    child.once('exit', () => {
      clearTimeout(timer);
      resolve('');
    });
  });
  if (!/^\d+$/.test(port)) return { url: '', problem: stderr.trim() || 'the chdb server did not start', stop };
  return { url: `http://promise:${password}@127.0.0.1:${port}`, problem: '', stop };
}
