/**
 * Reading the timestamp cells of one source (SPEC §1): ISO 8601 by default, or the source's
 * `timestamp_format` (a date-fns pattern). Times without an offset are wall-clock times in the
 * source's zone. The engine calls this for every timestamp cell it reads, so the common shapes
 * take a fast path; date-fns `parse` stays the reference and reads every other pattern.
 */
import { createRequire } from 'node:module';
import { tz } from '@date-fns/tz';
import type { isValid as IsValid } from 'date-fns/isValid';
import type { parse as Parse } from 'date-fns/parse';
import type { TimestampReader, TimestampReading } from '../model/cells.js';
import { civilDay, ORDINARY, utcMs, ZoneClock } from '../time/zone.js';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

/** Wall-clock fields as read from a cell; `offset` in minutes when the cell carries one (`hasOffset`). */
interface Fields {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
  dateOnly: boolean;
  hasOffset: boolean;
  offset: number;
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

const ZERO = 48;
const DASH = 45;
const COLON = 58;
const SPACE = 32;

/** Two digits at `at` (the caller has checked the length), or -1. */
function two(text: string, at: number): number {
  const a = text.charCodeAt(at) - ZERO;
  const b = text.charCodeAt(at + 1) - ZERO;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** The fields of the cell being read on the hot path: one object, filled in place. */
const scratch: Fields = { y: 0, mo: 0, d: 0, h: 0, mi: 0, s: 0, ms: 0, dateOnly: true, hasOffset: false, offset: 0 };

/**
 * ISO 8601 as exports write it: `YYYY-MM-DD`, then optionally `T` or a space and `HH:MM`,
 * `:SS`, a fraction after `.` or `,`, spaces, and `Z` or an offset `±HH`, `±HHMM`, `±HH:MM`.
 * Read by hand from text[start, end), character by character, into `f`: it is the hottest path
 * of an evaluation, and the cell is read where the log reader found it, never copied out.
 */
function readIso(text: string, start: number, end: number, f: Fields): Fields | undefined {
  const n = end;
  const o = start;
  if (n - o < 10 || text.charCodeAt(o + 4) !== DASH || text.charCodeAt(o + 7) !== DASH) return undefined;
  const hi = two(text, o);
  const lo = two(text, o + 2);
  const mo = two(text, o + 5);
  const d = two(text, o + 8);
  if (hi < 0 || lo < 0 || mo < 0 || d < 0) return undefined;
  f.y = hi * 100 + lo;
  f.mo = mo;
  f.d = d;
  f.h = 0;
  f.mi = 0;
  f.s = 0;
  f.ms = 0;
  f.dateOnly = true;
  f.hasOffset = false;
  f.offset = 0;
  let i = o + 10;
  const t = i < n ? text.charCodeAt(i) : -1;
  if (n - o >= 16 && (t === 84 || t === SPACE) && text.charCodeAt(i + 3) === COLON) {
    const h = two(text, i + 1);
    const mi = two(text, i + 4);
    if (h < 0 || mi < 0) return undefined;
    f.h = h;
    f.mi = mi;
    f.dateOnly = false;
    i += 6;
    if (i < n && text.charCodeAt(i) === COLON) {
      if (i + 3 > n) return undefined;
      const sec = two(text, i + 1);
      if (sec < 0) return undefined;
      f.s = sec;
      i += 3;
      const sep = i < n ? text.charCodeAt(i) : -1;
      if (sep === 46 || sep === 44) {
        let j = i + 1;
        let fraction = 0;
        let scale = 1;
        while (j < n && j - i <= 9) {
          const c = text.charCodeAt(j) - ZERO;
          if (c < 0 || c > 9) break;
          if (scale < 1000) {
            fraction = fraction * 10 + c;
            scale *= 10;
          }
          j++;
        }
        if (j === i + 1) return undefined;
        f.ms = Math.floor((fraction * 1000) / scale);
        i = j;
      }
    }
  }
  while (i < n && text.charCodeAt(i) === SPACE) i++;
  if (i === n) return f;
  const z = text.charCodeAt(i);
  if ((z === 90 || z === 122) && i + 1 === n) {
    f.hasOffset = true;
    return f;
  }
  if ((z !== 43 && z !== DASH) || i + 3 > n) return undefined;
  const oh = two(text, i + 1);
  if (oh < 0) return undefined;
  let om = 0;
  const rest = n - (i + 3);
  if (rest === 3 && text.charCodeAt(i + 3) === COLON) om = two(text, i + 4);
  else if (rest === 2) om = two(text, i + 3);
  else if (rest !== 0) return undefined;
  if (om < 0) return undefined;
  f.hasOffset = true;
  f.offset = (z === DASH ? -1 : 1) * (oh * 60 + om);
  return f;
}

const DAY_MS = 86_400_000;
/** Years whose months' first days are kept in a table: every date a log holds, in practice. */
const TABLE_FROM = 1900;
const TABLE_YEARS = 300;
/** Not yet filled: no month of the table starts on this day. */
const UNFILLED = -0x80000000;
/** an Int32Array, so that day numbers stay small integers (a double would make every zone lookup by day slower) */
const monthStarts = new Int32Array(TABLE_YEARS * 12).fill(UNFILLED);

/** The day number of a real date: the first day of its month from a table, filled as it is used. */
function dayOf(y: number, mo: number, d: number): number {
  const k = (y - TABLE_FROM) * 12 + mo - 1;
  if (k < 0 || k >= TABLE_YEARS * 12) return civilDay(y, mo, d);
  let first = monthStarts[k] as number;
  if (first === UNFILLED) {
    first = civilDay(y, mo, 1);
    monthStarts[k] = first;
  }
  return first + d - 1;
}

/** What String.prototype.trim removes: white space and line terminators. */
function isTrimmed(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

export type FieldName = 'y' | 'y2' | 'mo' | 'd' | 'h' | 'h12' | 'mi' | 's' | 'ms' | 'ampm';

/** Pattern tokens the fast path reads, each as date-fns reads it, with the digits it takes exactly. */
const TOKENS: Record<string, { field: FieldName; re: string }> = {
  yyyy: { field: 'y', re: '([0-9]{4})' },
  yy: { field: 'y2', re: '([0-9]{2})' },
  MM: { field: 'mo', re: '([0-9]{2})' },
  M: { field: 'mo', re: '([0-9]{1,2})' },
  dd: { field: 'd', re: '([0-9]{2})' },
  d: { field: 'd', re: '([0-9]{1,2})' },
  HH: { field: 'h', re: '([0-9]{2})' },
  H: { field: 'h', re: '([0-9]{1,2})' },
  hh: { field: 'h12', re: '([0-9]{2})' },
  h: { field: 'h12', re: '([0-9]{1,2})' },
  mm: { field: 'mi', re: '([0-9]{2})' },
  m: { field: 'mi', re: '([0-9]{1,2})' },
  ss: { field: 's', re: '([0-9]{2})' },
  s: { field: 's', re: '([0-9]{1,2})' },
  SSS: { field: 'ms', re: '([0-9]{3})' },
  a: { field: 'ampm', re: '([AaPp][Mm])' },
};

/** A piece of a date-fns pattern: a field the fast path reads (with its exact regular expression), or literal text. */
export type PatternToken = { kind: 'field'; field: FieldName; token: string; re: string } | { kind: 'literal'; text: string };

/**
 * The tokens of a pattern as the fast path splits it (a literal per character outside quotes,
 * quoted text as one); undefined when it has a token that path does not know (names of months,
 * offsets, week dates), which date-fns alone reads. The SQL compiler reads patterns through it too.
 */
export function patternTokens(pattern: string): PatternToken[] | undefined {
  const out: PatternToken[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    if (c === "'") {
      const close = pattern.indexOf("'", i + 1);
      if (close === -1) return undefined;
      out.push({ kind: 'literal', text: close === i + 1 ? "'" : pattern.slice(i + 1, close) });
      i = close + 1;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (j < pattern.length && pattern[j] === c) j++;
      const token = pattern.slice(i, j);
      const known = TOKENS[token];
      if (known === undefined) return undefined;
      out.push({ kind: 'field', field: known.field, token, re: known.re });
      i = j;
      continue;
    }
    out.push({ kind: 'literal', text: c });
    i++;
  }
  return out;
}

const escapeRe = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface FastPattern {
  re: RegExp;
  fields: FieldName[];
  dateOnly: boolean;
}

/** A pattern made only of the tokens above and literal text becomes one regular expression; anything else is left to date-fns. */
export function compileFastPattern(pattern: string): FastPattern | undefined {
  const tokens = patternTokens(pattern);
  if (tokens === undefined) return undefined;
  let re = '^';
  const fields: FieldName[] = [];
  for (const t of tokens) {
    if (t.kind === 'literal') re += escapeRe(t.text);
    else {
      re += t.re;
      fields.push(t.field);
    }
  }
  const has = (f: FieldName) => fields.includes(f);
  if (!has('y') || !has('mo') || !has('d')) return undefined;
  if (has('h12') !== has('ampm') || (has('h') && has('h12'))) return undefined;
  return { re: new RegExp(`${re}$`), fields, dateOnly: !has('h') && !has('h12') };
}

function fastFields(p: FastPattern, text: string): Fields | undefined {
  const m = p.re.exec(text);
  if (m === null) return undefined;
  const f: Fields = { y: 0, mo: 0, d: 0, h: 0, mi: 0, s: 0, ms: 0, dateOnly: p.dateOnly, hasOffset: false, offset: 0 };
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

/**
 * date-fns reads only the patterns the fast path does not (names of months, offsets, week dates),
 * so it is loaded when first needed: most logs are ISO 8601, and loading it is a tenth of a worker
 * thread's start (docs/performance.md).
 */
let dateFns: { parse: typeof Parse; isValid: typeof IsValid } | undefined;
function loadDateFns(): { parse: typeof Parse; isValid: typeof IsValid } {
  if (dateFns === undefined) {
    const require = createRequire(import.meta.url);
    dateFns = { parse: (require('date-fns/parse') as { parse: typeof Parse }).parse, isValid: (require('date-fns/isValid') as { isValid: typeof IsValid }).isValid };
  }
  return dateFns;
}

const UTC = tz('UTC');
/** Two-digit years are read against this: 00-49 are 2000-2049, 50-99 are 1950-1999. */
const REFERENCE = new Date(Date.UTC(2000, 0, 1));
const OFFSET_TOKEN = /[XxOz]/;

/** Reads a cell with date-fns; fields are the wall-clock fields written (or the instant, with an offset). */
function dateFnsFields(pattern: string, text: string): Fields | undefined {
  const { parse, isValid } = loadDateFns();
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
    hasOffset: withOffset,
    offset: 0,
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

/** The digit at `at`, or a number past 9 for any other character. */
function digit(text: string, at: number): number {
  return (text.charCodeAt(at) - ZERO) >>> 0;
}

/**
 * The shapes exports write nearly always, read without the general reader's fields:
 * `YYYY-MM-DDTHH:MM:SS` (or a space for the `T`), alone (a wall-clock time in the zone), with
 * `Z` or with `±HH:MM`, and a date alone, `YYYY-MM-DD`; nothing around it. NaN for any other text, and for a time the general
 * reader must judge (a field out of range, 24:00): `readIso` then reads it, so this changes
 * what is read by no cell, only how fast (test/logs/timestamp-reader.test.ts holds both to the
 * grammar). Sets what `readAt` sets on the reader.
 */
function readFixedIso(text: string, s: number, e: number, clock: ZoneClock, reader: TimestampReader): number {
  const n = e - s;
  if (n === 10) return readFixedDate(text, s, clock, reader);
  if ((n !== 19 && n !== 20 && n !== 25) || text.charCodeAt(s + 4) !== DASH || text.charCodeAt(s + 7) !== DASH || text.charCodeAt(s + 13) !== COLON || text.charCodeAt(s + 16) !== COLON) return Number.NaN;
  const t = text.charCodeAt(s + 10);
  if (t !== 84 && t !== SPACE) return Number.NaN;
  const y0 = digit(text, s);
  const y1 = digit(text, s + 1);
  const y2 = digit(text, s + 2);
  const y3 = digit(text, s + 3);
  const mo0 = digit(text, s + 5);
  const mo1 = digit(text, s + 6);
  const d0 = digit(text, s + 8);
  const d1 = digit(text, s + 9);
  const h0 = digit(text, s + 11);
  const h1 = digit(text, s + 12);
  const mi0 = digit(text, s + 14);
  const mi1 = digit(text, s + 15);
  const s0 = digit(text, s + 17);
  const s1 = digit(text, s + 18);
  if (y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || mo0 > 9 || mo1 > 9 || d0 > 9 || d1 > 9 || h0 > 9 || h1 > 9 || mi0 > 9 || mi1 > 9 || s0 > 9 || s1 > 9) return Number.NaN;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const mo = mo0 * 10 + mo1;
  const d = d0 * 10 + d1;
  const h = h0 * 10 + h1;
  const mi = mi0 * 10 + mi1;
  const sec = s0 * 10 + s1;
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || sec > 59) return Number.NaN;
  let offset = 0;
  if (n === 20) {
    const z = text.charCodeAt(s + 19);
    if (z !== 90 && z !== 122) return Number.NaN;
  } else if (n === 25) {
    const sign = text.charCodeAt(s + 19);
    const oh0 = digit(text, s + 20);
    const oh1 = digit(text, s + 21);
    const om0 = digit(text, s + 23);
    const om1 = digit(text, s + 24);
    if ((sign !== 43 && sign !== DASH) || text.charCodeAt(s + 22) !== COLON || oh0 > 9 || oh1 > 9 || om0 > 9 || om1 > 9) return Number.NaN;
    offset = (sign === DASH ? -1 : 1) * ((oh0 * 10 + oh1) * 60 + om0 * 10 + om1);
  }
  const day = dayOf(y, mo, d);
  reader.dateOnly = false;
  reader.writtenDay = day;
  if (n === 19) {
    const ms = clock.toInstantOnDay(day, h, mi, sec, 0);
    reader.clockNote = clock.note;
    return ms;
  }
  reader.clockNote = ORDINARY;
  return day * DAY_MS + h * 3_600_000 + mi * 60_000 + sec * 1000 - offset * 60_000;
}

/** `readFixedIso` of a date alone, `YYYY-MM-DD`: the start of that day in the zone (SPEC §1). */
function readFixedDate(text: string, s: number, clock: ZoneClock, reader: TimestampReader): number {
  if (text.charCodeAt(s + 4) !== DASH || text.charCodeAt(s + 7) !== DASH) return Number.NaN;
  const y0 = digit(text, s);
  const y1 = digit(text, s + 1);
  const y2 = digit(text, s + 2);
  const y3 = digit(text, s + 3);
  const mo0 = digit(text, s + 5);
  const mo1 = digit(text, s + 6);
  const d0 = digit(text, s + 8);
  const d1 = digit(text, s + 9);
  if (y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || mo0 > 9 || mo1 > 9 || d0 > 9 || d1 > 9) return Number.NaN;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const mo = mo0 * 10 + mo1;
  const d = d0 * 10 + d1;
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return Number.NaN;
  const day = dayOf(y, mo, d);
  reader.dateOnly = true;
  reader.writtenDay = day;
  // a date alone is the start of its day: no time was written for a clock change to note
  reader.clockNote = ORDINARY;
  return clock.toInstantOnDay(day, 0, 0, 0, 0);
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
  const patternFields = (text: string): Fields | undefined => {
    for (const r of readers) {
      const f = r.read(text);
      if (f !== undefined) {
        if (r.date) f.dateOnly = true;
        return f;
      }
    }
    return undefined;
  };
  /** The fields of text[start, end), trimmed as String.prototype.trim trims. */
  const fields = (text: string, start: number, end: number): Fields | undefined => {
    let s = start;
    let e = end;
    while (s < e && isTrimmed(text.charCodeAt(s))) s++;
    while (e > s && isTrimmed(text.charCodeAt(e - 1))) e--;
    if (pattern === undefined) return readIso(text, s, e, scratch);
    return patternFields(text.slice(s, e));
  };
  const readAt = (text: string, start: number, end: number): number => {
    if (pattern === undefined) {
      const ms = readFixedIso(text, start, end, clock, reader);
      if (ms === ms) return ms;
    }
    const f = fields(text, start, end);
    if (f === undefined || !validFields(f)) {
      reader.problem = f === undefined ? 'not-a-timestamp' : 'not-a-real-time';
      return Number.NaN;
    }
    reader.dateOnly = f.dateOnly;
    reader.clockNote = ORDINARY;
    const day = dayOf(f.y, f.mo, f.d);
    reader.writtenDay = day;
    if (f.hasOffset) return day * DAY_MS + f.h * 3_600_000 + f.mi * 60_000 + f.s * 1000 + f.ms - f.offset * 60_000;
    const ms = clock.toInstantOnDay(day, f.h, f.mi, f.s, f.ms);
    // a date alone is the start of its day, at the jump where the clocks skip midnight: no time was written to note
    if (!f.dateOnly) reader.clockNote = clock.note;
    return ms;
  };
  const reader: TimestampReader = {
    dateOnly: false,
    clockNote: ORDINARY,
    problem: 'not-a-timestamp',
    writtenDay: 0,
    format: pattern,
    readAt,
    read: (cell: string): number => readAt(cell, 0, cell.length),
    explain(cell: string): TimestampReading {
      const ms = reader.read(cell);
      if (Number.isNaN(ms)) return { ms, problem: reader.problem, dateOnly: false, writtenOffset: undefined, zone, offset: 0, clockNote: ORDINARY };
      // read again for the fields: `read` keeps none, so that the hot path allocates nothing
      const f = fields(cell, 0, cell.length) as Fields;
      const wall = utcMs(f.y, f.mo, f.d, f.h === 24 ? 0 : f.h, f.mi, f.s, f.ms) + (f.h === 24 ? 86_400_000 : 0);
      return { ms, problem: undefined, dateOnly: reader.dateOnly, writtenOffset: f.hasOffset ? f.offset : undefined, zone, offset: Math.round((wall - ms) / 60_000), clockNote: reader.clockNote };
    },
    endOfDay(cell: string): number {
      const f = fields(cell, 0, cell.length);
      if (f === undefined || !validFields(f)) {
        reader.problem = 'not-a-timestamp';
        return Number.NaN;
      }
      return clock.endOfDay(f.y, f.mo, f.d);
    },
    endOfWrittenDay: (day: number): number => clock.endOfDayNumber(day),
  };
  return reader;
}
