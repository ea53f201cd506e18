/**
 * What differs between the SQL engines the compiler writes for: how a name and a literal are
 * written, the regular-expression and trimming functions, a table of literal rows. Everything
 * else the compiler writes is the SQL they share (CASE, COALESCE, window functions, GROUP BY),
 * so a dialect is a small object and a new one is a file and a map entry (docs/sql.md).
 *
 * The compiler keeps every instant and length of time a DOUBLE of milliseconds, as JavaScript
 * numbers are: the arithmetic then rounds as the built-in engine's does, bit for bit.
 */

export const DIALECT_NAMES = ['duckdb', 'postgres', 'clickhouse', 'trino', 'spark', 'bigquery', 'snowflake'] as const;
export type DialectName = (typeof DIALECT_NAMES)[number];

/** The type of a column of a table of literal rows. */
export type ValueType = 'double' | 'text';

export interface Dialect {
  readonly name: DialectName;
  /** a quoted identifier */
  ident(name: string): string;
  /** a string literal, with control characters written as character codes */
  string(text: string): string;
  /** the names of the double, text and boolean types, for casts */
  readonly types: { readonly double: string; readonly text: string; readonly bool: string };
  /** a NULL of a type, where `CAST(NULL AS type)` is not one (ClickHouse's types are not nullable) */
  nullOf?(type: 'double' | 'text' | 'bool'): string;
  /** true when `pattern` (the shared subset: classes, groups, `{m,n}`, `^ $`) is found in `expr` */
  matches(expr: string, pattern: string): string;
  /** the text of capture group `group` (1-based) of the first match of `pattern`, or NULL or '' when it does not match */
  extract(expr: string, pattern: string, group: number): string;
  /** every group of the first match at once (`count` of them), read with `groupOf`; without it each group is its own `extract` */
  groups?(expr: string, pattern: string, count: number): string;
  groupOf?(groups: string, group: number): string;
  /** an array of texts, as `groups` gives one: a dialect whose engine is slow to capture groups gives it, and the common ISO 8601 forms are cut out by position instead (src/sql/timestamp-sql.ts) */
  array?(items: readonly string[]): string;
  /** `expr` with every character of `chars` removed from both ends */
  trim(expr: string, chars: string): string;
  /** text already known to be written as a number, as a double; NULL when the number does not fit one */
  toDouble(expr: string): string;
  /** the remainder of two whole numbers (both >= 0) */
  mod(a: string, b: string): string;
  /** a relation of literal rows, columns typed, for a CTE body */
  values(columns: readonly { name: string; type: ValueType }[], rows: readonly (readonly string[])[]): string;
  /** an RE2 `matches` test (SPEC §1 conditions), or undefined when this dialect's regular expressions are not RE2's */
  re2(expr: string, pattern: string): string | undefined;
  /**
   * what ends every CTE's body so that the planner keeps it a step of its own: PostgreSQL
   * otherwise inlines each step of the row pipeline into the next, copying every expression a
   * later one reads. `OFFSET 0` keeps the step a subquery that streams its rows; `MATERIALIZED`
   * did too, but wrote every row of every step to a tuplestore, on disk past work_mem
   * (docs/sql.md: 2.5 times slower)
   */
  readonly cteFence?: string;
  /** what ends every statement, for the settings its SQL needs to mean what the other dialects' means */
  readonly statementSettings?: string;
  /** a join needs an equality between its two sides (ClickHouse cannot join on ranges alone) */
  readonly joinsNeedKey?: boolean;
  /** the sum of doubles in the order of `order` where the dialect can, so that it rounds as the built-in engine's running sum */
  orderedSum(expr: string, order: string): string;
}

/**
 * Characters a literal writes as codes: every control character (C0, DEL, C1), the line and
 * paragraph separators and the bidirectional controls, so that printed SQL cannot drive a
 * terminal or reorder what it shows.
 */
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

/**
 * A string literal as `quote` writes one part of it, the control characters as `chr(code)`,
 * joined with `||`. `quote` writes a part without control characters.
 */
export function stringWith(text: string, quote: (part: string) => string, chr: (code: number) => string): string {
  if (!CONTROL.test(text)) return quote(text);
  const parts: string[] = [];
  let run = '';
  for (const c of text) {
    if (CONTROL.test(c)) {
      if (run !== '') parts.push(quote(run));
      run = '';
      parts.push(chr(c.codePointAt(0) as number));
    } else run += c;
  }
  if (run !== '') parts.push(quote(run));
  return `(${parts.join(' || ')})`;
}

/** `'it''s'`: standard SQL, where a backslash is an ordinary character. */
export const standardQuote = (part: string): string => `'${part.replaceAll("'", "''")}'`;
/** `'it\'s'`: dialects whose string literals take backslash escapes. */
export const backslashQuote = (part: string): string => `'${part.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

/**
 * A pattern with only its `group`-th capture group capturing, the others made `(?:`: for a
 * dialect that returns the one group a pattern has. The compiler's patterns open a group only
 * with `(`, and have no `(` in a character class.
 */
export function onlyGroup(pattern: string, group: number): string {
  let n = 0;
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\') {
      out += c + (pattern[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '(' && pattern[i + 1] !== '?') {
      n++;
      out += n === group ? '(' : '(?:';
      continue;
    }
    out += c;
  }
  return out;
}

/** The usual `(VALUES ...) AS t(c1, c2)` relation, each column cast to its type. */
export function standardValues(d: Pick<Dialect, 'types'>, columns: readonly { name: string; type: ValueType }[], rows: readonly (readonly string[])[], quote: (name: string) => string): string {
  const names = columns.map((c) => quote(c.name)).join(', ');
  const casts = columns.map((c) => `CAST(${quote(c.name)} AS ${d.types[c.type]}) AS ${quote(c.name)}`).join(', ');
  const body = rows.map((r) => `      (${r.join(', ')})`).join(',\n');
  return `SELECT ${casts}\n    FROM (VALUES\n${body}\n    ) AS t(${names})`;
}

/** A double as a literal: the shortest text that reads back as the same double, cast. */
export function doubleText(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`a SQL literal must be finite, got ${n}`);
  return Object.is(n, -0) ? '0' : String(n);
}

/** A typed NULL: a CASE whose every branch is NULL has no type of its own (PostgreSQL reads it as text). */
export function nullOf(d: Dialect, type: 'double' | 'text' | 'bool'): string {
  return d.nullOf?.(type) ?? `CAST(NULL AS ${d.types[type]})`;
}
