/**
 * Before any test: the CLI must be built (npm test builds it first), the example logs generated,
 * and the engine tests' PostgreSQL and ClickHouse started on loopback (test/helpers/servers.ts),
 * both stopped after the last test.
 */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startClickHouse, startPostgres } from './helpers/servers.js';

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

export default async function setup(project: TestProject): Promise<() => void> {
  const root = join(import.meta.dirname, '..');
  if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
    throw new Error('dist/ is missing: run the tests with `npm test`, which builds the CLI first');
  }
  const generator = join(root, 'scripts', 'generate-example-logs.ts');
  if (existsSync(generator)) {
    execFileSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), generator], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const postgres = await startPostgres();
  project.provide('postgresUrl', postgres.url);
  project.provide('postgresProblem', postgres.problem);
  const clickhouse = await startClickHouse();
  project.provide('clickhouseUrl', clickhouse.url);
  project.provide('clickhouseProblem', clickhouse.problem);
  return () => {
    clickhouse.stop();
    postgres.stop();
  };
}
