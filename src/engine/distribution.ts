/**
 * The elapsed times of one standard in one period, for nearest-rank percentiles in memory that
 * does not grow with the log. Times are kept to the whole second. Up to LIST_LIMIT of them are
 * kept as they are, and percentiles are exact. Past that, they are counted in buckets, as an HDR
 * histogram does: every second below 4,096 s, then 2,048 buckets for each doubling of time, so a
 * percentile is within 1/2,048 (0.05%) of the exact value and never below it: "share% within X"
 * stays true. 34,816 buckets (136 KiB) cover times up to 2^27 s, more than four years.
 */

/** Times kept as they are, for exact percentiles. */
export const LIST_LIMIT = 65_536;
/** Seconds below 2^LINEAR_BITS get a bucket each. */
const LINEAR_BITS = 12;
/** Buckets per doubling above that: 2^SUB_BITS. */
const SUB_BITS = 11;
const MAX_BITS = 27;
const BUCKETS = (1 << LINEAR_BITS) + (MAX_BITS - LINEAR_BITS) * (1 << SUB_BITS);
const MAX_SECONDS = 2 ** MAX_BITS - 1;

/** The bucket of a time in seconds. */
function bucketOf(seconds: number): number {
  if (seconds < 1 << LINEAR_BITS) return seconds;
  const s = Math.min(seconds, MAX_SECONDS);
  const exponent = 31 - Math.clz32(s); // LINEAR_BITS .. MAX_BITS - 1
  const sub = (s >>> (exponent - SUB_BITS)) - (1 << SUB_BITS);
  return (1 << LINEAR_BITS) + (exponent - LINEAR_BITS) * (1 << SUB_BITS) + sub;
}

/** The largest time in seconds a bucket holds. */
function bucketTop(bucket: number): number {
  if (bucket < 1 << LINEAR_BITS) return bucket;
  const above = bucket - (1 << LINEAR_BITS);
  const exponent = LINEAR_BITS + Math.floor(above / (1 << SUB_BITS));
  const sub = above % (1 << SUB_BITS);
  const width = 2 ** (exponent - SUB_BITS);
  return ((1 << SUB_BITS) + sub) * width + width - 1;
}

/** A distribution as plain data, to move it between threads. */
export interface DistributionState {
  size: number;
  sorted: boolean;
  list: Uint32Array | undefined;
  counts: Uint32Array | undefined;
}

export class Distribution {
  private list: Uint32Array | undefined = new Uint32Array(64);
  private counts: Uint32Array | undefined;
  private size = 0;
  /** the list is in order (it is sorted once, when first asked) */
  private sorted = true;

  get count(): number {
    return this.size;
  }

  /** True while every time is kept as it is, so percentiles are exact to the second. */
  get exact(): boolean {
    return this.list !== undefined;
  }

  /** Adds one elapsed time, in milliseconds (kept to the nearest whole second). */
  add(ms: number): void {
    const seconds = Math.max(0, Math.round(ms / 1000));
    const counts = this.counts;
    if (counts !== undefined) {
      counts[bucketOf(seconds)]! += 1;
      this.size++;
      return;
    }
    let list = this.list as Uint32Array;
    if (this.size === list.length) {
      if (this.size >= LIST_LIMIT) {
        this.toCounts(list);
        this.add(ms);
        return;
      }
      const grown = new Uint32Array(list.length * 2);
      grown.set(list);
      this.list = list = grown;
    }
    if (this.size > 0 && seconds < (list[this.size - 1] as number)) this.sorted = false;
    list[this.size++] = Math.min(seconds, 0xffffffff);
  }

  state(): DistributionState {
    return { size: this.size, sorted: this.sorted, list: this.list?.slice(0, this.size), counts: this.counts?.slice() };
  }

  /** Adds another distribution's times to this one, as if they had been added here after its own. */
  merge(other: DistributionState): void {
    if (other.counts === undefined && other.list !== undefined && this.list !== undefined && this.size + other.size <= LIST_LIMIT) {
      for (const seconds of other.list) this.add(seconds * 1000);
      return;
    }
    if (this.counts === undefined) this.toCounts(this.list as Uint32Array);
    const counts = this.counts as Uint32Array;
    if (other.counts !== undefined) for (let b = 0; b < BUCKETS; b++) counts[b]! += other.counts[b] as number;
    else for (const seconds of other.list ?? []) counts[bucketOf(seconds)]! += 1;
    this.size += other.size;
  }

  private toCounts(list: Uint32Array): void {
    const counts = new Uint32Array(BUCKETS);
    for (let i = 0; i < this.size; i++) counts[bucketOf(list[i] as number)]! += 1;
    this.counts = counts;
    this.list = undefined;
  }

  private sortedList(): Uint32Array {
    const list = (this.list as Uint32Array).subarray(0, this.size);
    if (!this.sorted) {
      list.sort();
      this.sorted = true;
    }
    return list;
  }

  /**
   * SPEC §2: the nearest-rank percentile in seconds, the smallest time with at least `share` of
   * the times at or below it; undefined when there are none.
   */
  quantile(share: number): number | undefined {
    if (this.size === 0) return undefined;
    const rank = nearestRank(share, this.size);
    if (this.counts === undefined) return this.sortedList()[rank - 1];
    let seen = 0;
    for (let b = 0; b < BUCKETS; b++) {
      seen += this.counts[b] as number;
      if (seen >= rank) return bucketTop(b);
    }
    return MAX_SECONDS;
  }

  /** Counts in `bins` equal bins from 0 to `upperSeconds`; times at or over it are in `over`. */
  histogram(upperSeconds: number, bins: number): { counts: number[]; over: number } {
    const out = new Array<number>(bins).fill(0);
    let over = 0;
    const put = (seconds: number, n: number): void => {
      if (seconds >= upperSeconds) over += n;
      else out[Math.floor((seconds / upperSeconds) * bins)]! += n;
    };
    if (this.counts === undefined) {
      for (const s of this.sortedList()) put(s, 1);
    } else {
      for (let b = 0; b < BUCKETS; b++) if ((this.counts[b] as number) > 0) put(bucketTop(b), this.counts[b] as number);
    }
    return { counts: out, over };
  }
}

/** 1-based nearest rank of a share of n values; the tolerance keeps 0.7 * 10 at rank 7, not 8. */
export function nearestRank(share: number, n: number): number {
  const rank = Math.ceil(share * n - 1e-9);
  return Math.min(n, Math.max(1, rank));
}
