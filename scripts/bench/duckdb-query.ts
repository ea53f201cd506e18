/**
 * What an analyst would otherwise write: the benchmark's wall-clock standards in SQL, run by
 * DuckDB on the same CSV file. One row per standard and period with the counts `promise gaps`
 * reports, so the bench can check that both agree before it compares their times. The rules are
 * those of docs/semantics.md, written out: a reply after as_of was not there yet; an open record
 * breaches once its allowance has run out at as_of; a due date means before the next midnight
 * in Europe/Berlin; a record with nothing to judge and no date is in no period.
 */

/** The statements that load the log and judge every record, then the one that counts. */
export function benchQuery(csvPath: string, asOf: string): { setup: string; counts: string } {
  const file = csvPath.replace(/'/g, "''");
  const sql = `
SET TimeZone = 'UTC';
CREATE TEMP TABLE t AS
WITH raw AS (
  SELECT *, timezone('Europe/Berlin', opened_at) AS opened_local
  FROM read_csv('${file}', header = true, columns = {
    'ticket_id': 'VARCHAR', 'channel': 'VARCHAR', 'priority': 'VARCHAR', 'segment': 'VARCHAR',
    'opened_at': 'TIMESTAMPTZ', 'first_response_at': 'TIMESTAMPTZ', 'resolved_at': 'TIMESTAMPTZ',
    'due_at': 'DATE', 'csat': 'INTEGER', 'subject': 'VARCHAR'})
)
SELECT
  ticket_id, channel, priority, segment, opened_at, csat,
  -- an end after as_of had not happened yet at as_of
  CASE WHEN first_response_at <= TIMESTAMPTZ '${asOf}' THEN first_response_at END AS replied,
  CASE WHEN resolved_at <= TIMESTAMPTZ '${asOf}' THEN resolved_at END AS resolved,
  -- a due date alone: due before the next local midnight
  timezone('Europe/Berlin', (due_at + INTERVAL 1 DAY)::TIMESTAMP) AS due_end,
  year(opened_local) || '-Q' || quarter(opened_local) AS quarter_key,
  strftime(opened_local, '%Y-%m') AS month_key
FROM raw;

-- durations on wall-clock time: the allowance in seconds per record, and its end (or as_of)
CREATE TEMP TABLE judged AS
WITH durations AS (
  SELECT 'email-reply' AS standard, quarter_key AS period, opened_at, replied AS ended, 86400 AS limit_s FROM t WHERE channel = 'email'
  UNION ALL SELECT 'callback', month_key, opened_at, replied, 3600 FROM t WHERE channel = 'phone'
  UNION ALL SELECT 'vip-reply', quarter_key, opened_at, replied, 7200 FROM t WHERE segment = 'vip'
  UNION ALL SELECT 'resolution-wall', quarter_key, opened_at, resolved, 7 * 86400 FROM t
  UNION ALL SELECT 'resolution-two-weeks', quarter_key, opened_at, resolved, 14 * 86400 FROM t
  UNION ALL SELECT 'fix-by-priority', quarter_key, opened_at, resolved,
      CASE priority WHEN 'P1' THEN 4 * 3600 WHEN 'P2' THEN 8 * 3600 WHEN 'P3' THEN 3 * 86400 ELSE 5 * 86400 END
    FROM t WHERE channel IN ('phone', 'web')
)
SELECT standard, period,
  CASE
    WHEN epoch(coalesce(ended, TIMESTAMPTZ '${asOf}')) - epoch(opened_at) > limit_s THEN 'breached'
    WHEN ended IS NOT NULL THEN 'met'
    ELSE 'pending'
  END AS outcome
FROM durations
UNION ALL
-- the deadline: an empty due means no promise was made (skipped)
SELECT 'due-date', quarter_key,
  CASE
    WHEN due_end IS NULL THEN 'skipped'
    WHEN coalesce(resolved, TIMESTAMPTZ '${asOf}') >= due_end THEN 'breached'
    WHEN resolved IS NOT NULL THEN 'met'
    ELSE 'pending'
  END
FROM t
UNION ALL
-- the condition, dated by resolved_at: nothing to judge without a rating
SELECT 'rated-good',
  strftime(timezone('Europe/Berlin', resolved), '%Y') || '-Q' || quarter(timezone('Europe/Berlin', resolved)),
  CASE WHEN csat IS NULL THEN 'skipped' WHEN csat >= 4 THEN 'met' ELSE 'breached' END
FROM t WHERE resolved IS NOT NULL;
@@
SELECT standard, period,
  count(*) AS records,
  count(*) FILTER (WHERE outcome = 'met') AS met,
  count(*) FILTER (WHERE outcome = 'breached') AS breached,
  count(*) FILTER (WHERE outcome = 'pending') AS pending,
  count(*) FILTER (WHERE outcome = 'skipped') AS skipped
FROM judged
GROUP BY standard, period
ORDER BY standard, period;
`;
  const [setup, counts] = sql.split('@@') as [string, string];
  return { setup, counts };
}
