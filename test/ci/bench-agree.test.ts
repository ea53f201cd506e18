import { describe, expect, it } from 'vitest';
import { EXACT_PERCENTILES, gapRowsDisagreement, percentileAgrees, rowsDisagreement } from '../../scripts/bench/agree.js';

const row = (over: Record<string, unknown> = {}) => ({ standard: 'email-reply', period: '2026-Q1', records: 10, met: 7, breached: 3, compliance: 0.7, p50_seconds: 600, p90_seconds: 3000, p_target_seconds: 1200, average: null, ...over });

describe("the bench's rule for the same answer (SPEC §5)", () => {
  it('wants percentiles exactly while the built-in engine keeps them as a list', () => {
    expect(percentileAgrees(600, 600, EXACT_PERCENTILES)).toBe(true);
    expect(percentileAgrees(601, 600, EXACT_PERCENTILES)).toBe(false);
    expect(percentileAgrees(null, null, 0)).toBe(true);
    expect(percentileAgrees(null, 0, 0)).toBe(false);
  });

  it('past that, takes the top of the bucket: never below the exact one, at most 1/2048 above', () => {
    const judged = EXACT_PERCENTILES + 1;
    expect(percentileAgrees(20480, 20480, judged)).toBe(true);
    expect(percentileAgrees(20490, 20480, judged)).toBe(true);
    expect(percentileAgrees(20491, 20480, judged)).toBe(false);
    expect(percentileAgrees(20479, 20480, judged)).toBe(false);
  });

  it('names the first field that differs, and takes a bucketed percentile as agreeing', () => {
    expect(gapRowsDisagreement([row()], [row()], 'DuckDB')).toBeUndefined();
    expect(gapRowsDisagreement([row()], [row({ breached: 4 })], 'DuckDB')).toBe('email-reply 2026-Q1: breached is 3 in the built-in engine, 4 in DuckDB');
    expect(gapRowsDisagreement([row()], [row({ p50_seconds: 599 })], 'DuckDB')).toBe('email-reply 2026-Q1: p50_seconds is 600 in the built-in engine, 599 in DuckDB');
    const big = { met: EXACT_PERCENTILES, breached: 1000, records: EXACT_PERCENTILES + 1000 };
    expect(gapRowsDisagreement([row({ ...big, p90_seconds: 4097 })], [row({ ...big, p90_seconds: 4096 })], 'DuckDB')).toBeUndefined();
    expect(gapRowsDisagreement([row()], [], 'PostgreSQL')).toBe('the built-in engine has 1 gap rows, PostgreSQL 0');
    expect(gapRowsDisagreement([row()], [row({ period: '2026-Q2' })], 'PostgreSQL')).toBe("email-reply 2026-Q1 is missing from PostgreSQL's answer");
  });

  it('compares only the fields asked for, and an average to six decimals where asked', () => {
    const how = { names: ['promise', 'DuckDB'] as const, fields: ['met', 'average'], averageToSixDecimals: true };
    expect(rowsDisagreement([row({ average: 3.1234564, compliance: 0.7 })], [row({ average: 3.12345641, compliance: 0.1 })], how)).toBeUndefined();
    expect(rowsDisagreement([row({ average: 3.123456 })], [row({ average: 3.123457 })], how)).toBe('email-reply 2026-Q1: average is 3.123456 in promise, 3.123457 in DuckDB');
    expect(gapRowsDisagreement([row({ average: 3.1234564 })], [row({ average: 3.12345641 })], 'DuckDB')).toBe('email-reply 2026-Q1: average is 3.1234564 in the built-in engine, 3.12345641 in DuckDB');
  });
});
