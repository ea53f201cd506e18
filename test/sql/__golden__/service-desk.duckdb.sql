-- promise sql --dialect duckdb: Harbour Lane Service Desk, source invoices, table invoices
-- SPEC §3's gap rows: per standard and period, records, met, breached, pending, at_risk, skipped, invalid, compliance, average and the percentiles (seconds)
-- standards: bill-correct, bill-due; as of 2026-10-01T00:00:00.000Z
-- calendars, periods and the zone's offsets are the built-in engine's, as data, for 2026-09-28 to 2026-10-02;
-- a record whose dates fall outside them is invalid with reason_code 'outside-sql-tables' (promise sql --from/--to widen them)
WITH
-- local days of Europe/Berlin, as the built-in engine reads them: midnight (day_ms), the offsets before and after the day's clock change (at_ms, local time of day), and 24:00
promise_zone AS (
  SELECT CAST("ymd" AS DOUBLE) AS "ymd", CAST("day_ms" AS DOUBLE) AS "day_ms", CAST("before_ms" AS DOUBLE) AS "before_ms", CAST("after_ms" AS DOUBLE) AS "after_ms", CAST("at_ms" AS DOUBLE) AS "at_ms", CAST("next_midnight_ms" AS DOUBLE) AS "next_midnight_ms", CAST("next_note" AS DOUBLE) AS "next_note"
    FROM (VALUES
      (20260927, 1790467200000, 7200000, 7200000, 86400000, 1790546400000, 0),
      (20260928, 1790553600000, 7200000, 7200000, 86400000, 1790632800000, 0),
      (20260929, 1790640000000, 7200000, 7200000, 86400000, 1790719200000, 0),
      (20260930, 1790726400000, 7200000, 7200000, 86400000, 1790805600000, 0),
      (20261001, 1790812800000, 7200000, 7200000, 86400000, 1790892000000, 0),
      (20261002, 1790899200000, 7200000, 7200000, 86400000, 1790978400000, 0),
      (20261003, 1790985600000, 7200000, 7200000, 86400000, 1791064800000, 0)
    ) AS t("ymd", "day_ms", "before_ms", "after_ms", "at_ms", "next_midnight_ms", "next_note")
),
-- UTC days of the calendars: open ms before each (cum_ms), its open pieces o/c, the open ms before each piece (a), the local day at its start and when the next begins
promise_calendar_days AS (
  SELECT * FROM (SELECT CAST("calendar" AS VARCHAR) AS "calendar", CAST("day" AS DOUBLE) AS "day", CAST("cum_ms" AS DOUBLE) AS "cum_ms", CAST("total_ms" AS DOUBLE) AS "total_ms", CAST("prev_open" AS DOUBLE) AS "prev_open", CAST("local_day" AS DOUBLE) AS "local_day", CAST("next_local_at" AS DOUBLE) AS "next_local_at", CAST("o1" AS DOUBLE) AS "o1", CAST("c1" AS DOUBLE) AS "c1", CAST("a1" AS DOUBLE) AS "a1"
    FROM (VALUES
      (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
    ) AS t("calendar", "day", "cum_ms", "total_ms", "prev_open", "local_day", "next_local_at", "o1", "c1", "a1")) AS empty_table WHERE 1 = 0
),
-- per calendar, local day of a start and N: the close of the N-th business day after it (0bd: the day's own close, today_close), and the open ms up to it
promise_business_days AS (
  SELECT * FROM (SELECT CAST("calendar" AS VARCHAR) AS "calendar", CAST("day" AS DOUBLE) AS "day", CAST("n" AS DOUBLE) AS "n", CAST("today_close" AS DOUBLE) AS "today_close", CAST("today_cum" AS DOUBLE) AS "today_cum", CAST("close_ms" AS DOUBLE) AS "close_ms", CAST("close_cum" AS DOUBLE) AS "close_cum"
    FROM (VALUES
      (NULL, NULL, NULL, NULL, NULL, NULL, NULL)
    ) AS t("calendar", "day", "n", "today_close", "today_cum", "close_ms", "close_cum")) AS empty_table WHERE 1 = 0
),
-- periods in Europe/Berlin, as UTC instants [start_ms, end_ms)
promise_periods AS (
  SELECT CAST("kind" AS VARCHAR) AS "kind", CAST("period" AS VARCHAR) AS "period", CAST("start_ms" AS DOUBLE) AS "start_ms", CAST("end_ms" AS DOUBLE) AS "end_ms"
    FROM (VALUES
      ('quarter', '2026-Q3', 1782856800000, 1790805600000),
      ('quarter', '2026-Q4', 1790805600000, 1798758000000)
    ) AS t("kind", "period", "start_ms", "end_ms")
),
-- the standards, numbered as the columns of `judged` are
promise_standards AS (
  SELECT CAST("i" AS DOUBLE) AS "i", CAST("standard" AS VARCHAR) AS "standard", CAST("kind" AS VARCHAR) AS "kind", CAST("target" AS DOUBLE) AS "target"
    FROM (VALUES
      (1, 'bill-correct', 'condition', 0.98),
      (2, 'bill-due', 'deadline', 0.9)
    ) AS t("i", "standard", "kind", "target")
),
-- the rows of source invoices: every cell as text, trimmed
log AS (
  SELECT
    'invoices' AS file_name,
    CAST(NULL AS DOUBLE) AS line_no,
    CAST(NULL AS DOUBLE) AS row_no,
    CAST(NULL AS VARCHAR) AS row_problem,
    CASE WHEN regexp_matches(COALESCE(CAST("invoice" AS VARCHAR), ''), ('^[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿]|[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿]$')) THEN trim(COALESCE(CAST("invoice" AS VARCHAR), ''), (chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿')) ELSE COALESCE(CAST("invoice" AS VARCHAR), '') END AS k,
    CASE WHEN regexp_matches(COALESCE(CAST("invoice" AS VARCHAR), ''), ('^[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿]|[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿]$')) THEN trim(COALESCE(CAST("invoice" AS VARCHAR), ''), (chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿')) ELSE COALESCE(CAST("invoice" AS VARCHAR), '') END AS x1,
    CASE WHEN regexp_matches(COALESCE(CAST("issued" AS VARCHAR), ''), ('^[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿]|[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿]$')) THEN trim(COALESCE(CAST("issued" AS VARCHAR), ''), (chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿')) ELSE COALESCE(CAST("issued" AS VARCHAR), '') END AS x2,
    CASE WHEN regexp_matches(COALESCE(CAST("corrected" AS VARCHAR), ''), ('^[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿]|[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿]$')) THEN trim(COALESCE(CAST("corrected" AS VARCHAR), ''), (chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿')) ELSE COALESCE(CAST("corrected" AS VARCHAR), '') END AS x3,
    CASE WHEN regexp_matches(COALESCE(CAST("promised" AS VARCHAR), ''), ('^[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿]|[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿]$')) THEN trim(COALESCE(CAST("promised" AS VARCHAR), ''), (chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿')) ELSE COALESCE(CAST("promised" AS VARCHAR), '') END AS x4,
    CASE WHEN regexp_matches(COALESCE(CAST("sent" AS VARCHAR), ''), ('^[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿]|[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿]$')) THEN trim(COALESCE(CAST("sent" AS VARCHAR), ''), (chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿')) ELSE COALESCE(CAST("sent" AS VARCHAR), '') END AS x5
  FROM "invoices"
),
step1 AS (
  SELECT
    p.*,
    regexp_extract(x2, '^([0-9]{2})[.]([0-9]{2})[.]([0-9]{4})[ ]([0-9]{2})[:]([0-9]{2})$', ['g1', 'g2', 'g3', 'g4', 'g5']) AS x2_g1,
    regexp_extract(x2, '^([0-9]{2})[.]([0-9]{2})[.]([0-9]{4})$', ['g1', 'g2', 'g3']) AS x2_g2,
    regexp_extract(x2, '^([0-9]{1,2})[.]([0-9]{1,2})[.]([0-9]{1,4})[ ]([0-9]{1,2})[:]([0-9]{1,2})$', ['g1', 'g2', 'g3', 'g4', 'g5']) AS x2_g3,
    regexp_extract(x2, '^([0-9]{1,2})[.]([0-9]{1,2})[.]([0-9]{1,4})$', ['g1', 'g2', 'g3']) AS x2_g4,
    CASE WHEN x3 = 'no' THEN 1 ELSE 0 END AS s1_e_t1,
    regexp_extract(x4, '^([0-9]{2})[.]([0-9]{2})[.]([0-9]{4})[ ]([0-9]{2})[:]([0-9]{2})$', ['g1', 'g2', 'g3', 'g4', 'g5']) AS x4_g1,
    regexp_extract(x4, '^([0-9]{2})[.]([0-9]{2})[.]([0-9]{4})$', ['g1', 'g2', 'g3']) AS x4_g2,
    regexp_extract(x4, '^([0-9]{1,2})[.]([0-9]{1,2})[.]([0-9]{1,4})[ ]([0-9]{1,2})[:]([0-9]{1,2})$', ['g1', 'g2', 'g3', 'g4', 'g5']) AS x4_g3,
    regexp_extract(x4, '^([0-9]{1,2})[.]([0-9]{1,2})[.]([0-9]{1,4})$', ['g1', 'g2', 'g3']) AS x4_g4,
    regexp_extract(x5, '^([0-9]{2})[.]([0-9]{2})[.]([0-9]{4})[ ]([0-9]{2})[:]([0-9]{2})$', ['g1', 'g2', 'g3', 'g4', 'g5']) AS x5_g1,
    regexp_extract(x5, '^([0-9]{2})[.]([0-9]{2})[.]([0-9]{4})$', ['g1', 'g2', 'g3']) AS x5_g2,
    regexp_extract(x5, '^([0-9]{1,2})[.]([0-9]{1,2})[.]([0-9]{1,4})[ ]([0-9]{1,2})[:]([0-9]{1,2})$', ['g1', 'g2', 'g3', 'g4', 'g5']) AS x5_g3,
    regexp_extract(x5, '^([0-9]{1,2})[.]([0-9]{1,2})[.]([0-9]{1,4})$', ['g1', 'g2', 'g3']) AS x5_g4
  FROM log AS p
),
step2 AS (
  SELECT
    p.*,
    CASE WHEN ((COALESCE(struct_extract(x2_g1, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x2_g1, 'g4'), ''), '') AS DOUBLE) <= 23) THEN CAST(NULLIF(COALESCE(struct_extract(x2_g1, 'g3'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x2_g2, 'g1'), '') <> '')) THEN CAST(NULLIF(COALESCE(struct_extract(x2_g2, 'g3'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x2_g3, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g4'), ''), '') AS DOUBLE) <= 23 AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g5'), ''), '') AS DOUBLE) <= 59) THEN CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x2_g4, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END) THEN CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) END AS x2_y,
    CASE WHEN ((COALESCE(struct_extract(x2_g1, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x2_g1, 'g4'), ''), '') AS DOUBLE) <= 23) THEN CAST(NULLIF(COALESCE(struct_extract(x2_g1, 'g2'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x2_g2, 'g1'), '') <> '')) THEN CAST(NULLIF(COALESCE(struct_extract(x2_g2, 'g2'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x2_g3, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g4'), ''), '') AS DOUBLE) <= 23 AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g5'), ''), '') AS DOUBLE) <= 59) THEN CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g2'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x2_g4, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END) THEN CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g2'), ''), '') AS DOUBLE) END AS x2_mo,
    CASE WHEN ((COALESCE(struct_extract(x2_g1, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x2_g1, 'g4'), ''), '') AS DOUBLE) <= 23) THEN CAST(NULLIF(COALESCE(struct_extract(x2_g1, 'g1'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x2_g2, 'g1'), '') <> '')) THEN CAST(NULLIF(COALESCE(struct_extract(x2_g2, 'g1'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x2_g3, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g4'), ''), '') AS DOUBLE) <= 23 AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g5'), ''), '') AS DOUBLE) <= 59) THEN CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g1'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x2_g4, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END) THEN CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g1'), ''), '') AS DOUBLE) END AS x2_d,
    CASE WHEN ((COALESCE(struct_extract(x2_g1, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x2_g1, 'g4'), ''), '') AS DOUBLE) <= 23) THEN CAST(NULLIF(COALESCE(struct_extract(x2_g1, 'g4'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x2_g2, 'g1'), '') <> '')) THEN 0 WHEN ((COALESCE(struct_extract(x2_g3, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g4'), ''), '') AS DOUBLE) <= 23 AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g5'), ''), '') AS DOUBLE) <= 59) THEN CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g4'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x2_g4, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END) THEN 0 END AS x2_h,
    CASE WHEN ((COALESCE(struct_extract(x2_g1, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x2_g1, 'g4'), ''), '') AS DOUBLE) <= 23) THEN CAST(NULLIF(COALESCE(struct_extract(x2_g1, 'g5'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x2_g2, 'g1'), '') <> '')) THEN 0 WHEN ((COALESCE(struct_extract(x2_g3, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g4'), ''), '') AS DOUBLE) <= 23 AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g5'), ''), '') AS DOUBLE) <= 59) THEN CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g5'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x2_g4, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END) THEN 0 END AS x2_mi,
    CASE WHEN ((COALESCE(struct_extract(x2_g1, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x2_g1, 'g4'), ''), '') AS DOUBLE) <= 23) THEN 0 WHEN ((COALESCE(struct_extract(x2_g2, 'g1'), '') <> '')) THEN 0 WHEN ((COALESCE(struct_extract(x2_g3, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g4'), ''), '') AS DOUBLE) <= 23 AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g5'), ''), '') AS DOUBLE) <= 59) THEN 0 WHEN ((COALESCE(struct_extract(x2_g4, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END) THEN 0 END AS x2_s,
    CASE WHEN ((COALESCE(struct_extract(x2_g1, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x2_g1, 'g4'), ''), '') AS DOUBLE) <= 23) THEN 0 WHEN ((COALESCE(struct_extract(x2_g2, 'g1'), '') <> '')) THEN 0 WHEN ((COALESCE(struct_extract(x2_g3, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g4'), ''), '') AS DOUBLE) <= 23 AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g5'), ''), '') AS DOUBLE) <= 59) THEN 0 WHEN ((COALESCE(struct_extract(x2_g4, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END) THEN 0 END AS x2_f,
    NULL AS x2_off,
    CASE WHEN ((COALESCE(struct_extract(x2_g1, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x2_g1, 'g4'), ''), '') AS DOUBLE) <= 23) THEN FALSE WHEN ((COALESCE(struct_extract(x2_g2, 'g1'), '') <> '')) THEN TRUE WHEN ((COALESCE(struct_extract(x2_g3, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g4'), ''), '') AS DOUBLE) <= 23 AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g5'), ''), '') AS DOUBLE) <= 59) THEN FALSE WHEN ((COALESCE(struct_extract(x2_g4, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END) THEN TRUE END AS x2_do,
    (((COALESCE(struct_extract(x2_g1, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x2_g1, 'g4'), ''), '') AS DOUBLE) <= 23) OR ((COALESCE(struct_extract(x2_g2, 'g1'), '') <> '')) OR ((COALESCE(struct_extract(x2_g3, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g4'), ''), '') AS DOUBLE) <= 23 AND CAST(NULLIF(COALESCE(struct_extract(x2_g3, 'g5'), ''), '') AS DOUBLE) <= 59) OR ((COALESCE(struct_extract(x2_g4, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x2_g4, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END)) AS x2_found,
    CASE WHEN ((COALESCE(struct_extract(x4_g1, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x4_g1, 'g4'), ''), '') AS DOUBLE) <= 23) THEN CAST(NULLIF(COALESCE(struct_extract(x4_g1, 'g3'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x4_g2, 'g1'), '') <> '')) THEN CAST(NULLIF(COALESCE(struct_extract(x4_g2, 'g3'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x4_g3, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g4'), ''), '') AS DOUBLE) <= 23 AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g5'), ''), '') AS DOUBLE) <= 59) THEN CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x4_g4, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END) THEN CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) END AS x4_y,
    CASE WHEN ((COALESCE(struct_extract(x4_g1, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x4_g1, 'g4'), ''), '') AS DOUBLE) <= 23) THEN CAST(NULLIF(COALESCE(struct_extract(x4_g1, 'g2'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x4_g2, 'g1'), '') <> '')) THEN CAST(NULLIF(COALESCE(struct_extract(x4_g2, 'g2'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x4_g3, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g4'), ''), '') AS DOUBLE) <= 23 AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g5'), ''), '') AS DOUBLE) <= 59) THEN CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g2'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x4_g4, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END) THEN CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g2'), ''), '') AS DOUBLE) END AS x4_mo,
    CASE WHEN ((COALESCE(struct_extract(x4_g1, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x4_g1, 'g4'), ''), '') AS DOUBLE) <= 23) THEN CAST(NULLIF(COALESCE(struct_extract(x4_g1, 'g1'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x4_g2, 'g1'), '') <> '')) THEN CAST(NULLIF(COALESCE(struct_extract(x4_g2, 'g1'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x4_g3, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g4'), ''), '') AS DOUBLE) <= 23 AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g5'), ''), '') AS DOUBLE) <= 59) THEN CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g1'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x4_g4, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END) THEN CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g1'), ''), '') AS DOUBLE) END AS x4_d,
    CASE WHEN ((COALESCE(struct_extract(x4_g1, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x4_g1, 'g4'), ''), '') AS DOUBLE) <= 23) THEN CAST(NULLIF(COALESCE(struct_extract(x4_g1, 'g4'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x4_g2, 'g1'), '') <> '')) THEN 0 WHEN ((COALESCE(struct_extract(x4_g3, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g4'), ''), '') AS DOUBLE) <= 23 AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g5'), ''), '') AS DOUBLE) <= 59) THEN CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g4'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x4_g4, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END) THEN 0 END AS x4_h,
    CASE WHEN ((COALESCE(struct_extract(x4_g1, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x4_g1, 'g4'), ''), '') AS DOUBLE) <= 23) THEN CAST(NULLIF(COALESCE(struct_extract(x4_g1, 'g5'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x4_g2, 'g1'), '') <> '')) THEN 0 WHEN ((COALESCE(struct_extract(x4_g3, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g4'), ''), '') AS DOUBLE) <= 23 AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g5'), ''), '') AS DOUBLE) <= 59) THEN CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g5'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x4_g4, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END) THEN 0 END AS x4_mi,
    CASE WHEN ((COALESCE(struct_extract(x4_g1, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x4_g1, 'g4'), ''), '') AS DOUBLE) <= 23) THEN 0 WHEN ((COALESCE(struct_extract(x4_g2, 'g1'), '') <> '')) THEN 0 WHEN ((COALESCE(struct_extract(x4_g3, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g4'), ''), '') AS DOUBLE) <= 23 AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g5'), ''), '') AS DOUBLE) <= 59) THEN 0 WHEN ((COALESCE(struct_extract(x4_g4, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END) THEN 0 END AS x4_s,
    CASE WHEN ((COALESCE(struct_extract(x4_g1, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x4_g1, 'g4'), ''), '') AS DOUBLE) <= 23) THEN 0 WHEN ((COALESCE(struct_extract(x4_g2, 'g1'), '') <> '')) THEN 0 WHEN ((COALESCE(struct_extract(x4_g3, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g4'), ''), '') AS DOUBLE) <= 23 AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g5'), ''), '') AS DOUBLE) <= 59) THEN 0 WHEN ((COALESCE(struct_extract(x4_g4, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END) THEN 0 END AS x4_f,
    NULL AS x4_off,
    CASE WHEN ((COALESCE(struct_extract(x4_g1, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x4_g1, 'g4'), ''), '') AS DOUBLE) <= 23) THEN FALSE WHEN ((COALESCE(struct_extract(x4_g2, 'g1'), '') <> '')) THEN TRUE WHEN ((COALESCE(struct_extract(x4_g3, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g4'), ''), '') AS DOUBLE) <= 23 AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g5'), ''), '') AS DOUBLE) <= 59) THEN FALSE WHEN ((COALESCE(struct_extract(x4_g4, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END) THEN TRUE END AS x4_do,
    (((COALESCE(struct_extract(x4_g1, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x4_g1, 'g4'), ''), '') AS DOUBLE) <= 23) OR ((COALESCE(struct_extract(x4_g2, 'g1'), '') <> '')) OR ((COALESCE(struct_extract(x4_g3, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g4'), ''), '') AS DOUBLE) <= 23 AND CAST(NULLIF(COALESCE(struct_extract(x4_g3, 'g5'), ''), '') AS DOUBLE) <= 59) OR ((COALESCE(struct_extract(x4_g4, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x4_g4, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END)) AS x4_found,
    CASE WHEN ((COALESCE(struct_extract(x5_g1, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x5_g1, 'g4'), ''), '') AS DOUBLE) <= 23) THEN CAST(NULLIF(COALESCE(struct_extract(x5_g1, 'g3'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x5_g2, 'g1'), '') <> '')) THEN CAST(NULLIF(COALESCE(struct_extract(x5_g2, 'g3'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x5_g3, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g4'), ''), '') AS DOUBLE) <= 23 AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g5'), ''), '') AS DOUBLE) <= 59) THEN CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x5_g4, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END) THEN CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) END AS x5_y,
    CASE WHEN ((COALESCE(struct_extract(x5_g1, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x5_g1, 'g4'), ''), '') AS DOUBLE) <= 23) THEN CAST(NULLIF(COALESCE(struct_extract(x5_g1, 'g2'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x5_g2, 'g1'), '') <> '')) THEN CAST(NULLIF(COALESCE(struct_extract(x5_g2, 'g2'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x5_g3, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g4'), ''), '') AS DOUBLE) <= 23 AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g5'), ''), '') AS DOUBLE) <= 59) THEN CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g2'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x5_g4, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END) THEN CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g2'), ''), '') AS DOUBLE) END AS x5_mo,
    CASE WHEN ((COALESCE(struct_extract(x5_g1, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x5_g1, 'g4'), ''), '') AS DOUBLE) <= 23) THEN CAST(NULLIF(COALESCE(struct_extract(x5_g1, 'g1'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x5_g2, 'g1'), '') <> '')) THEN CAST(NULLIF(COALESCE(struct_extract(x5_g2, 'g1'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x5_g3, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g4'), ''), '') AS DOUBLE) <= 23 AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g5'), ''), '') AS DOUBLE) <= 59) THEN CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g1'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x5_g4, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END) THEN CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g1'), ''), '') AS DOUBLE) END AS x5_d,
    CASE WHEN ((COALESCE(struct_extract(x5_g1, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x5_g1, 'g4'), ''), '') AS DOUBLE) <= 23) THEN CAST(NULLIF(COALESCE(struct_extract(x5_g1, 'g4'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x5_g2, 'g1'), '') <> '')) THEN 0 WHEN ((COALESCE(struct_extract(x5_g3, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g4'), ''), '') AS DOUBLE) <= 23 AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g5'), ''), '') AS DOUBLE) <= 59) THEN CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g4'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x5_g4, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END) THEN 0 END AS x5_h,
    CASE WHEN ((COALESCE(struct_extract(x5_g1, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x5_g1, 'g4'), ''), '') AS DOUBLE) <= 23) THEN CAST(NULLIF(COALESCE(struct_extract(x5_g1, 'g5'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x5_g2, 'g1'), '') <> '')) THEN 0 WHEN ((COALESCE(struct_extract(x5_g3, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g4'), ''), '') AS DOUBLE) <= 23 AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g5'), ''), '') AS DOUBLE) <= 59) THEN CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g5'), ''), '') AS DOUBLE) WHEN ((COALESCE(struct_extract(x5_g4, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END) THEN 0 END AS x5_mi,
    CASE WHEN ((COALESCE(struct_extract(x5_g1, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x5_g1, 'g4'), ''), '') AS DOUBLE) <= 23) THEN 0 WHEN ((COALESCE(struct_extract(x5_g2, 'g1'), '') <> '')) THEN 0 WHEN ((COALESCE(struct_extract(x5_g3, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g4'), ''), '') AS DOUBLE) <= 23 AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g5'), ''), '') AS DOUBLE) <= 59) THEN 0 WHEN ((COALESCE(struct_extract(x5_g4, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END) THEN 0 END AS x5_s,
    CASE WHEN ((COALESCE(struct_extract(x5_g1, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x5_g1, 'g4'), ''), '') AS DOUBLE) <= 23) THEN 0 WHEN ((COALESCE(struct_extract(x5_g2, 'g1'), '') <> '')) THEN 0 WHEN ((COALESCE(struct_extract(x5_g3, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g4'), ''), '') AS DOUBLE) <= 23 AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g5'), ''), '') AS DOUBLE) <= 59) THEN 0 WHEN ((COALESCE(struct_extract(x5_g4, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END) THEN 0 END AS x5_f,
    NULL AS x5_off,
    CASE WHEN ((COALESCE(struct_extract(x5_g1, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x5_g1, 'g4'), ''), '') AS DOUBLE) <= 23) THEN FALSE WHEN ((COALESCE(struct_extract(x5_g2, 'g1'), '') <> '')) THEN TRUE WHEN ((COALESCE(struct_extract(x5_g3, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g4'), ''), '') AS DOUBLE) <= 23 AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g5'), ''), '') AS DOUBLE) <= 59) THEN FALSE WHEN ((COALESCE(struct_extract(x5_g4, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END) THEN TRUE END AS x5_do,
    (((COALESCE(struct_extract(x5_g1, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x5_g1, 'g4'), ''), '') AS DOUBLE) <= 23) OR ((COALESCE(struct_extract(x5_g2, 'g1'), '') <> '')) OR ((COALESCE(struct_extract(x5_g3, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g4'), ''), '') AS DOUBLE) <= 23 AND CAST(NULLIF(COALESCE(struct_extract(x5_g3, 'g5'), ''), '') AS DOUBLE) <= 59) OR ((COALESCE(struct_extract(x5_g4, 'g1'), '') <> '') AND CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) > 0 AND CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g2'), ''), '') AS DOUBLE) BETWEEN 1 AND 12 AND CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g1'), ''), '') AS DOUBLE) BETWEEN 1 AND CASE WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g2'), ''), '') AS DOUBLE) = 2 THEN CASE WHEN (CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) % 4) = 0 AND ((CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) % 100) <> 0 OR (CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g3'), ''), '') AS DOUBLE) % 400) = 0) THEN 29 ELSE 28 END WHEN CAST(NULLIF(COALESCE(struct_extract(x5_g4, 'g2'), ''), '') AS DOUBLE) IN (4, 6, 9, 11) THEN 30 ELSE 31 END)) AS x5_found
  FROM step1 AS p
),
step3 AS (
  SELECT
    p.*,
    CASE WHEN x2 = '' THEN 0 WHEN NOT COALESCE(x2_found, FALSE) THEN 3 WHEN NOT (x2_y >= 1000 AND x2_mo BETWEEN 1 AND 12 AND x2_d >= 1 AND x2_d <= CASE WHEN x2_mo = 2 THEN CASE WHEN (x2_y % 4) = 0 AND ((x2_y % 100) <> 0 OR (x2_y % 400) = 0) THEN 29 ELSE 28 END WHEN x2_mo IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND x2_h <= 24 AND x2_mi <= 59 AND x2_s <= 59 AND NOT (x2_h = 24 AND (x2_mi > 0 OR x2_s > 0 OR x2_f > 0))) THEN 4 WHEN x2_do THEN 2 ELSE 1 END AS x2_read,
    x2_h * 3600000 + x2_mi * 60000 + x2_s * 1000 + x2_f AS x2_wall,
    CASE WHEN x4 = '' THEN 0 WHEN NOT COALESCE(x4_found, FALSE) THEN 3 WHEN NOT (x4_y >= 1000 AND x4_mo BETWEEN 1 AND 12 AND x4_d >= 1 AND x4_d <= CASE WHEN x4_mo = 2 THEN CASE WHEN (x4_y % 4) = 0 AND ((x4_y % 100) <> 0 OR (x4_y % 400) = 0) THEN 29 ELSE 28 END WHEN x4_mo IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND x4_h <= 24 AND x4_mi <= 59 AND x4_s <= 59 AND NOT (x4_h = 24 AND (x4_mi > 0 OR x4_s > 0 OR x4_f > 0))) THEN 4 WHEN x4_do THEN 2 ELSE 1 END AS x4_read,
    x4_h * 3600000 + x4_mi * 60000 + x4_s * 1000 + x4_f AS x4_wall,
    CASE WHEN x5 = '' THEN 0 WHEN NOT COALESCE(x5_found, FALSE) THEN 3 WHEN NOT (x5_y >= 1000 AND x5_mo BETWEEN 1 AND 12 AND x5_d >= 1 AND x5_d <= CASE WHEN x5_mo = 2 THEN CASE WHEN (x5_y % 4) = 0 AND ((x5_y % 100) <> 0 OR (x5_y % 400) = 0) THEN 29 ELSE 28 END WHEN x5_mo IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND x5_h <= 24 AND x5_mi <= 59 AND x5_s <= 59 AND NOT (x5_h = 24 AND (x5_mi > 0 OR x5_s > 0 OR x5_f > 0))) THEN 4 WHEN x5_do THEN 2 ELSE 1 END AS x5_read,
    x5_h * 3600000 + x5_mi * 60000 + x5_s * 1000 + x5_f AS x5_wall
  FROM step2 AS p
),
step4 AS (
  SELECT
    p.*,
    CASE WHEN x2_read IN (1, 2) THEN x2_y * 10000 + x2_mo * 100 + x2_d END AS x2_ymd,
    CASE WHEN x4_read IN (1, 2) THEN x4_y * 10000 + x4_mo * 100 + x4_d END AS x4_ymd,
    CASE WHEN x5_read IN (1, 2) THEN x5_y * 10000 + x5_mo * 100 + x5_d END AS x5_ymd
  FROM step3 AS p
),
step5 AS (
  SELECT
    p.*,
    z2.ymd AS z2_ymd,
    z2.day_ms AS z2_day_ms,
    z2.before_ms AS z2_before_ms,
    z2.after_ms AS z2_after_ms,
    z2.at_ms AS z2_at_ms,
    z2.next_midnight_ms AS z2_next_midnight_ms,
    z2.next_note AS z2_next_note,
    z4.ymd AS z4_ymd,
    z4.day_ms AS z4_day_ms,
    z4.before_ms AS z4_before_ms,
    z4.after_ms AS z4_after_ms,
    z4.at_ms AS z4_at_ms,
    z4.next_midnight_ms AS z4_next_midnight_ms,
    z4.next_note AS z4_next_note,
    z5.ymd AS z5_ymd,
    z5.day_ms AS z5_day_ms,
    z5.before_ms AS z5_before_ms,
    z5.after_ms AS z5_after_ms,
    z5.at_ms AS z5_at_ms,
    z5.next_midnight_ms AS z5_next_midnight_ms,
    z5.next_note AS z5_next_note
  FROM step4 AS p
  LEFT JOIN promise_zone AS z2 ON z2.ymd = x2_ymd
  LEFT JOIN promise_zone AS z4 ON z4.ymd = x4_ymd
  LEFT JOIN promise_zone AS z5 ON z5.ymd = x5_ymd
),
step6 AS (
  SELECT
    p.*,
    CASE WHEN x2_read IN (1, 2) AND z2_ymd IS NULL THEN 5 ELSE x2_read END AS x2_st,
    CASE WHEN x2_read = 0 THEN 0 WHEN x2_read IN (3, 4) THEN 3 WHEN z2_ymd IS NULL THEN 5 ELSE 1 END AS x2_eods,
    CASE WHEN x4_read IN (1, 2) AND z4_ymd IS NULL THEN 5 ELSE x4_read END AS x4_st,
    CASE WHEN x4_read = 0 THEN 0 WHEN x4_read IN (3, 4) THEN 3 WHEN z4_ymd IS NULL THEN 5 ELSE 1 END AS x4_eods,
    CASE WHEN x5_read IN (1, 2) AND z5_ymd IS NULL THEN 5 ELSE x5_read END AS x5_st,
    CASE WHEN x5_read = 0 THEN 0 WHEN x5_read IN (3, 4) THEN 3 WHEN z5_ymd IS NULL THEN 5 ELSE 1 END AS x5_eods
  FROM step5 AS p
),
step7 AS (
  SELECT
    p.*,
    CASE WHEN x2_st IN (1, 2) THEN CASE WHEN x2_off IS NOT NULL THEN z2_day_ms + x2_wall - x2_off * 60000 WHEN x2_h = 24 THEN z2_next_midnight_ms WHEN x2_wall < z2_at_ms THEN z2_day_ms + x2_wall - z2_before_ms WHEN x2_wall < z2_at_ms + z2_after_ms - z2_before_ms THEN z2_day_ms + x2_wall - z2_before_ms ELSE z2_day_ms + x2_wall - z2_after_ms END END AS x2_ms, -- SPEC §1: an offset written, else the source zone read as ZoneClock reads it
    CASE WHEN x2_st = 1 AND x2_off IS NULL THEN CASE WHEN x2_h = 24 THEN z2_next_note WHEN x2_wall < z2_at_ms THEN CASE WHEN z2_after_ms < z2_before_ms AND x2_wall >= z2_at_ms - (z2_before_ms - z2_after_ms) THEN 2 ELSE 0 END WHEN x2_wall < z2_at_ms + z2_after_ms - z2_before_ms THEN 1 ELSE 0 END ELSE 0 END AS x2_dst, -- 1: a time the clocks skip, 2: one they show twice
    CASE WHEN x2_eods = 1 THEN z2_next_midnight_ms END AS x2_eod,
    CASE WHEN x4_st IN (1, 2) THEN CASE WHEN x4_off IS NOT NULL THEN z4_day_ms + x4_wall - x4_off * 60000 WHEN x4_h = 24 THEN z4_next_midnight_ms WHEN x4_wall < z4_at_ms THEN z4_day_ms + x4_wall - z4_before_ms WHEN x4_wall < z4_at_ms + z4_after_ms - z4_before_ms THEN z4_day_ms + x4_wall - z4_before_ms ELSE z4_day_ms + x4_wall - z4_after_ms END END AS x4_ms, -- SPEC §1: an offset written, else the source zone read as ZoneClock reads it
    CASE WHEN x4_st = 1 AND x4_off IS NULL THEN CASE WHEN x4_h = 24 THEN z4_next_note WHEN x4_wall < z4_at_ms THEN CASE WHEN z4_after_ms < z4_before_ms AND x4_wall >= z4_at_ms - (z4_before_ms - z4_after_ms) THEN 2 ELSE 0 END WHEN x4_wall < z4_at_ms + z4_after_ms - z4_before_ms THEN 1 ELSE 0 END ELSE 0 END AS x4_dst, -- 1: a time the clocks skip, 2: one they show twice
    CASE WHEN x4_eods = 1 THEN z4_next_midnight_ms END AS x4_eod,
    CASE WHEN x5_st IN (1, 2) THEN CASE WHEN x5_off IS NOT NULL THEN z5_day_ms + x5_wall - x5_off * 60000 WHEN x5_h = 24 THEN z5_next_midnight_ms WHEN x5_wall < z5_at_ms THEN z5_day_ms + x5_wall - z5_before_ms WHEN x5_wall < z5_at_ms + z5_after_ms - z5_before_ms THEN z5_day_ms + x5_wall - z5_before_ms ELSE z5_day_ms + x5_wall - z5_after_ms END END AS x5_ms, -- SPEC §1: an offset written, else the source zone read as ZoneClock reads it
    CASE WHEN x5_st = 1 AND x5_off IS NULL THEN CASE WHEN x5_h = 24 THEN z5_next_note WHEN x5_wall < z5_at_ms THEN CASE WHEN z5_after_ms < z5_before_ms AND x5_wall >= z5_at_ms - (z5_before_ms - z5_after_ms) THEN 2 ELSE 0 END WHEN x5_wall < z5_at_ms + z5_after_ms - z5_before_ms THEN 1 ELSE 0 END ELSE 0 END AS x5_dst, -- 1: a time the clocks skip, 2: one they show twice
    CASE WHEN x5_eods = 1 THEN z5_next_midnight_ms END AS x5_eod
  FROM step6 AS p
),
step8 AS (
  SELECT
    p.*,
    q1.period AS q1_period,
    q1.start_ms AS q1_start_ms,
    q1.end_ms AS q1_end_ms,
    CASE WHEN TRUE THEN x4_eod ELSE x4_ms END + 0 AS s2_due, -- promised
    (x5_st IN (1, 2) AND x5_ms <= CAST(1790812800000 AS DOUBLE)) AS s2_done
  FROM step7 AS p
  LEFT JOIN promise_periods AS q1 ON q1.kind = 'quarter' AND x2_ms >= q1.start_ms AND x2_ms < q1.end_ms
),
step9 AS (
  SELECT
    p.*,
    CASE
      WHEN row_problem IS NOT NULL THEN 0
      WHEN x2_st NOT IN (1, 2) AND (x3 = '') THEN 2
      WHEN x2_st NOT IN (1, 2) THEN 3
      WHEN x2_ms > CAST(1790812800000 AS DOUBLE) THEN 4
      WHEN q1_period IS NULL THEN 3
      ELSE 5
    END AS s1_d, -- standard bill-correct: 0 unreadable, 1 outOfScope, 2 skipped, 3 invalid, 4 future, 5 judged
    CASE
      WHEN row_problem IS NOT NULL THEN 0
      WHEN x2_st NOT IN (1, 2) AND (x4 = '') THEN 2
      WHEN x2_st NOT IN (1, 2) THEN 3
      WHEN x2_ms > CAST(1790812800000 AS DOUBLE) THEN 4
      WHEN q1_period IS NULL THEN 3
      ELSE 5
    END AS s2_d, -- standard bill-due: 0 unreadable, 1 outOfScope, 2 skipped, 3 invalid, 4 future, 5 judged
    CASE WHEN s2_done THEN x5_ms ELSE CAST(1790812800000 AS DOUBLE) END AS s2_stop
  FROM step8 AS p
),
step10 AS (
  SELECT
    p.*,
    CASE WHEN s1_d = 3 THEN CASE WHEN x2_st = 0 THEN 1 WHEN x2_st = 3 THEN 2 WHEN x2_st = 4 THEN 3 WHEN x2_st = 5 THEN 4 WHEN x2_st = 6 THEN 5 WHEN q1_period IS NULL THEN 6 END END AS s1_dr,
    CASE WHEN s1_d <> 5 THEN NULL WHEN (x3 = '') THEN 5 WHEN s1_e_t1 < 0 THEN 6 WHEN s1_e_t1 = 1 THEN 1 ELSE 2 END AS s1_o, -- standard bill-correct: 1 met, 2 breached, 3 pending, 4 at_risk, 5 skipped, 6 invalid
    CASE WHEN s2_d = 3 THEN CASE WHEN x2_st = 0 THEN 7 WHEN x2_st = 3 THEN 8 WHEN x2_st = 4 THEN 9 WHEN x2_st = 5 THEN 10 WHEN x2_st = 6 THEN 11 WHEN q1_period IS NULL THEN 12 END END AS s2_dr,
    CASE WHEN s2_d <> 5 THEN NULL WHEN x4 = '' THEN 5 WHEN FALSE THEN 6 WHEN (TRUE AND x4_eod IS NULL) THEN 6 WHEN s2_due < x2_ms THEN 6 WHEN x5_st IN (3, 4, 5, 6) THEN 6 WHEN s2_done AND x5_ms < x2_ms THEN 6 WHEN CASE WHEN TRUE THEN s2_stop >= s2_due ELSE s2_stop > s2_due END THEN 2 WHEN s2_done THEN 1 WHEN FALSE THEN 4 ELSE 3 END AS s2_o -- standard bill-due: 1 met, 2 breached, 3 pending, 4 at_risk, 5 skipped, 6 invalid
  FROM step9 AS p
),
judged AS (
  SELECT
    p.*,
    CASE WHEN s1_o = 6 THEN -s1_e_t1 END AS s1_r,
    CASE WHEN s2_o = 6 THEN CASE WHEN (TRUE AND x4_eod IS NULL) THEN CASE WHEN x4_eods = 5 THEN 18 WHEN x4_eods = 6 THEN 19 ELSE 17 END WHEN s2_due < x2_ms THEN 24 WHEN x5_st = 3 THEN 20 WHEN x5_st = 4 THEN 21 WHEN x5_st = 5 THEN 22 WHEN x5_st = 6 THEN 23 ELSE 25 END END AS s2_r
  FROM step10 AS p
),
-- each row once per standard: what was decided, and the figures
outcomes AS (
  SELECT
    u.standard,
    u.kind,
    u.target,
    j.row_no,
    CASE u.i WHEN 1 THEN s1_d WHEN 2 THEN s2_d END AS disposition,
    CASE u.i WHEN 1 THEN s1_o WHEN 2 THEN s2_o END AS outcome,
    CASE u.i WHEN 1 THEN q1_period WHEN 2 THEN q1_period END AS period,
    CASE u.i WHEN 1 THEN q1_start_ms WHEN 2 THEN q1_start_ms END AS period_start_ms,
    CASE u.i WHEN 1 THEN q1_end_ms WHEN 2 THEN q1_end_ms END AS period_end_ms,
    CAST(NULL AS DOUBLE) AS elapsed_ms,
    CAST(NULL AS DOUBLE) AS value
  FROM judged AS j
  CROSS JOIN promise_standards AS u
),
-- SPEC §2: elapsed time of met and breached duration records, whole seconds, ranked
elapsed AS (
  SELECT standard, period, target, secs,
    ROW_NUMBER() OVER (PARTITION BY standard, period ORDER BY secs) AS rn,
    COUNT(*) OVER (PARTITION BY standard, period) AS n
  FROM (SELECT standard, period, target, LEAST(4294967295, GREATEST(0, FLOOR(elapsed_ms / 1000 + 0.5))) AS secs FROM outcomes WHERE kind = 'duration' AND disposition = 5 AND outcome IN (1, 2)) AS judged_times
),
-- nearest rank: the smallest time with at least the share of times at or below it
percentiles AS (
  SELECT standard, period,
    MAX(CASE WHEN rn = LEAST(CAST(n AS DOUBLE), GREATEST(1, CEIL(0.5 * CAST(n AS DOUBLE) - 1e-9))) THEN secs END) AS p50_seconds,
    MAX(CASE WHEN rn = LEAST(CAST(n AS DOUBLE), GREATEST(1, CEIL(0.9 * CAST(n AS DOUBLE) - 1e-9))) THEN secs END) AS p90_seconds,
    MAX(CASE WHEN rn = LEAST(CAST(n AS DOUBLE), GREATEST(1, CEIL(target * CAST(n AS DOUBLE) - 1e-9))) THEN secs END) AS p_target_seconds
  FROM elapsed
  GROUP BY standard, period
),
counts AS (
  SELECT standard, kind, target, period, period_start_ms, period_end_ms,
    COUNT(*) AS in_period,
    SUM(CASE WHEN outcome = 1 THEN 1 ELSE 0 END) AS met_or_value,
    SUM(CASE WHEN outcome = 2 THEN 1 ELSE 0 END) AS breached,
    SUM(CASE WHEN outcome = 3 THEN 1 ELSE 0 END) AS pending,
    SUM(CASE WHEN outcome = 4 THEN 1 ELSE 0 END) AS at_risk,
    SUM(CASE WHEN outcome = 5 THEN 1 ELSE 0 END) AS skipped,
    SUM(CASE WHEN outcome = 6 THEN 1 ELSE 0 END) AS invalid,
    sum(value ORDER BY row_no) AS value_sum,
    SUM(CASE WHEN value >= 9 THEN 1 ELSE 0 END) AS promoters,
    SUM(CASE WHEN value <= 6 THEN 1 ELSE 0 END) AS detractors
  FROM outcomes
  WHERE disposition = 5
  GROUP BY standard, kind, target, period, period_start_ms, period_end_ms
)
SELECT
  c.standard,
  c.period,
  CASE WHEN c.kind IN ('average', 'nps') THEN c.met_or_value ELSE c.in_period END AS records,
  CASE WHEN c.kind IN ('average', 'nps') THEN NULL ELSE c.met_or_value END AS met,
  CASE WHEN c.kind IN ('average', 'nps') THEN NULL ELSE c.breached END AS breached,
  c.pending + c.at_risk AS pending,
  c.at_risk,
  c.skipped,
  c.invalid,
  CASE WHEN c.kind IN ('average', 'nps') OR c.met_or_value + c.breached = 0 THEN NULL ELSE c.met_or_value / CAST(c.met_or_value + c.breached AS DOUBLE) END AS compliance,
  CASE WHEN c.kind = 'average' AND c.met_or_value > 0 THEN c.value_sum / c.met_or_value WHEN c.kind = 'nps' AND c.met_or_value > 0 THEN ((c.promoters - c.detractors) * 100) / CAST(c.met_or_value AS DOUBLE) END AS average,
  p.p50_seconds,
  p.p90_seconds,
  p.p_target_seconds,
  c.in_period,
  c.met_or_value,
  c.value_sum,
  c.promoters,
  c.detractors,
  c.period_start_ms,
  c.period_end_ms
FROM counts AS c
LEFT JOIN percentiles AS p ON p.standard = c.standard AND p.period = c.period
ORDER BY c.standard, c.period_start_ms;

-- promise sql --dialect duckdb: Harbour Lane Service Desk, source tickets, table tickets
-- SPEC §3's gap rows: per standard and period, records, met, breached, pending, at_risk, skipped, invalid, compliance, average and the percentiles (seconds)
-- standards: email-reply, urgent-fix, rating; as of 2026-10-01T00:00:00.000Z
-- calendars, periods and the zone's offsets are the built-in engine's, as data, for 2026-09-28 to 2026-10-02;
-- a record whose dates fall outside them is invalid with reason_code 'outside-sql-tables' (promise sql --from/--to widen them)
WITH
-- local days of Europe/Berlin, as the built-in engine reads them: midnight (day_ms), the offsets before and after the day's clock change (at_ms, local time of day), and 24:00
promise_zone AS (
  SELECT CAST("ymd" AS DOUBLE) AS "ymd", CAST("day_ms" AS DOUBLE) AS "day_ms", CAST("before_ms" AS DOUBLE) AS "before_ms", CAST("after_ms" AS DOUBLE) AS "after_ms", CAST("at_ms" AS DOUBLE) AS "at_ms", CAST("next_midnight_ms" AS DOUBLE) AS "next_midnight_ms", CAST("next_note" AS DOUBLE) AS "next_note"
    FROM (VALUES
      (20260927, 1790467200000, 7200000, 7200000, 86400000, 1790546400000, 0),
      (20260928, 1790553600000, 7200000, 7200000, 86400000, 1790632800000, 0),
      (20260929, 1790640000000, 7200000, 7200000, 86400000, 1790719200000, 0),
      (20260930, 1790726400000, 7200000, 7200000, 86400000, 1790805600000, 0),
      (20261001, 1790812800000, 7200000, 7200000, 86400000, 1790892000000, 0),
      (20261002, 1790899200000, 7200000, 7200000, 86400000, 1790978400000, 0),
      (20261003, 1790985600000, 7200000, 7200000, 86400000, 1791064800000, 0)
    ) AS t("ymd", "day_ms", "before_ms", "after_ms", "at_ms", "next_midnight_ms", "next_note")
),
-- UTC days of the calendars: open ms before each (cum_ms), its open pieces o/c, the open ms before each piece (a), the local day at its start and when the next begins
promise_calendar_days AS (
  SELECT CAST("calendar" AS VARCHAR) AS "calendar", CAST("day" AS DOUBLE) AS "day", CAST("cum_ms" AS DOUBLE) AS "cum_ms", CAST("total_ms" AS DOUBLE) AS "total_ms", CAST("prev_open" AS DOUBLE) AS "prev_open", CAST("local_day" AS DOUBLE) AS "local_day", CAST("next_local_at" AS DOUBLE) AS "next_local_at", CAST("o1" AS DOUBLE) AS "o1", CAST("c1" AS DOUBLE) AS "c1", CAST("a1" AS DOUBLE) AS "a1", CAST("o2" AS DOUBLE) AS "o2", CAST("c2" AS DOUBLE) AS "c2", CAST("a2" AS DOUBLE) AS "a2"
    FROM (VALUES
      ('office', 20724, 0, 25200000, 0, 20724, 1790632800000, 1790578800000, 1790591400000, 0, 1790595000000, 1790607600000, 12600000),
      ('office', 20725, 25200000, 25200000, 0, 20725, 1790719200000, 1790665200000, 1790677800000, 25200000, 1790681400000, 1790694000000, 37800000),
      ('office', 20726, 50400000, 25200000, 0, 20726, 1790805600000, 1790751600000, 1790764200000, 50400000, 1790767800000, 1790780400000, 63000000),
      ('office', 20727, 75600000, 25200000, 0, 20727, 1790892000000, 1790838000000, 1790850600000, 75600000, 1790854200000, 1790866800000, 88200000),
      ('office', 20728, 100800000, 25200000, 0, 20728, 1790978400000, 1790924400000, 1790937000000, 100800000, 1790940600000, 1790953200000, 113400000)
    ) AS t("calendar", "day", "cum_ms", "total_ms", "prev_open", "local_day", "next_local_at", "o1", "c1", "a1", "o2", "c2", "a2")
),
-- per calendar, local day of a start and N: the close of the N-th business day after it (0bd: the day's own close, today_close), and the open ms up to it
promise_business_days AS (
  SELECT CAST("calendar" AS VARCHAR) AS "calendar", CAST("day" AS DOUBLE) AS "day", CAST("n" AS DOUBLE) AS "n", CAST("today_close" AS DOUBLE) AS "today_close", CAST("today_cum" AS DOUBLE) AS "today_cum", CAST("close_ms" AS DOUBLE) AS "close_ms", CAST("close_cum" AS DOUBLE) AS "close_cum"
    FROM (VALUES
      ('office', 20723, 1, NULL, NULL, 1790607600000, 25200000),
      ('office', 20724, 1, NULL, NULL, 1790694000000, 50400000),
      ('office', 20725, 1, NULL, NULL, 1790780400000, 75600000),
      ('office', 20726, 1, NULL, NULL, 1790866800000, 100800000),
      ('office', 20727, 1, NULL, NULL, 1790953200000, 126000000),
      ('office', 20728, 1, NULL, NULL, 1791212400000, 151200000),
      ('office', 20729, 1, NULL, NULL, 1791212400000, 151200000)
    ) AS t("calendar", "day", "n", "today_close", "today_cum", "close_ms", "close_cum")
),
-- periods in Europe/Berlin, as UTC instants [start_ms, end_ms)
promise_periods AS (
  SELECT CAST("kind" AS VARCHAR) AS "kind", CAST("period" AS VARCHAR) AS "period", CAST("start_ms" AS DOUBLE) AS "start_ms", CAST("end_ms" AS DOUBLE) AS "end_ms"
    FROM (VALUES
      ('month', '2026-09', 1788213600000, 1790805600000),
      ('month', '2026-10', 1790805600000, 1793487600000),
      ('quarter', '2026-Q3', 1782856800000, 1790805600000),
      ('quarter', '2026-Q4', 1790805600000, 1798758000000)
    ) AS t("kind", "period", "start_ms", "end_ms")
),
-- the standards, numbered as the columns of `judged` are
promise_standards AS (
  SELECT CAST("i" AS DOUBLE) AS "i", CAST("standard" AS VARCHAR) AS "standard", CAST("kind" AS VARCHAR) AS "kind", CAST("target" AS DOUBLE) AS "target"
    FROM (VALUES
      (1, 'email-reply', 'duration', 0.9),
      (2, 'urgent-fix', 'duration', 0.8),
      (3, 'rating', 'average', 0)
    ) AS t("i", "standard", "kind", "target")
),
-- the rows of source tickets: every cell as text, trimmed
log AS (
  SELECT
    'tickets' AS file_name,
    CAST(NULL AS DOUBLE) AS line_no,
    CAST(NULL AS DOUBLE) AS row_no,
    CAST(NULL AS VARCHAR) AS row_problem,
    CASE WHEN regexp_matches(COALESCE(CAST("ticket_id" AS VARCHAR), ''), ('^[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿]|[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿]$')) THEN trim(COALESCE(CAST("ticket_id" AS VARCHAR), ''), (chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿')) ELSE COALESCE(CAST("ticket_id" AS VARCHAR), '') END AS k,
    CASE WHEN regexp_matches(COALESCE(CAST("ticket_id" AS VARCHAR), ''), ('^[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿]|[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿]$')) THEN trim(COALESCE(CAST("ticket_id" AS VARCHAR), ''), (chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿')) ELSE COALESCE(CAST("ticket_id" AS VARCHAR), '') END AS x1,
    CASE WHEN regexp_matches(COALESCE(CAST("opened_at" AS VARCHAR), ''), ('^[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿]|[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿]$')) THEN trim(COALESCE(CAST("opened_at" AS VARCHAR), ''), (chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿')) ELSE COALESCE(CAST("opened_at" AS VARCHAR), '') END AS x2,
    CASE WHEN regexp_matches(COALESCE(CAST("replied_at" AS VARCHAR), ''), ('^[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿]|[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿]$')) THEN trim(COALESCE(CAST("replied_at" AS VARCHAR), ''), (chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿')) ELSE COALESCE(CAST("replied_at" AS VARCHAR), '') END AS x3,
    CASE WHEN regexp_matches(COALESCE(CAST("channel" AS VARCHAR), ''), ('^[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿]|[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿]$')) THEN trim(COALESCE(CAST("channel" AS VARCHAR), ''), (chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿')) ELSE COALESCE(CAST("channel" AS VARCHAR), '') END AS x4,
    CASE WHEN regexp_matches(COALESCE(CAST("fixed_at" AS VARCHAR), ''), ('^[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿]|[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿]$')) THEN trim(COALESCE(CAST("fixed_at" AS VARCHAR), ''), (chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿')) ELSE COALESCE(CAST("fixed_at" AS VARCHAR), '') END AS x5,
    CASE WHEN regexp_matches(COALESCE(CAST("priority" AS VARCHAR), ''), ('^[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿]|[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿]$')) THEN trim(COALESCE(CAST("priority" AS VARCHAR), ''), (chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿')) ELSE COALESCE(CAST("priority" AS VARCHAR), '') END AS x6,
    CASE WHEN regexp_matches(COALESCE(CAST("csat" AS VARCHAR), ''), ('^[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿]|[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿]$')) THEN trim(COALESCE(CAST("csat" AS VARCHAR), ''), (chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '              ' || chr(8232) || chr(8233) || '  　﻿')) ELSE COALESCE(CAST("csat" AS VARCHAR), '') END AS x7
  FROM "tickets"
),
step1 AS (
  SELECT
    p.*,
    CASE WHEN x4 = 'email' THEN 1 ELSE 0 END AS s1_w_t1,
    regexp_extract(x2, '^([0-9]{2})([0-9]{2})-([0-9]{2})-([0-9]{2})([T ]([0-9]{2}):([0-9]{2})(:([0-9]{2})([.,]([0-9])([0-9]?)([0-9]?)[0-9]{0,6})?)?)?[ ]*(([Zz])|([+-])([0-9]{2})(:?([0-9]{2}))?)?$', ['g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7', 'g8', 'g9', 'g10', 'g11', 'g12', 'g13', 'g14', 'g15', 'g16', 'g17', 'g18', 'g19']) AS x2_g1,
    regexp_extract(x3, '^([0-9]{2})([0-9]{2})-([0-9]{2})-([0-9]{2})([T ]([0-9]{2}):([0-9]{2})(:([0-9]{2})([.,]([0-9])([0-9]?)([0-9]?)[0-9]{0,6})?)?)?[ ]*(([Zz])|([+-])([0-9]{2})(:?([0-9]{2}))?)?$', ['g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7', 'g8', 'g9', 'g10', 'g11', 'g12', 'g13', 'g14', 'g15', 'g16', 'g17', 'g18', 'g19']) AS x3_g1,
    FLOOR((0 / 1000) * 1000 + 0.5) AS s1_left,
    CASE WHEN x6 IN ('P1', 'P2') THEN 1 ELSE 0 END AS s2_w_t1,
    CASE WHEN x6 = 'P1' THEN 1 WHEN x6 = 'P2' THEN 1 END AS s2_lk, -- 1: a length of time, 2: business days; NULL: out of scope
    CAST(CASE WHEN x6 = 'P1' THEN 14400000 WHEN x6 = 'P2' THEN 28800000 END AS DOUBLE) AS s2_lms,
    CAST(CASE WHEN x6 = 'P1' THEN NULL WHEN x6 = 'P2' THEN NULL END AS DOUBLE) AS s2_ln,
    regexp_extract(x5, '^([0-9]{2})([0-9]{2})-([0-9]{2})-([0-9]{2})([T ]([0-9]{2}):([0-9]{2})(:([0-9]{2})([.,]([0-9])([0-9]?)([0-9]?)[0-9]{0,6})?)?)?[ ]*(([Zz])|([+-])([0-9]{2})(:?([0-9]{2}))?)?$', ['g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7', 'g8', 'g9', 'g10', 'g11', 'g12', 'g13', 'g14', 'g15', 'g16', 'g17', 'g18', 'g19']) AS x5_g1,
    regexp_matches(x7, '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?$') AS x7_isnum
  FROM log AS p
),
step2 AS (
  SELECT
    p.*,
    (CAST(NULLIF(COALESCE(struct_extract(x2_g1, 'g1'), ''), '') AS DOUBLE) * 100 + CAST(NULLIF(COALESCE(struct_extract(x2_g1, 'g2'), ''), '') AS DOUBLE)) AS x2_y,
    CAST(NULLIF(COALESCE(struct_extract(x2_g1, 'g3'), ''), '') AS DOUBLE) AS x2_mo,
    CAST(NULLIF(COALESCE(struct_extract(x2_g1, 'g4'), ''), '') AS DOUBLE) AS x2_d,
    COALESCE(CAST(NULLIF(COALESCE(struct_extract(x2_g1, 'g6'), ''), '') AS DOUBLE), 0) AS x2_h,
    COALESCE(CAST(NULLIF(COALESCE(struct_extract(x2_g1, 'g7'), ''), '') AS DOUBLE), 0) AS x2_mi,
    COALESCE(CAST(NULLIF(COALESCE(struct_extract(x2_g1, 'g9'), ''), '') AS DOUBLE), 0) AS x2_s,
    (COALESCE(CAST(NULLIF(COALESCE(struct_extract(x2_g1, 'g11'), ''), '') AS DOUBLE), 0) * 100 + COALESCE(CAST(NULLIF(COALESCE(struct_extract(x2_g1, 'g12'), ''), '') AS DOUBLE), 0) * 10 + COALESCE(CAST(NULLIF(COALESCE(struct_extract(x2_g1, 'g13'), ''), '') AS DOUBLE), 0)) AS x2_f,
    CASE WHEN COALESCE(struct_extract(x2_g1, 'g15'), '') <> '' THEN 0 WHEN COALESCE(struct_extract(x2_g1, 'g16'), '') <> '' THEN (CASE WHEN COALESCE(struct_extract(x2_g1, 'g16'), '') = '-' THEN -1 ELSE 1 END) * (CAST(NULLIF(COALESCE(struct_extract(x2_g1, 'g17'), ''), '') AS DOUBLE) * 60 + COALESCE(CAST(NULLIF(COALESCE(struct_extract(x2_g1, 'g19'), ''), '') AS DOUBLE), 0)) END AS x2_off,
    (COALESCE(struct_extract(x2_g1, 'g5'), '') = '') AS x2_do,
    (COALESCE(struct_extract(x2_g1, 'g1'), '') <> '') AS x2_found,
    (CAST(NULLIF(COALESCE(struct_extract(x3_g1, 'g1'), ''), '') AS DOUBLE) * 100 + CAST(NULLIF(COALESCE(struct_extract(x3_g1, 'g2'), ''), '') AS DOUBLE)) AS x3_y,
    CAST(NULLIF(COALESCE(struct_extract(x3_g1, 'g3'), ''), '') AS DOUBLE) AS x3_mo,
    CAST(NULLIF(COALESCE(struct_extract(x3_g1, 'g4'), ''), '') AS DOUBLE) AS x3_d,
    COALESCE(CAST(NULLIF(COALESCE(struct_extract(x3_g1, 'g6'), ''), '') AS DOUBLE), 0) AS x3_h,
    COALESCE(CAST(NULLIF(COALESCE(struct_extract(x3_g1, 'g7'), ''), '') AS DOUBLE), 0) AS x3_mi,
    COALESCE(CAST(NULLIF(COALESCE(struct_extract(x3_g1, 'g9'), ''), '') AS DOUBLE), 0) AS x3_s,
    (COALESCE(CAST(NULLIF(COALESCE(struct_extract(x3_g1, 'g11'), ''), '') AS DOUBLE), 0) * 100 + COALESCE(CAST(NULLIF(COALESCE(struct_extract(x3_g1, 'g12'), ''), '') AS DOUBLE), 0) * 10 + COALESCE(CAST(NULLIF(COALESCE(struct_extract(x3_g1, 'g13'), ''), '') AS DOUBLE), 0)) AS x3_f,
    CASE WHEN COALESCE(struct_extract(x3_g1, 'g15'), '') <> '' THEN 0 WHEN COALESCE(struct_extract(x3_g1, 'g16'), '') <> '' THEN (CASE WHEN COALESCE(struct_extract(x3_g1, 'g16'), '') = '-' THEN -1 ELSE 1 END) * (CAST(NULLIF(COALESCE(struct_extract(x3_g1, 'g17'), ''), '') AS DOUBLE) * 60 + COALESCE(CAST(NULLIF(COALESCE(struct_extract(x3_g1, 'g19'), ''), '') AS DOUBLE), 0)) END AS x3_off,
    (COALESCE(struct_extract(x3_g1, 'g5'), '') = '') AS x3_do,
    (COALESCE(struct_extract(x3_g1, 'g1'), '') <> '') AS x3_found,
    (CAST(NULLIF(COALESCE(struct_extract(x5_g1, 'g1'), ''), '') AS DOUBLE) * 100 + CAST(NULLIF(COALESCE(struct_extract(x5_g1, 'g2'), ''), '') AS DOUBLE)) AS x5_y,
    CAST(NULLIF(COALESCE(struct_extract(x5_g1, 'g3'), ''), '') AS DOUBLE) AS x5_mo,
    CAST(NULLIF(COALESCE(struct_extract(x5_g1, 'g4'), ''), '') AS DOUBLE) AS x5_d,
    COALESCE(CAST(NULLIF(COALESCE(struct_extract(x5_g1, 'g6'), ''), '') AS DOUBLE), 0) AS x5_h,
    COALESCE(CAST(NULLIF(COALESCE(struct_extract(x5_g1, 'g7'), ''), '') AS DOUBLE), 0) AS x5_mi,
    COALESCE(CAST(NULLIF(COALESCE(struct_extract(x5_g1, 'g9'), ''), '') AS DOUBLE), 0) AS x5_s,
    (COALESCE(CAST(NULLIF(COALESCE(struct_extract(x5_g1, 'g11'), ''), '') AS DOUBLE), 0) * 100 + COALESCE(CAST(NULLIF(COALESCE(struct_extract(x5_g1, 'g12'), ''), '') AS DOUBLE), 0) * 10 + COALESCE(CAST(NULLIF(COALESCE(struct_extract(x5_g1, 'g13'), ''), '') AS DOUBLE), 0)) AS x5_f,
    CASE WHEN COALESCE(struct_extract(x5_g1, 'g15'), '') <> '' THEN 0 WHEN COALESCE(struct_extract(x5_g1, 'g16'), '') <> '' THEN (CASE WHEN COALESCE(struct_extract(x5_g1, 'g16'), '') = '-' THEN -1 ELSE 1 END) * (CAST(NULLIF(COALESCE(struct_extract(x5_g1, 'g17'), ''), '') AS DOUBLE) * 60 + COALESCE(CAST(NULLIF(COALESCE(struct_extract(x5_g1, 'g19'), ''), '') AS DOUBLE), 0)) END AS x5_off,
    (COALESCE(struct_extract(x5_g1, 'g5'), '') = '') AS x5_do,
    (COALESCE(struct_extract(x5_g1, 'g1'), '') <> '') AS x5_found,
    CASE WHEN x7_isnum THEN CASE WHEN abs(TRY_CAST(x7 AS DOUBLE)) <= 1.7976931348623157e308 THEN TRY_CAST(x7 AS DOUBLE) END END AS x7_num
  FROM step1 AS p
),
step3 AS (
  SELECT
    p.*,
    CASE WHEN x2 = '' THEN 0 WHEN NOT COALESCE(x2_found, FALSE) THEN 3 WHEN NOT (x2_y >= 1000 AND x2_mo BETWEEN 1 AND 12 AND x2_d >= 1 AND x2_d <= CASE WHEN x2_mo = 2 THEN CASE WHEN (x2_y % 4) = 0 AND ((x2_y % 100) <> 0 OR (x2_y % 400) = 0) THEN 29 ELSE 28 END WHEN x2_mo IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND x2_h <= 24 AND x2_mi <= 59 AND x2_s <= 59 AND NOT (x2_h = 24 AND (x2_mi > 0 OR x2_s > 0 OR x2_f > 0))) THEN 4 WHEN x2_do THEN 2 ELSE 1 END AS x2_read,
    x2_h * 3600000 + x2_mi * 60000 + x2_s * 1000 + x2_f AS x2_wall,
    CASE WHEN x3 = '' THEN 0 WHEN NOT COALESCE(x3_found, FALSE) THEN 3 WHEN NOT (x3_y >= 1000 AND x3_mo BETWEEN 1 AND 12 AND x3_d >= 1 AND x3_d <= CASE WHEN x3_mo = 2 THEN CASE WHEN (x3_y % 4) = 0 AND ((x3_y % 100) <> 0 OR (x3_y % 400) = 0) THEN 29 ELSE 28 END WHEN x3_mo IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND x3_h <= 24 AND x3_mi <= 59 AND x3_s <= 59 AND NOT (x3_h = 24 AND (x3_mi > 0 OR x3_s > 0 OR x3_f > 0))) THEN 4 WHEN x3_do THEN 2 ELSE 1 END AS x3_read,
    x3_h * 3600000 + x3_mi * 60000 + x3_s * 1000 + x3_f AS x3_wall,
    CASE WHEN x5 = '' THEN 0 WHEN NOT COALESCE(x5_found, FALSE) THEN 3 WHEN NOT (x5_y >= 1000 AND x5_mo BETWEEN 1 AND 12 AND x5_d >= 1 AND x5_d <= CASE WHEN x5_mo = 2 THEN CASE WHEN (x5_y % 4) = 0 AND ((x5_y % 100) <> 0 OR (x5_y % 400) = 0) THEN 29 ELSE 28 END WHEN x5_mo IN (4, 6, 9, 11) THEN 30 ELSE 31 END AND x5_h <= 24 AND x5_mi <= 59 AND x5_s <= 59 AND NOT (x5_h = 24 AND (x5_mi > 0 OR x5_s > 0 OR x5_f > 0))) THEN 4 WHEN x5_do THEN 2 ELSE 1 END AS x5_read,
    x5_h * 3600000 + x5_mi * 60000 + x5_s * 1000 + x5_f AS x5_wall
  FROM step2 AS p
),
step4 AS (
  SELECT
    p.*,
    CASE WHEN x2_read IN (1, 2) THEN x2_y * 10000 + x2_mo * 100 + x2_d END AS x2_ymd,
    CASE WHEN x3_read IN (1, 2) THEN x3_y * 10000 + x3_mo * 100 + x3_d END AS x3_ymd,
    CASE WHEN x5_read IN (1, 2) THEN x5_y * 10000 + x5_mo * 100 + x5_d END AS x5_ymd
  FROM step3 AS p
),
step5 AS (
  SELECT
    p.*,
    z2.ymd AS z2_ymd,
    z2.day_ms AS z2_day_ms,
    z2.before_ms AS z2_before_ms,
    z2.after_ms AS z2_after_ms,
    z2.at_ms AS z2_at_ms,
    z2.next_midnight_ms AS z2_next_midnight_ms,
    z2.next_note AS z2_next_note,
    z3.ymd AS z3_ymd,
    z3.day_ms AS z3_day_ms,
    z3.before_ms AS z3_before_ms,
    z3.after_ms AS z3_after_ms,
    z3.at_ms AS z3_at_ms,
    z3.next_midnight_ms AS z3_next_midnight_ms,
    z3.next_note AS z3_next_note,
    z5.ymd AS z5_ymd,
    z5.day_ms AS z5_day_ms,
    z5.before_ms AS z5_before_ms,
    z5.after_ms AS z5_after_ms,
    z5.at_ms AS z5_at_ms,
    z5.next_midnight_ms AS z5_next_midnight_ms,
    z5.next_note AS z5_next_note
  FROM step4 AS p
  LEFT JOIN promise_zone AS z2 ON z2.ymd = x2_ymd
  LEFT JOIN promise_zone AS z3 ON z3.ymd = x3_ymd
  LEFT JOIN promise_zone AS z5 ON z5.ymd = x5_ymd
),
step6 AS (
  SELECT
    p.*,
    CASE WHEN x2_read IN (1, 2) AND z2_ymd IS NULL THEN 5 ELSE x2_read END AS x2_st,
    CASE WHEN x2_read = 0 THEN 0 WHEN x2_read IN (3, 4) THEN 3 WHEN z2_ymd IS NULL THEN 5 ELSE 1 END AS x2_eods,
    CASE WHEN x3_read IN (1, 2) AND z3_ymd IS NULL THEN 5 ELSE x3_read END AS x3_st,
    CASE WHEN x3_read = 0 THEN 0 WHEN x3_read IN (3, 4) THEN 3 WHEN z3_ymd IS NULL THEN 5 ELSE 1 END AS x3_eods,
    CASE WHEN x5_read IN (1, 2) AND z5_ymd IS NULL THEN 5 ELSE x5_read END AS x5_st,
    CASE WHEN x5_read = 0 THEN 0 WHEN x5_read IN (3, 4) THEN 3 WHEN z5_ymd IS NULL THEN 5 ELSE 1 END AS x5_eods
  FROM step5 AS p
),
step7 AS (
  SELECT
    p.*,
    CASE WHEN x2_st IN (1, 2) THEN CASE WHEN x2_off IS NOT NULL THEN z2_day_ms + x2_wall - x2_off * 60000 WHEN x2_h = 24 THEN z2_next_midnight_ms WHEN x2_wall < z2_at_ms THEN z2_day_ms + x2_wall - z2_before_ms WHEN x2_wall < z2_at_ms + z2_after_ms - z2_before_ms THEN z2_day_ms + x2_wall - z2_before_ms ELSE z2_day_ms + x2_wall - z2_after_ms END END AS x2_ms, -- SPEC §1: an offset written, else the source zone read as ZoneClock reads it
    CASE WHEN x2_st = 1 AND x2_off IS NULL THEN CASE WHEN x2_h = 24 THEN z2_next_note WHEN x2_wall < z2_at_ms THEN CASE WHEN z2_after_ms < z2_before_ms AND x2_wall >= z2_at_ms - (z2_before_ms - z2_after_ms) THEN 2 ELSE 0 END WHEN x2_wall < z2_at_ms + z2_after_ms - z2_before_ms THEN 1 ELSE 0 END ELSE 0 END AS x2_dst, -- 1: a time the clocks skip, 2: one they show twice
    CASE WHEN x2_eods = 1 THEN z2_next_midnight_ms END AS x2_eod,
    CASE WHEN x3_st IN (1, 2) THEN CASE WHEN x3_off IS NOT NULL THEN z3_day_ms + x3_wall - x3_off * 60000 WHEN x3_h = 24 THEN z3_next_midnight_ms WHEN x3_wall < z3_at_ms THEN z3_day_ms + x3_wall - z3_before_ms WHEN x3_wall < z3_at_ms + z3_after_ms - z3_before_ms THEN z3_day_ms + x3_wall - z3_before_ms ELSE z3_day_ms + x3_wall - z3_after_ms END END AS x3_ms, -- SPEC §1: an offset written, else the source zone read as ZoneClock reads it
    CASE WHEN x3_st = 1 AND x3_off IS NULL THEN CASE WHEN x3_h = 24 THEN z3_next_note WHEN x3_wall < z3_at_ms THEN CASE WHEN z3_after_ms < z3_before_ms AND x3_wall >= z3_at_ms - (z3_before_ms - z3_after_ms) THEN 2 ELSE 0 END WHEN x3_wall < z3_at_ms + z3_after_ms - z3_before_ms THEN 1 ELSE 0 END ELSE 0 END AS x3_dst, -- 1: a time the clocks skip, 2: one they show twice
    CASE WHEN x3_eods = 1 THEN z3_next_midnight_ms END AS x3_eod,
    CASE WHEN x5_st IN (1, 2) THEN CASE WHEN x5_off IS NOT NULL THEN z5_day_ms + x5_wall - x5_off * 60000 WHEN x5_h = 24 THEN z5_next_midnight_ms WHEN x5_wall < z5_at_ms THEN z5_day_ms + x5_wall - z5_before_ms WHEN x5_wall < z5_at_ms + z5_after_ms - z5_before_ms THEN z5_day_ms + x5_wall - z5_before_ms ELSE z5_day_ms + x5_wall - z5_after_ms END END AS x5_ms, -- SPEC §1: an offset written, else the source zone read as ZoneClock reads it
    CASE WHEN x5_st = 1 AND x5_off IS NULL THEN CASE WHEN x5_h = 24 THEN z5_next_note WHEN x5_wall < z5_at_ms THEN CASE WHEN z5_after_ms < z5_before_ms AND x5_wall >= z5_at_ms - (z5_before_ms - z5_after_ms) THEN 2 ELSE 0 END WHEN x5_wall < z5_at_ms + z5_after_ms - z5_before_ms THEN 1 ELSE 0 END ELSE 0 END AS x5_dst, -- 1: a time the clocks skip, 2: one they show twice
    CASE WHEN x5_eods = 1 THEN z5_next_midnight_ms END AS x5_eod
  FROM step6 AS p
),
step8 AS (
  SELECT
    p.*,
    q1.period AS q1_period,
    q1.start_ms AS q1_start_ms,
    q1.end_ms AS q1_end_ms,
    k1.day AS k1_day,
    k1.cum_ms AS k1_cum_ms,
    k1.prev_open AS k1_prev_open,
    k1.local_day AS k1_local_day,
    k1.next_local_at AS k1_next_local_at,
    k1.o1 AS k1_o1,
    k1.c1 AS k1_c1,
    k1.o2 AS k1_o2,
    k1.c2 AS k1_c2,
    k2.day AS k2_day,
    k2.cum_ms AS k2_cum_ms,
    k2.prev_open AS k2_prev_open,
    k2.local_day AS k2_local_day,
    k2.next_local_at AS k2_next_local_at,
    k2.o1 AS k2_o1,
    k2.c1 AS k2_c1,
    k2.o2 AS k2_o2,
    k2.c2 AS k2_c2,
    q2.period AS q2_period,
    q2.start_ms AS q2_start_ms,
    q2.end_ms AS q2_end_ms,
    q3.period AS q3_period,
    q3.start_ms AS q3_start_ms,
    q3.end_ms AS q3_end_ms,
    (x3_st IN (1, 2) AND x3_ms <= CAST(1790812800000 AS DOUBLE)) AS s1_done,
    (x5_st IN (1, 2) AND x5_ms <= CAST(1790812800000 AS DOUBLE)) AS s2_done
  FROM step7 AS p
  LEFT JOIN promise_periods AS q1 ON q1.kind = 'quarter' AND x2_ms >= q1.start_ms AND x2_ms < q1.end_ms
  LEFT JOIN promise_calendar_days AS k1 ON k1.calendar = 'office' AND k1.day = FLOOR(x2_ms / 86400000)
  LEFT JOIN promise_calendar_days AS k2 ON k2.calendar = 'office' AND k2.day = FLOOR(x3_ms / 86400000)
  LEFT JOIN promise_periods AS q2 ON q2.kind = 'month' AND x2_ms >= q2.start_ms AND x2_ms < q2.end_ms
  LEFT JOIN promise_periods AS q3 ON q3.kind = 'quarter' AND x3_ms >= q3.start_ms AND x3_ms < q3.end_ms
),
step9 AS (
  SELECT
    p.*,
    CASE
      WHEN row_problem IS NOT NULL THEN 0
      WHEN s1_w_t1 < 0 THEN 3
      WHEN s1_w_t1 = 0 THEN 1
      WHEN x2_st NOT IN (1, 2) THEN 3
      WHEN x2_ms > CAST(1790812800000 AS DOUBLE) THEN 4
      WHEN q1_period IS NULL THEN 3
      ELSE 5
    END AS s1_d, -- standard email-reply: 0 unreadable, 1 outOfScope, 2 skipped, 3 invalid, 4 future, 5 judged
    CASE WHEN s1_done THEN x3_ms ELSE CAST(1790812800000 AS DOUBLE) END AS s1_stop,
    (k1_day IS NOT NULL) AS k1_found,
    k1_cum_ms + GREATEST(0, LEAST(x2_ms, k1_c1) - k1_o1) + GREATEST(0, LEAST(x2_ms, k1_c2) - k1_o2) AS k1_cum, -- open ms up to opened_at on office
    CASE WHEN x2_ms < k1_next_local_at THEN k1_local_day ELSE k1_local_day + 1 END AS k1_local,
    (k2_day IS NOT NULL) AS k2_found,
    k2_cum_ms + GREATEST(0, LEAST(x3_ms, k2_c1) - k2_o1) + GREATEST(0, LEAST(x3_ms, k2_c2) - k2_o2) AS k2_cum, -- open ms up to replied_at on office
    CASE WHEN x3_ms < k2_next_local_at THEN k2_local_day ELSE k2_local_day + 1 END AS k2_local,
    CASE
      WHEN row_problem IS NOT NULL THEN 0
      WHEN s2_w_t1 < 0 THEN 3
      WHEN s2_w_t1 = 0 THEN 1
      WHEN s2_lk IS NULL THEN 1
      WHEN x2_st NOT IN (1, 2) THEN 3
      WHEN x2_ms > CAST(1790812800000 AS DOUBLE) THEN 4
      WHEN q2_period IS NULL THEN 3
      ELSE 5
    END AS s2_d, -- standard urgent-fix: 0 unreadable, 1 outOfScope, 2 skipped, 3 invalid, 4 future, 5 judged
    CASE WHEN s2_done THEN x5_ms ELSE CAST(1790812800000 AS DOUBLE) END AS s2_stop,
    CASE
      WHEN row_problem IS NOT NULL THEN 0
      WHEN x3_st NOT IN (1, 2) AND (x7 = '') THEN 2
      WHEN x3_st NOT IN (1, 2) THEN 3
      WHEN x3_ms > CAST(1790812800000 AS DOUBLE) THEN 4
      WHEN q3_period IS NULL THEN 3
      ELSE 5
    END AS s3_d -- standard rating: 0 unreadable, 1 outOfScope, 2 skipped, 3 invalid, 4 future, 5 judged
  FROM step8 AS p
),
step10 AS (
  SELECT
    p.*,
    b1.n AS b1_n,
    b1.today_close AS b1_today_close,
    b1.today_cum AS b1_today_cum,
    b1.close_ms AS b1_close_ms,
    b1.close_cum AS b1_close_cum,
    CASE WHEN s1_d = 3 THEN CASE WHEN s1_w_t1 < 0 THEN -s1_w_t1 WHEN x2_st = 0 THEN 1 WHEN x2_st = 3 THEN 2 WHEN x2_st = 4 THEN 3 WHEN x2_st = 5 THEN 4 WHEN x2_st = 6 THEN 5 WHEN q1_period IS NULL THEN 6 END END AS s1_dr,
    k1_cum - CASE WHEN CASE WHEN x2_ms = k1_day * 86400000 THEN k1_prev_open = 1 ELSE ((k1_o1 < x2_ms AND x2_ms <= k1_c1) OR (k1_o2 < x2_ms AND x2_ms <= k1_c2)) END THEN 1 ELSE 0 END AS k1_cum1,
    k2_cum - CASE WHEN CASE WHEN x3_ms = k2_day * 86400000 THEN k2_prev_open = 1 ELSE ((k2_o1 < x3_ms AND x3_ms <= k2_c1) OR (k2_o2 < x3_ms AND x3_ms <= k2_c2)) END THEN 1 ELSE 0 END AS k2_cum1,
    CASE WHEN s1_done THEN k2_cum ELSE 75600000 END AS s1_scum,
    CASE WHEN s2_d = 3 THEN CASE WHEN s2_w_t1 < 0 THEN -s2_w_t1 WHEN x2_st = 0 THEN 13 WHEN x2_st = 3 THEN 14 WHEN x2_st = 4 THEN 15 WHEN x2_st = 5 THEN 16 WHEN x2_st = 6 THEN 17 WHEN q2_period IS NULL THEN 18 END END AS s2_dr,
    GREATEST(0, (s2_stop - x2_ms) - 0) AS s2_el, -- ms as the standard measures them
    CASE WHEN s3_d = 3 THEN CASE WHEN x3_st = 0 THEN 24 WHEN x3_st = 3 THEN 25 WHEN x3_st = 4 THEN 26 WHEN x3_st = 5 THEN 27 WHEN x3_st = 6 THEN 28 WHEN q3_period IS NULL THEN 29 END END AS s3_dr,
    CASE WHEN s3_d <> 5 THEN NULL WHEN x7 = '' THEN 5 WHEN x7_num IS NULL THEN 6 ELSE 1 END AS s3_o -- standard rating: 1 a value counted, 5 skipped, 6 invalid
  FROM step9 AS p
  LEFT JOIN promise_business_days AS b1 ON b1.calendar = 'office' AND b1.day = k1_local AND b1.n = 1
),
step11 AS (
  SELECT
    p.*,
    GREATEST(0, (s1_scum - k1_cum) - 0) AS s1_el, -- ms as the standard measures them
    CASE WHEN (1 = 0 AND b1_today_close IS NOT NULL AND x2_ms <= b1_today_close) THEN b1_today_close ELSE b1_close_ms END AS s1_close, -- SPEC §1 Nbd: the close of the N-th business day; NULL: none comes
    CASE WHEN (1 = 0 AND b1_today_close IS NOT NULL AND x2_ms <= b1_today_close) THEN b1_today_cum ELSE b1_close_cum END AS s1_ccum,
    CASE WHEN s1_done THEN k2_cum1 ELSE 75600000 END AS s1_scum1,
    CASE WHEN s2_d <> 5 THEN NULL WHEN x5_st IN (3, 4, 5, 6) THEN 6 WHEN s2_done AND x5_ms < x2_ms THEN 6 WHEN TRUE AND s2_el > s2_lms THEN 2 WHEN TRUE AND s2_done THEN 1 WHEN TRUE AND FALSE THEN 4 WHEN TRUE THEN 3 END AS s2_o, -- standard urgent-fix: 1 met, 2 breached, 3 pending, 4 at_risk, 5 skipped, 6 invalid
    CASE WHEN s3_o = 6 THEN CASE WHEN x7_isnum THEN 30 ELSE 31 END END AS s3_r,
    CASE WHEN s3_o = 1 THEN x7_num END AS s3_v
  FROM step10 AS p
),
step12 AS (
  SELECT
    p.*,
    CASE WHEN s1_close IS NULL THEN FALSE WHEN s1_left > 0 THEN (s1_scum > (s1_ccum + s1_left) OR (s1_scum = (s1_ccum + s1_left) AND s1_scum1 = (s1_ccum + s1_left))) ELSE s1_stop > s1_close END AS s1_late,
    s1_ccum - k1_cum AS s1_blim, -- open ms from the start to the close
    CASE WHEN s2_o = 6 THEN CASE WHEN x5_st = 3 THEN 19 WHEN x5_st = 4 THEN 20 WHEN x5_st = 5 THEN 21 WHEN x5_st = 6 THEN 22 WHEN s2_done AND x5_ms < x2_ms THEN 23 END END AS s2_r
  FROM step11 AS p
),
step13 AS (
  SELECT
    p.*,
    CASE WHEN s1_d <> 5 THEN NULL WHEN x3_st IN (3, 4, 5, 6) THEN 6 WHEN s1_done AND x3_ms < x2_ms THEN 6 WHEN (NOT k1_found OR (s1_done AND NOT k2_found) OR (2 = 2 AND b1_n IS NULL)) THEN 6 WHEN s1_late THEN 2 WHEN s1_done THEN 1 WHEN s1_blim IS NOT NULL AND (s1_blim > 0 AND s1_el >= CAST(0.75 AS DOUBLE) * s1_blim) THEN 4 WHEN TRUE THEN 3 END AS s1_o -- standard email-reply: 1 met, 2 breached, 3 pending, 4 at_risk, 5 skipped, 6 invalid
  FROM step12 AS p
),
judged AS (
  SELECT
    p.*,
    CASE WHEN s1_o = 6 THEN CASE WHEN x3_st = 3 THEN 7 WHEN x3_st = 4 THEN 8 WHEN x3_st = 5 THEN 9 WHEN x3_st = 6 THEN 10 WHEN s1_done AND x3_ms < x2_ms THEN 11 WHEN (NOT k1_found OR (s1_done AND NOT k2_found) OR (2 = 2 AND b1_n IS NULL)) THEN 12 END END AS s1_r
  FROM step13 AS p
),
-- each row once per standard: what was decided, and the figures
outcomes AS (
  SELECT
    u.standard,
    u.kind,
    u.target,
    j.row_no,
    CASE u.i WHEN 1 THEN s1_d WHEN 2 THEN s2_d WHEN 3 THEN s3_d END AS disposition,
    CASE u.i WHEN 1 THEN s1_o WHEN 2 THEN s2_o WHEN 3 THEN s3_o END AS outcome,
    CASE u.i WHEN 1 THEN q1_period WHEN 2 THEN q2_period WHEN 3 THEN q3_period END AS period,
    CASE u.i WHEN 1 THEN q1_start_ms WHEN 2 THEN q2_start_ms WHEN 3 THEN q3_start_ms END AS period_start_ms,
    CASE u.i WHEN 1 THEN q1_end_ms WHEN 2 THEN q2_end_ms WHEN 3 THEN q3_end_ms END AS period_end_ms,
    CASE u.i WHEN 1 THEN s1_el WHEN 2 THEN s2_el WHEN 3 THEN NULL END AS elapsed_ms,
    CASE u.i WHEN 1 THEN NULL WHEN 2 THEN NULL WHEN 3 THEN s3_v END AS value
  FROM judged AS j
  CROSS JOIN promise_standards AS u
),
-- SPEC §2: elapsed time of met and breached duration records, whole seconds, ranked
elapsed AS (
  SELECT standard, period, target, secs,
    ROW_NUMBER() OVER (PARTITION BY standard, period ORDER BY secs) AS rn,
    COUNT(*) OVER (PARTITION BY standard, period) AS n
  FROM (SELECT standard, period, target, LEAST(4294967295, GREATEST(0, FLOOR(elapsed_ms / 1000 + 0.5))) AS secs FROM outcomes WHERE kind = 'duration' AND disposition = 5 AND outcome IN (1, 2)) AS judged_times
),
-- nearest rank: the smallest time with at least the share of times at or below it
percentiles AS (
  SELECT standard, period,
    MAX(CASE WHEN rn = LEAST(CAST(n AS DOUBLE), GREATEST(1, CEIL(0.5 * CAST(n AS DOUBLE) - 1e-9))) THEN secs END) AS p50_seconds,
    MAX(CASE WHEN rn = LEAST(CAST(n AS DOUBLE), GREATEST(1, CEIL(0.9 * CAST(n AS DOUBLE) - 1e-9))) THEN secs END) AS p90_seconds,
    MAX(CASE WHEN rn = LEAST(CAST(n AS DOUBLE), GREATEST(1, CEIL(target * CAST(n AS DOUBLE) - 1e-9))) THEN secs END) AS p_target_seconds
  FROM elapsed
  GROUP BY standard, period
),
counts AS (
  SELECT standard, kind, target, period, period_start_ms, period_end_ms,
    COUNT(*) AS in_period,
    SUM(CASE WHEN outcome = 1 THEN 1 ELSE 0 END) AS met_or_value,
    SUM(CASE WHEN outcome = 2 THEN 1 ELSE 0 END) AS breached,
    SUM(CASE WHEN outcome = 3 THEN 1 ELSE 0 END) AS pending,
    SUM(CASE WHEN outcome = 4 THEN 1 ELSE 0 END) AS at_risk,
    SUM(CASE WHEN outcome = 5 THEN 1 ELSE 0 END) AS skipped,
    SUM(CASE WHEN outcome = 6 THEN 1 ELSE 0 END) AS invalid,
    sum(value ORDER BY row_no) AS value_sum,
    SUM(CASE WHEN value >= 9 THEN 1 ELSE 0 END) AS promoters,
    SUM(CASE WHEN value <= 6 THEN 1 ELSE 0 END) AS detractors
  FROM outcomes
  WHERE disposition = 5
  GROUP BY standard, kind, target, period, period_start_ms, period_end_ms
)
SELECT
  c.standard,
  c.period,
  CASE WHEN c.kind IN ('average', 'nps') THEN c.met_or_value ELSE c.in_period END AS records,
  CASE WHEN c.kind IN ('average', 'nps') THEN NULL ELSE c.met_or_value END AS met,
  CASE WHEN c.kind IN ('average', 'nps') THEN NULL ELSE c.breached END AS breached,
  c.pending + c.at_risk AS pending,
  c.at_risk,
  c.skipped,
  c.invalid,
  CASE WHEN c.kind IN ('average', 'nps') OR c.met_or_value + c.breached = 0 THEN NULL ELSE c.met_or_value / CAST(c.met_or_value + c.breached AS DOUBLE) END AS compliance,
  CASE WHEN c.kind = 'average' AND c.met_or_value > 0 THEN c.value_sum / c.met_or_value WHEN c.kind = 'nps' AND c.met_or_value > 0 THEN ((c.promoters - c.detractors) * 100) / CAST(c.met_or_value AS DOUBLE) END AS average,
  p.p50_seconds,
  p.p90_seconds,
  p.p_target_seconds,
  c.in_period,
  c.met_or_value,
  c.value_sum,
  c.promoters,
  c.detractors,
  c.period_start_ms,
  c.period_end_ms
FROM counts AS c
LEFT JOIN percentiles AS p ON p.standard = c.standard AND p.period = c.period
ORDER BY c.standard, c.period_start_ms;
