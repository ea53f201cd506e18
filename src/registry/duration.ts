/**
 * Durations as the registry writes them (SPEC §1): `90m`, `24h`, `1h30m`, `2d`, `1w`, `1bd`.
 * `s m h d w` are lengths of time; `bd` counts business days and needs a calendar.
 */
export type Duration =
  | {
      kind: 'time';
      text: string;
      /** total length in seconds */
      seconds: number;
      /** true when written with `d` or `w`, which a business calendar cannot count */
      usesDays: boolean;
    }
  | {
      kind: 'business-days';
      text: string;
      days: number;
    };

const UNIT_SECONDS: Record<string, number> = { w: 604_800, d: 86_400, h: 3_600, m: 60, s: 1 };

/**
 * The longest limit a registry may write: ten years, as 3,650 days of time or 3,650 business
 * days. No service promise runs longer; a limit past it is a slip (a unit, a digit too many),
 * and an absurd one (`100000000bd`) would only cost every record a long count (docs/decisions.md).
 */
export const MAX_LIMIT_DAYS = 3_650;
const MAX_LIMIT_SECONDS = MAX_LIMIT_DAYS * 86_400;
const TOO_LONG_HINT = 'a limit is at most ten years (3650d, 521w, 3650bd); is a unit or a digit wrong?';
const UNIT_ORDER = ['w', 'd', 'h', 'm', 's'];
const PART = /(\d+(?:\.\d+)?)(bd|w|d|h|m|s)/gy;

export type DurationResult = { ok: true; value: Duration } | { ok: false; message: string; hint?: string };

export function parseDuration(input: string): DurationResult {
  const text = input.trim();
  const bad = (message: string): DurationResult => ({
    ok: false,
    message,
    hint: 'write a number and a unit: 30m, 4h, 1h30m, 2d, 1w, or 1bd for business days',
  });
  if (text === '') return bad('the duration is empty');
  PART.lastIndex = 0;
  const parts: { amount: number; unit: string }[] = [];
  let match: RegExpExecArray | null;
  while ((match = PART.exec(text)) !== null) {
    parts.push({ amount: Number(match[1]), unit: match[2] as string });
    if (PART.lastIndex === text.length) break;
  }
  if (parts.length === 0 || PART.lastIndex !== text.length) {
    return bad(`"${input}" is not a duration`);
  }
  const first = parts[0];
  if (first !== undefined && first.unit === 'bd') {
    if (parts.length > 1) return bad(`"${input}" mixes business days with other units`);
    if (!Number.isInteger(first.amount)) {
      return { ok: false, message: `"${input}": business days must be a whole number`, hint: 'write 1bd, 2bd, ... or use hours of open time such as 4h' };
    }
    if (first.amount > MAX_LIMIT_DAYS) return { ok: false, message: `"${input}" is more than ${MAX_LIMIT_DAYS.toLocaleString('en-US')} business days, the longest a limit may be`, hint: TOO_LONG_HINT };
    return { ok: true, value: { kind: 'business-days', text, days: first.amount } };
  }
  let seconds = 0;
  let usesDays = false;
  let lastRank = -1;
  for (const { amount, unit } of parts) {
    const rank = UNIT_ORDER.indexOf(unit);
    if (rank === -1) return bad(`"${input}" mixes business days with other units`);
    if (rank <= lastRank) return bad(`"${input}" repeats a unit or puts them out of order (largest first, as in 1h30m)`);
    lastRank = rank;
    if (unit === 'd' || unit === 'w') usesDays = true;
    seconds += amount * (UNIT_SECONDS[unit] as number);
  }
  if (seconds > MAX_LIMIT_SECONDS) return { ok: false, message: `"${input}" is longer than ten years (${MAX_LIMIT_DAYS.toLocaleString('en-US')} days), the longest a limit may be`, hint: TOO_LONG_HINT };
  return { ok: true, value: { kind: 'time', text, seconds: Math.round(seconds * 1000) / 1000, usesDays } };
}

/** A short human form of a number of seconds: `1h 30m`, `2d 4h`, `45s`. */
export function formatSeconds(total: number): string {
  const sign = total < 0 ? '-' : '';
  let rest = Math.round(Math.abs(total));
  if (rest === 0) return '0s';
  const out: string[] = [];
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    const size = UNIT_SECONDS[unit] as number;
    const n = Math.floor(rest / size);
    if (n > 0) out.push(`${n}${unit}`);
    rest -= n * size;
  }
  return sign + out.slice(0, 2).join(' ');
}
