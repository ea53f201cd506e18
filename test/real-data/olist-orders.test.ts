/**
 * examples/olist-orders over the Olist order sample: every count of the gap report computed a
 * second time, in SQL, by DuckDB reading the same CSV.
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
  breachesJson,
  readCsv,
  sqlString,
  type GapsJson,
} from './real-data.js';

const FILE = dataFile('olist-orders', 'olist_orders_sample_8135.csv');
/** The snapshot: just after the newest purchase (2018-10-17 17:30:18, Brasilia time). */
const AS_OF = '2018-10-17T18:00:00-03:00';

/*
 * The registry's three standards in SQL. Read it next to examples/olist-orders/standards.yaml:
 * each CASE tests what a record is, in order, and the first that holds decides.
 */
const SQL = `
-- Every cell as text, as the export wrote it; the timestamps are parsed below, format written out.
CREATE TEMP VIEW orders AS
  SELECT * FROM read_csv(${sqlString(FILE)}, header = true, delim = ',', quote = '"', escape = '"', all_varchar = true);

-- A cell's text, trimmed; DuckDB reads an empty cell as NULL, which is '' here.
CREATE TEMP MACRO txt(cell) AS coalesce(trim(cell), '');
-- Brazilian wall-clock time, 24-hour clock, no offset: 2017-07-09 21:57:05.
CREATE TEMP MACRO wall(cell) AS try_strptime(txt(cell), '%Y-%m-%d %H:%M:%S');
-- The instant that wall-clock time names in Brasilia time (America/Sao_Paulo), as SPEC §1 reads it. A time the
-- clocks skip (a daylight-saving gap) is read with the offset before the jump, so 02:30 is
-- 03:30: what DuckDB's timezone() does. A time the clocks show twice is the earlier of its two
-- instants: timezone() takes the later, so the time an hour before, read and moved on by the
-- hour, is taken when it is earlier (the zone's clocks change by one hour).
CREATE TEMP MACRO instant(t) AS least(timezone('America/Sao_Paulo', t), timezone('America/Sao_Paulo', t - INTERVAL 1 HOUR) + INTERVAL 1 HOUR);
-- Neither is a data error (SPEC §1): a cell is usable when it parses.
CREATE TEMP MACRO usable(cell) AS wall(cell) IS NOT NULL;
-- The notes the data-quality section counts: turned into an instant and back, a time in a gap
-- does not come back; a time in an overlap has two readings.
CREATE TEMP MACRO in_gap(t) AS t IS NOT NULL AND timezone('America/Sao_Paulo', instant(t)) <> t;
CREATE TEMP MACRO in_overlap(t) AS t IS NOT NULL AND timezone('America/Sao_Paulo', t) <> instant(t);

CREATE TEMP VIEW timed AS
  SELECT txt(order_status) AS status,
         txt(order_purchase_timestamp) = '' AS no_purchase, usable(order_purchase_timestamp) AS purchase_ok,
         instant(wall(order_purchase_timestamp)) AS purchased,
         strftime(wall(order_purchase_timestamp), '%Y-%m') AS purchase_month,
         CAST(year(wall(order_purchase_timestamp)) AS VARCHAR) || '-Q' || CAST(quarter(wall(order_purchase_timestamp)) AS VARCHAR) AS purchase_quarter,
         txt(order_delivered_carrier_date) = '' AS no_carrier, usable(order_delivered_carrier_date) AS carrier_ok,
         instant(wall(order_delivered_carrier_date)) AS handed_over,
         CAST(year(wall(order_delivered_carrier_date)) AS VARCHAR) || '-Q' || CAST(quarter(wall(order_delivered_carrier_date)) AS VARCHAR) AS carrier_quarter,
         txt(order_delivered_customer_date) = '' AS open, usable(order_delivered_customer_date) AS delivered_ok,
         instant(wall(order_delivered_customer_date)) AS delivered,
         txt(order_estimated_delivery_date) = '' AS no_estimate,
         -- The estimate is a date written as midnight; the customer reads it as "by the end of
         -- that day", so its time is ignored and it is due at the next local midnight.
         wall(order_estimated_delivery_date) IS NOT NULL AS estimate_ok,
         instant(CAST(wall(order_estimated_delivery_date) AS DATE) + INTERVAL 1 DAY) AS due,
         TIMESTAMPTZ '${AS_OF}' AS as_of
  FROM orders;

-- Delivered when a delivery time exists and is not after the as-of.
CREATE TEMP MACRO done(t) AS NOT t.open AND t.delivered <= t.as_of;

CREATE TEMP VIEW outcomes AS
  -- By the estimated date: delivered before the day after the estimate begins.
  SELECT 'delivered-by-estimated-date' AS standard,
         CASE
           WHEN t.status IN ('canceled', 'unavailable')  THEN 'out_of_scope'
           WHEN t.no_purchase OR NOT t.purchase_ok       THEN 'invalid_without_period'
           WHEN t.purchased > t.as_of                    THEN 'future'
           WHEN t.no_estimate                            THEN 'skipped'
           WHEN NOT t.estimate_ok                        THEN 'invalid'
           WHEN t.due < t.purchased                      THEN 'invalid'
           WHEN NOT t.open AND NOT t.delivered_ok        THEN 'invalid'
           WHEN done(t) AND t.delivered < t.purchased    THEN 'invalid'
           WHEN done(t)                                  THEN IF(t.delivered >= t.due, 'breached', 'met')
           WHEN t.as_of >= t.due                         THEN 'breached'   -- not delivered, and the day is over
           ELSE 'pending'
         END AS outcome,
         t.purchase_month AS period_of_start
  FROM timed t
  UNION ALL
  -- The carrier's leg, hand-over to delivery, within 15 days of 24 hours.
  SELECT 'carrier-transit-time',
         CASE
           WHEN t.no_carrier OR t.status = 'canceled'    THEN 'out_of_scope'
           WHEN NOT t.carrier_ok                         THEN 'invalid_without_period'
           WHEN t.handed_over > t.as_of                  THEN 'future'
           WHEN NOT t.open AND NOT t.delivered_ok        THEN 'invalid'
           WHEN done(t) AND t.delivered < t.handed_over  THEN 'invalid'     -- delivered before it shipped
           WHEN epoch(IF(done(t), t.delivered, t.as_of)) - epoch(t.handed_over) > 15 * 86400 THEN 'breached'
           WHEN done(t)                                  THEN 'met'
           ELSE 'pending'
         END,
         t.carrier_quarter
  FROM timed t
  UNION ALL
  -- In stock: an order the customer did not cancel is not "unavailable".
  SELECT 'orders-not-cancelled-for-stock',
         CASE
           WHEN t.status = 'canceled'                    THEN 'out_of_scope'
           WHEN t.no_purchase OR NOT t.purchase_ok       THEN 'invalid_without_period'
           WHEN t.purchased > t.as_of                    THEN 'future'
           WHEN t.status = ''                            THEN 'skipped'     -- nothing to judge
           WHEN t.status <> 'unavailable'                THEN 'met'
           ELSE 'breached'
         END,
         t.purchase_quarter
  FROM timed t;

${JUDGED_VIEW}
`;

describe('examples/olist-orders on the Olist order sample', () => {
  let json: GapsJson;
  const report = (): GapsJson => (json ??= gapsJson('olist-orders', AS_OF));

  it('reads its log, and check finds nothing', async () => {
    await expectRegistryReadsItsLogs('olist-orders', { orders: FILE });
  });

  it('reports, per standard and period, the counts DuckDB computes from the same CSV', async () => {
    const expected = await judgeWithDuckDb(SQL);
    expect(countsOf(report())).toEqual(expected.counts);
    expect(accountsOf(report())).toEqual(expected.accounts);
    const total = (standard: string, field: 'records' | 'met' | 'breached' | 'invalid') =>
      expected.counts.filter((c) => c.standard === standard).reduce((n, c) => n + c[field], 0);
    // the figures docs/real-data.md quotes
    expect(expected.counts).toHaveLength(40);
    expect(total('delivered-by-estimated-date', 'records')).toBe(6_901);
    expect(total('delivered-by-estimated-date', 'breached')).toBe(2_079);
    expect(total('carrier-transit-time', 'invalid')).toBe(3);
  });

  it('counts a delivery on the estimated day as on time, and one after that day as late', () => {
    // Said a second way, by calendar dates: an order is late when it was delivered on a later
    // date than the estimate. 72 orders arrived on the estimated day itself, after its
    // midnight: a rule that compared with the midnight would call them late.
    const orders = readCsv(FILE).filter((o) => !['canceled', 'unavailable'].includes(o.order_status ?? ''));
    const day = (cell: string | undefined) => (cell ?? '').slice(0, 10);
    const delivered = orders.filter((o) => (o.order_delivered_customer_date ?? '') !== '');
    const lateByDate = delivered.filter((o) => day(o.order_delivered_customer_date) > day(o.order_estimated_delivery_date)).map((o) => o.order_id ?? '');
    const onTheDay = delivered.filter((o) => day(o.order_delivered_customer_date) === day(o.order_estimated_delivery_date)).map((o) => o.order_id ?? '');
    expect([delivered.length, lateByDate.length, onTheDay.length]).toEqual([5_164, 342, 72]);

    const breaches = breachesJson('olist-orders', AS_OF, '--standard', 'delivered-by-estimated-date');
    const closed = breaches.filter((b) => !b.open).map((b) => b.record);
    expect(closed.sort()).toEqual(lateByDate.sort());
    const listed = new Set(breaches.map((b) => b.record));
    expect(onTheDay.filter((id) => listed.has(id))).toEqual([]);
  });

  it('accounts for every one of the 8,135 orders in every standard', () => {
    expect(report().sources.map((s) => [s.source, s.rows, s.invalid, s.duplicate_keys])).toEqual([['orders', 8_135, 3, 0]]);
    expectEveryRowAccountedFor(report());
  });

  it('prints the gap report as in the golden file', async () => {
    await expect(gapsMarkdown('olist-orders', AS_OF)).toMatchFileSnapshot('__golden__/olist-orders.gaps.md');
  });
});
