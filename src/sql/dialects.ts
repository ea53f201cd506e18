/**
 * One object per SQL dialect (docs/sql.md says what each can and cannot do). DuckDB is run by
 * `--engine duckdb`; the others are written for the warehouses `promise sql` prints for, and for
 * the PostgreSQL and ClickHouse engines.
 */
import { backslashQuote, doubleText, onlyGroup, standardQuote, standardValues, stringWith, type Dialect, type DialectName, type ValueType } from './dialect.js';

const doubleQuoted = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const backticked = (name: string): string => `\`${name.replaceAll('`', '``')}\``;

/** The largest double: a text read as a number past it is out of range (SPEC §1, as parseNumber says). */
const FINITE = (x: string): string => `CASE WHEN abs(${x}) <= 1.7976931348623157e308 THEN ${x} END`;

/** UTF-8 bytes of a code point, for dialects whose character function takes bytes. */
function utf8(code: number): number[] {
  return [...Buffer.from(String.fromCodePoint(code), 'utf8')];
}

/** A class of the characters of `chars` for a regular expression, each written so no engine reads it as syntax. */
function charClass(chars: string): string {
  return `[${[...chars].map((c) => (/[\]\\^-]/.test(c) ? `\\${c}` : c)).join('')}]`;
}

const duckdb: Dialect = {
  name: 'duckdb',
  ident: doubleQuoted,
  string: (text) => stringWith(text, standardQuote, (code) => `chr(${code})`),
  types: { double: 'DOUBLE', text: 'VARCHAR', bool: 'BOOLEAN' },
  matches: (expr, pattern) => `regexp_matches(${expr}, ${duckdb.string(pattern)})`,
  extract: (expr, pattern, group) => `regexp_extract(${expr}, ${duckdb.string(pattern)}, ${group})`,
  // one match for all the groups: a struct of them
  groups: (expr, pattern, count) => `regexp_extract(${expr}, ${duckdb.string(pattern)}, [${Array.from({ length: count }, (_, i) => `'g${i + 1}'`).join(', ')}])`,
  groupOf: (groups, group) => `struct_extract(${groups}, 'g${group}')`,
  // trim() with a set of characters costs near 2 µs a cell; most cells have none at their edges, which a match says in a tenth of that
  trim: (expr, chars) => `CASE WHEN regexp_matches(${expr}, ${duckdb.string(`^${charClass(chars)}|${charClass(chars)}$`)}) THEN trim(${expr}, ${duckdb.string(chars)}) ELSE ${expr} END`,
  toDouble: (expr) => FINITE(`TRY_CAST(${expr} AS DOUBLE)`),
  mod: (a, b) => `(${a} % ${b})`,
  values: (columns, rows) => standardValues(duckdb, columns, rows, doubleQuoted),
  re2: (expr, pattern) => `regexp_matches(${expr}, ${duckdb.string(pattern)})`,
  orderedSum: (expr, order) => `sum(${expr} ORDER BY ${order})`,
};

/** 2^1024 - 2^970: a number at or past it rounds to Infinity as a double. */
const PG_OVERFLOW = '(2::numeric ^ 1024 - 2::numeric ^ 970)';

const postgres: Dialect = {
  name: 'postgres',
  ident: doubleQuoted,
  string: (text) => stringWith(text, standardQuote, (code) => `chr(${code})`),
  types: { double: 'DOUBLE PRECISION', text: 'TEXT', bool: 'BOOLEAN' },
  cteFence: 'OFFSET 0',
  matches: (expr, pattern) => `(${expr} ~ ${postgres.string(pattern)})`,
  extract: (expr, pattern, group) => `(regexp_match(${expr}, ${postgres.string(pattern)}))[${group}]`,
  groups: (expr, pattern) => `regexp_match(${expr}, ${postgres.string(pattern)})`,
  groupOf: (groups, group) => `(${groups})[${group}]`,
  array: (items) => `ARRAY[${items.map((i) => (i === 'NULL' ? 'CAST(NULL AS TEXT)' : i)).join(', ')}]`,
  trim: (expr, chars) => `btrim(${expr}, ${postgres.string(chars)})`,
  // PostgreSQL refuses a double that overflows or underflows rather than reading Infinity or 0; NUMERIC reads it first
  toDouble: (expr) =>
    `CASE WHEN length(${expr}) > 1000 OR (${expr} ~ '[eE]' AND abs(COALESCE((regexp_match(${expr}, '[eE]([+-]?[0-9]+)$'))[1], '0')::numeric) > 100000) THEN NULL ` +
    `WHEN abs(${expr}::numeric) >= ${PG_OVERFLOW} THEN NULL WHEN abs(${expr}::numeric) < 1e-323 THEN 0::double precision * sign(${expr}::numeric)::double precision ELSE ${expr}::double precision END`,
  mod: (a, b) => `mod(CAST(${a} AS BIGINT), CAST(${b} AS BIGINT))`,
  values: (columns, rows) => standardValues(postgres, columns, rows, doubleQuoted),
  re2: (expr, pattern) => `(${expr} ~ ${postgres.string(pattern)})`,
  orderedSum: (expr, order) => `sum(${expr} ORDER BY ${order})`,
};

const CH_TYPES: Record<ValueType, string> = { double: 'Float64', text: 'String' };

const clickhouse: Dialect = {
  name: 'clickhouse',
  ident: (name) => `"${name.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`,
  string: (text) => stringWith(text, backslashQuote, (code) => `char(${utf8(code).join(', ')})`),
  types: { double: 'Float64', text: 'String', bool: 'Bool' },
  nullOf: (type) => `CAST(NULL AS Nullable(${clickhouse.types[type]}))`,
  joinsNeedKey: true,
  // a cast of a NULL is a NULL, and an outer join's missing side NULLs, as in the other dialects
  statementSettings: 'SETTINGS cast_keep_nullable = 1, join_use_nulls = 1',
  matches: (expr, pattern) => `match(${expr}, ${clickhouse.string(pattern)})`,
  extract: (expr, pattern, group) => `regexpExtract(${expr}, ${clickhouse.string(pattern)}, ${group})`,
  groups: (expr, pattern) => `extractGroups(${expr}, ${clickhouse.string(pattern)})`,
  groupOf: (groups, group) => `arrayElement(${groups}, ${group})`,
  // by pattern, not trim(): ClickHouse trims bytes, and these characters are several bytes long in UTF-8
  trim: (expr, chars) => `replaceRegexpAll(${expr}, ${clickhouse.string(`^${charClass(chars)}+|${charClass(chars)}+$`)}, '')`,
  toDouble: (expr) => FINITE(`toFloat64OrNull(${expr})`),
  mod: (a, b) => `modulo(${a}, ${b})`,
  values: (columns, rows) =>
    `SELECT * FROM values(${clickhouse.string(columns.map((c) => `${clickhouse.ident(c.name)} Nullable(${CH_TYPES[c.type]})`).join(', '))},\n${rows.map((r) => `      (${r.join(', ')})`).join(',\n')}\n    )`,
  re2: (expr, pattern) => `match(${expr}, ${clickhouse.string(pattern)})`,
  orderedSum: (expr) => `sum(${expr})`,
};

const trino: Dialect = {
  name: 'trino',
  ident: doubleQuoted,
  string: (text) => stringWith(text, standardQuote, (code) => `chr(${code})`),
  types: { double: 'DOUBLE', text: 'VARCHAR', bool: 'BOOLEAN' },
  matches: (expr, pattern) => `regexp_like(${expr}, ${trino.string(pattern)})`,
  extract: (expr, pattern, group) => `regexp_extract(${expr}, ${trino.string(pattern)}, ${group})`,
  trim: (expr, chars) => `trim(${expr}, ${trino.string(chars)})`,
  toDouble: (expr) => FINITE(`TRY_CAST(${expr} AS DOUBLE)`),
  mod: (a, b) => `mod(${a}, ${b})`,
  values: (columns, rows) => standardValues(trino, columns, rows, doubleQuoted),
  re2: (expr, pattern) => `regexp_like(${expr}, ${trino.string(pattern)})`,
  orderedSum: (expr) => `sum(${expr})`,
};

const spark: Dialect = {
  name: 'spark',
  ident: backticked,
  string: (text) => stringWith(text, backslashQuote, (code) => `decode(unhex('${Buffer.from(String.fromCodePoint(code), 'utf8').toString('hex').toUpperCase()}'), 'UTF-8')`),
  types: { double: 'DOUBLE', text: 'STRING', bool: 'BOOLEAN' },
  matches: (expr, pattern) => `(${expr} RLIKE ${spark.string(pattern)})`,
  extract: (expr, pattern, group) => `regexp_extract(${expr}, ${spark.string(pattern)}, ${group})`,
  trim: (expr, chars) => `trim(BOTH ${spark.string(chars)} FROM ${expr})`,
  toDouble: (expr) => FINITE(`TRY_CAST(${expr} AS DOUBLE)`),
  mod: (a, b) => `(${a} % ${b})`,
  values: (columns, rows) => {
    const names = columns.map((c) => backticked(c.name)).join(', ');
    const casts = columns.map((c) => `CAST(${backticked(c.name)} AS ${spark.types[c.type]}) AS ${backticked(c.name)}`).join(', ');
    return `SELECT ${casts}\n    FROM VALUES\n${rows.map((r) => `      (${r.join(', ')})`).join(',\n')}\n    AS t(${names})`;
  },
  re2: (expr, pattern) => `(${expr} RLIKE ${spark.string(pattern)})`,
  orderedSum: (expr) => `sum(${expr})`,
};

const BQ_TYPES: Record<ValueType, string> = { double: 'FLOAT64', text: 'STRING' };

const bigquery: Dialect = {
  name: 'bigquery',
  ident: (name) => `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``,
  string: (text) => stringWith(text, backslashQuote, (code) => `CODE_POINTS_TO_STRING([${code}])`),
  types: { double: 'FLOAT64', text: 'STRING', bool: 'BOOL' },
  matches: (expr, pattern) => `REGEXP_CONTAINS(${expr}, ${bigquery.string(pattern)})`,
  extract: (expr, pattern, group) => `REGEXP_EXTRACT(${expr}, ${bigquery.string(onlyGroup(pattern, group))})`,
  trim: (expr, chars) => `TRIM(${expr}, ${bigquery.string(chars)})`,
  toDouble: (expr) => FINITE(`SAFE_CAST(${expr} AS FLOAT64)`),
  mod: (a, b) => `MOD(CAST(${a} AS INT64), CAST(${b} AS INT64))`,
  values: (columns, rows) =>
    `SELECT * FROM UNNEST(ARRAY<STRUCT<${columns.map((c) => `${bigquery.ident(c.name)} ${BQ_TYPES[c.type]}`).join(', ')}>>[\n${rows.map((r) => `      (${r.join(', ')})`).join(',\n')}\n    ])`,
  re2: (expr, pattern) => `REGEXP_CONTAINS(${expr}, ${bigquery.string(pattern)})`,
  orderedSum: (expr) => `SUM(${expr})`,
};

const snowflake: Dialect = {
  name: 'snowflake',
  ident: doubleQuoted,
  string: (text) => stringWith(text, backslashQuote, (code) => `CHR(${code})`),
  types: { double: 'DOUBLE', text: 'VARCHAR', bool: 'BOOLEAN' },
  matches: (expr, pattern) => `(REGEXP_INSTR(${expr}, ${snowflake.string(pattern)}) > 0)`,
  extract: (expr, pattern, group) => `REGEXP_SUBSTR(${expr}, ${snowflake.string(pattern)}, 1, 1, 'e', ${group})`,
  trim: (expr, chars) => `TRIM(${expr}, ${snowflake.string(chars)})`,
  toDouble: (expr) => FINITE(`TRY_CAST(${expr} AS DOUBLE)`),
  mod: (a, b) => `MOD(${a}, ${b})`,
  values: (columns, rows) => standardValues(snowflake, columns, rows, doubleQuoted),
  re2: (expr, pattern) => `(REGEXP_INSTR(${expr}, ${snowflake.string(pattern)}) > 0)`,
  orderedSum: (expr) => `SUM(${expr})`,
};

const DIALECTS: Readonly<Record<DialectName, Dialect>> = { duckdb, postgres, clickhouse, trino, spark, bigquery, snowflake };

export function getDialect(name: DialectName): Dialect {
  return DIALECTS[name];
}

/** A double literal of this dialect (a number the built-in engine computed, as the SQL must read it). */
export function doubleLiteral(d: Dialect, n: number): string {
  return `CAST(${doubleText(n)} AS ${d.types.double})`;
}
