/**
 * A standard's figures as people read them, decided from what the standard measures and never
 * from its words: an average's mean against its bound (`mean 4.30`, `≥ 4.2`), and elapsed times
 * on the clock the standard counts (open time on a calendar, in hours, never as days).
 */
import type { AverageBound, Clock } from '../../model/evaluation.js';
import type { Measure } from '../../registry/model.js';
import { isDuration } from '../../registry/schema.js';
import { shortDuration } from './time.js';

/** A mean as tables and reports show it: `mean 4.30`, two decimals. */
export function meanText(value: number | undefined): string {
  return value === undefined ? '–' : `mean ${meanFigure(value)}`;
}

/** The mean alone: `4.30`. */
export function meanFigure(value: number): string {
  return value.toFixed(2);
}

/** A mean survey score for people: `5.75`; `–` where there is none. */
export function scoreText(value: number | undefined): string {
  return value === undefined ? '–' : value.toFixed(2);
}

/** A gap or a difference of scores with its sign: `+0.25`, `−1.50`, `0.00`; `–` where there is none. */
export function signedText(value: number | undefined): string {
  if (value === undefined) return '–';
  const fixed = Math.abs(value).toFixed(2);
  return fixed === '0.00' ? '0.00' : `${value > 0 ? '+' : '−'}${fixed}`;
}

/** An average's bound: `≥ 4.2`. */
export function boundText(bound: AverageBound): string {
  return `${bound.op} ${bound.value}`;
}

/** A Net Promoter Score in whole points with its sign: `+32`, `−14`, `0` (SPEC §6). */
export function npsFigure(value: number): string {
  const n = Math.round(value);
  return `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(n)}`;
}

/** A period's figure against its bound: `mean 4.30`, or for an NPS `NPS +32` (SPEC §6, whole points). */
export function boundFigureText(value: number | undefined, bound: AverageBound | undefined): string {
  if (bound?.nps !== true || value === undefined) return meanText(value);
  return `NPS ${npsFigure(value)}`;
}

/** A mean's distance from its bound, signed: `+0.10`, `−0.25` (negative is short of it). */
export function boundGapText(gap: number | undefined, decimals = 2): string {
  if (gap === undefined) return '–';
  return `${gap >= 0 ? '+' : '−'}${Math.abs(gap).toFixed(decimals)}`;
}

/** Open time in hours, never in days, its two largest units as `1d 4h` would have them: `47h 26m`, `3h`, `45m 10s`. */
function openHours(seconds: number): string {
  let rest = Math.round(Math.abs(seconds));
  if (rest === 0) return '0s';
  const parts: string[] = [];
  for (const [unit, size] of [['h', 3600], ['m', 60], ['s', 1]] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n}${unit}`);
    rest -= n * size;
  }
  return (seconds < 0 ? '-' : '') + parts.slice(0, 2).join(' ');
}

/**
 * An elapsed time or a limit on the standard's clock: wall-clock time as `1d 23h`; open time as
 * `47h of open time` (in a table cell, `47h open`), since `1d 23h` would read as wall-clock days.
 */
export function elapsedText(seconds: number | undefined, clock: Clock | undefined, form: 'prose' | 'cell' = 'prose'): string {
  if (seconds === undefined) return '';
  if (clock !== 'open') return shortDuration(seconds);
  return `${openHours(seconds)} ${form === 'cell' ? 'open' : 'of open time'}`;
}

/** A duration whose limit is one length of time (`24h`), not a map by value nor business days. */
export function hasSingleTimeLimit(m: Measure): boolean {
  return m.kind === 'duration' && isDuration(m.within) && m.within.kind === 'time';
}

/** A duration whose limit is a map by a column's value (`P1 1h, default 8h`): each record has its own allowance. */
export function hasLimitByValue(m: Measure): boolean {
  return m.kind === 'duration' && !isDuration(m.within);
}
