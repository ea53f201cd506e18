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

/**
 * Undefined when a gaps report's rows from the built-in engine and from `name` are the same
 * answer: the same rows, every field equal, percentiles by `percentileAgrees`; otherwise what differs.
 */
export function gapRowsDisagreement(builtin: readonly GapRow[], other: readonly GapRow[], name: string): string | undefined {
  const key = (r: GapRow) => `${r.standard} ${r.period}`;
  if (builtin.length !== other.length) return `the built-in engine has ${builtin.length} gap rows, ${name} ${other.length}`;
  const theirs = new Map(other.map((r) => [key(r), r]));
  for (const b of builtin) {
    const o = theirs.get(key(b));
    if (o === undefined) return `${key(b)} is missing from ${name}'s answer`;
    for (const field of new Set([...Object.keys(b), ...Object.keys(o)])) {
      const x = b[field];
      const y = o[field];
      if ((PERCENTILE_FIELDS as readonly string[]).includes(field)) {
        if (!percentileAgrees(x as number | null, y as number | null, judgedOf(b))) return `${key(b)}: ${field} is ${String(x)} in the built-in engine, ${String(y)} in ${name}`;
      } else if (JSON.stringify(x) !== JSON.stringify(y)) {
        return `${key(b)}: ${field} is ${JSON.stringify(x)} in the built-in engine, ${JSON.stringify(y)} in ${name}`;
      }
    }
  }
  return undefined;
}
