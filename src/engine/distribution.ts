/**
 * The elapsed times of one standard in one period, for percentiles: one number per judged
 * record in a typed array (STYLE: rows are never kept, a number each is).
 */
export class Distribution {
  private values = new Float64Array(64);
  private size = 0;
  private sorted = true;

  get count(): number {
    return this.size;
  }

  add(value: number): void {
    if (this.size === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    if (this.size > 0 && value < (this.values[this.size - 1] as number)) this.sorted = false;
    this.values[this.size++] = value;
  }

  /** Counts of the values in `bins` equal bins from 0 to `upper`; values at or over `upper` in `over`. */
  histogram(upper: number, bins: number): { counts: number[]; over: number } {
    const counts = new Array<number>(bins).fill(0);
    let over = 0;
    for (let i = 0; i < this.size; i++) {
      const v = this.values[i] as number;
      if (v >= upper) over++;
      else counts[Math.max(0, Math.floor((v / upper) * bins))]! += 1;
    }
    return { counts, over };
  }

  /**
   * SPEC §2: the nearest-rank percentile, the smallest value with at least `share` of the
   * values at or below it; undefined when there are none.
   */
  quantile(share: number): number | undefined {
    if (this.size === 0) return undefined;
    if (!this.sorted) {
      this.values.subarray(0, this.size).sort();
      this.sorted = true;
    }
    return this.values[nearestRank(share, this.size) - 1];
  }
}

/** 1-based nearest rank of a share of n values; the tolerance keeps 0.7 * 10 at rank 7, not 8. */
export function nearestRank(share: number, n: number): number {
  const rank = Math.ceil(share * n - 1e-9);
  return Math.min(n, Math.max(1, rank));
}
