/** Times and amounts as outputs show them: ISO 8601 UTC for machines, local and short for people. */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { formatSeconds } from '../../registry/duration.js';

/** SPEC §3: times are ISO 8601 in UTC; a field that does not apply is null. */
export function isoTime(ms: number | undefined): string | null {
  return ms === undefined ? null : new Date(ms).toISOString();
}

/** A time in the registry's zone for tables: `2026-07-03 14:05`. */
export function localTime(ms: number | undefined, zone: string): string {
  return ms === undefined ? '' : format(new TZDate(ms, zone), 'yyyy-MM-dd HH:mm');
}

/** A length of time for people: `1d 4h`, `45m`, or '' when there is none. */
export function shortDuration(seconds: number | undefined): string {
  return seconds === undefined ? '' : formatSeconds(seconds);
}

/** Shares and gaps in JSON: six decimals, so float noise never shows. */
export function round6(value: number | undefined): number | null {
  return value === undefined ? null : Math.round(value * 1e6) / 1e6;
}

/** A share for people: `95.3%`; a gap with its sign: `+0.3 pp`. */
export function percent(value: number | undefined): string {
  return value === undefined ? '–' : `${(value * 100).toFixed(1)}%`;
}

export function points(value: number | undefined): string {
  if (value === undefined) return '–';
  const pp = value * 100;
  return `${pp >= 0 ? '+' : '−'}${Math.abs(pp).toFixed(1)} pp`;
}

/** Credits by currency: `120 EUR, 45 GBP`. */
export function formatCredits(credits: Readonly<Record<string, number>>): string {
  return Object.entries(credits)
    .map(([currency, amount]) => `${Number(amount.toFixed(2))} ${currency}`)
    .join(', ');
}
