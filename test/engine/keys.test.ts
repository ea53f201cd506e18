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

function track(keys: readonly string[], exactLimit: number, filterWords: number): { repeats: string[]; secondPass: boolean } {
  const t = new KeyTracker(exactLimit, filterWords);
  keys.forEach((k, i) => t.see(k, 'log.csv', i));
  const secondPass = t.needsPass();
  for (let passes = 0; t.needsPass(); passes++) {
    expect(passes).toBeLessThan(2);
    const recheck = t.startPass();
    keys.forEach((k, i) => recheck(k, 'log.csv', i));
  }
  return { repeats: t.repeats().map((r) => `${r.record}@${r.line} first@${r.firstLine}`).sort(), secondPass };
}

describe('repeated keys', () => {
  it('are exact while few keys are kept as they are', () => {
    const keys = ['a', 'b', 'a', 'c', 'b', 'a'];
    expect(track(keys, 100, 1 << 10)).toEqual({ repeats: reference(keys).sort(), secondPass: false });
  });

  it('are exact with the filter too: a tiny, crowded filter makes false candidates, and the second pass drops them', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-F][0-9]{1,3}$/), { maxLength: 400 }), (keys) => {
        const { repeats } = track(keys, 5, 16);
        expect(repeats).toEqual(reference(keys).sort());
      }),
    );
  });

  it('needs no second pass when a large filter has seen nothing twice', () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `T${String(i * 7919 % 50_000).padStart(8, '0')}`);
    expect(track(keys, 1000, 1 << 20)).toEqual({ repeats: [], secondPass: false });
  });

  it('increasing keys need nothing kept; when they stop increasing late, a pass fills the filter anew', () => {
    const ascending = Array.from({ length: 5000 }, (_, i) => `K${String(i).padStart(6, '0')}`);
    expect(track(ascending, 10, 1 << 12)).toEqual({ repeats: [], secondPass: false });
    const broken = [...ascending, 'K000042', 'K999999', 'K000043'];
    expect(track(broken, 10, 1 << 12)).toEqual({ repeats: ['K000042@5000 first@42', 'K000043@5002 first@43'], secondPass: true });
  });

  it('keys out of order and past the kept ones, against the definition', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 300 }), fc.integer({ min: 0, max: 400 }), (numbers, ascendingPrefix) => {
        const keys = [...Array.from({ length: ascendingPrefix }, (_, i) => `A${String(i).padStart(4, '0')}`), ...numbers.map((n) => `A${String(n).padStart(4, '0')}`)];
        expect(track(keys, 20, 64).repeats).toEqual(reference(keys).sort());
      }),
    );
  });
});
