/**
 * The database servers the engine tests and the bench run on, on loopback, each in a folder of its
 * own under the system's temporary folder: PostgreSQL (Debian's server, through
 * scripts/test-postgres.sh, as an unprivileged user) and ClickHouse's HTTP interface over chdb
 * (test/helpers/clickhouse-http.mjs, in a process of its own: its queries block the thread they
 * run on). Each gives its URL with the user's password, or '' and why it did not start.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestServer {
  /** with the password of the user `promise`; '' when it did not start */
  url: string;
  /** why it did not start, else '' */
  problem: string;
  stop(): void;
}

const ROOT = join(import.meta.dirname, '..', '..');

/** A loopback port nothing listens on (now). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startPostgres(): Promise<TestServer> {
  const script = join(ROOT, 'scripts', 'test-postgres.sh');
  const dir = mkdtempSync(join(tmpdir(), 'promise-pg-'));
  const password = randomBytes(12).toString('hex');
  const stop = (): void => {
    try {
      execFileSync('bash', [script, 'stop', dir], { stdio: 'ignore' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    const port = await freePort();
    execFileSync('bash', [script, 'start', dir, String(port), password], { stdio: ['ignore', 'ignore', 'pipe'] });
    return { url: `postgres://promise:${password}@127.0.0.1:${port}/postgres`, problem: '', stop };
  } catch (err) {
    return { url: '', problem: ((err as { stderr?: Buffer }).stderr?.toString() ?? '').trim() || String(err), stop };
  }
}

export async function startClickHouse(): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'promise-ch-'));
  const password = randomBytes(12).toString('hex');
  const child = spawn(process.execPath, [join(ROOT, 'test', 'helpers', 'clickhouse-http.mjs'), dir, password], { stdio: ['ignore', 'pipe', 'pipe'] });
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
