/**
 * `promise sql` (SPEC §5): the query for a warehouse or a cluster, one statement per source, the
 * data tables written into it, so that it needs nothing but the source's table. Pure: a registry
 * and a selection in, text out.
 */
import { DAY_MS } from '../engine/local-time.js';
import type { Registry, Standard } from '../registry/model.js';
import { compileSource, type CompiledSource, type Relation } from './compile.js';
import { nullOf, type Dialect } from './dialect.js';
import { datesBetween } from './tables.js';

export interface PrintInput {
  registry: Registry;
  standards: readonly Standard[];
  dialect: Dialect;
  asOfMs: number;
  /** per source id, its table as written (`support.tickets`); default: the source id */
  tables: ReadonlyMap<string, string>;
  /** the days (UTC day numbers) the data tables cover */
  fromDay: number;
  toDay: number;
  /** the breach list (with the invalid records) instead of the gap rows */
  breaches: boolean;
}

/**
 * A source read from a table (its dotted parts quoted as names): what a printed query and the
 * database engines read. `parts` gives how a column is read and the rows' order, where an engine
 * knows better than the defaults (each column as it is; no order).
 */
export function tableRelation(d: Dialect, table: string, parts: Partial<Pick<Relation, 'column' | 'order'>> = {}): Relation {
  return {
    from: table
      .split('.')
      .map((part) => d.ident(part))
      .join('.'),
    column: parts.column ?? ((name) => d.ident(name)),
    // SPEC §5: in a table a record has no line; `file` is the table's name and the key identifies it
    file: d.string(table),
    line: nullOf(d, 'double'),
    order: parts.order ?? nullOf(d, 'double'),
    problem: nullOf(d, 'text'),
  };
}

function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The statements, with a comment before each that says what it is and what it reads. */
export function printSql(input: PrintInput): string {
  const { registry, dialect: d } = input;
  const ids = [...new Set(input.standards.map((s) => s.source))].sort();
  const dates = datesBetween(input.fromDay - 1, input.toDay + 1);
  const parts: string[] = [];
  for (const id of ids) {
    const source = registry.sources.find((s) => s.id === id);
    if (source === undefined) continue;
    const standards = input.standards.filter((s) => s.source === id);
    const table = input.tables.get(id) ?? id;
    const calendarDays = new Map<string, { first: number; last: number }>();
    for (const s of standards) if (s.measure.kind === 'duration' && s.measure.calendar !== undefined) calendarDays.set(s.measure.calendar, { first: input.fromDay, last: input.toDay });
    const compiled = compileSource(
      { source, standards, calendars: registry.calendars, timezone: registry.settings.timezone, fiscalYearStart: registry.settings.fiscalYearStart, asOfMs: input.asOfMs },
      { dialect: d, relation: tableRelation(d, table), coverage: { dates, calendarDays, periods: { fromMs: input.fromDay * DAY_MS, toMs: input.toDay * DAY_MS } }, data: 'inline' },
    );
    parts.push(`${header(input, compiled, table)}${(input.breaches ? compiled.details : compiled.gaps).trimEnd()};\n`);
  }
  return parts.join('\n');
}

function header(input: PrintInput, compiled: CompiledSource, table: string): string {
  const { registry } = input;
  const what = input.breaches
    ? 'the breach list (SPEC §3): the breached records and those at risk, with the invalid records; instants are epoch milliseconds, UTC'
    : "SPEC §3's gap rows: per standard and period, records, met, breached, pending, at_risk, skipped, invalid, compliance, average and the percentiles (seconds)";
  return [
    `-- promise sql --dialect ${input.dialect.name}: ${registry.settings.name.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g, '?')}, source ${compiled.source}, table ${table}`,
    `-- ${what}`,
    `-- standards: ${compiled.standards.map((s) => s.standard.id).join(', ')}; as of ${new Date(input.asOfMs).toISOString()}`,
    `-- calendars, periods and the zone's offsets are the built-in engine's, as data, for ${isoDay(input.fromDay)} to ${isoDay(input.toDay)};`,
    "-- a record whose dates fall outside them is invalid with reason_code 'outside-sql-tables' (promise sql --from/--to widen them)",
    '',
  ].join('\n');
}
