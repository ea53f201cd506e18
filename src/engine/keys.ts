/**
 * Repeated record keys, found exactly in memory that does not grow with the log.
 * - Keys that only ever increase cannot repeat: while they do (exports sorted by their key), a
 *   comparison with the last key is all it takes.
 * - Up to EXACT_LIMIT keys are kept as they are, so a log whose keys are not in order is checked
 *   exactly while it is small.
 * - Past that, keys go into a Bloom filter of fixed size: a key it has surely not seen is new; a
 *   key it may have seen is a candidate, and a pass over the source's keys (only then, reading
 *   only keys) confirms which candidates an earlier row really had. A log whose keys stop
 *   increasing after the kept keys were let go is checked by a pass that fills the filter anew.
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

type Pass = { kind: 'rebuild' } | { kind: 'confirm'; candidates: Candidate[] };

export interface KeyOrder {
  ascending: boolean;
  first: string | undefined;
  last: string | undefined;
}

interface Candidate {
  key: string;
  file: string;
  line: number;
}

export class KeyTracker {
  private ascending = true;
  private first: string | undefined;
  private last: string | undefined;
  private exact: Map<string, Seen> | undefined = new Map();
  private filter: Uint32Array | undefined;
  private readonly blocks: number;
  /** repeats found for certain */
  private readonly sure: Repeat[] = [];
  /** rows whose key the filter may have seen */
  private candidates: Candidate[] = [];
  /** true when the keys of a prefix of the log were let go before they stopped increasing */
  private lostPrefix = false;

  constructor(
    private readonly exactLimit = EXACT_LIMIT,
    private readonly filterWords = FILTER_WORDS,
    /** only follow whether keys increase: for a part of a log read elsewhere, see fromParts */
    private readonly orderOnly = false,
  ) {
    this.blocks = Math.max(1, Math.floor(filterWords / BLOCK_WORDS));
  }

  /** Notes a key as it occurs. */
  see(key: string, file: string, line: number): void {
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
        const exact = this.exact;
        if (exact !== undefined) {
          exact.set(key, { file, line });
          // increasing keys need no memory: let them go
          if (exact.size > this.exactLimit) this.exact = undefined;
        }
        return;
      }
      this.ascending = false;
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
        this.sure.push({ record: key, file, line, firstFile: first.file, firstLine: first.line });
        return;
      }
      exact.set(key, { file, line });
      if (exact.size > this.exactLimit) {
        this.filter = new Uint32Array(this.filterWords);
        for (const k of exact.keys()) this.add(k);
        this.exact = undefined;
      }
      return;
    }
    if (this.add(key) && !this.lostPrefix) this.candidates.push({ key, file, line });
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
    this.ascending = false;
    if (!ascending) {
      this.lostPrefix = true;
      this.filter = new Uint32Array(this.filterWords);
    }
  }

  /** True when a pass over the source's keys is needed before `repeats()` is complete. */
  needsPass(): boolean {
    return this.lostPrefix || this.candidates.length > 0;
  }

  /**
   * A pass: call the function returned for every row's key, in the order of the first pass; then
   * ask `needsPass()` again (a pass that fills the filter anew may find candidates to confirm).
   */
  startPass(): (key: string, file: string, line: number) => void {
    const pass: Pass = this.lostPrefix ? { kind: 'rebuild' } : { kind: 'confirm', candidates: this.candidates };
    this.candidates = [];
    if (pass.kind === 'rebuild') {
      this.lostPrefix = false;
      this.filter = new Uint32Array(this.filterWords);
      return (key, file, line) => {
        if (this.add(key)) this.candidates.push({ key, file, line });
      };
    }
    const wanted = new Map<string, Seen | undefined>();
    for (const c of pass.candidates) wanted.set(c.key, undefined);
    const isCandidate = new Set(pass.candidates.map((c) => `${c.file}\u0000${c.line}`));
    return (key, file, line) => {
      if (!wanted.has(key)) return;
      const first = wanted.get(key);
      if (first === undefined) {
        wanted.set(key, { file, line });
        return;
      }
      if (isCandidate.has(`${file}\u0000${line}`)) this.sure.push({ record: key, file, line, firstFile: first.file, firstLine: first.line });
    };
  }

  /** The repeats found, in the order they occurred. */
  repeats(): readonly Repeat[] {
    return this.sure;
  }
}
