/**
 * The PostgreSQL server the engine tests run on (started by test/global-setup.ts, on loopback),
 * and loading a source's CSV files into a table of it with COPY: every column text, the rows in
 * the files' order, as an analyst would load an export.
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { inject } from 'vitest';

/** The server's URL with the test user's password; fails (never skips) when the server could not start. */
export function postgresUrl(database = 'postgres'): string {
  const url = inject('postgresUrl');
  if (url === '') throw new Error(`the PostgreSQL test server did not start: ${inject('postgresProblem')}`);
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.href;
}

export async function withClient<T>(url: string, f: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await f(client);
  } finally {
    await client.end();
  }
}

const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** A fresh database for one test file, dropped by the returned function. */
export async function freshDatabase(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const db = `t_${name.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${process.pid}`;
  await withClient(postgresUrl(), async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${ident(db)}`);
    await c.query(`CREATE DATABASE ${ident(db)}`);
  });
  return { url: postgresUrl(db), drop: () => withClient(postgresUrl(), async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${ident(db)} WITH (FORCE)`))) };
}

/** Creates `table` with the header's columns as text and COPYs the files into it, in order. */
export async function copyCsv(url: string, table: string, files: readonly string[], header: readonly string[], delimiter = ','): Promise<void> {
  const qualified = table.split('.').map(ident).join('.');
  await withClient(url, async (c) => {
    const schema = table.includes('.') ? table.split('.')[0] : undefined;
    if (schema !== undefined) await c.query(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`);
    await c.query(`DROP TABLE IF EXISTS ${qualified}`);
    await c.query(`CREATE TABLE ${qualified} (${header.map((h) => `${ident(h)} text`).join(', ')})`);
    for (const file of files) {
      const copy = c.query(copyFrom(`COPY ${qualified} FROM STDIN WITH (FORMAT csv, HEADER true, DELIMITER '${delimiter}')`));
      await pipeline(createReadStream(file), copy);
    }
  });
}
