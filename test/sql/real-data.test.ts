/**
 * SPEC §5 on every real log under ../shared/data: the example registries made for them, each
 * log read from where the data set keeps it (`--log`), evaluated by the built-in engine and by
 * DuckDB. The gap report and the breach list (with the invalid records) must be the same bytes.
 */
import { describe, expect, it } from 'vitest';
import { promiseOut } from '../helpers/cli.js';
import { dataFile, registryDir } from '../real-data/real-data.js';

/** Each data set: its registry, the moment its extracts end, and its sources' files (see each PROVENANCE.md). */
const SETS = [
  { registry: 'baltimore-311', asOf: '2019-02-13T16:20:00-05:00', logs: { 'service-requests': ['baltimore-311', 'baltimore311_2014-2019_sample_10000.csv'] } },
  {
    registry: 'boston-311',
    asOf: '2025-05-19T18:30:00-04:00',
    logs: {
      'cases-2015-2024': ['boston-311', 'boston311_2015-2024_closed_sample_4995.csv'],
      'cases-2022-01': ['boston-311', 'boston311_2022-01_raw_100.csv'],
      'open-cases-2025': ['boston-311', 'boston311_2025_open_sidewalk_streetlight_2424.csv'],
    },
  },
  { registry: 'nyc-311', asOf: '2019-09-17T00:00:00-04:00', logs: { 'service-requests': ['nyc-311', 'nyc311_2014-2019_mixed_1000.csv'], 'dohmh-requests': ['nyc-311', 'nyc311_dohmh_2018-01-22_155.csv'] } },
  { registry: 'olist-orders', asOf: '2018-10-17T18:00:00-03:00', logs: { orders: ['olist-orders', 'olist_orders_sample_8135.csv'] } },
] as const;

describe.each(SETS)('examples/$registry on its real logs', ({ registry, asOf, logs }) => {
  const logArgs = Object.entries(logs).flatMap(([source, [set, file]]) => ['--log', `${source}=${dataFile(set, file)}`]);
  it.each([
    ['gaps', '--format', 'json'],
    ['breaches', '--format', 'json', '--at-risk'],
  ])('%s: the same bytes from both engines', (...args) => {
    const common = [...args, '--registry', registryDir(registry), '--as-of', asOf, ...logArgs];
    const builtin = promiseOut(common);
    expect(builtin.code, builtin.stderr).toBe(0);
    const duckdb = promiseOut([...common, '--engine', 'duckdb']);
    expect({ code: duckdb.code, stderr: duckdb.stderr }).toEqual({ code: builtin.code, stderr: builtin.stderr });
    expect(duckdb.stdout).toBe(builtin.stdout);
  }, 120_000);
});
