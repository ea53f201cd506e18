import type { MessageData } from '../model/diagnostic.js';
import type { SchemaMessageId } from './rule-messages.js';
import { suggest } from './suggest.js';

/** Small value syntaxes of the registry files, checked once here and reused by the schema. */

/** `09:00-12:30`: minutes after local midnight; `24:00` may end a day. */
export interface Interval {
  start: number;
  end: number;
}

const INTERVAL = /^(\d{2}):(\d{2})\s*-\s*(\d{2}):(\d{2})$/;

/** A value, or why it is not one: a message of registry/rule-messages.ts and its data. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; messageId: SchemaMessageId; data: MessageData };

export function parseInterval(text: string): ParseResult<Interval> {
  const m = INTERVAL.exec(text.trim());
  if (m === null) {
    return { ok: false, messageId: 'badInterval', data: { value: text } };
  }
  const [sh, sm, eh, em] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
  if (sh > 23 || sm > 59 || eh > 24 || em > 59 || (eh === 24 && em !== 0)) {
    return { ok: false, messageId: 'impossibleTime', data: { value: text } };
  }
  const start = sh * 60 + sm;
  const end = eh * 60 + em;
  if (end <= start) {
    return { ok: false, messageId: 'backwardInterval', data: { value: text } };
  }
  return { ok: true, value: { start, end } };
}

/** Sorted intervals of one day; overlapping ones are an error, not silently merged. */
export function parseIntervals(texts: readonly string[]): ParseResult<Interval[]> {
  const out: Interval[] = [];
  for (const text of texts) {
    const r = parseInterval(text);
    if (!r.ok) return r;
    out.push(r.value);
  }
  out.sort((a, b) => a.start - b.start);
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1] as Interval;
    const cur = out[i] as Interval;
    if (cur.start < prev.end) {
      return { ok: false, messageId: 'overlappingIntervals', data: { intervals: texts } };
    }
  }
  return { ok: true, value: out };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

let zoneNames: readonly string[] | undefined;

/** All IANA zone names this runtime knows, for did-you-mean hints. */
export function knownTimeZones(): readonly string[] {
  zoneNames ??= [...Intl.supportedValuesOf('timeZone'), 'UTC'];
  return zoneNames;
}

/** The zone a misspelt name likely means; a bare city (`berlin`) finds its full name. */
export function closestTimeZone(name: string): string | undefined {
  const zones = knownTimeZones();
  const direct = suggest(name, zones);
  if (direct !== undefined) return direct;
  const city = suggest(name.replace(/ /g, '_'), zones.map((z) => z.slice(z.lastIndexOf('/') + 1)));
  return city === undefined ? undefined : zones.find((z) => z.endsWith(`/${city}`));
}

/** A did-you-mean hint for a misspelt zone. */
export function suggestTimeZone(name: string): string | undefined {
  const zone = closestTimeZone(name);
  return zone === undefined ? undefined : `did you mean "${zone}"?`;
}

export function isTimeZone(name: string): boolean {
  if (name.trim() !== name || name === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** `95%`, `99.5%` or a fraction `0.95`: a share between 0 and 1. */
export function parseShare(input: string | number): ParseResult<number> {
  if (typeof input === 'number') {
    if (input >= 0 && input <= 1) return { ok: true, value: input };
    return { ok: false, messageId: 'shareOutOfRange', data: { value: input } };
  }
  const m = /^(\d+(?:\.\d+)?)\s*%$/.exec(input.trim());
  if (m === null) {
    return { ok: false, messageId: 'notPercentage', data: { value: input } };
  }
  const pct = Number(m[1]);
  if (pct > 100) return { ok: false, messageId: 'overHundredPercent', data: { value: input } };
  return { ok: true, value: pct / 100 };
}
