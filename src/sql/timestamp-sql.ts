/**
 * SPEC §1's timestamp rules, as SQL: what the built-in reader (src/logs/timestamp-reader.ts)
 * makes of a cell, read by regular expressions and arithmetic in the query, with the local
 * dates' offsets looked up in the zone table (src/sql/tables.ts), never by a time-zone function.
 *
 * ISO 8601 is read as the built-in reader reads it, character for character. A `timestamp_format`
 * is read as the built-in reader reads it when it is made of the tokens the reader's fast path
 * knows (yyyy yy MM M dd d HH H hh h mm m ss s SSS a and literal text): first the pattern as the
 * fast path reads it (digits counted exactly), then its date part, then both as date-fns reads
 * them (fewer digits allowed, fields checked). A format with other tokens (month names, offsets,
 * week dates), or with two numbers of variable width side by side, is one the SQL cannot read
 * as date-fns does: its cells are invalid with `not-read-in-sql` (docs/sql.md).
 */
import { compileFastPattern, datePartOf, patternTokens, type FieldName, type PatternToken } from '../logs/timestamp-reader.js';
import type { Dialect } from './dialect.js';

/** What date-fns's parsers match for the same tokens (parse/_lib/parsers, numericPatterns). */
const LENIENT: Record<string, string> = {
  yyyy: '([0-9]{1,4})', yy: '([0-9]{1,2})', MM: '([0-9]{1,2})', M: '(1[0-2]|0?[0-9])', dd: '([0-9]{1,2})', d: '(3[0-1]|[0-2]?[0-9])',
  HH: '([0-9]{1,2})', H: '(2[0-3]|[0-1]?[0-9])', hh: '([0-9]{1,2})', h: '(1[0-2]|0?[0-9])', mm: '([0-9]{1,2})', m: '([0-5]?[0-9])',
  ss: '([0-9]{1,2})', s: '([0-5]?[0-9])', SSS: '([0-9]{1,3})',
};

/** Either case of a letter, as a class: the patterns are matched without flags. */
const anyCase = (text: string): string => [...text].map((c) => (/[a-z]/i.test(c) ? `[${c.toUpperCase()}${c.toLowerCase()}]` : c === ' ' ? '[ ]' : c)).join('');

/** JavaScript's `\s`, which the day periods of date-fns's English locale allow between `a` and `m`. */
const JS_SPACE = '\t\n\u000B\f\r \u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF';

/** What String.prototype.trim removes: the cells are trimmed by it before anything reads them. */
export const TRIMMED = JS_SPACE;

/**
 * date-fns's English day periods for `a` (locale en-US, match.dayPeriod): the abbreviated width
 * (`any`: a.m., pm, midnight, noon, in the morning…), then the narrow one (a, p, mi, n, …).
 */
const DAY_PERIOD = `(${[
  `[Aa][.]?[${JS_SPACE}]?[Mm][.]?`,
  `[Pp][.]?[${JS_SPACE}]?[Mm][.]?`,
  anyCase('midnight'),
  anyCase('noon'),
  ...['in the', 'at'].flatMap((p) => ['morning', 'afternoon', 'evening', 'night'].map((w) => anyCase(`${p} ${w}`))),
  '[Aa]',
  '[Pp]',
  anyCase('mi'),
  '[Nn]',
].join('|')})`;

/** A literal character of a pattern as a regular expression, in the syntax every dialect shares. */
function literal(text: string): string {
  return [...text].map((c) => (/[A-Za-z0-9]/.test(c) ? c : /[\]\\^-]/.test(c) ? `\\${c}` : `[${c}]`)).join('');
}

/** One way of reading a cell: a pattern whose groups are fields, in order. */
export interface Reader {
  pattern: string;
  /** the field of each capture group, in order */
  fields: FieldName[];
  /** the tokens of each field, as written in the pattern (for the widths date-fns reads) */
  tokens: string[];
  /** a date alone: SPEC §1 the start of the day */
  dateOnly: boolean;
  /** `fast`: no field checked but the 12-hour clock and hours past 23; `lenient`: date-fns checks every field */
  mode: 'fast' | 'lenient';
}

function reader(tokens: PatternToken[], mode: 'fast' | 'lenient', dateOnly: boolean): Reader {
  let pattern = '^';
  const fields: FieldName[] = [];
  const written: string[] = [];
  for (const t of tokens) {
    if (t.kind === 'literal') {
      pattern += literal(t.text);
      continue;
    }
    pattern += mode === 'fast' ? t.re : t.field === 'ampm' ? DAY_PERIOD : (LENIENT[t.token] as string);
    fields.push(t.field);
    written.push(t.token);
  }
  return { pattern: `${pattern}$`, fields, tokens: written, dateOnly, mode };
}

/** True when two numbers of variable width stand side by side: date-fns splits their digits greedily, a regular expression by backtracking. */
function adjacentNumbers(tokens: PatternToken[]): boolean {
  for (let i = 1; i < tokens.length; i++) {
    const a = tokens[i - 1] as PatternToken;
    const b = tokens[i] as PatternToken;
    if (a.kind === 'field' && b.kind === 'field' && a.field !== 'ampm' && b.field !== 'ampm') return true;
  }
  return false;
}

/** How a source's timestamp cells are read in SQL: the readers, in the order the built-in reader tries them; undefined when the SQL cannot read its format. */
export interface TimestampPlan {
  /** undefined for ISO 8601 */
  format: string | undefined;
  readers: Reader[];
}

/** The ISO 8601 reader: readIso of src/logs/timestamp-reader.ts as one pattern. */
const ISO: Reader = {
  pattern:
    '^([0-9]{2})([0-9]{2})-([0-9]{2})-([0-9]{2})([T ]([0-9]{2}):([0-9]{2})(:([0-9]{2})([.,]([0-9])([0-9]?)([0-9]?)[0-9]{0,6})?)?)?[ ]*(([Zz])|([+-])([0-9]{2})(:?([0-9]{2}))?)?$',
  fields: [],
  tokens: [],
  dateOnly: false,
  mode: 'fast',
};

export function timestampPlan(format: string | undefined): TimestampPlan | undefined {
  if (format === undefined) return { format, readers: [ISO] };
  const full = patternTokens(format);
  if (full === undefined) return undefined;
  const datePart = datePartOf(format);
  const date = datePart === undefined ? undefined : patternTokens(datePart);
  if (datePart !== undefined && date === undefined) return undefined;
  // date-fns reads what the fast path cannot; a regular expression reads as it does only where numbers of variable width are not side by side
  if (adjacentNumbers(full) || (date !== undefined && adjacentNumbers(date))) return undefined;
  const timeOfDay = (tokens: PatternToken[]): boolean => tokens.some((t) => t.kind === 'field' && ['h', 'h12', 'mi', 's', 'ampm'].includes(t.field));
  // as src/logs/timestamp-reader.ts orders them: the full pattern's first reader, the date part's, then their second
  const readersOf = (tokens: PatternToken[], pattern: string, dateOnly: boolean): Reader[] => {
    const fast = compileFastPattern(pattern);
    const lenient = reader(tokens, 'lenient', dateOnly || !timeOfDay(tokens));
    return fast === undefined ? [lenient] : [reader(tokens, 'fast', dateOnly || fast.dateOnly), lenient];
  };
  const fullReaders = readersOf(full, format, false);
  const dateReaders = date === undefined || datePart === undefined ? [] : readersOf(date, datePart, true);
  const readers = [fullReaders[0], dateReaders[0], fullReaders[1], dateReaders[1]].filter((r): r is Reader => r !== undefined);
  return { format, readers };
}

/** The SQL that reads one cell's fields: expressions over a `groups` value per reader. */
export interface FieldsSql {
  y: string;
  mo: string;
  d: string;
  h: string;
  mi: string;
  s: string;
  ms: string;
  /** the written offset in minutes, NULL when none */
  offset: string;
  dateOnly: string;
  /** a reader read the cell */
  found: string;
}

const num = (d: Dialect, text: string): string => `CAST(${text} AS ${d.types.double})`;

/** A group of a match as text, '' when it did not take part (dialects say NULL or ''). */
function groupText(d: Dialect, groups: string, r: Reader, k: number): string {
  return `COALESCE(${group(d, groups, r.pattern, k)}, '')`;
}

/** The value of group `k` read with `groups`, by the dialect's way of reading several groups of one match. */
function group(d: Dialect, groups: string, pattern: string, k: number): string {
  return d.groups === undefined || d.groupOf === undefined ? d.extract(groups, pattern, k) : d.groupOf(groups, k);
}

/** The expression a layer computes once per reader, from which `fieldsOf` reads the groups. */
export function groupsOf(d: Dialect, cell: string, r: Reader): string {
  if (d.groups === undefined) return cell;
  const all = d.groups(cell, r.pattern, groupCount(r.pattern));
  return r === ISO && d.array !== undefined ? isoShapes(d, cell, all) : all;
}

/**
 * ISO 8601's groups for the forms logs and databases write most (a date; a date and a time to
 * the second, with a fraction and an offset or not) cut out by position once a match without
 * groups has said the form is one of them: where capturing a match is slow (PostgreSQL's
 * engine takes near a millisecond to fill ISO's nineteen groups) this reads a cell in a few
 * microseconds. Every other cell is matched as before. The groups are those of ISO.pattern:
 * a group the form has no part for is NULL or '', as the match gives it.
 */
function isoShapes(d: Dialect, x: string, all: string): string {
  const array = d.array as (items: readonly string[]) => string;
  const sub = (from: number, length?: number): string => (length === undefined ? `substr(${x}, ${from})` : `substr(${x}, ${from}, ${length})`);
  const nulls = (n: number): string[] => Array.from({ length: n }, () => 'NULL');
  const date = [sub(1, 2), sub(3, 2), sub(6, 2), sub(9, 2)];
  // after the seconds: a fraction, then an offset
  const rest = sub(20);
  const hasFraction = `${sub(20, 1)} IN ('.', ',')`;
  const afterDigits = `ltrim(substr(${rest}, 2), '0123456789')`;
  const offset = `(CASE WHEN ${hasFraction} THEN ${afterDigits} ELSE ${rest} END)`;
  const fraction = `(CASE WHEN ${hasFraction} THEN substr(${rest}, 2, length(${rest}) - 1 - length(${afterDigits})) ELSE '' END)`;
  const time = [
    sub(11, 9), // 5: the time part (only tested for '')
    sub(12, 2), // 6: hours
    sub(15, 2), // 7: minutes
    sub(18, 2), // 8: the seconds part (unused)
    sub(18, 2), // 9: seconds
    'NULL', // 10: the fraction part (unused)
    `substr(${fraction}, 1, 1)`,
    `substr(${fraction}, 2, 1)`,
    `substr(${fraction}, 3, 1)`,
    'NULL', // 14: the offset part (unused)
    `CASE WHEN ${offset} IN ('Z', 'z') THEN ${offset} END`,
    `CASE WHEN substr(${offset}, 1, 1) IN ('+', '-') THEN substr(${offset}, 1, 1) END`,
    `CASE WHEN substr(${offset}, 1, 1) IN ('+', '-') THEN substr(${offset}, 2, 2) END`,
    'NULL', // 18: the offset's minutes part (unused)
    `CASE WHEN length(${offset}) = 6 THEN substr(${offset}, 5, 2) WHEN length(${offset}) = 5 THEN substr(${offset}, 4, 2) ELSE '' END`,
  ];
  const dateOnly = d.matches(x, '^[0-9]{4}-[0-9]{2}-[0-9]{2}$');
  const dateTime = d.matches(x, '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}([.,][0-9]{1,9})?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?$');
  return `CASE WHEN ${dateOnly} THEN ${array([...date, ...nulls(15)])} WHEN ${dateTime} THEN ${array([...date, ...time])} ELSE ${all} END`;
}

function groupCount(pattern: string): number {
  let n = 0;
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === '(' && pattern[i + 1] !== '?') n++;
  }
  return n;
}

const DAYS_IN = (d: Dialect, y: string, mo: string): string =>
  `CASE WHEN ${mo} = 2 THEN CASE WHEN ${d.mod(y, '4')} = 0 AND (${d.mod(y, '100')} <> 0 OR ${d.mod(y, '400')} = 0) THEN 29 ELSE 28 END WHEN ${mo} IN (4, 6, 9, 11) THEN 30 ELSE 31 END`;

export { DAYS_IN as daysInSql };

/**
 * The fields of a cell as the plan's readers read it, the first that reads it winning; `groups`
 * holds, per reader, the layer column made by `groupsOf`.
 */
export function fieldsOf(d: Dialect, plan: TimestampPlan, groups: readonly string[]): FieldsSql {
  if (plan.format === undefined) return isoFields(d, groups[0] as string);
  const per = plan.readers.map((r, i) => patternFields(d, r, groups[i] as string));
  const pick = (f: keyof FieldsSql): string => `CASE ${per.map((p) => `WHEN ${p.found} THEN ${p[f]}`).join(' ')} END`;
  return {
    y: pick('y'),
    mo: pick('mo'),
    d: pick('d'),
    h: pick('h'),
    mi: pick('mi'),
    s: pick('s'),
    ms: pick('ms'),
    offset: 'NULL',
    dateOnly: pick('dateOnly'),
    found: `(${per.map((p) => p.found).join(' OR ')})`,
  };
}

function isoFields(d: Dialect, groups: string): FieldsSql {
  const g = (k: number): string => groupText(d, groups, ISO, k);
  const digits = (k: number): string => num(d, `NULLIF(${g(k)}, '')`);
  const orZero = (k: number): string => `COALESCE(${digits(k)}, 0)`;
  return {
    y: `(${digits(1)} * 100 + ${digits(2)})`,
    mo: digits(3),
    d: digits(4),
    h: orZero(6),
    mi: orZero(7),
    s: orZero(9),
    // a fraction counts its first three digits: .5 is 500 ms, .05 is 50 ms
    ms: `(${orZero(11)} * 100 + ${orZero(12)} * 10 + ${orZero(13)})`,
    offset: `CASE WHEN ${g(15)} <> '' THEN 0 WHEN ${g(16)} <> '' THEN (CASE WHEN ${g(16)} = '-' THEN -1 ELSE 1 END) * (${digits(17)} * 60 + ${orZero(19)}) END`,
    dateOnly: `(${g(5)} = '')`,
    found: `(${g(1)} <> '')`,
  };
}

/** The fields one pattern reader reads, and whether it read the cell (the fast path's checks, or date-fns's). */
function patternFields(d: Dialect, r: Reader, groups: string): FieldsSql {
  const at = (f: FieldName): number => r.fields.indexOf(f) + 1;
  const text = (f: FieldName): string => groupText(d, groups, r, at(f));
  const value = (f: FieldName): string => num(d, `NULLIF(${text(f)}, '')`);
  const has = (f: FieldName): boolean => r.fields.includes(f);
  const year = has('y') ? value('y') : `(${value('y2')} + CASE WHEN ${value('y2')} < 50 THEN 2000 ELSE 1900 END)`;
  const pm = has('ampm') ? (r.mode === 'fast' ? `(${text('ampm')} LIKE 'P%' OR ${text('ampm')} LIKE 'p%')` : dayPeriodIsPm(text('ampm'))) : 'FALSE';
  const h12 = has('h12') ? value('h12') : undefined;
  const hour = h12 !== undefined ? `(${d.mod(h12, '12')} + CASE WHEN ${pm} THEN 12 ELSE 0 END)` : has('h') ? value('h') : '0';
  const matched = `(${text(r.fields[0] as FieldName)} <> '')`;
  const checks: string[] = [matched];
  if (h12 !== undefined) checks.push(`${h12} BETWEEN 1 AND 12`);
  if (r.mode === 'fast') {
    if (has('h')) checks.push(`${value('h')} <= 23`);
  } else {
    // date-fns's checks: a year after 0, a month 1-12, a day in its month, hours, minutes and seconds in range
    if (has('y')) checks.push(`${value('y')} > 0`);
    checks.push(`${value('mo')} BETWEEN 1 AND 12`, `${value('d')} BETWEEN 1 AND ${DAYS_IN(d, year, value('mo'))}`);
    if (has('h')) checks.push(`${value('h')} <= 23`);
    if (has('mi')) checks.push(`${value('mi')} <= 59`);
    if (has('s')) checks.push(`${value('s')} <= 59`);
  }
  return {
    y: year,
    mo: value('mo'),
    d: value('d'),
    h: hour,
    mi: has('mi') ? value('mi') : '0',
    s: has('s') ? value('s') : '0',
    ms: has('ms') ? value('ms') : '0',
    offset: 'NULL',
    dateOnly: r.dateOnly ? 'TRUE' : 'FALSE',
    found: `(${checks.join(' AND ')})`,
  };
}

/**
 * Whether a day period date-fns read is after noon: its English parse patterns, in their order
 * (am /^a/, pm /^p/, midnight /^mi/, noon /^no/, morning, afternoon, evening, night), the first
 * that matches deciding; a period none names (`n`) is before noon.
 */
function dayPeriodIsPm(text: string): string {
  const t = `lower(${text})`;
  return `(CASE WHEN ${t} LIKE 'a%' THEN FALSE WHEN ${t} LIKE 'p%' THEN TRUE WHEN ${t} LIKE 'mi%' THEN FALSE WHEN ${t} LIKE 'no%' THEN TRUE WHEN ${t} LIKE '%morning%' THEN FALSE WHEN ${t} LIKE '%afternoon%' THEN TRUE WHEN ${t} LIKE '%evening%' THEN TRUE ELSE FALSE END)`;
}
