/**
 * `promise sql` for the warehouses no test here can run: Trino, Spark, BigQuery and Snowflake
 * (and the PostgreSQL and ClickHouse text too) parsed by a dialect-aware SQL parser, and the
 * calendar, business-day, period and zone tables it carries read back out of the parse tree and
 * checked against the built-in engine's own calendar, period and zone code.
 */
import { parse, type Dialect as PolyglotDialect } from '@polyglot-sql/sdk';
import { describe, expect, it } from 'vitest';
import { calendarDays, closeOfBusinessDay, compileCalendar, openSeconds } from '../../src/engine/calendar.js';
import { DAY_MS, instantOfLocal } from '../../src/engine/local-time.js';
import { periodOf } from '../../src/engine/period.js';
import { createTimestampReader } from '../../src/logs/timestamp-reader.js';
import { promise } from '../helpers/cli.js';

const AS_OF = '2026-11-16T08:00:00Z';
const FROM = '2026-03-20';
const TO = '2026-04-10';

type Value = number | string | null;

/** A literal of the parse tree: a number, a string, NULL, or a number with a minus sign before it. */
function literal(node: unknown): Value {
  const n = node as Record<string, unknown>;
  if ('null' in n) return null;
  const lit = n.literal as { literal_type: string; value: string } | undefined;
  if (lit !== undefined) return lit.literal_type === 'number' ? Number(lit.value) : lit.value;
  const neg = (n.neg ?? n.negate ?? n.unary_minus) as { this?: unknown } | undefined;
  if (neg !== undefined) return -(literal(neg.this ?? neg) as number);
  const paren = n.paren as { this: unknown } | undefined;
  if (paren !== undefined) return literal(paren.this);
  throw new Error(`not a literal: ${JSON.stringify(node).slice(0, 200)}`);
}

/** The rows of the first VALUES list (or BigQuery's array of structs) under a node. */
function rowsUnder(node: unknown): Value[][] | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  const n = node as Record<string, unknown>;
  const values = n.values as { expressions: { expressions: unknown[] }[] } | undefined;
  if (values !== undefined) return values.expressions.map((row) => (row.expressions ?? (row as unknown as { tuple: { expressions: unknown[] } }).tuple.expressions).map(literal));
  const array = n.array as { expressions: { tuple: { expressions: unknown[] } }[] } | undefined;
  if (array !== undefined && array.expressions.every((e) => 'tuple' in e)) return array.expressions.map((e) => e.tuple.expressions.map(literal));
  for (const v of Object.values(n)) {
    const found = Array.isArray(v) ? v.map(rowsUnder).find((r) => r !== undefined) : rowsUnder(v);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The CTEs of a parsed statement, by name, as rows. */
function tablesOf(ast: unknown): Map<string, Value[][]> {
  const out = new Map<string, Value[][]>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    const ctes = (n.with as { ctes?: { alias: { name: string }; this: unknown }[] } | undefined)?.ctes;
    for (const cte of ctes ?? []) {
      if (cte.alias.name.startsWith('promise_')) {
        const rows = rowsUnder(cte.this);
        if (rows !== undefined) out.set(cte.alias.name, rows);
      }
    }
    for (const v of Object.values(n)) (Array.isArray(v) ? v : [v]).forEach(visit);
  };
  visit(ast);
  return out;
}

const POLYGLOT = { trino: 'trino', spark: 'spark', bigquery: 'bigquery', snowflake: 'snowflake', postgres: 'postgresql', clickhouse: 'clickhouse' } as Record<string, PolyglotDialect>;

function printed(dialect: string, ...extra: string[]): string[] {
  const run = promise(['sql', '--registry', 'examples/retail-bank', '--dialect', dialect, '--as-of', AS_OF, '--from', FROM, '--to', TO, ...extra]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.stdout.split(/;\n/).filter((s) => s.replace(/--.*$/gm, '').trim() !== '');
}

describe.each(['trino', 'spark', 'bigquery', 'snowflake', 'postgres', 'clickhouse'] as const)('promise sql --dialect %s', (dialect) => {
  it('parses, the gap rows and the breach list, one statement per source', () => {
    for (const breaches of [[], ['--breaches']]) {
      const statements = printed(dialect, ...breaches);
      expect(statements.length).toBe(3);
      for (const s of statements) {
        const r = parse(s, POLYGLOT[dialect]);
        expect(r.success, JSON.stringify(r).slice(0, 500)).toBe(true);
      }
    }
  });

  // ClickHouse writes its rows as a table function's arguments: its text is parsed above, and run by its engine's tests
  if (dialect === 'clickhouse') return;
  it("carries the built-in engine's calendar, business days, periods and zone", async () => {
    const statements = printed(dialect);
    // the CRM's cases: their standards count business days on the branch calendar
    const r = parse(statements.find((s) => s.includes('source crm-cases')) ?? '', POLYGLOT[dialect]);
    if (!r.success) throw new Error('does not parse');
    const tables = tablesOf(r.ast);
    // examples/retail-bank/calendars.yaml: the branch's hours, in Europe/Berlin
    const { loadRegistry } = await import('../../src/registry/load.js');
    const { fsRegistryReader } = await import('../../src/registry/fs-reader.js');
    const { join } = await import('node:path');
    const root = join(import.meta.dirname, '..', '..', 'examples', 'retail-bank');
    const { registry } = await loadRegistry(fsRegistryReader(root), root);
    const days = tables.get('promise_calendar_days') ?? [];
    expect(days.length).toBeGreaterThan(20);
    for (const row of days) {
      const [id, day, cum, total, prevOpen] = row as [string, number, number, number, number];
      const cal = compileCalendar(registry.calendars.find((c) => c.id === id) as (typeof registry.calendars)[number]);
      const start = day * DAY_MS;
      expect(total).toBe(Math.round(openSeconds(cal, start, start + DAY_MS) * 1000));
      expect(cum).toBe(Math.round(openSeconds(cal, Date.UTC(2026, 2, 20), start) * 1000));
      expect(prevOpen).toBe(openSeconds(cal, start - 1, start) > 0 ? 1 : 0);
      const pieces = calendarDays(cal, start, start + DAY_MS, 4).days.flatMap((d) => d.open.flatMap((o) => [o.startMs, o.endMs]));
      const written = row.slice(7).filter((_, i) => i % 3 !== 2).filter((v) => v !== 0);
      expect(written).toEqual(pieces);
    }
    const business = tables.get('promise_business_days') ?? [];
    expect(business.length).toBeGreaterThan(0);
    for (const [id, day, n, , , close] of business as [string, number, number, Value, Value, number | null][]) {
      const cal = compileCalendar(registry.calendars.find((c) => c.id === id) as (typeof registry.calendars)[number]);
      const expected = closeOfBusinessDay(cal, instantOfLocal(cal.zone, day, 0), Math.max(1, n));
      expect(close).toBe(Number.isFinite(expected) ? expected : null);
    }
    const periods = tables.get('promise_periods') ?? [];
    expect(periods.length).toBeGreaterThan(0);
    for (const [kind, key, start, end] of periods as [string, string, number, number][]) {
      const p = periodOf(start, kind as 'month', registry.settings.timezone, registry.settings.fiscalYearStart);
      expect([p.key, p.startMs, p.endMs]).toEqual([key, start, end]);
    }
    const zone = tables.get('promise_zone') ?? [];
    expect(zone.length).toBe(22 + 2);
    const reader = createTimestampReader('Europe/Berlin');
    for (const [ymd, dayMs, before, , , next] of zone as number[][]) {
      const date = `${Math.floor((ymd as number) / 10000)}-${String(Math.floor((ymd as number) / 100) % 100).padStart(2, '0')}-${String((ymd as number) % 100).padStart(2, '0')}`;
      expect((dayMs as number) - (before as number)).toBe(reader.read(`${date}T00:00`));
      expect(next).toBe(reader.read(`${date}T24:00`));
    }
  });
});
