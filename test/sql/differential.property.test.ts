/**
 * SPEC §5: every engine gives the same numbers on the same data. Random registries over random
 * logs, evaluated by the built-in engine and by DuckDB running the compiled SQL: every gap row,
 * breach, invalid record, account and repeated key must be equal, field for field.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asOfArb, damageArb, FORMATS, formattedCellArb, logFiles, registryArb, registryFiles, rowArb } from './arbitraries.js';
import { comparable, evaluateBoth } from './engines.js';

describe('the DuckDB engine against the built-in engine', () => {
  it('agrees on random registries and logs', async () => {
    await fc.assert(
      fc.asyncProperty(registryArb, fc.array(rowArb, { minLength: 0, maxLength: 40 }), fc.integer({ min: 1, max: 3 }), fc.array(damageArb, { maxLength: 12 }), asOfArb, async (spec, rows, files, damage, asOf) => {
        const [builtin, duckdb] = await evaluateBoth({ files: registryFiles(spec), logs: { tickets: logFiles(rows, files, damage) }, asOf });
        expect(comparable(duckdb)).toEqual(comparable(builtin));
      }),
      { numRuns: Number(process.env.PROMISE_PROPERTY_RUNS ?? 60) },
    );
  }, 600_000);

  it('agrees on timestamps written in a timestamp_format', async () => {
    const cases = fc.constantFrom(...FORMATS).chain((format) =>
      fc.record({ format: fc.constant(format), spec: registryArb, rows: fc.array(fc.tuple(rowArb, formattedCellArb(format), formattedCellArb(format), formattedCellArb(format)), { minLength: 1, maxLength: 30 }), asOf: asOfArb }),
    );
    await fc.assert(
      fc.asyncProperty(cases, async ({ format, spec, rows, asOf }) => {
        const cells = rows.map(([row, opened, closed, due]) => [opened, closed, due, ...row.slice(3)]);
        const [builtin, duckdb] = await evaluateBoth({ files: registryFiles(spec, format), logs: { tickets: logFiles(cells, 1) }, asOf });
        expect(comparable(duckdb)).toEqual(comparable(builtin));
      }),
      { numRuns: Number(process.env.PROMISE_PROPERTY_RUNS ?? 40) },
    );
  }, 600_000);

  it('agrees on the report: periods of another length, the charts, one period', async () => {
    await fc.assert(
      fc.asyncProperty(registryArb, fc.array(rowArb, { minLength: 1, maxLength: 30 }), asOfArb, fc.constantFrom('week', 'month', 'quarter', 'year'), async (spec, rows, asOf, alsoBy) => {
        const within = [{ kind: 'quarter' as const, key: 'q', startMs: Date.parse('2026-07-01T00:00:00Z'), endMs: Date.parse('2026-10-01T00:00:00Z') }];
        const [builtin, duckdb] = await evaluateBoth({ files: registryFiles(spec), logs: { tickets: logFiles(rows, 1) }, asOf, options: { alsoBy, details: true, within } });
        expect(comparable(duckdb)).toEqual(comparable(builtin));
      }),
      { numRuns: Number(process.env.PROMISE_PROPERTY_RUNS ?? 30) },
    );
  }, 600_000);
});
