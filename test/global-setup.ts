/**
 * Before any test: the CLI must be built (npm test builds it first), the example logs generated,
 * and a PostgreSQL server started for the engine tests, on loopback, as an unprivileged user
 * (scripts/test-postgres.sh), stopped after the last test.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
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
  return () => {
    try {
      execFileSync('bash', [script, 'stop', dir], { stdio: 'ignore' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
