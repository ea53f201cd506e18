/**
 * Runs the benchmark's SQL in DuckDB, in a process of its own so that its time and memory can be
 * measured as a whole, like promise's: `tsx scripts/bench/duckdb-run.ts LOG AS_OF OUT.json`.
 * Writes the counts as JSON, and how long DuckDB itself took.
 */
import { writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { benchQuery } from './duckdb-query.js';

const [log, asOf, out] = process.argv.slice(2) as [string, string, string];
const started = performance.now();
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const { setup, counts } = benchQuery(log, asOf);
await connection.run(setup);
const rows = (await connection.runAndReadAll(counts)).getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
const seconds = (performance.now() - started) / 1000;
connection.closeSync();
instance.closeSync();
writeFileSync(out, JSON.stringify({ seconds, rows }));
