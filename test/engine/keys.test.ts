import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyTracker } from '../../src/engine/keys.js';

/** Every row whose key an earlier row had: the definition, with a plain Set. */
function reference(keys: readonly string[]): string[] {
  const seen = new Map<string, number>();
  const out: string[] = [];
  keys.forEach((k, i) => {
    const first = seen.get(k);
    if (first === undefined) seen.set(k, i);
    else out.push(`${k}@${i} first@${first}`);
  });
  return out;
}

interface Tracked {
  /** the repeats kept, in file order */
  repeats: string[];
  count: number;
  secondPass: boolean;
  passes: number;
  /** the most keys and repeats held at once */
  held: number;
}

function track(keys: readonly string[], exactLimit: number, filterWords: number, candidateLimit?: number, keep?: number): Tracked {
  const t = new KeyTracker(exactLimit, filterWords, false, candidateLimit, keep);
  let held = 0;
  keys.forEach((k, i) => {
    t.see(k, 'log.csv', i);
    held = Math.max(held, t.held());
  });
  const secondPass = t.needsPass();
  let passes = 0;
  for (; t.needsPass(); passes++) {
    expect(passes).toBeLessThan(200);
    const recheck = t.startPass();
    keys.forEach((k, i) => {
      recheck(k, 'log.csv', i);
      held = Math.max(held, t.held());
    });
  }
  return { repeats: t.repeats().map((r) => `${r.record}@${r.line} first@${r.firstLine}`), count: t.count(), secondPass, passes, held };
}

/** What a tracker must say of these keys: every repeat counted, the first `keep` kept in file order. */
function expected(keys: readonly string[], keep = 100): { repeats: string[]; count: number } {
  const all = reference(keys);
  return { repeats: all.slice(0, keep), count: all.length };
}

const reported = (t: Tracked): { repeats: string[]; count: number } => ({ repeats: t.repeats, count: t.count });

describe('repeated keys', () => {
  it('are exact while few keys are kept as they are', () => {
    const keys = ['a', 'b', 'a', 'c', 'b', 'a'];
    expect(track(keys, 100, 1 << 10)).toMatchObject({ ...expected(keys), secondPass: false });
  });

  it('are exact with the filter too: a tiny, crowded filter makes false candidates, and the second pass drops them', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-F][0-9]{1,3}$/), { maxLength: 400 }), (keys) => {
        expect(reported(track(keys, 5, 16))).toEqual(expected(keys));
      }),
    );
  });

  it('needs no second pass when a large filter has seen nothing twice', () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `T${String(i * 7919 % 50_000).padStart(8, '0')}`);
    expect(track(keys, 1000, 1 << 20)).toMatchObject({ repeats: [], count: 0, secondPass: false });
  });

  it('increasing keys need nothing kept; when they stop increasing late, a pass fills the filter anew', () => {
    const ascending = Array.from({ length: 5000 }, (_, i) => `K${String(i).padStart(6, '0')}`);
    expect(track(ascending, 10, 1 << 12)).toMatchObject({ repeats: [], count: 0, secondPass: false });
    const broken = [...ascending, 'K000042', 'K999999', 'K000043'];
    expect(track(broken, 10, 1 << 12)).toMatchObject({ repeats: ['K000042@5000 first@42', 'K000043@5002 first@43'], count: 2, secondPass: true });
  });

  it('keys out of order and past the kept ones, against the definition', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 300 }), fc.integer({ min: 0, max: 400 }), (numbers, ascendingPrefix) => {
        const keys = [...Array.from({ length: ascendingPrefix }, (_, i) => `A${String(i).padStart(4, '0')}`), ...numbers.map((n) => `A${String(n).padStart(4, '0')}`)];
        expect(reported(track(keys, 20, 64))).toEqual(expected(keys));
      }),
    );
  });

  it('a key of three values over 300,000 rows: every repeat counted, the first 100 kept, nothing else held', () => {
    const values = ['email', 'phone', 'chat'];
    const keys = Array.from({ length: 300_000 }, (_, i) => values[(i * 7) % 3] as string);
    const t = track(keys, 200_000, 1 << 16);
    expect(t.count).toBe(299_997);
    expect(t.repeats).toEqual(reference(keys.slice(0, 200)).slice(0, 100));
    expect(t.repeats).toHaveLength(100);
    // three keys and a hundred repeats, however many rows
    expect(t.held).toBeLessThanOrEqual(103);
    expect(t.secondPass).toBe(false);
  });

  it('many keys each seen twice, past the kept keys: exact, in passes that each hold a bounded share of the candidates', () => {
    const n = 20_000;
    const keys = [...Array.from({ length: n }, (_, i) => `K${(i * 7919) % n}`), ...Array.from({ length: n }, (_, i) => `K${(i * 104_729) % n}`)];
    const t = track(keys, 1000, 1 << 14, 2000);
    expect(reported(t)).toEqual(expected(keys));
    expect(t.count).toBe(n);
    // the 20,000 candidates come in shares of at most 2,000 keys; the filter holds no keys
    expect(t.passes).toBeGreaterThan(8);
    expect(t.held).toBeLessThanOrEqual(1001 + 3 * 2000 + 100);
  });

  it('shares and kept repeats against the definition, with tiny limits', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 400 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 12 }), (numbers, ascendingPrefix, candidateLimit, keep) => {
        const keys = [...Array.from({ length: ascendingPrefix }, (_, i) => `B${String(i).padStart(4, '0')}`), ...numbers.map((n) => `B${String(n).padStart(4, '0')}`)];
        expect(reported(track(keys, 10, 256, candidateLimit, keep))).toEqual(expected(keys, keep));
      }),
    );
  });
});
