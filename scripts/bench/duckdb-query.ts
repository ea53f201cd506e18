/**
 * What an analyst would write in DuckDB for the bench's six wall-clock standards
 * (scripts/bench/registry): one scan of the CSV, one GROUP BY, every figure a wide `FILTER`
 * aggregate, percentiles exact with `quantile_disc` (which is the nearest rank of SPEC §2: the
 * bench checks it on every run, duckdb-run.ts). It computes what the compared rows of
 * `promise gaps` hold: records, met, breached, pending, at_risk, skipped, invalid, p50, p90 and
 * the percentile at the target for the durations, the mean for the average.
 *
 * The rules of docs/semantics.md, written out: an end after as_of had not happened yet (the
 * record is open); an open record breaches once its allowance has run out at as_of; an end
 * before its start is invalid; a record dated after as_of is in no period; a condition or an
 * average with an empty rating has nothing to judge (skipped). Periods are the registry's
 * quarters in Europe/Berlin, carried into the query as their bounds in UTC (SPEC §5), so no
 * time-zone conversion runs per row.
 *
 * The condition and the average are dated by `resolved_at`, the durations by `opened_at`: the
 * query groups by the opening quarter and counts the resolved-dated figures per resolving
 * quarter in columns of their own, which add up across groups (counts and sums do).
 */
import { nearestRank } from '../../src/engine/distribution.js';
import { periodOf, shiftPeriod } from '../../src/engine/period.js';

/** A duration standard of the bench registry: scope, end column, limit in seconds, target. */
interface DurationStandard {
  id: string;
  /** SQL over the row: the `where` */
  scope: string;
  /** the CTE's end column (null when open at as_of) and elapsed seconds */
  end: 'replied' | 'resolved';
  limitSeconds: number;
  target: number;
}

export const DURATIONS: readonly DurationStandard[] = [
  { id: 'email-reply', scope: "channel = 'email'", end: 'replied', limitSeconds: 24 * 3600, target: 0.9 },
  { id: 'callback', scope: "channel = 'phone'", end: 'replied', limitSeconds: 3600, target: 0.8 },
  { id: 'vip-reply', scope: "segment = 'vip'", end: 'replied', limitSeconds: 2 * 3600, target: 0.95 },
  { id: 'resolution-wall', scope: 'true', end: 'resolved', limitSeconds: 7 * 86400, target: 0.95 },
];

/** The condition (`rated-good`: csat >= 4) and the average (`rating-average`), both at resolved_at. */
export const CONDITION = 'rated-good';
export const AVERAGE = 'rating-average';

/** A reporting period as the query carries it: its name and its bounds as UTC instants. */
export interface PeriodBound {
  key: string;
  startIso: string;
  endIso: string;
}

const ident = (id: string): string => id.replace(/-/g, '_');

/** The quarter index (0-based, into `periods`) of a timestamp column; NULL outside them all. */
function periodIndex(column: string, periods: readonly PeriodBound[]): string {
  const arms = periods.map((p, i) => `WHEN ${column} >= TIMESTAMPTZ '${p.startIso}' AND ${column} < TIMESTAMPTZ '${p.endIso}' THEN ${i}`);
  return `CASE ${arms.join(' ')} END`;
}

/** The one statement; `asOf` is an ISO instant in UTC. */
export function benchQuery(csvPath: string, asOf: string, periods: readonly PeriodBound[]): string {
  const file = csvPath.replace(/'/g, "''");
  const at = `TIMESTAMPTZ '${asOf}'`;
  const columns: string[] = [];
  for (const d of DURATIONS) {
    const s = ident(d.id);
    // in scope and dated by a start at or before as_of; `ok`: the end is not before the start
    const inScope = `dated AND (${d.scope})`;
    const ok = `${d.end}_ok`;
    const elapsed = `${d.end}_s`;
    const over = `${elapsed} > ${d.limitSeconds}`;
    columns.push(
      `count(*) FILTER (${inScope}) AS ${s}_records`,
      `count(*) FILTER (${inScope} AND ${ok} AND ${d.end} IS NOT NULL AND NOT ${over}) AS ${s}_met`,
      `count(*) FILTER (${inScope} AND ${ok} AND ${over}) AS ${s}_breached`,
      `count(*) FILTER (${inScope} AND ${d.end} IS NULL AND NOT ${over}) AS ${s}_pending`,
      `count(*) FILTER (${inScope} AND NOT ${ok}) AS ${s}_invalid`,
      // SPEC §2: over met and breached records, an open breach counting its time to as_of
      `quantile_disc(${elapsed}, [0.5, 0.9, ${d.target}]) FILTER (${inScope} AND ${ok} AND (${d.end} IS NOT NULL OR ${over})) AS ${s}_p`,
    );
  }
  for (let q = 0; q < periods.length; q++) {
    const inQ = `resolved_q = ${q}`;
    columns.push(
      `count(*) FILTER (${inQ}) AS rated_${q}_records`,
      `count(*) FILTER (${inQ} AND csat >= 4) AS rated_${q}_met`,
      `count(*) FILTER (${inQ} AND csat < 4) AS rated_${q}_breached`,
      `count(csat) FILTER (${inQ}) AS rating_${q}_values`,
      `sum(csat) FILTER (${inQ}) AS rating_${q}_sum`,
    );
  }
  return `
SET TimeZone = 'UTC';
WITH log AS (
  SELECT
    opened_at, channel, segment, csat,
    opened_at <= ${at} AS dated,
    -- an end after as_of had not happened yet at as_of
    CASE WHEN first_response_at <= ${at} THEN first_response_at END AS replied,
    CASE WHEN resolved_at <= ${at} THEN resolved_at END AS resolved
  FROM read_csv('${file}', header = true, columns = {
    'ticket_id': 'VARCHAR', 'channel': 'VARCHAR', 'priority': 'VARCHAR', 'segment': 'VARCHAR',
    'opened_at': 'TIMESTAMPTZ', 'first_response_at': 'TIMESTAMPTZ', 'resolved_at': 'TIMESTAMPTZ',
    'due_at': 'DATE', 'csat': 'INTEGER', 'subject': 'VARCHAR'})
), judged AS (
  SELECT
    dated, channel, segment, csat, replied, resolved,
    ${periodIndex('opened_at', periods)} AS opened_q,
    ${periodIndex('resolved', periods)} AS resolved_q,
    -- seconds from the start to the end, or to as_of while open
    epoch(coalesce(replied, ${at})) - epoch(opened_at) AS replied_s,
    epoch(coalesce(resolved, ${at})) - epoch(opened_at) AS resolved_s,
    coalesce(replied >= opened_at, true) AS replied_ok,
    coalesce(resolved >= opened_at, true) AS resolved_ok
  FROM log
)
SELECT opened_q,
  ${columns.join(',\n  ')}
FROM judged
GROUP BY opened_q
ORDER BY opened_q`;
}

/** A row of the comparison: the fields of a gap row (`promise gaps --format json`) that both sides compute. */
export interface BenchRow {
  standard: string;
  period: string;
  records: number;
  met: number | null;
  breached: number | null;
  pending: number;
  at_risk: number;
  skipped: number;
  invalid: number;
  p50_seconds: number | null;
  p90_seconds: number | null;
  p_target_seconds: number | null;
  average: number | null;
}

/** The registry's quarters (Europe/Berlin, fiscal year from January) around the bench log's year. */
export function benchQuarters(): PeriodBound[] {
  const first = periodOf(Date.parse('2025-10-15T00:00:00Z'), 'quarter', 'Europe/Berlin', 1);
  return Array.from({ length: 7 }, (_, i) => shiftPeriod(first, i, 'Europe/Berlin', 1)).map((p) => ({
    key: p.key,
    startIso: new Date(p.startMs).toISOString(),
    endIso: new Date(p.endMs).toISOString(),
  }));
}

/**
 * SPEC §2's nearest rank (the smallest value with at least the share at or below it) against
 * DuckDB's `quantile_disc` on the values 1..n, for the shares the bench asks for and a few
 * more: the bench compares percentiles only once this holds.
 */
export async function checkQuantileDisc(): Promise<{ cases: number; mismatches: string[] }> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const shares = [...new Set([0.5, 0.8, 0.9, 0.95, 0.7, 0.33, 0.99, ...DURATIONS.map((d) => d.target)])];
  const sizes = [...Array.from({ length: 120 }, (_, i) => i + 1), 999, 1000, 65_537];
  const mismatches: string[] = [];
  for (const n of sizes) {
    const row = (await connection.runAndReadAll(`SELECT quantile_disc(x, [${shares.join(', ')}]) AS q FROM range(1, ${n + 1}) t(x)`)).getRowObjectsJS()[0] as { q: bigint[] };
    shares.forEach((share, i) => {
      const duck = Number(row.q[i]);
      const rank = nearestRank(share, n);
      if (duck !== rank) mismatches.push(`n=${n}, share ${share}: quantile_disc gives the ${duck}th value, nearest rank the ${rank}th`);
    });
  }
  connection.closeSync();
  instance.closeSync();
  return { cases: sizes.length * shares.length, mismatches };
}

type Wide = Record<string, number | null | (number | null)[]>;

/** The query's wide rows, one per opening quarter, as rows per standard and period. */
export function benchRows(rows: readonly Wide[], periods: readonly PeriodBound[]): BenchRow[] {
  const out: BenchRow[] = [];
  const zero = { pending: 0, at_risk: 0, skipped: 0, invalid: 0, p50_seconds: null, p90_seconds: null, p_target_seconds: null, average: null };
  const n = (r: Wide, name: string): number => (r[name] as number | null) ?? 0;
  for (const r of rows) {
    if (r.opened_q === null) throw new Error('a record opened outside the quarters the query knows: widen benchQuarters()');
    const period = (periods[r.opened_q as number] as PeriodBound).key;
    for (const d of DURATIONS) {
      const s = ident(d.id);
      const records = n(r, `${s}_records`);
      if (records === 0) continue;
      const p = r[`${s}_p`] as (number | null)[] | null;
      out.push({
        ...zero,
        standard: d.id,
        period,
        records,
        met: n(r, `${s}_met`),
        breached: n(r, `${s}_breached`),
        pending: n(r, `${s}_pending`),
        invalid: n(r, `${s}_invalid`),
        p50_seconds: p?.[0] ?? null,
        p90_seconds: p?.[1] ?? null,
        p_target_seconds: p?.[2] ?? null,
      });
    }
  }
  // the resolved-dated figures are counted per resolving quarter in every group: add them up
  periods.forEach((q, i) => {
    const sum = (name: string): number => rows.reduce((total, r) => total + n(r, name), 0);
    const records = sum(`rated_${i}_records`);
    if (records === 0) return;
    const met = sum(`rated_${i}_met`);
    const breached = sum(`rated_${i}_breached`);
    out.push({ ...zero, standard: CONDITION, period: q.key, records, met, breached, skipped: records - met - breached });
    const values = sum(`rating_${i}_values`);
    out.push({ ...zero, standard: AVERAGE, period: q.key, records: values, met: null, breached: null, skipped: records - values, average: values === 0 ? null : sum(`rating_${i}_sum`) / values });
  });
  return out;
}
