import type { MessageData } from '../model/diagnostic.js';
import type { SchemaMessageId } from './rule-messages.js';

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
const UNIT_ORDER = ['w', 'd', 'h', 'm', 's'];
const PART = /(\d+(?:\.\d+)?)(bd|w|d|h|m|s)/gy;

/** A duration, or why it is not one: a message of registry/rule-messages.ts and its data. */
export type DurationResult = { ok: true; value: Duration } | { ok: false; messageId: SchemaMessageId; data: MessageData };

export function parseDuration(input: string): DurationResult {
  const text = input.trim();
  const bad = (messageId: SchemaMessageId): DurationResult => ({ ok: false, messageId, data: { value: input } });
  if (text === '') return bad('emptyDuration');
  PART.lastIndex = 0;
  const parts: { amount: number; unit: string }[] = [];
  let match: RegExpExecArray | null;
  while ((match = PART.exec(text)) !== null) {
    parts.push({ amount: Number(match[1]), unit: match[2] as string });
    if (PART.lastIndex === text.length) break;
  }
  if (parts.length === 0 || PART.lastIndex !== text.length) {
    return bad('notDuration');
  }
  const first = parts[0];
  if (first !== undefined && first.unit === 'bd') {
    if (parts.length > 1) return bad('mixedBusinessDays');
    if (!Number.isInteger(first.amount)) {
      return bad('fractionalBusinessDays');
    }
    if (first.amount > MAX_LIMIT_DAYS) return { ok: false, messageId: 'tooManyBusinessDays', data: { value: input, max: MAX_LIMIT_DAYS } };
    return { ok: true, value: { kind: 'business-days', text, days: first.amount } };
  }
  let seconds = 0;
  let usesDays = false;
  let lastRank = -1;
  for (const { amount, unit } of parts) {
    const rank = UNIT_ORDER.indexOf(unit);
    if (rank === -1) return bad('mixedBusinessDays');
    if (rank <= lastRank) return bad('unitOrder');
    lastRank = rank;
    if (unit === 'd' || unit === 'w') usesDays = true;
    seconds += amount * (UNIT_SECONDS[unit] as number);
  }
  if (seconds > MAX_LIMIT_SECONDS) return { ok: false, messageId: 'tooLong', data: { value: input, max: MAX_LIMIT_DAYS } };
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
