/**
 * SPEC §5: the DuckDB engine on Parquet gives what the built-in engine gives on the CSV the
 * Parquet was written from: the same gap rows, accounts and roll-ups, the same breaches, invalid
 * records and repeated keys by key (a Parquet row has no line), whether the Parquet holds text or
 * Parquet's own timestamp, date and number types, alone or mixed with CSV files in one source.
 */
import { describe, expect, it } from 'vitest';
import { comparable, comparableByKey, evaluateBoth, type EnginesInput } from './engines.js';

const REGISTRY = {
  'owners.yaml': 'owners:\n  - { id: desk, name: Desk, kind: team }\n',
  'promises.yaml': 'promises:\n  - { id: help, statement: We help quickly., dimension: responsiveness, owner: desk }\n',
  'calendars.yaml': 'calendars:\n  - id: office\n    hours: { weekdays: ["09:00-12:30", "13:30-17:00"] }\n    holidays: [2026-10-03, { date: 2026-10-09, hours: ["09:00-12:00"] }]\n',
  'sources.yaml': 'sources:\n  - { id: tickets, files: logs/*.csv, key: ticket_id }\n',
  'standards.yaml': [
    'standards:',
    '  - { id: email-reply, promise: help, source: tickets, where: { channel: email }, measure: { kind: duration, from: opened_at, to: replied_at, within: 1bd, calendar: office }, target: 90%, period: month, warn_at: 75%, remedy: { action: credit, credit: 10, currency: EUR } }',
    '  - { id: urgent-fix, promise: help, source: tickets, where: { priority: [P1, P2] }, measure: { kind: duration, from: opened_at, to: fixed_at, per: priority, within: { P1: 4h, P2: 8h }, calendar: office, paused: waited }, target: 80%, period: month }',
    '  - { id: rated-well, promise: help, source: tickets, where: { not: { channel: phone } }, measure: { kind: condition, at: replied_at, expect: { csat: { gte: 4 } } }, target: 80%, period: quarter }',
    '  - { id: fixed-by-due, promise: help, source: tickets, measure: { kind: deadline, start: opened_at, due: due_on, done: fixed_at, due_is_date: true }, target: 90%, period: month }',
    '',
  ].join('\n'),
};

const HEADER = 'ticket_id,channel,priority,opened_at,replied_at,fixed_at,due_on,waited,csat';

/** Clean rows and dirty ones: an unreadable start, an end before its start, a due that is no date, a pause that is no number, a repeated key, empty cells. */
const TEXT_LOGS = [
  [
    HEADER,
    'T-001,email,P3,2026-09-01T10:00:00+02:00,2026-09-01T15:00:00+02:00,,,,5',
    'T-002,email,P1,2026-09-04 16:00:00,2026-09-07 17:30:00,2026-09-04 22:00:00,2026-09-05,30,2',
    'T-003,phone,P1,2026-09-10T08:00:00+02:00,2026-09-10T08:05:00+02:00,2026-09-10T11:30:00+02:00,2026-09-10,,4',
    'T-004,email,P2,2026-10-02T16:30:00+02:00,,,2026-10-09,,',
    'T-005,email,P2,yesterday,2026-10-05T09:00:00+02:00,,,,x',
    'T-006,email,P1,2026-10-05T09:00:00+02:00,2026-10-05T08:00:00+02:00,2026-10-05T10:00:00+02:00,2026-02-30,n/a,4',
    '',
  ].join('\n'),
  [
    HEADER,
    'T-007,chat,P2,2026-10-06 09:00,2026-10-06 12:00,2026-10-06 18:00,2026-10-07,15,3',
    'T-003,email,P3,2026-10-07T10:00:00Z,2026-10-08T10:00:00Z,,,,5',
    'T-008,email,P1,2026-10-12T09:00:00.250Z,2026-10-13T17:00:00.5Z,2026-10-12T14:00:00Z,2026-10-12,0,4.5',
    'T-009,,P3,2026-10-13T09:00:00Z,,,,,',
    'T-010,"email",P2," 2026-10-13T10:00:00+02:00 ",2026-10-13T11:00:00+02:00,2026-10-14T09:00:00+02:00,2026-10-13,"1e999",4',
    '',
  ].join('\n'),
];

/**
 * Rows whose cells Parquet's own types can hold: `opened_at` instants (TIMESTAMP WITH TIME ZONE),
 * `replied_at` and `fixed_at` wall times in the source's zone (TIMESTAMP), `due_on` dates (DATE),
 * `waited` and `csat` numbers (DOUBLE, INTEGER). The built-in engine reads them as written here.
 */
const TYPED_LOGS = [
  [
    HEADER,
    'T-101,email,P1,2026-09-01T08:00:00Z,2026-09-01 15:00:00,2026-09-01 11:00:00,2026-09-01,30,5',
    'T-102,email,P2,2026-09-04T14:00:00.5Z,2026-09-07 17:30:00.125,2026-09-04 22:00:00,2026-09-05,0.5,2',
    'T-103,phone,P1,2026-10-01T06:00:00Z,2026-10-01 08:05:00,2026-10-01 07:00:00,2026-09-30,,4',
    'T-104,email,P3,2026-10-02T14:30:00Z,,,2026-10-09,,',
    'T-105,chat,P2,2026-10-05T07:00:00Z,2026-10-05 10:00:00,2026-10-06 09:00:00,2026-10-05,90,3',
    'T-103,email,P2,2026-10-12T07:00:00Z,2026-10-13 17:00:00,2026-10-12 14:00:00,2026-10-12,15,4',
    '',
  ].join('\n'),
];

const TYPED_SELECT = [
  'SELECT ticket_id, channel, priority,',
  "CAST(NULLIF(opened_at, '') AS TIMESTAMPTZ) AS opened_at,",
  "CAST(NULLIF(replied_at, '') AS TIMESTAMP) AS replied_at,",
  "CAST(NULLIF(fixed_at, '') AS TIMESTAMP) AS fixed_at,",
  "CAST(NULLIF(due_on, '') AS DATE) AS due_on,",
  "CAST(NULLIF(waited, '') AS DOUBLE) AS waited,",
  "CAST(NULLIF(csat, '') AS INTEGER) AS csat",
  'FROM csv',
].join(' ');

const AS_OF = '2026-10-14T08:00:00Z';

async function agree(input: EnginesInput): Promise<void> {
  const [builtin, duckdb] = await evaluateBoth(input);
  expect(builtin.breaches.length).toBeGreaterThan(0);
  expect(builtin.invalid.length).toBeGreaterThan(0);
  expect(duckdb.breaches.every((b) => b.line === null && b.file.endsWith('.parquet'))).toBe(true);
  expect(comparableByKey(duckdb)).toEqual(comparableByKey(builtin));
}

describe('the DuckDB engine on Parquet against the built-in engine on the CSV', () => {
  it('agrees on Parquet of text columns: gap rows, breaches, invalid records, repeated keys', async () => {
    await agree({ files: REGISTRY, logs: { tickets: TEXT_LOGS }, asOf: AS_OF, parquet: { tickets: {} } });
  }, 60_000);

  it("agrees on Parquet's own types: TIMESTAMP WITH TIME ZONE, TIMESTAMP, DATE, DOUBLE, INTEGER", async () => {
    await agree({ files: REGISTRY, logs: { tickets: TYPED_LOGS }, asOf: AS_OF, parquet: { tickets: { select: TYPED_SELECT } } });
  }, 60_000);

  it('agrees on the report: periods of another length, the charts', async () => {
    const [builtin, duckdb] = await evaluateBoth({ files: REGISTRY, logs: { tickets: TEXT_LOGS }, asOf: AS_OF, options: { alsoBy: 'week', details: true }, parquet: { tickets: {} } });
    expect(builtin.summaries.length).toBeGreaterThan(0);
    expect(comparableByKey(duckdb)).toEqual(comparableByKey(builtin));
  }, 60_000);

  it('reads a source of CSV and Parquet files in file order, the Parquet rows without a line', async () => {
    const [builtin, duckdb] = await evaluateBoth({ files: REGISTRY, logs: { tickets: TEXT_LOGS }, asOf: AS_OF, parquet: { tickets: { files: [1] } } });
    expect(comparableByKey(duckdb)).toEqual(comparableByKey(builtin));
    // the repeated key is first seen in the CSV file, on its line, and repeated in the Parquet file
    expect(duckdb.duplicates).toEqual([{ source: 'tickets', record: 'T-003', file: 'logs/tickets-2.parquet', line: null, firstFile: 'logs/tickets-1.csv', firstLine: 4 }]);
    expect(duckdb.breaches.filter((b) => b.file.endsWith('.csv')).map((b) => b.line)).toEqual(builtin.breaches.filter((b) => b.file === 'logs/tickets-1.csv').map((b) => b.line));
  }, 60_000);

  it("keeps a Parquet file's row order: the first 100 repeated keys are those the CSV's order gives", async () => {
    const keys = Array.from({ length: 101 }, (_, i) => `K-${String(i + 1).padStart(3, '0')}`);
    const rows = [...keys, ...keys].map((k, i) => `${k},email,P3,2026-10-0${1 + (i % 9)}T10:00:00Z,,,,,`);
    const [builtin, duckdb] = await evaluateBoth({ files: REGISTRY, logs: { tickets: [[HEADER, ...rows, ''].join('\n')] }, asOf: AS_OF, parquet: { tickets: {} } });
    expect(builtin.duplicates.map((d) => d.record)).toEqual(keys.slice(0, 100));
    expect(duckdb.duplicates.map((d) => d.record).sort()).toEqual(keys.slice(0, 100));
  }, 60_000);

  it("numbers a file's rows in its order even when it has a column named file_row_number", async () => {
    const [builtin, duckdb] = await evaluateBoth({ files: REGISTRY, logs: { tickets: TEXT_LOGS }, asOf: AS_OF, parquet: { tickets: { select: "SELECT *, 'x' AS file_row_number FROM csv" } } });
    expect(comparableByKey(duckdb)).toEqual(comparableByKey(builtin));
    expect(duckdb.duplicates.map((d) => [d.firstFile, d.file])).toEqual([['logs/tickets-1.parquet', 'logs/tickets-2.parquet']]);
  }, 60_000);

  it('says which column a Parquet file lacks, and which it may mean', async () => {
    const run = evaluateBoth({ files: REGISTRY, logs: { tickets: TEXT_LOGS }, asOf: AS_OF, parquet: { tickets: { select: 'SELECT * EXCLUDE (replied_at), replied_at AS repled_at FROM csv' } } });
    await expect(run).rejects.toMatchObject({ name: 'PromiseError', exitCode: 2, message: 'log file logs/tickets-1.parquet has no column "replied_at"', hint: 'did you mean "repled_at"?' });
    const noKey = evaluateBoth({ files: REGISTRY, logs: { tickets: TEXT_LOGS }, asOf: AS_OF, parquet: { tickets: { select: 'SELECT * EXCLUDE (ticket_id) FROM csv' } } });
    await expect(noKey).rejects.toMatchObject({ exitCode: 2, message: 'log file logs/tickets-1.parquet has no key column "ticket_id"', hint: 'its columns are: channel, priority, opened_at, replied_at, fixed_at, due_on, waited, csat' });
  }, 60_000);

  it('matches column names exactly, as check does, though DuckDB ignores case', async () => {
    const run = evaluateBoth({ files: REGISTRY, logs: { tickets: TEXT_LOGS }, asOf: AS_OF, parquet: { tickets: { select: 'SELECT * EXCLUDE (csat), csat AS CSAT FROM csv' } } });
    await expect(run).rejects.toMatchObject({ message: 'log file logs/tickets-1.parquet has no column "csat"', hint: 'did you mean "CSAT"?' });
  }, 60_000);

  it('is what the CSV gives with no Parquet at all (the comparison itself is sound)', async () => {
    const [builtin, duckdb] = await evaluateBoth({ files: REGISTRY, logs: { tickets: TEXT_LOGS }, asOf: AS_OF });
    expect(comparable(duckdb)).toEqual(comparable(builtin));
  }, 60_000);
});
