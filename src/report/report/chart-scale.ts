/** Scales and ticks for the report's SVG charts: plain arithmetic, the same numbers every run. */

/** A linear map from [d0, d1] onto [r0, r1]. */
export function linear(d0: number, d1: number, r0: number, r1: number): (value: number) => number {
  const span = d1 - d0;
  return (value) => (span === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0));
}

/** A coordinate as SVG gets it: at most one decimal, so the output stays short and stable. */
export function coord(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** A tick step of 1, 2, 2.5 or 5 times a power of ten, the smallest giving at most `count` intervals over `span`. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0)) return 1;
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= raw - 1e-12) return m * power;
  return 10 * power;
}

/** Decimals needed to write multiples of `step` exactly. */
export function stepDecimals(step: number): number {
  for (let d = 0; d < 6; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-9) return d;
  return 6;
}

/** The multiples of `step` from `lo` to `hi` (both taken as multiples already), free of float noise. */
export function ticksOf(lo: number, hi: number, step: number): number[] {
  const decimals = stepDecimals(step);
  const out: number[] = [];
  const first = Math.ceil(lo / step - 1e-9);
  const last = Math.floor(hi / step + 1e-9);
  for (let i = first; i <= last; i++) out.push(Number((i * step).toFixed(decimals)));
  return out;
}

/** A domain widened to whole steps around [lo, hi], with its ticks. */
export function niceDomain(lo: number, hi: number, count: number): { lo: number; hi: number; ticks: number[]; step: number } {
  const span = hi - lo || Math.abs(hi) || 1;
  const step = niceStep(span, count);
  const decimals = stepDecimals(step);
  const l = Number((Math.floor(lo / step + 1e-9) * step).toFixed(decimals));
  let h = Number((Math.ceil(hi / step - 1e-9) * step).toFixed(decimals));
  if (h === l) h = Number((l + step).toFixed(decimals));
  return { lo: l, hi: h, ticks: ticksOf(l, h, step), step };
}

/** A unit of time for an axis, and the round steps that suit it. */
export interface TimeUnit {
  name: 'seconds' | 'minutes' | 'hours' | 'days';
  symbol: string;
  seconds: number;
  steps: readonly number[];
}

const UNITS: readonly TimeUnit[] = [
  { name: 'seconds', symbol: 's', seconds: 1, steps: [1, 2, 5, 10, 15, 20, 30] },
  { name: 'minutes', symbol: 'm', seconds: 60, steps: [1, 2, 5, 10, 15, 20, 30, 60] },
  { name: 'hours', symbol: 'h', seconds: 3600, steps: [1, 2, 3, 4, 6, 8, 12, 24] },
  { name: 'days', symbol: 'd', seconds: 86_400, steps: [1, 2, 7, 14, 28] },
];

/** The unit an axis up to `upperSeconds` reads best in: under 2 minutes in seconds, up to 2 hours in minutes, up to 3 days in hours. */
export function timeUnitFor(upperSeconds: number): TimeUnit {
  const [seconds, minutes, hours, days] = UNITS as [TimeUnit, TimeUnit, TimeUnit, TimeUnit];
  if (upperSeconds <= 120) return seconds;
  if (upperSeconds <= 7200) return minutes;
  if (upperSeconds <= 259_200) return hours;
  return days;
}

/** Ticks in `unit` from 0 to `upperSeconds`: the smallest round step giving at most `count` intervals. */
export function timeTicks(upperSeconds: number, unit: TimeUnit, count: number): number[] {
  const upper = upperSeconds / unit.seconds;
  const step = unit.steps.find((s) => upper / s <= count + 1e-9) ?? niceStep(upper, count);
  return ticksOf(0, upper, step);
}
