/**
 * `--engine clickhouse` end to end (SPEC §5): the built CLI against ClickHouse's HTTP interface
 * (ClickHouse 26 embedded by chdb, test/helpers/clickhouse-http.mjs), holding the field-service
 * example's logs as tables. The report is the built-in engine's; what goes wrong is one line
 * naming the engine and the host or the table, never the password, and exit 2.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { promise, REPO } from '../helpers/cli.js';
import { clickhouseUrl, loadCsv } from '../helpers/clickhouse.js';

const REGISTRY = 'examples/field-service';
const AS_OF = '2026-11-16T00:00:00Z';
const SOURCES = ['invoices', 'jobs', 'visits'];
let url: string;

beforeAll(async () => {
  url = clickhouseUrl();
  for (const source of SOURCES) {
    const file = join(REPO, REGISTRY, 'logs', `${source}.csv`);
    const header = (readFileSync(file, 'utf8').split(/\r?\n/)[0] ?? '').split(',');
    await loadCsv(source === 'jobs' ? 'support.job_log' : `fs_${source}`, [file], header);
  }
}, 300_000);

const common = ['--registry', REGISTRY, '--as-of', AS_OF, '--format', 'json'];
const tables = ['--table', 'jobs=support.job_log', '--table', 'invoices=fs_invoices', '--table', 'visits=fs_visits'];

describe('promise gaps --engine clickhouse', () => {
  it('prints the gap rows, promises and owners of the built-in engine', () => {
    const builtin = promise(['gaps', ...common]);
    const clickhouse = promise(['gaps', ...common, '--engine', 'clickhouse', '--url', url, ...tables], { timeoutMs: 600_000 });
    expect({ code: clickhouse.code, stderr: clickhouse.stderr }).toEqual({ code: builtin.code, stderr: builtin.stderr });
    const b = JSON.parse(builtin.stdout) as { standards: unknown[]; promises: unknown[]; owners: unknown[]; invalid: { line: number | null }[] };
    const c = JSON.parse(clickhouse.stdout) as typeof b;
    expect(c.standards).toEqual(b.standards);
    expect(c.promises).toEqual(b.promises);
    expect(c.owners).toEqual(b.owners);
    expect(c.invalid.length).toBe(b.invalid.length);
    expect(c.invalid.every((i) => i.line === null)).toBe(true);
  }, 600_000);
});

describe('what goes wrong, in one line, never the password', () => {
  const password = (): string => decodeURIComponent(new URL(url).password);
  const run = (extra: string[]) => promise(['gaps', ...common, '--standard', 'bill-accuracy', '--engine', 'clickhouse', ...extra]);
  const oneLine = (r: { code: number; stdout: string; stderr: string }, pattern: RegExp): void => {
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toContain(password());
    expect(r.stderr).not.toMatch(/\n\s+at |WARN/);
  };

  it('a wrong password, a table that does not exist, an address that is not http', () => {
    const wrong = new URL(url);
    wrong.password = 'not-it';
    oneLine(run(['--url', wrong.href, ...tables]), /^promise: clickhouse at 127\.0\.0\.1:\d+: the user or password was refused\n/);
    oneLine(run(['--url', url, '--table', 'invoices=nowhere.invoices']), /^promise: clickhouse at 127\.0\.0\.1:\d+: table nowhere\.invoices \(source invoices\) does not exist\n/);
    oneLine(run(['--url', url.replace(/^http:/, 'tcp:')]), /^promise: --engine clickhouse: the database URL starts with "tcp:", not "http:" or "https:"\n/);
  }, 120_000);
});
