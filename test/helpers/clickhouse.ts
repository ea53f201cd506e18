/**
 * The ClickHouse the engine tests run on: ClickHouse's HTTP interface over chdb, started by
 * test/global-setup.ts on loopback, reached through @clickhouse/client as a server would be; and
 * loading a source's CSV files into a table of it, every column text, as an analyst would.
 */
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { inject } from 'vitest';

/** The server's URL with the test user's password; fails (never skips) when it could not start. */
export function clickhouseUrl(): string {
  const url = inject('clickhouseUrl');
  if (url === '') throw new Error(`the ClickHouse test server (chdb) did not start: ${inject('clickhouseProblem')}`);
  return url;
}

export async function withClickHouse<T>(f: (client: ClickHouseClient) => Promise<T>, url = clickhouseUrl()): Promise<T> {
  const client = createClient({ url, request_timeout: 300_000, clickhouse_settings: { send_progress_in_http_headers: 1, http_headers_progress_interval_ms: '60000' } });
  try {
    return await f(client);
  } finally {
    await client.close();
  }
}

const ident = (name: string): string => `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``;
const literal = (text: string): string => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

/** Creates `table` (in its database, made when missing) with the header's columns as String and reads the files into it, in order. */
export async function loadCsv(table: string, files: readonly string[], header: readonly string[], url = clickhouseUrl()): Promise<void> {
  const [database, name] = table.includes('.') ? (table.split('.') as [string, string]) : [undefined, table];
  const qualified = database === undefined ? ident(name) : `${ident(database)}.${ident(name)}`;
  const columns = header.map((h) => `${ident(h)} String`).join(', ');
  await withClickHouse(async (c) => {
    if (database !== undefined) await c.command({ query: `CREATE DATABASE IF NOT EXISTS ${ident(database)}` });
    await c.command({ query: `DROP TABLE IF EXISTS ${qualified}` });
    await c.command({ query: `CREATE TABLE ${qualified} (${columns}) ENGINE = MergeTree ORDER BY tuple()` });
    for (const file of files) {
      await c.command({ query: `INSERT INTO ${qualified} SELECT * FROM file(${literal(file)}, 'CSVWithNames', ${literal(columns)})` });
    }
  }, url);
}
