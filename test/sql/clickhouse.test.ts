/**
 * SPEC §5 on ClickHouse: the standards compiled for ClickHouse and sent by the ClickHouse engine
 * through @clickhouse/client to ClickHouse 26 (chdb, embedded, behind its HTTP interface: see
 * test/helpers/clickhouse-http.mjs), over tables loaded from the same CSV files the built-in
 * engine reads. Every gap row, breach and invalid record agrees; rows are compared without the
 * line a table does not have.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clickhouseEngine } from '../../src/run/clickhouse-engine.js';
import { asOfArb, logFiles, registryArb, registryFiles, rowArb } from './arbitraries.js';
import { comparableAcrossTables, evaluateOnTables } from './engines.js';
import { clickhouseUrl, loadCsv } from '../helpers/clickhouse.js';

describe('the ClickHouse engine against the built-in engine', () => {
  it('agrees on random registries and logs', async () => {
    const url = clickhouseUrl();
    await fc.assert(
      fc.asyncProperty(registryArb, fc.array(rowArb, { minLength: 0, maxLength: 30 }), asOfArb, async (spec, rows, asOf) => {
        const [builtin, clickhouse] = await evaluateOnTables(
          { files: registryFiles(spec), logs: { tickets: logFiles(rows, 1) }, asOf },
          () => clickhouseEngine({ env: {}, database: { url, tables: new Map(), timeoutMs: 300_000 } }),
          (source, file, header) => loadCsv(source, [file], header),
        );
        expect(comparableAcrossTables(clickhouse)).toEqual(comparableAcrossTables(builtin));
      }),
      { numRuns: Number(process.env.PROMISE_PROPERTY_RUNS ?? 10) },
    );
  }, 1_200_000);
});
