/**
 * When two answers are the same answer (SPEC §5): every count, compliance and average exactly;
 * a percentile exactly while the built-in engine keeps the judged records of a standard and
 * period as a list (up to EXACT_PERCENTILES), and past that the top of the bucket holding the
 * exact one: never below it, at most 1/2048 above (src/engine/distribution.ts).
 */

/** percentiles past this many judged records per standard and period are bucketed (src/engine/distribution.ts LIST_LIMIT) */
export const EXACT_PERCENTILES = 65_536;
export const PERCENTILE_FIELDS = ['p50_seconds', 'p90_seconds', 'p_target_seconds'] as const;

/** Whether the built-in engine's percentile `builtin` agrees with the exact one, out of `judged` records. */
export function percentileAgrees(builtin: number | null, exact: number | null, judged: number): boolean {
  if (builtin === null || exact === null) return builtin === exact;
  return judged <= EXACT_PERCENTILES ? builtin === exact : builtin >= exact && builtin <= exact + exact / 2048;
}

/** the records a percentile of a gap row is taken over */
export const judgedOf = (row: { standard: string; met?: unknown; breached?: unknown }): number => (typeof row.met === 'number' ? row.met : 0) + (typeof row.breached === 'number' ? row.breached : 0);

export interface GapRow {
  standard: string;
  period: string;
  [field: string]: unknown;
}

/** Which of two answers' rows are compared, and how. */
interface Comparison {
  /** how the two sides are named in what differs: the built-in engine (whose percentiles may be bucketed) first */
  names: readonly [string, string];
  /** the fields compared; every field of either row when unset */
  fields?: readonly string[];
  /** the average to six decimals, as JSON writes it (for a side that is not the product's report) */
  averageToSixDecimals?: boolean;
}

const round6 = (n: unknown): unknown => (typeof n === 'number' ? Math.round(n * 1e6) / 1e6 : n);

/**
 * Undefined when two answers' rows (per standard and period) are the same answer: the same rows,
 * every compared field equal, percentiles by `percentileAgrees`; otherwise the first thing that differs.
 */
export function rowsDisagreement<R extends { standard: string; period: string }>(builtin: readonly R[], other: readonly R[], how: Comparison): string | undefined {
  const [ours, theirs] = how.names;
  const key = (r: R) => `${r.standard} ${r.period}`;
  if (builtin.length !== other.length) return `${ours} has ${builtin.length} gap rows, ${theirs} ${other.length}`;
  const byKey = new Map(other.map((r) => [key(r), r]));
  for (const b of builtin) {
    const o = byKey.get(key(b));
    if (o === undefined) return `${key(b)} is missing from ${theirs}'s answer`;
    const x = b as Record<string, unknown>;
    const y = o as Record<string, unknown>;
    for (const field of how.fields ?? new Set([...Object.keys(x), ...Object.keys(y)])) {
      const [u, v] = how.averageToSixDecimals === true && field === 'average' ? [round6(x[field]), round6(y[field])] : [x[field], y[field]];
      const same = (PERCENTILE_FIELDS as readonly string[]).includes(field) ? percentileAgrees(u as number | null, v as number | null, judgedOf(b)) : JSON.stringify(u) === JSON.stringify(v);
      if (!same) return `${key(b)}: ${field} is ${JSON.stringify(u)} in ${ours}, ${JSON.stringify(v)} in ${theirs}`;
    }
  }
  return undefined;
}

/** `rowsDisagreement` of a gaps report's rows from the built-in engine and from the engine `name`, on every field. */
export function gapRowsDisagreement(builtin: readonly GapRow[], other: readonly GapRow[], name: string): string | undefined {
  return rowsDisagreement(builtin, other, { names: ['the built-in engine', name] });
}
