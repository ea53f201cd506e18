/**
 * Reading the timestamp cells of one source (SPEC §1): ISO 8601 by default, or the source's
 * `timestamp_format` (a date-fns pattern). Times without an offset are wall-clock times in the
 * source's zone. The engine calls this for every timestamp cell it reads, so the common shapes
 * take a fast path; date-fns `parse` stays the reference and reads every other pattern.
 */
import { tz } from '@date-fns/tz';
import { isValid, parse } from 'date-fns';
import type { TimestampReader } from '../model/cells.js';
import { ZoneClock } from './timestamp.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Wall-clock fields as read from a cell; `offset` in minutes when the cell carries one. */
interface Fields {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
  dateOnly: boolean;
  offset: number | undefined;
}

function validFields(f: Fields): boolean {
  // a year before 1000 is a placeholder, not a date (and Date.UTC would read 0-99 as 19xx)
  return (
    f.y >= 1000 &&
    f.mo >= 1 &&
    f.mo <= 12 &&
    f.d >= 1 &&
    f.d <= daysIn(f.y, f.mo) &&
    f.h <= 24 &&
    f.mi <= 59 &&
    f.s <= 59 &&
    !(f.h === 24 && (f.mi > 0 || f.s > 0 || f.ms > 0))
  );
}

function isoFields(text: string): Fields | undefined {
  const m = ISO.exec(text);
  if (m === null) return undefined;
  let offset: number | undefined;
  const zone = m[8];
  if (zone !== undefined) {
    if (zone === 'Z' || zone === 'z') offset = 0;
    else {
      const digits = zone.slice(1).replace(':', '');
      offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
      if (zone[0] === '-') offset = -offset;
    }
  }
  return {
    y: Number(m[1]),
    mo: Number(m[2]),
    d: Number(m[3]),
    h: m[4] === undefined ? 0 : Number(m[4]),
    mi: m[5] === undefined ? 0 : Number(m[5]),
    s: m[6] === undefined ? 0 : Number(m[6]),
    ms: m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000),
    dateOnly: m[4] === undefined,
    offset,
  };
}

type FieldName = 'y' | 'y2' | 'mo' | 'd' | 'h' | 'h12' | 'mi' | 's' | 'ms' | 'ampm';

/** Pattern tokens the fast path reads, each as date-fns reads it. */
const TOKENS: Record<string, { field: FieldName; re: string }> = {
  yyyy: { field: 'y', re: '(\\d{4})' },
  yy: { field: 'y2', re: '(\\d{2})' },
  MM: { field: 'mo', re: '(\\d{2})' },
  M: { field: 'mo', re: '(\\d{1,2})' },
  dd: { field: 'd', re: '(\\d{2})' },
  d: { field: 'd', re: '(\\d{1,2})' },
  HH: { field: 'h', re: '(\\d{2})' },
  H: { field: 'h', re: '(\\d{1,2})' },
  hh: { field: 'h12', re: '(\\d{2})' },
  h: { field: 'h12', re: '(\\d{1,2})' },
  mm: { field: 'mi', re: '(\\d{2})' },
  m: { field: 'mi', re: '(\\d{1,2})' },
  ss: { field: 's', re: '(\\d{2})' },
  s: { field: 's', re: '(\\d{1,2})' },
  SSS: { field: 'ms', re: '(\\d{3})' },
  a: { field: 'ms', re: '' },
};

const escapeRe = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface FastPattern {
  re: RegExp;
  fields: FieldName[];
  dateOnly: boolean;
}

/**
 * A pattern made only of the tokens above and literal text becomes one regular expression;
 * anything else (names of months, offsets, week dates) is left to date-fns.
 */
export function compileFastPattern(pattern: string): FastPattern | undefined {
  let re = '^';
  const fields: FieldName[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    if (c === "'") {
      const close = pattern.indexOf("'", i + 1);
      if (close === -1) return undefined;
      const literal = close === i + 1 ? "'" : pattern.slice(i + 1, close);
      re += escapeRe(literal);
      i = close + 1;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (j < pattern.length && pattern[j] === c) j++;
      const token = pattern.slice(i, j);
      if (token === 'a') {
        re += '([AaPp][Mm])';
        fields.push('ampm');
      } else {
        const known = TOKENS[token];
        if (known === undefined) return undefined;
        re += known.re;
        fields.push(known.field);
      }
      i = j;
      continue;
    }
    re += escapeRe(c);
    i++;
  }
  const has = (f: FieldName) => fields.includes(f);
  if (!has('y') || !has('mo') || !has('d')) return undefined;
  if (has('h12') !== has('ampm') || (has('h') && has('h12'))) return undefined;
  return { re: new RegExp(`${re}$`), fields, dateOnly: !has('h') && !has('h12') };
}

function fastFields(p: FastPattern, text: string): Fields | undefined {
  const m = p.re.exec(text);
  if (m === null) return undefined;
  const f: Fields = { y: 0, mo: 0, d: 0, h: 0, mi: 0, s: 0, ms: 0, dateOnly: p.dateOnly, offset: undefined };
  let h12 = -1;
  let pm = false;
  for (let k = 0; k < p.fields.length; k++) {
    const value = m[k + 1] as string;
    switch (p.fields[k] as FieldName) {
      case 'y':
        f.y = Number(value);
        break;
      case 'y2':
        // as date-fns reads it against the reference date 2000-01-01: 00-49 is 2000-2049
        f.y = Number(value) + (Number(value) < 50 ? 2000 : 1900);
        break;
      case 'mo':
        f.mo = Number(value);
        break;
      case 'd':
        f.d = Number(value);
        break;
      case 'h':
        f.h = Number(value);
        break;
      case 'h12':
        h12 = Number(value);
        break;
      case 'mi':
        f.mi = Number(value);
        break;
      case 's':
        f.s = Number(value);
        break;
      case 'ms':
        f.ms = Number(value);
        break;
      case 'ampm':
        pm = value[0] === 'P' || value[0] === 'p';
        break;
    }
  }
  if (h12 !== -1) {
    if (h12 < 1 || h12 > 12) return undefined;
    f.h = (h12 % 12) + (pm ? 12 : 0);
  }
  if (f.h > 23) return undefined;
  return f;
}

const UTC = tz('UTC');
/** Two-digit years are read against this: 00-49 are 2000-2049, 50-99 are 1950-1999. */
const REFERENCE = new Date(Date.UTC(2000, 0, 1));
const OFFSET_TOKEN = /[XxOz]/;

/** Reads a cell with date-fns; fields are the wall-clock fields written (or the instant, with an offset). */
function dateFnsFields(pattern: string, text: string): Fields | undefined {
  const parsed = parse(text, pattern, REFERENCE, { in: UTC });
  if (!isValid(parsed)) return undefined;
  const unquoted = pattern.replace(/'[^']*'/g, '');
  const withOffset = OFFSET_TOKEN.test(unquoted);
  const d = new Date(parsed.getTime());
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    h: d.getUTCHours(),
    mi: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
    dateOnly: !/[HhKkmsa]/.test(unquoted),
    offset: withOffset ? 0 : undefined,
  };
}

/**
 * The date part of a pattern: everything before its first time-of-day token, so that a column
 * holding dates alone (a due date) reads with the same `timestamp_format` as the times beside it.
 */
export function datePartOf(pattern: string): string | undefined {
  const unquoted = pattern.replace(/'[^']*'/g, (q) => '\u0000'.repeat(q.length));
  const first = unquoted.search(/[HhKkmsSa]/);
  if (first <= 0) return undefined;
  const part = pattern.slice(0, first).replace(/(?:'T'|[\sT,.:/-])+$/, '');
  return part === '' || part === pattern ? undefined : part;
}

/** A pattern's readers: the fast one when the pattern allows it, and date-fns. */
function patternReaders(pattern: string): ((text: string) => Fields | undefined)[] {
  const fast = compileFastPattern(pattern);
  const slow = (text: string) => dateFnsFields(pattern, text);
  return fast === undefined ? [slow] : [(text) => fastFields(fast, text), slow];
}

/** A reader for the timestamp cells of one source. */
export function createTimestampReader(zone: string, pattern?: string): TimestampReader {
  const clock = new ZoneClock(zone);
  const datePart = pattern === undefined ? undefined : datePartOf(pattern);
  // cheap readers before date-fns; a date alone (SPEC §1: the start of that day) after the full pattern
  const readers: { read: (text: string) => Fields | undefined; date: boolean }[] = [];
  if (pattern !== undefined) {
    const full = patternReaders(pattern);
    const date = datePart === undefined ? [] : patternReaders(datePart);
    const order = [full[0], date[0], full[1], date[1]];
    for (const read of order) if (read !== undefined) readers.push({ read, date: date.includes(read) });
  }
  const fields = (text: string): Fields | undefined => {
    if (pattern === undefined) return isoFields(text);
    for (const r of readers) {
      const f = r.read(text);
      if (f !== undefined) {
        if (r.date) f.dateOnly = true;
        return f;
      }
    }
    return undefined;
  };
  const expected = pattern === undefined ? 'an ISO 8601 timestamp' : `a timestamp in the format "${pattern}"`;
  const reader: TimestampReader = {
    dateOnly: false,
    reason: '',
    read(cell: string): number {
      const text = cell.trim();
      const f = fields(text);
      if (f === undefined || !validFields(f)) {
        reader.reason = f === undefined ? `"${text}" is not ${expected}` : `"${text}" is not a real date and time`;
        return Number.NaN;
      }
      reader.dateOnly = f.dateOnly;
      if (f.offset !== undefined) return Date.UTC(f.y, f.mo - 1, f.d, f.h, f.mi, f.s, f.ms) - f.offset * 60_000;
      const ms = clock.toInstant(f.y, f.mo, f.d, f.h, f.mi, f.s, f.ms);
      if (Number.isNaN(ms)) reader.reason = `"${text}" does not exist in ${zone}: the clocks skip it for daylight saving time`;
      return ms;
    },
    endOfDay(cell: string): number {
      const text = cell.trim();
      const f = fields(text);
      if (f === undefined || !validFields(f)) {
        reader.reason = `"${text}" is not ${expected}`;
        return Number.NaN;
      }
      const end = clock.endOfDay(f.y, f.mo, f.d);
      if (Number.isNaN(end)) reader.reason = `"${text}": the end of that day does not exist in ${zone}`;
      return end;
    },
  };
  return reader;
}
