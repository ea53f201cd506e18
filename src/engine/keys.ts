/**
 * Repeated record keys, counted exactly in memory that does not grow with the log (SPEC §5).
 * - Keys that only ever increase cannot repeat: while they do (exports sorted by their key), a
 *   comparison with the last key is all it takes.
 * - Up to EXACT_LIMIT keys are kept as they are, so a log whose keys are not in order is checked
 *   exactly while it has few distinct keys, however many rows repeat them.
 * - Past that, keys go into a Bloom filter of fixed size: a key it has surely not seen is new; a
 *   key it may have seen is a candidate, and a pass over the source's keys (only then, reading
 *   only keys) confirms which candidates an earlier row really had. A log whose keys stop
 *   increasing after the kept keys were let go is checked by a pass that fills the filter anew.
 *   Candidates are kept as distinct keys, at most CANDIDATE_LIMIT at a time: past that, the keys
 *   are split by a hash into shares, one share confirmed per pass, the filter being filled anew
 *   in the same pass to find the next share's candidates.
 * - Every repeat is counted; the first REPEATS_KEPT of a source, in file order, are kept to be
 *   shown, with where their key was first seen.
 */

export interface Seen {
  file: string;
  line: number;
}

export interface Repeat {
  record: string;
  file: string;
  line: number;
  firstFile: string;
  firstLine: number;
}

/** Keys kept as they are before they are let go (increasing) or put in the filter. */
export const EXACT_LIMIT = 200_000;
/** Distinct candidate keys kept for one confirming pass. */
const CANDIDATE_LIMIT = 200_000;
/** Repeats kept to be shown, per source: the first in file order (all are counted). */
const REPEATS_KEPT = 100;
/** 2^29 bits (64 MiB) in blocks of 512 bits, 16 bits a key: about one false candidate in 2,500 runs over 10 million keys. */
const FILTER_WORDS = 1 << 24;
const BLOCK_WORDS = 16;
const HASHES = 16;

/** The 32-bit finaliser of MurmurHash3: every input bit moves every output bit. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over the key's UTF-16 code units. */
function fnv(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix(h);
}

/** A second hash by another construction (multiply-rotate, as in MurmurHash3's body), so that two keys whose FNV hashes collide almost never collide here too. */
function murmur(key: string): number {
  let h = 0x9747b28c;
  for (let i = 0; i < key.length; i++) {
    let k = Math.imul(key.charCodeAt(i), 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  return mix(h ^ key.length);
}

export interface KeyOrder {
  ascending: boolean;
  first: string | undefined;
  last: string | undefined;
}

/** A share of the keys: those whose hash is `residue` modulo `modulus`. */
interface Share {
  residue: number;
  modulus: number;
}

/** The distinct candidate keys of one share, found in one pass. */
class Candidates {
  readonly keys = new Set<string>();

  constructor(
    public share: Share,
    private readonly limit: number,
    /** shares split off when the keys grow past the limit, to be found in later passes */
    private readonly later: Share[],
  ) {}

  offer(key: string): void {
    if (shareHash(key) % this.share.modulus !== this.share.residue) return;
    this.keys.add(key);
    while (this.keys.size > this.limit && this.share.modulus < 2 ** 30) {
      // halve the share: keep the keys of one half, find the other half's in a later pass
      const { residue, modulus } = this.share;
      this.later.push({ residue: residue + modulus, modulus: modulus * 2 });
      this.share = { residue, modulus: modulus * 2 };
      for (const k of this.keys) if (shareHash(k) % (modulus * 2) !== residue) this.keys.delete(k);
    }
  }
}

function shareHash(key: string): number {
  return mix(fnv(key) ^ 0x27d4eb2f);
}

interface Kept extends Repeat {
  /** the row's place among the rows with a key, counted from 0: file order */
  at: number;
}

export class KeyTracker {
  private ascending = true;
  private first: string | undefined;
  private last: string | undefined;
  private exact: Map<string, Seen> | undefined;
  /** while keys increase, the keys kept (up to exactLimit) as plain lists: cheaper than a map, and a map only once they stop increasing */
  private rising: { keys: string[]; files: string[]; lines: number[] } | undefined = { keys: [], files: [], lines: [] };
  private filter: Uint32Array | undefined;
  private readonly blocks: number;
  /** every repeat found */
  private repeatCount = 0;
  /** the first repeats in file order, at most `keepRepeats` */
  private readonly kept: Kept[] = [];
  /** rows with a key seen in this pass */
  private rows = 0;
  /** the first row judged by the filter rather than by the kept keys: repeats from it on are found by passes */
  private filterFrom = 0;
  /** candidate keys of the share being found */
  private candidates: Candidates | undefined;
  /** shares whose candidates are still to be found by a pass that fills the filter anew */
  private readonly later: Share[] = [];
  /** true when the keys of a prefix of the log were let go before they stopped increasing */
  private lostPrefix = false;
  /** during a pass: the keys it confirms, and where each was first seen */
  private confirming: Set<string> | undefined;
  private readonly firstSeen = new Map<string, Seen>();

  constructor(
    private readonly exactLimit = EXACT_LIMIT,
    private readonly filterWords = FILTER_WORDS,
    /** only follow whether keys increase: for a part of a log read elsewhere, see fromParts */
    private readonly orderOnly = false,
    private readonly candidateLimit = CANDIDATE_LIMIT,
    private readonly keepRepeats = REPEATS_KEPT,
  ) {
    this.blocks = Math.max(1, Math.floor(filterWords / BLOCK_WORDS));
  }

  /** Notes a key as it occurs. */
  see(key: string, file: string, line: number): void {
    const at = this.rows++;
    if (this.orderOnly) {
      if (this.last !== undefined && key <= this.last) this.ascending = false;
      this.first ??= key;
      this.last = key;
      return;
    }
    if (this.ascending) {
      if (this.last === undefined || key > this.last) {
        this.first ??= key;
        this.last = key;
        const rising = this.rising;
        if (rising !== undefined) {
          rising.keys.push(key);
          rising.files.push(file);
          rising.lines.push(line);
          // increasing keys need no memory: let them go
          if (rising.keys.length > this.exactLimit) this.rising = undefined;
        }
        return;
      }
      this.ascending = false;
      const rising = this.rising;
      if (rising !== undefined) {
        this.exact = new Map(rising.keys.map((k, i) => [k, { file: rising.files[i] as string, line: rising.lines[i] as number }]));
        this.rising = undefined;
      }
      if (this.exact === undefined) {
        // the earlier keys were let go: a pass over the log must fill the filter anew
        this.lostPrefix = true;
        this.filter = new Uint32Array(this.filterWords);
      }
    }
    const exact = this.exact;
    if (exact !== undefined) {
      const first = exact.get(key);
      if (first !== undefined) {
        this.repeat({ record: key, file, line, firstFile: first.file, firstLine: first.line, at });
        return;
      }
      exact.set(key, { file, line });
      if (exact.size > this.exactLimit) {
        this.filter = new Uint32Array(this.filterWords);
        for (const k of exact.keys()) this.add(k);
        this.exact = undefined;
        // the row just seen was new: every row after it is judged by the filter
        this.filterFrom = at + 1;
        this.candidates = new Candidates({ residue: 0, modulus: 1 }, this.candidateLimit, this.later);
      }
      return;
    }
    if (this.add(key) && !this.lostPrefix) this.candidates?.offer(key);
  }

  private repeat(r: Kept): void {
    this.repeatCount++;
    const kept = this.kept;
    if (kept.length >= this.keepRepeats && r.at > (kept[kept.length - 1] as Kept).at) return;
    // shares confirmed in later passes may find earlier rows: keep the first ones, in file order
    let i = kept.length;
    while (i > 0 && (kept[i - 1] as Kept).at > r.at) i--;
    kept.splice(i, 0, r);
    if (kept.length > this.keepRepeats) kept.pop();
  }

  /** Sets the key's bits; true when they were all set already (the key may have been seen). */
  private add(key: string): boolean {
    const filter = this.filter as Uint32Array;
    const h1 = fnv(key);
    const h2 = murmur(key);
    const base = (h1 % this.blocks) * BLOCK_WORDS;
    let all = true;
    // sixteen bit positions in the block, nine bits each: three from h2, three from each further mix of it
    let bits = h2;
    for (let i = 0; i < HASHES; i++) {
      if (i > 0 && i % 3 === 0) bits = mix(h2 + Math.imul(i, 0x9e3779b9));
      const bit = bits & 511;
      bits >>>= 9;
      const word = base + (bit >>> 5);
      const mask = 1 << (bit & 31);
      if ((filter[word]! & mask) === 0) {
        all = false;
        filter[word]! |= mask;
      }
    }
    return all;
  }

  /** How the keys seen went: whether they only ever increased, and the first and last of them. */
  order(): KeyOrder {
    return { ascending: this.ascending, first: this.first, last: this.last };
  }

  /**
   * The keys were read in parts elsewhere (in parallel): when the parts, in order, only ever
   * increased, no key repeats; otherwise a pass over the source's keys must find the repeats.
   */
  fromParts(parts: readonly KeyOrder[]): void {
    let last: string | undefined;
    let ascending = true;
    for (const p of parts) {
      if (p.first === undefined) continue;
      if (!p.ascending || (last !== undefined && p.first <= last)) ascending = false;
      last = p.last;
    }
    this.exact = undefined;
    this.rising = undefined;
    this.ascending = false;
    if (!ascending) {
      this.lostPrefix = true;
      this.filter = new Uint32Array(this.filterWords);
    }
  }

  /** True when a pass over the source's keys is needed before `repeats()` and `count()` are complete. */
  needsPass(): boolean {
    return this.lostPrefix || (this.candidates !== undefined && this.candidates.keys.size > 0) || this.later.length > 0;
  }

  /**
   * A pass: call the function returned for every row's key, in the order of the first pass; then
   * ask `needsPass()` again. A pass confirms the candidates of one share and, filling the filter
   * anew, finds those of the next share (or, after keys were let go, of the first).
   */
  startPass(): (key: string, file: string, line: number) => void {
    const confirming = this.lostPrefix ? undefined : this.candidates;
    if (this.lostPrefix) {
      this.lostPrefix = false;
      this.filterFrom = 0;
      this.later.push({ residue: 0, modulus: 1 });
    }
    const share = this.later.pop();
    const finding = share === undefined ? undefined : new Candidates(share, this.candidateLimit, this.later);
    this.candidates = finding;
    if (finding !== undefined) this.filter = new Uint32Array(this.filterWords);
    const wanted = confirming?.keys;
    this.confirming = wanted;
    const firstSeen = this.firstSeen;
    firstSeen.clear();
    const from = this.filterFrom;
    let at = 0;
    return (key, file, line) => {
      const row = at++;
      if (finding !== undefined && this.add(key) && row >= from) finding.offer(key);
      if (wanted === undefined || !wanted.has(key)) return;
      const first = firstSeen.get(key);
      if (first === undefined) firstSeen.set(key, { file, line });
      // a repeat before `from` was found among the kept keys already
      else if (row >= from) this.repeat({ record: key, file, line, firstFile: first.file, firstLine: first.line, at: row });
    };
  }

  /** The first repeats, at most REPEATS_KEPT, in the order they occurred. */
  repeats(): readonly Repeat[] {
    return this.kept.map(({ at: _, ...r }) => r);
  }

  /** How many rows repeat a key seen before: every one, whether kept or not. */
  count(): number {
    return this.repeatCount;
  }

  /** Keys and repeats held in memory now: bounded, whatever the number of rows (SPEC §5). */
  held(): number {
    return (this.exact?.size ?? 0) + (this.rising?.keys.length ?? 0) + (this.candidates?.keys.size ?? 0) + (this.confirming?.size ?? 0) + this.firstSeen.size + this.kept.length;
  }
}
