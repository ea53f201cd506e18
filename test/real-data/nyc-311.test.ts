/**
 * examples/nyc-311 over two NYC Open Data extracts: every count of the gap report computed a
 * second time, in SQL, by DuckDB reading the same CSVs. Each extract is judged as of the
 * moment it was made.
 */
import { describe, expect, it } from 'vitest';
import {
  accountsOf,
  countsOf,
  dataFile,
  expectEveryRowAccountedFor,
  expectRegistryReadsItsLogs,
  gapsJson,
  gapsMarkdown,
  JUDGED_VIEW,
  judgeWithDuckDb,
  sqlString,
  type GapsJson,
} from './real-data.js';

const MIXED = dataFile('nyc-311', 'nyc311_2014-2019_mixed_1000.csv');
const DOHMH = dataFile('nyc-311', 'nyc311_dohmh_2018-01-22_155.csv');
/** The day after the newest time in the mixed extract (2019-09-16 12:00:00). */
const MIXED_AS_OF = '2019-09-17T00:00:00-04:00';
/** The day after the newest time in the health department's extract (2018-01-26 16:39:02). */
const DOHMH_AS_OF = '2018-01-27T00:00:00-05:00';
const DOHMH_STANDARD = 'rodent-and-food-complaints-by-due-date';

/*
 * The registry's four standards in SQL, as of `asOf`. Read it next to
 * examples/nyc-311/standards.yaml: each CASE tests what a record is, in order, and the first
 * that holds decides. With `placeholdersAtEndOfDay`, a Closed Date at the 12:00:00 AM
 * placeholder is read as the last second of its day instead of its first.
 */
const sql = (asOf: string, placeholdersAtEndOfDay = false): string => `
-- The two extracts, every cell as text as the export wrote it; only the columns the standards read.
CREATE TEMP VIEW requests AS
  SELECT 'service-requests' AS source, "Agency" AS agency, "Complaint Type" AS complaint_type,
         "Created Date" AS created_cell, "Due Date" AS due_cell, "Closed Date" AS closed_cell
  FROM read_csv(${sqlString(MIXED)}, header = true, delim = ',', quote = '"', escape = '"', all_varchar = true)
  UNION ALL
  SELECT 'dohmh-requests', "Agency", "Complaint Type", "Created Date", "Due Date", "Closed Date"
  FROM read_csv(${sqlString(DOHMH)}, header = true, delim = ',', quote = '"', escape = '"', all_varchar = true);

-- A cell's text, trimmed; DuckDB reads an empty cell as NULL, which is '' here.
CREATE TEMP MACRO txt(cell) AS coalesce(trim(cell), '');
-- New York wall-clock time on a 12-hour clock, no offset: 06/26/2018 10:58:54 AM. A midnight
-- placeholder (12:00:00 AM) is read as what it says.
CREATE TEMP MACRO wall(cell) AS try_strptime(txt(cell), '%m/%d/%Y %I:%M:%S %p');
-- The instant that wall-clock time names in New York, as SPEC §1 reads it. A time the
-- clocks skip (a daylight-saving gap) is read with the offset before the jump, so 02:30 is
-- 03:30: what DuckDB's timezone() does. A time the clocks show twice is the earlier of its two
-- instants: timezone() takes the later, so the time an hour before, read and moved on by the
-- hour, is taken when it is earlier (the zone's clocks change by one hour).
CREATE TEMP MACRO instant(t) AS least(timezone('America/New_York', t), timezone('America/New_York', t - INTERVAL 1 HOUR) + INTERVAL 1 HOUR);
-- Neither is a data error (SPEC §1): a cell is usable when it parses.
CREATE TEMP MACRO usable(cell) AS wall(cell) IS NOT NULL;
-- The notes the data-quality section counts: turned into an instant and back, a time in a gap
-- does not come back; a time in an overlap has two readings.
CREATE TEMP MACRO in_gap(t) AS t IS NOT NULL AND timezone('America/New_York', instant(t)) <> t;
CREATE TEMP MACRO in_overlap(t) AS t IS NOT NULL AND timezone('America/New_York', t) <> instant(t);

CREATE TEMP VIEW timed AS
  SELECT source, txt(agency) AS agency, txt(complaint_type) AS complaint_type,
         txt(created_cell) = '' AS no_start, usable(created_cell) AS start_ok, instant(wall(created_cell)) AS created,
         CAST(year(wall(created_cell)) AS VARCHAR) || '-Q' || CAST(quarter(wall(created_cell)) AS VARCHAR) AS quarter,
         strftime(wall(created_cell), '%Y-%m') AS month,
         txt(due_cell) = '' AS no_due, usable(due_cell) AS due_ok, instant(wall(due_cell)) AS due,
         txt(closed_cell) = '' AS open, usable(closed_cell) AS close_ok,
         instant(wall(closed_cell) + IF(${placeholdersAtEndOfDay} AND ends_with(txt(closed_cell), '12:00:00 AM'), INTERVAL 86399 SECOND, INTERVAL 0 SECOND)) AS closed,
         TIMESTAMPTZ '${asOf}' AS as_of
  FROM requests;

-- Closed when a close time exists and is not after the as-of (a later close was not yet made then).
CREATE TEMP MACRO done(t) AS NOT t.open AND t.closed <= t.as_of;

-- A deadline: closed at or before the Due Date. The due date is tested before the close time,
-- so a request closed before it was created but with no due date is skipped, not invalid.
CREATE TEMP MACRO deadline(in_scope, t) AS
  CASE
    WHEN NOT in_scope                     THEN 'out_of_scope'
    WHEN t.no_start OR NOT t.start_ok     THEN 'invalid_without_period'
    WHEN t.created > t.as_of              THEN 'future'
    WHEN t.no_due                         THEN 'skipped'   -- no promise was made
    WHEN NOT t.due_ok                     THEN 'invalid'
    WHEN t.due < t.created                THEN 'invalid'
    WHEN NOT t.open AND NOT t.close_ok    THEN 'invalid'
    WHEN done(t) AND t.closed < t.created THEN 'invalid'   -- closed before it was created
    WHEN done(t)                          THEN IF(t.closed > t.due, 'breached', 'met')
    WHEN t.as_of > t.due                  THEN 'breached'  -- still open and past due
    ELSE 'pending'
  END;

-- A duration: Created Date to Closed Date within a number of seconds.
CREATE TEMP MACRO duration(in_scope, t, limit_seconds) AS
  CASE
    WHEN NOT in_scope                     THEN 'out_of_scope'
    WHEN t.no_start OR NOT t.start_ok     THEN 'invalid_without_period'
    WHEN t.created > t.as_of              THEN 'future'
    WHEN NOT t.open AND NOT t.close_ok    THEN 'invalid'
    WHEN done(t) AND t.closed < t.created THEN 'invalid'   -- closed before it was created
    -- elapsed seconds up to the close, or up to the as-of while open
    WHEN epoch(IF(done(t), t.closed, t.as_of)) - epoch(t.created) > limit_seconds THEN 'breached'
    WHEN done(t)                          THEN 'met'
    ELSE 'pending'
  END;

CREATE TEMP VIEW outcomes AS
  SELECT 'police-response-by-due-date' AS standard, deadline(agency = 'NYPD', t) AS outcome, quarter AS period_of_start
  FROM timed t WHERE source = 'service-requests'
  UNION ALL
  SELECT 'other-agencies-by-due-date', deadline(agency <> 'NYPD', t), quarter
  FROM timed t WHERE source = 'service-requests'
  UNION ALL
  SELECT 'street-light-repair', duration(agency = 'DOT' AND complaint_type = 'Street Light Condition', t, 10 * 86400), quarter
  FROM timed t WHERE source = 'service-requests'
  UNION ALL
  SELECT '${DOHMH_STANDARD}', deadline(agency = 'DOHMH', t), month
  FROM timed t WHERE source = 'dohmh-requests';

${JUDGED_VIEW}
`;

describe('examples/nyc-311 on the mixed extract, as of its making', () => {
  let json: GapsJson;
  const report = (): GapsJson => (json ??= gapsJson('nyc-311', MIXED_AS_OF));

  it('reads both extracts, in their two layouts, and check finds nothing', async () => {
    await expectRegistryReadsItsLogs('nyc-311', { 'service-requests': MIXED, 'dohmh-requests': DOHMH });
  });

  it('reports, per standard and quarter, the counts DuckDB computes from the same CSVs', async () => {
    const expected = await judgeWithDuckDb(sql(MIXED_AS_OF));
    expect(countsOf(report())).toEqual(expected.counts);
    expect(accountsOf(report())).toEqual(expected.accounts);
    const total = (standard: string, field: 'records' | 'skipped' | 'invalid' | 'breached') =>
      expected.counts.filter((c) => c.standard === standard).reduce((n, c) => n + c[field], 0);
    // the figures docs/real-data.md quotes: most requests to other agencies carry no due date
    expect(expected.counts).toHaveLength(20);
    expect(total('other-agencies-by-due-date', 'records')).toBe(653);
    expect(total('other-agencies-by-due-date', 'skipped')).toBe(513);
    expect(total('police-response-by-due-date', 'breached')).toBe(16);
    // the ten street-light requests closed before they were created
    expect(total('street-light-repair', 'invalid')).toBe(10);
  });

  it('gives the same counts if every midnight placeholder close meant the end of its day', async () => {
    // 107 Closed Dates of the mixed extract are 12:00:00 AM placeholders; none decides a verdict.
    const asWritten = await judgeWithDuckDb(sql(MIXED_AS_OF));
    const atEndOfDay = await judgeWithDuckDb(sql(MIXED_AS_OF, true));
    expect(atEndOfDay.counts).toEqual(asWritten.counts);
    expect(countsOf(report())).toEqual(atEndOfDay.counts);
  });

  it('accounts for every row of both extracts in every standard', () => {
    expect(report().sources.map((s) => [s.source, s.rows])).toEqual([
      ['dohmh-requests', 155],
      ['service-requests', 1_000],
    ]);
    expectEveryRowAccountedFor(report());
  });

  it('prints the gap report as in the golden file', async () => {
    await expect(gapsMarkdown('nyc-311', MIXED_AS_OF)).toMatchFileSnapshot('__golden__/nyc-311.gaps.md');
  });
});

describe('examples/nyc-311 on the health-department extract, as of its making', () => {
  let json: GapsJson;
  const report = (): GapsJson => (json ??= gapsJson('nyc-311', DOHMH_AS_OF, '--standard', DOHMH_STANDARD));

  it('reports the counts DuckDB computes: open requests are pending, 16 closed before created are invalid', async () => {
    const all = await judgeWithDuckDb(sql(DOHMH_AS_OF));
    const mine = <T extends { standard: string }>(rows: T[]) => rows.filter((r) => r.standard === DOHMH_STANDARD);
    expect(countsOf(report())).toEqual(mine(all.counts));
    expect(accountsOf(report())).toEqual(mine(all.accounts));
    expect(mine(all.counts)).toEqual([
      { standard: DOHMH_STANDARD, period: '2018-01', records: 154, met: 75, breached: 0, pending: 63, skipped: 0, invalid: 16 },
    ]);
  });

  it('accounts for every row of the extract', () => {
    expect(report().sources.map((s) => [s.source, s.rows, s.invalid])).toEqual([['dohmh-requests', 155, 16]]);
    expectEveryRowAccountedFor(report());
  });

  it('prints the gap report as in the golden file', async () => {
    await expect(gapsMarkdown('nyc-311', DOHMH_AS_OF, '--standard', DOHMH_STANDARD)).toMatchFileSnapshot('__golden__/nyc-311-dohmh.gaps.md');
  });
});
