/**
 * SPEC §5 on PostgreSQL: the standards compiled for PostgreSQL and run by `--engine postgres` on
 * a real server (Debian's PostgreSQL, started on loopback by test/global-setup.ts) over tables
 * loaded with COPY from the same CSV files the built-in engine reads. Every gap row, breach and
 * invalid record agrees; a table's rows have no line (SPEC §5), so rows are compared without it.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresEngine } from '../../src/run/postgres-engine.js';
import { asOfArb, logFiles, registryArb, registryFiles, rowArb } from './arbitraries.js';
import { comparableAcrossTables, evaluateOnTables } from './engines.js';
import { copyCsv, freshDatabase } from '../helpers/postgres.js';

let db: { url: string; drop: () => Promise<void> };
beforeAll(async () => {
  db = await freshDatabase('differential');
});
afterAll(async () => {
  await db?.drop();
});

describe('the PostgreSQL engine against the built-in engine', () => {
  it('agrees on random registries and logs', async () => {
    await fc.assert(
      fc.asyncProperty(registryArb, fc.array(rowArb, { minLength: 0, maxLength: 30 }), asOfArb, async (spec, rows, asOf) => {
        const [builtin, postgres] = await evaluateOnTables(
          // one clean file: a table holds rows, not the malformed lines of a file (the built-in engine's tests have those)
          { files: registryFiles(spec), logs: { tickets: logFiles(rows, 1) }, asOf },
          () => postgresEngine({ env: {}, database: { url: db.url, tables: new Map(), timeoutMs: 120_000 } }),
          (source, file, header) => copyCsv(db.url, source, [file], header),
        );
        expect(comparableAcrossTables(postgres)).toEqual(comparableAcrossTables(builtin));
      }),
      { numRuns: Number(process.env.PROMISE_PROPERTY_RUNS ?? 20) },
    );
  }, 900_000);
});
