// Runs one SQL statement in DuckDB, in a process of its own, so that its time and memory are
// measured as a whole, as promise's are: `node scripts/bench/duckdb-run.mjs QUERY.sql OUT.json`.
// Plain JavaScript, so that nothing but Node.js and DuckDB is in the measured process. Writes the
// result rows (counts as numbers) and how long DuckDB took from start to the last row.
import { readFileSync, writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const [queryFile, out] = process.argv.slice(2);
const started = performance.now();
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const reader = await connection.runAndReadAll(readFileSync(queryFile, 'utf8'));
const plain = (v) => (typeof v === 'bigint' ? Number(v) : Array.isArray(v) ? v.map(plain) : v);
const rows = reader.getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)])));
const seconds = (performance.now() - started) / 1000;
connection.closeSync();
instance.closeSync();
writeFileSync(out, JSON.stringify({ seconds, rows }));
