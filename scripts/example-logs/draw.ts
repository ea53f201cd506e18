/** Draws on top of the seeded generator: arrivals, choices and free text as people write it. */
import type { Random } from '../../src/init/random.js';

export function chance(random: Random, p: number): boolean {
  return random.next() < p;
}

/** A Poisson count (Knuth's method; the rates here are small). */
export function poisson(random: Random, rate: number): number {
  const limit = Math.exp(-rate);
  let k = 0;
  let p = random.next();
  while (p > limit) {
    k++;
    p *= random.next();
  }
  return k;
}

export function weighted<T>(random: Random, options: readonly (readonly [T, number])[]): T {
  const total = options.reduce((sum, [, w]) => sum + w, 0);
  let at = random.next() * total;
  for (const [value, w] of options) {
    at -= w;
    if (at < 0) return value;
  }
  const last = options[options.length - 1];
  if (last === undefined) throw new RangeError('weighted pick from an empty list');
  return last[0];
}

/** A minute of the day, the hour drawn by the 24 weights of a daily profile. */
export function minuteOfDay(random: Random, hourWeights: readonly number[]): number {
  let at = random.next() * hourWeights.reduce((sum, w) => sum + w, 0);
  let hour = 0;
  for (; hour < hourWeights.length - 1; hour++) {
    at -= hourWeights[hour] ?? 0;
    if (at < 0) break;
  }
  return hour * 60 + random.next() * 60;
}

/**
 * A note as agents type them: mostly one phrase, sometimes two on separate lines (an
 * embedded newline), sometimes none. The phrase lists carry the commas and quotes.
 */
export function note(random: Random, phrases: readonly string[], filled: number, twoLines = 0.01): string {
  if (!chance(random, filled)) return '';
  const first = random.pick(phrases);
  return chance(random, twoLines) ? `${first}\n${random.pick(phrases)}` : first;
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
