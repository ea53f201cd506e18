/**
 * Answers to a SERVQUAL questionnaire (Parasuraman, Zeithaml and Berry, 1988) as customers give
 * them: 22 items over five dimensions, an expectation (E) and a perception (P) per item on a
 * 1-7 scale, and optionally 100 points of importance split over the dimensions. Perceptions
 * follow what happened to the customer: the caller says how far below expectation each
 * dimension lands for this respondent.
 */
import type { Random } from '../../src/init/random.js';
import { chance } from './draw.js';

export type Dimension = 'reliability' | 'responsiveness' | 'assurance' | 'empathy' | 'tangibles';

/** The dimensions in the order the weights are asked, with their items (1-based, the 22-item instrument's numbering as SPEC §6 maps it). */
export const SERVQUAL_ITEMS: readonly (readonly [Dimension, readonly number[]])[] = [
  ['reliability', [1, 2, 3, 4, 5]],
  ['responsiveness', [6, 7, 8, 9]],
  ['assurance', [10, 11, 12, 13]],
  ['empathy', [14, 15, 16, 17, 18]],
  ['tangibles', [19, 20, 21, 22]],
];

export const SCALE_MAX = 7;

/** A standard normal draw (Box-Muller). */
export function normal(random: Random): number {
  const u = Math.max(random.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

/** A point on the 1-7 scale: the latent score rounded, the ends absorbing what lies beyond them. */
function onScale(latent: number): string {
  return String(Math.min(SCALE_MAX, Math.max(1, Math.round(latent))));
}

/** How one respondent answers: a latent level per dimension for E and for P. */
export interface Respondent {
  expectation: Record<Dimension, number>;
  perception: Record<Dimension, number>;
  /** the chance that any one item is left empty */
  skip: number;
  /** dimensions this respondent leaves empty altogether (E and P) */
  skipped: ReadonlySet<Dimension>;
}

/**
 * Item answers, named by the caller (`E1`, `Q2_1`), for every item asked: all of them by
 * default; a perception-only (SERVPERF) dimension is one whose expectation is not asked.
 */
export function answerItems(
  random: Random,
  who: Respondent,
  name: (kind: 'E' | 'P', item: number) => string,
  asked: (kind: 'E' | 'P', dimension: Dimension) => boolean = () => true,
): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const kind of ['E', 'P'] as const) {
    for (const [dimension, items] of SERVQUAL_ITEMS) {
      if (!asked(kind, dimension)) continue;
      const level = kind === 'E' ? who.expectation[dimension] : who.perception[dimension];
      for (const item of items) {
        // The draws are made whether or not the item is answered, so a skip changes nothing else.
        const answer = onScale(level + normal(random) * (kind === 'E' ? 0.55 : 0.7));
        const empty = who.skipped.has(dimension) || chance(random, who.skip);
        cells[name(kind, item)] = empty ? '' : answer;
      }
    }
  }
  return cells;
}

/**
 * 100 points split over the five dimensions as people split them: around the shares given,
 * in steps of 5, adding up to 100 (the largest share takes the rounding).
 */
export function splitPoints(random: Random, shares: Record<Dimension, number>): Record<Dimension, number> {
  const raw = SERVQUAL_ITEMS.map(([d]) => shares[d] * Math.exp(0.35 * normal(random)));
  const total = raw.reduce((sum, x) => sum + x, 0);
  const points = raw.map((x) => Math.round((x / total) * 20) * 5);
  const largest = points.indexOf(Math.max(...points));
  points[largest] = (points[largest] ?? 0) + 100 - points.reduce((sum, x) => sum + x, 0);
  return Object.fromEntries(SERVQUAL_ITEMS.map(([d], i) => [d, points[i] ?? 0])) as Record<Dimension, number>;
}
