/**
 * `--engine postgres` end to end (SPEC §5): the built CLI, run as a user runs it, against the
 * test PostgreSQL server holding the field-service example's logs as tables, loaded with COPY.
 * The report is the built-in engine's; what goes wrong is one line naming the engine and the
 * host, the table or the column, never the password, and exit 2.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promise, REPO } from '../helpers/cli.js';
import { copyCsv, freshDatabase, withClient } from '../helpers/postgres.js';
import { freePort } from '../helpers/servers.js';

const REGISTRY = 'examples/field-service';
const AS_OF = '2026-11-16T00:00:00Z';
const SOURCES = ['invoices', 'jobs', 'visits'];

let db: { url: string; drop: () => Promise<void> };
let password: string;

beforeAll(async () => {
  db = await freshDatabase('cli');
  password = decodeURIComponent(new URL(db.url).password);
  for (const source of SOURCES) {
    const file = join(REPO, REGISTRY, 'logs', `${source}.csv`);
    const header = (readFileSync(file, 'utf8').split(/\r?\n/)[0] ?? '').split(',');
    // one in a schema of its own, named with --table; the others named like their sources
    await copyCsv(db.url, source === 'jobs' ? 'support.job_log' : source, [file], header);
  }
}, 120_000);
afterAll(async () => {
  await db?.drop();
});

const common = ['--registry', REGISTRY, '--as-of', AS_OF, '--format', 'json'];
const onPostgres = (): string[] => ['--engine', 'postgres', '--url', db.url, '--table', 'jobs=support.job_log'];

interface GapsJson {
  standards: unknown[];
  promises: unknown[];
  owners: unknown[];
  invalid: { record: string; file: string; line: number | null; standard: string | null; reason: string }[];
}

describe('promise gaps --engine postgres', () => {
  it('prints the gap rows, promises and owners of the built-in engine; a table has no lines', () => {
    const builtin = promise(['gaps', ...common]);
    const postgres = promise(['gaps', ...common, ...onPostgres()]);
    expect({ code: postgres.code, stderr: postgres.stderr }).toEqual({ code: builtin.code, stderr: builtin.stderr });
    const b = JSON.parse(builtin.stdout) as GapsJson;
    const p = JSON.parse(postgres.stdout) as GapsJson;
    expect(p.standards).toEqual(b.standards);
    expect(p.promises).toEqual(b.promises);
    expect(p.owners).toEqual(b.owners);
    expect(p.invalid.length).toBe(b.invalid.length);
    expect(p.invalid.every((i) => i.line === null && ['invoices', 'support.job_log', 'visits'].includes(i.file))).toBe(true);
    const key = (i: GapsJson['invalid'][number]): string => `${i.record} ${i.standard ?? ''} ${i.reason}`;
    expect(p.invalid.map(key).sort()).toEqual(b.invalid.map(key).sort());
  }, 180_000);

  it('breaches: the same records, remedies and figures', () => {
    type Breach = { standard: string; record: string; file: string; line: number | null };
    const strip = (out: string): unknown[] =>
      (JSON.parse(out) as { breaches: Breach[] }).breaches.map(({ file: _f, line: _l, ...rest }) => rest).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    const builtin = promise(['breaches', ...common, '--standard', 'first-time-fix']);
    const postgres = promise(['breaches', ...common, '--standard', 'first-time-fix', ...onPostgres()]);
    expect(postgres.code).toBe(builtin.code);
    expect(strip(postgres.stdout)).toEqual(strip(builtin.stdout));
    expect(strip(postgres.stdout).length).toBeGreaterThan(0);
  }, 180_000);

  it('takes the address from PROMISE_DATABASE_URL', () => {
    const withUrl = promise(['gaps', ...common, '--standard', 'bill-accuracy', ...onPostgres()]);
    const withEnv = promise(['gaps', ...common, '--standard', 'bill-accuracy', '--engine', 'postgres', '--table', 'jobs=support.job_log'], { env: { PROMISE_DATABASE_URL: db.url } });
    expect(withEnv.code).toBe(withUrl.code);
    expect(withEnv.stdout).toBe(withUrl.stdout);
  }, 120_000);
});

describe('what goes wrong, in one line, never the password', () => {
  const gaps = (extra: string[], env?: Record<string, string>) => promise(['gaps', ...common, '--standard', 'bill-accuracy', ...extra], env === undefined ? {} : { env });
  const oneLine = (r: { code: number; stdout: string; stderr: string }, pattern: RegExp): void => {
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).not.toContain(password);
    expect(r.stderr.split('\n').filter((l) => l !== '').length).toBeLessThanOrEqual(2);
  };

  it('a wrong password', () => {
    const url = new URL(db.url);
    url.password = 'not-the-password';
    const r = gaps(['--engine', 'postgres', '--url', url.href]);
    oneLine(r, /^promise: postgres at 127\.0\.0\.1:\d+\/t_cli_\d+: the password was refused\n/);
    expect(r.stderr).not.toContain('not-the-password');
  });

  it('a server that is not there', async () => {
    const port = await freePort();
    oneLine(gaps(['--engine', 'postgres', '--url', `postgres://promise:${password}@127.0.0.1:${port}/x`]), /^promise: postgres at 127\.0\.0\.1:\d+\/x: could not connect: connection refused/);
  });

  it('a table that does not exist, and a column a standard reads that a table lacks', async () => {
    oneLine(gaps(['--engine', 'postgres', '--url', db.url, '--table', 'invoices=support.nothing']), /^promise: postgres at .*: table support\.nothing \(source invoices\) does not exist\nhint: .*--table invoices=/);
    await withClient(db.url, (c) => c.query('CREATE TABLE invoices_short AS SELECT invoice_no, issued_at FROM invoices'));
    oneLine(gaps(['--engine', 'postgres', '--url', db.url, '--table', 'invoices=invoices_short']), /^promise: postgres at .*: table invoices_short \(source invoices\) has no column "[a-z_]+"\n/);
  });

  it('no address, a bad one, a bad --timeout, and database flags without a database engine', () => {
    oneLine(gaps(['--engine', 'postgres'], { PROMISE_DATABASE_URL: '' }), /^promise: --engine postgres runs on a server: give its address with --url or PROMISE_DATABASE_URL\n/);
    oneLine(gaps(['--engine', 'postgres', '--url', 'mysql://u:secret-x@h/db']), /^promise: --engine postgres: the database URL starts with "mysql:", not "postgres:" or "postgresql:"\n/);
    oneLine(gaps(['--engine', 'postgres', '--url', db.url, '--timeout', 'soon']), /^promise: --timeout soon: expected a number of seconds/);
    oneLine(gaps(['--table', 'invoices=x']), /^promise: --table names a database table, which --engine builtin does not read\n/);
    oneLine(gaps(['--engine', 'duckdb', '--url', db.url]), /^promise: --url names a database server, which --engine duckdb does not read\n/);
    oneLine(gaps(['--engine', 'postgres', '--url', db.url, '--table', 'invoice=x']), /^promise: --table invoice=\.\.\.: the registry has no source "invoice"\nhint: did you mean "invoices"\?/);
  });
});
