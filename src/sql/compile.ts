/**
 * The SQL compiler (SPEC §5, docs/sql.md): the selected standards of one source, the moment of
 * evaluation and the registry's settings become queries whose rows are the built-in engine's:
 * the gap rows (SPEC §3), the breach list with the invalid records, each standard's account of the
 * rows, and the repeated keys. The decision about a record is src/engine/classify.ts's, step for
 * step, as a nested CASE per standard; calendars, periods and zone offsets are data made by the
 * built-in engine's code (src/sql/tables.ts); the dialect decides only how it is written.
 *
 * Every instant and length of time is a DOUBLE of milliseconds, as in JavaScript, so the
 * arithmetic rounds as the built-in engine's does.
 */
import { conditionColumns } from '../registry/condition.js';
import type { Calendar, Source, Standard } from '../registry/model.js';
import { kindOf } from '../plan/measure-kinds.js';
import type { PeriodKind } from '../engine/period.js';
import type { Duration } from '../registry/duration.js';
import { TRIMMED, daysInSql, fieldsOf, groupsOf, timestampPlan, type TimestampPlan } from './timestamp-sql.js';
import { compileCondition, type CellColumns } from './condition-sql.js';
import type { Dialect, ValueType } from './dialect.js';
import { doubleText, nullOf } from './dialect.js';
import { doubleLiteral } from './dialects.js';
import { Pipeline } from './pipeline.js';
import { Reasons } from './reasons.js';
import { businessDays, calendarTable, compileCalendars, periodsBetween, zoneDays, type CivilDate, type CalendarTable } from './tables.js';

const DAY = 86_400_000;

/** What one source's queries are compiled from. */
export interface SourceInput {
  source: Source;
  /** the selected standards on this source, in the order they are evaluated */
  standards: readonly Standard[];
  calendars: readonly Calendar[];
  /** the registry's zone and fiscal year, for periods */
  timezone: string;
  fiscalYearStart: number;
  asOfMs: number;
  /** count every standard over periods of this length instead of its own (the report's summaries) */
  periodKind?: PeriodKind | undefined;
}

/** Where the rows come from, and how to read each column. */
export interface Relation {
  /** the FROM item: a table, a view, a table function */
  from: string;
  /** the SQL that reads a column by its registry name, as text (NULL is read as empty) */
  column(name: string): string;
  /** SQL expressions: the file (or table) a row is in, its line (NULL where a table has none), its place in file order, and why it is unreadable (NULL when it is not) */
  file: string;
  line: string;
  order: string;
  problem: string;
}

/** What the data tables hold: the dates, days and periods the rows can reach. */
export interface Coverage {
  /** the written dates of the zone table (real ones; a cell naming another date is out of the tables) */
  dates: Iterable<CivilDate>;
  /** per calendar id, the UTC days [first, last] its tables cover */
  calendarDays: ReadonlyMap<string, { first: number; last: number }>;
  /** the instants the periods cover */
  periods: { fromMs: number; toMs: number };
}

/** A table of literal rows the queries read. */
export interface DataTable {
  name: string;
  columns: { name: string; type: ValueType }[];
  rows: (number | string | null)[][];
  /** what it holds, for the comment above it */
  about: string;
}

export interface CompileOptions {
  dialect: Dialect;
  relation: Relation;
  coverage: Coverage;
  /** `inline`: each statement carries the data tables as CTEs; `named`: they are tables of these names, loaded beforehand */
  data: 'inline' | 'named';
  /**
   * the name of a table that `judge` fills with the judged rows, which the statements then read
   * instead of judging the rows again each; unset, each statement judges them itself (as printed SQL does)
   */
  judged?: string | undefined;
}

/** A standard as the queries number it. */
export interface CompiledStandard {
  index: number;
  standard: Standard;
}

export interface CompiledSource {
  source: string;
  /** the period length every standard was counted over, when not its own */
  periodKind: PeriodKind | undefined;
  standards: CompiledStandard[];
  /** SPEC §3's gap rows */
  gaps: string;
  /** the breaches (and records at risk) with the invalid records */
  details: string;
  /** the invalid records alone, as `details` lists them (for a run that lists no breaches) */
  invalids: string;
  /** one row: the source's rows, invalid rows and clock notes, and each standard's account */
  accounts: string;
  /** the repeated keys: the first 100 in file order, each row with the count of them all */
  duplicates: string;
  /** every met or breached row, per standard in file order (for the surveys that link to this source) */
  linked: string;
  /** every key of the source's rows, a link to none of which names no record */
  linkedKeys: string;
  /** per duration standard and period, how many met and breached records took each whole number of seconds (w = 1), and had each allowance (w = 2): what the report's charts draw */
  distribution: string;
  /** the judged rows, with the columns the statements read: what fills the table named by `judged` */
  judge: string;
  /** the table the statements read the judged rows from (CompileOptions.judged); unset, each judges them */
  judgedTable: string | undefined;
  reasons: Reasons;
  tables: DataTable[];
}

/** The columns of `outcomes`: each row once per standard. */
const OUTCOME_COLUMNS = {
  standard: 1, kind: 1, target: 1, file_name: 1, line_no: 1, row_no: 1, k: 1, disposition: 1, disposed_reason: 1, outcome: 1, reason_ref: 1, period: 1, period_start_ms: 1, period_end_ms: 1,
  start_ms: 1, end_ms: 1, is_open: 1, elapsed_ms: 1, limit_ms: 1, due_direct_ms: 1, due_from_ms: 1, due_target_cum: 1, calendar: 1, over_direct_ms: 1, stop_ms: 1, value: 1,
} as const;

/** `expr` is one of the whole numbers `list` (ascending): runs of consecutive numbers as ranges, which every engine compares in place (an IN list can become a join). */
function oneOf(expr: string, list: readonly number[]): string {
  const runs: [number, number][] = [];
  for (const n of list) {
    const last = runs[runs.length - 1];
    if (last !== undefined && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  const parts = runs.map(([a, b]) => (a === b ? `${expr} = ${a}` : `${expr} BETWEEN ${a} AND ${b}`));
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' OR ')})`;
}

/** Outcome codes of the queries. */
export const OUTCOME_CODES = { met: 1, breached: 2, pending: 3, at_risk: 4, skipped: 5, invalid: 6 } as const;
/** Disposition codes: what classify decided. */
export const DISPOSITION_CODES = { unreadable: 0, outOfScope: 1, skipped: 2, invalid: 3, future: 4, judged: 5 } as const;

/** Timestamp statuses: empty, a time, a date alone, not a timestamp, not a real time, outside the tables, not read in SQL. */
const ST = { empty: 0, time: 1, date: 2, bad: 3, unreal: 4, outside: 5, unread: 6 } as const;

const NUMBER = '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?$';

/** The pipeline columns of one timestamp column. */
interface TimeColumns {
  /** the status (ST) */
  status: string;
  /** the instant, NULL unless a time or a date */
  ms: string;
  /** the end of the day the cell names, NULL when its fields are not a real date in the tables */
  endOfDay: string;
  /** the status of endOfDay: ST.time, or why not */
  endOfDayStatus: string;
  /** 1 a time in a daylight-saving gap, 2 one in an overlap, else 0 */
  note: string;
}

/** A timestamp column's fields, before the zone: its status so far (ST, time or date meaning the date is real), the date, and the time of day. */
interface TimeFields {
  read: string;
  ymd: string;
  fields: { h: string; mi: string; s: string; ms: string; off: string; all: string[] } | undefined;
}

/** A calendar's lookups for one timestamp column. */
interface CalendarAt {
  /** open ms from the table's start up to the instant */
  cum: string;
  /** open ms up to one millisecond before */
  cumBefore: string;
  /** the calendar's local day of the instant */
  localDay: string;
  /** the row was found */
  found: string;
}

export function compileSource(input: SourceInput, options: CompileOptions): CompiledSource {
  return new SourceCompiler(input, options).compile();
}

/** What an engine reads first, to know what the data tables must cover: the dates written, and the largest pauses. */
export interface CompiledScan {
  /** rows (column, ymd): the distinct real dates written in each timestamp column, by its registry name */
  dates: string;
  /** one row: per standard with a pause, the largest pause in minutes (`s<i>_pause`), NULL when none */
  pauses: string;
  /** the timestamp columns, numbered from 1 as `dates` gives them */
  columns: string[];
}

export function compileScan(input: SourceInput, options: Pick<CompileOptions, 'dialect' | 'relation'>): CompiledScan {
  return new SourceCompiler(input, { ...options, coverage: { dates: [], calendarDays: new Map(), periods: { fromMs: 0, toMs: 0 } }, data: 'named' }).scan();
}

class SourceCompiler {
  private readonly d: Dialect;
  private readonly reasons = new Reasons();
  private readonly columnAlias = new Map<string, string>();
  private readonly timeColumns = new Map<string, TimeColumns>();
  private readonly fields = new Map<string, TimeFields>();
  private readonly numbers = new Map<string, { isNumber: string; number: string }>();
  private readonly calendarAt = new Map<string, CalendarAt>();
  private readonly periodJoins = new Map<string, { key: string; start: string; end: string; found: string }>();
  /** per period kind, the column of the rows that holds it, where joins need an equality */
  private readonly kindKeys = new Map<PeriodKind, string>();
  private readonly calendarTables = new Map<string, CalendarTable>();
  private readonly tsPlan: TimestampPlan | undefined;
  private pipeline!: Pipeline;
  private readonly asOf: string;
  private readonly standards: CompiledStandard[];
  /** per standard: the pipeline columns the statements read */
  private readonly out: StandardColumns[] = [];
  /** per timestamp column: the standards' conditions under which it was read, for the clock notes */
  private readonly touched = new Map<string, string[]>();

  constructor(
    private readonly input: SourceInput,
    private readonly options: CompileOptions,
  ) {
    this.d = options.dialect;
    this.tsPlan = timestampPlan(input.source.timestamp_format);
    this.asOf = doubleLiteral(this.d, input.asOfMs);
    this.standards = input.standards.map((standard, i) => ({ index: i + 1, standard }));
  }

  private begin(): void {
    this.columnsRead().forEach((name, i) => this.columnAlias.set(name, `x${i + 1}`));
    this.pipeline = new Pipeline('log', ['file_name', 'line_no', 'row_no', 'row_problem', 'k', ...this.columnAlias.values()], 'step');
  }

  scan(): CompiledScan {
    this.begin();
    const columns = [...new Set(this.input.standards.flatMap((s) => kindOf(s.measure).columns(s.measure).filter((c) => c.role === 'start' || c.role === 'end' || c.role === 'due').map((c) => c.column)))];
    const ymds = columns.map((c) => this.timeFields(c).ymd);
    const pauses = this.standards.flatMap((cs) => (cs.standard.measure.kind === 'duration' && cs.standard.measure.paused !== undefined ? [{ i: cs.index, n: this.number(cs.standard.measure.paused).number }] : []));
    const ctes = [{ name: 'log', body: this.logBody(), about: undefined }, ...this.pipeline.ctes('scanned')];
    const numbered = this.d.values([{ name: 'i', type: 'double' }], columns.map((_, i) => [String(i + 1)]));
    const dates =
      columns.length === 0
        ? 'SELECT 1 AS col, 0 AS ymd WHERE 1 = 0\n'
        : withClause(this.d, [...ctes, { name: 'numbered', body: numbered }], `SELECT DISTINCT u.i AS col, CASE u.i ${ymds.map((y, i) => `WHEN ${i + 1} THEN ${y}`).join(' ')} END AS ymd\nFROM scanned CROSS JOIN numbered AS u`);
    const pauseSql = pauses.length === 0 ? 'SELECT 0 AS none\n' : withClause(this.d, ctes, `SELECT ${pauses.map((p) => `MAX(${p.n}) AS s${p.i}_pause`).join(', ')}\nFROM scanned`);
    return { dates, pauses: pauseSql, columns };
  }

  private logBody(): string {
    const { source } = this.input;
    const rel = this.options.relation;
    const text = (expr: string): string => this.d.trim(`COALESCE(CAST(${expr} AS ${this.d.types.text}), '')`, TRIMMED);
    const log = [
      `${rel.file} AS file_name`,
      `${rel.line} AS line_no`,
      `${rel.order} AS row_no`,
      `${rel.problem} AS row_problem`,
      `${text(rel.column(source.key))} AS k`,
      ...[...this.columnAlias].map(([name, alias]) => `${text(rel.column(name))} AS ${alias}`),
    ];
    return `SELECT\n${log.map((l, i) => `    ${l}${i < log.length - 1 ? ',' : ''}`).join('\n')}\n  FROM ${rel.from}`;
  }

  compile(): CompiledSource {
    const { source } = this.input;
    this.begin();
    for (const s of this.standards) this.out.push(this.standard(s));
    const tables = this.tables();
    const logBody = this.logBody();
    const pipelineCtes = this.pipeline.ctes('judged');
    const data = this.options.data === 'inline' ? tables.map((t) => ({ name: t.name, body: this.valuesOf(t), about: t.about })) : [];
    const head = [...data, { name: 'promise_standards', body: this.standardsTable(), about: 'the standards, numbered as the columns of `judged` are' }];
    const pipe = [{ name: 'log', body: logBody, about: `the rows of source ${source.id}: every cell as text, trimmed` }, ...pipelineCtes.map((c) => ({ ...c, about: undefined }))];
    const judgedTable = this.options.judged;
    const from = judgedTable ?? 'judged';
    // each statement's `outcomes` has the columns it reads, and only the breaches' the quoted cells
    const outcomes = (columns: readonly (keyof typeof OUTCOME_COLUMNS)[] | 'all') => ({ name: 'outcomes', body: this.outcomesBody(from, columns), about: 'each row once per standard: what was decided, and the figures' });
    const all = outcomes('all');
    const accounts = this.accountsSelect(from);
    // with a judged table, the statements read it and only it: the pipeline runs once, in `judge`
    const statement = (tail: { name: string; body: string; about?: string | undefined }[], select: string): string => withClause(this.d, [...head, ...(judgedTable === undefined ? pipe : []), ...tail], select);
    const read = this.pipeline.readIn([all.body, accounts]);
    return {
      source: source.id,
      periodKind: this.input.periodKind,
      standards: this.standards,
      gaps: statement([outcomes(['standard', 'kind', 'target', 'row_no', 'disposition', 'outcome', 'period', 'period_start_ms', 'period_end_ms', 'elapsed_ms', 'value']), ...this.gapsTail()], this.gapsSelect()),
      details: statement([all, this.listedCte(true)], this.detailsSelect()),
      invalids: statement([all, this.listedCte(false)], this.detailsSelect()),
      accounts: statement([], accounts),
      duplicates: withClause(this.d, [{ name: 'log', body: logBody, about: `the rows of source ${source.id}` }, this.keyedCte()], this.duplicatesSelect()),
      linked: statement([outcomes(['standard', 'row_no', 'k', 'disposition', 'outcome', 'period', 'start_ms'])], this.linkedSelect()),
      linkedKeys: withClause(this.d, [{ name: 'log', body: logBody, about: `the rows of source ${source.id}` }], "SELECT DISTINCT k AS record FROM log WHERE k <> ''"),
      distribution: statement([outcomes(['standard', 'kind', 'disposition', 'outcome', 'period', 'elapsed_ms', 'limit_ms']), { name: 'what', body: this.d.values([{ name: 'w', type: 'double' }], [['1'], ['2']]) }], this.distributionSelect()),
      judge: withClause(this.d, [...data, ...pipe], `SELECT ${read.join(', ')}\nFROM judged`),
      judgedTable,
      reasons: this.reasons,
      tables,
    };
  }

  private columnsRead(): string[] {
    return sourceColumns(this.input.source, this.input.standards);
  }

  private alias(column: string): string {
    const a = this.columnAlias.get(column);
    if (a === undefined) throw new RangeError(`column "${column}" was not collected`);
    return a;
  }

  private cells(): CellColumns {
    return { text: (c) => this.alias(c), number: (c) => this.number(c).number, isNumber: (c) => this.number(c).isNumber };
  }

  /** A column read as a number: whether it is written as one, and the double (NULL past a double's range). */
  private number(column: string): { isNumber: string; number: string } {
    const known = this.numbers.get(column);
    if (known !== undefined) return known;
    const a = this.alias(column);
    const p = this.pipeline;
    const isNumber = p.column(`${a}_isnum`, this.d.matches(a, NUMBER), [a]);
    const number = p.column(`${a}_num`, `CASE WHEN ${isNumber} THEN ${this.d.toDouble(a)} END`, [a, isNumber]);
    const out = { isNumber, number };
    this.numbers.set(column, out);
    return out;
  }

  /** A timestamp column's fields as written, before any zone is looked up: its status so far and the date it names. */
  private timeFields(column: string): TimeFields {
    const known = this.fields.get(column);
    if (known !== undefined) return known;
    const a = this.alias(column);
    const p = this.pipeline;
    const d = this.d;
    const plan = this.tsPlan;
    let out: TimeFields;
    if (plan === undefined) {
      // a format the SQL cannot read as the built-in reader does: every cell not read
      out = { read: p.column(`${a}_read`, `CASE WHEN ${a} = '' THEN ${ST.empty} ELSE ${ST.unread} END`, [a]), ymd: p.column(`${a}_ymd`, nullOf(d, 'double'), []), fields: undefined };
    } else {
      const groups = plan.readers.map((r, i) => p.column(`${a}_g${i + 1}`, groupsOf(d, a, r), [a]));
      const f = fieldsOf(d, plan, groups);
      const col = (name: string, expr: string): string => p.column(`${a}_${name}`, expr, groups);
      const y = col('y', f.y);
      const mo = col('mo', f.mo);
      const dd = col('d', f.d);
      const h = col('h', f.h);
      const mi = col('mi', f.mi);
      const sec = col('s', f.s);
      const ms = col('f', f.ms);
      const off = col('off', f.offset);
      const dateOnly = col('do', f.dateOnly);
      const found = col('found', f.found);
      const all = [y, mo, dd, h, mi, sec, ms, off, dateOnly, found];
      const valid = `(${y} >= 1000 AND ${mo} BETWEEN 1 AND 12 AND ${dd} >= 1 AND ${dd} <= ${daysInSql(d, y, mo)} AND ${h} <= 24 AND ${mi} <= 59 AND ${sec} <= 59 AND NOT (${h} = 24 AND (${mi} > 0 OR ${sec} > 0 OR ${ms} > 0)))`;
      // before the zone is looked up: empty, not a timestamp, not a real time, or a date to look up
      const read = p.column(`${a}_read`, `CASE WHEN ${a} = '' THEN ${ST.empty} WHEN NOT COALESCE(${found}, FALSE) THEN ${ST.bad} WHEN NOT ${valid} THEN ${ST.unreal} WHEN ${dateOnly} THEN ${ST.date} ELSE ${ST.time} END`, [a, ...all]);
      // the date written, a real one: for a date's end too, whose fields must be a real date (src/logs/timestamp-reader.ts endOfDay)
      const ymd = p.column(`${a}_ymd`, `CASE WHEN ${read} IN (${ST.time}, ${ST.date}) THEN ${y} * 10000 + ${mo} * 100 + ${dd} END`, [read, y, mo, dd]);
      out = { read, ymd, fields: { h, mi, s: sec, ms, off, all } };
    }
    this.fields.set(column, out);
    return out;
  }

  /** A column read as timestamps (SPEC §1), once however many standards read it. */
  private time(column: string): TimeColumns {
    const known = this.timeColumns.get(column);
    if (known !== undefined) return known;
    const a = this.alias(column);
    const p = this.pipeline;
    const d = this.d;
    const tf = this.timeFields(column);
    let out: TimeColumns;
    if (tf.fields === undefined) {
      out = { status: tf.read, ms: p.column(`${a}_ms`, nullOf(d, 'double'), []), endOfDay: p.column(`${a}_eod`, nullOf(d, 'double'), []), endOfDayStatus: tf.read, note: p.column(`${a}_dst`, '0', []) };
    } else {
      const { h, mi, s, ms, off, all } = tf.fields;
      const { read, ymd } = tf;
      const z = `z${a.slice(1)}`;
      const zoneColumns = ['ymd', 'day_ms', 'before_ms', 'after_ms', 'at_ms', 'next_midnight_ms', 'next_note'];
      p.join(z, 'promise_zone', `${z}.ymd = ${ymd}`, [ymd], zoneColumns);
      const zc = (c: string): string => `${z}_${c}`;
      const zcols = zoneColumns.map(zc);
      const wall = p.column(`${a}_wall`, `${h} * 3600000 + ${mi} * 60000 + ${s} * 1000 + ${ms}`, all);
      const status = p.column(`${a}_st`, `CASE WHEN ${read} IN (${ST.time}, ${ST.date}) AND ${zc('ymd')} IS NULL THEN ${ST.outside} ELSE ${read} END`, [read, ...zcols]);
      const local = [
        `WHEN ${h} = 24 THEN ${zc('next_midnight_ms')}`,
        `WHEN ${wall} < ${zc('at_ms')} THEN ${zc('day_ms')} + ${wall} - ${zc('before_ms')}`,
        `WHEN ${wall} < ${zc('at_ms')} + ${zc('after_ms')} - ${zc('before_ms')} THEN ${zc('day_ms')} + ${wall} - ${zc('before_ms')}`,
        `ELSE ${zc('day_ms')} + ${wall} - ${zc('after_ms')}`,
      ];
      const instant = p.column(
        `${a}_ms`,
        `CASE WHEN ${status} IN (${ST.time}, ${ST.date}) THEN CASE WHEN ${off} IS NOT NULL THEN ${zc('day_ms')} + ${wall} - ${off} * 60000 ${local.join(' ')} END END`,
        [status, off, h, wall, ...zcols],
        'SPEC §1: an offset written, else the source zone read as ZoneClock reads it',
      );
      const note = p.column(
        `${a}_dst`,
        `CASE WHEN ${status} = ${ST.time} AND ${off} IS NULL THEN CASE WHEN ${h} = 24 THEN ${zc('next_note')} WHEN ${wall} < ${zc('at_ms')} THEN CASE WHEN ${zc('after_ms')} < ${zc('before_ms')} AND ${wall} >= ${zc('at_ms')} - (${zc('before_ms')} - ${zc('after_ms')}) THEN 2 ELSE 0 END WHEN ${wall} < ${zc('at_ms')} + ${zc('after_ms')} - ${zc('before_ms')} THEN 1 ELSE 0 END ELSE 0 END`,
        [status, off, h, wall, ...zcols],
        '1: a time the clocks skip, 2: one they show twice',
      );
      // the end of the day written (a date's due): SPEC §1; fields that do not name a real date are not a timestamp
      const eodStatus = p.column(`${a}_eods`, `CASE WHEN ${read} = ${ST.empty} THEN ${ST.empty} WHEN ${read} IN (${ST.bad}, ${ST.unreal}) THEN ${ST.bad} WHEN ${zc('ymd')} IS NULL THEN ${ST.outside} ELSE ${ST.time} END`, [read, ...zcols]);
      const eod = p.column(`${a}_eod`, `CASE WHEN ${eodStatus} = ${ST.time} THEN ${zc('next_midnight_ms')} END`, [eodStatus, ...zcols]);
      out = { status, ms: instant, endOfDay: eod, endOfDayStatus: eodStatus, note };
    }
    this.timeColumns.set(column, out);
    return out;
  }

  /** Records that `column` was read as a timestamp under `when` (SQL over the pipeline), for the clock notes. */
  private touch(column: string, when: string): void {
    const list = this.touched.get(column) ?? [];
    list.push(when);
    this.touched.set(column, list);
  }

  /** The calendar's lookups of one timestamp column's instants. */
  private onCalendar(calendar: string, column: string): CalendarAt {
    const key = `${calendar}\u0000${column}`;
    const known = this.calendarAt.get(key);
    if (known !== undefined) return known;
    const t = this.time(column);
    const table = this.calendarTable(calendar);
    const p = this.pipeline;
    const i = this.calendarAt.size + 1;
    const k = `k${i}`;
    const pieces = Array.from({ length: table.pieces }, (_, j) => j + 1);
    const cols = ['day', 'cum_ms', 'prev_open', 'local_day', 'next_local_at', ...pieces.flatMap((j) => [`o${j}`, `c${j}`])];
    p.join(k, 'promise_calendar_days', `${k}.calendar = ${this.d.string(calendar)} AND ${k}.day = FLOOR(${t.ms} / ${DAY})`, [t.ms], cols);
    const kc = (c: string): string => `${k}_${c}`;
    const deps = [t.ms, ...cols.map(kc)];
    const found = p.column(`${k}_found`, `(${kc('day')} IS NOT NULL)`, deps);
    const cum = p.column(`${k}_cum`, `${kc('cum_ms')} + ${pieces.map((j) => `GREATEST(0, LEAST(${t.ms}, ${kc(`c${j}`)}) - ${kc(`o${j}`)})`).join(' + ')}`, deps, `open ms up to ${column} on ${calendar}`);
    const openBefore = `CASE WHEN ${t.ms} = ${kc('day')} * ${DAY} THEN ${kc('prev_open')} = 1 ELSE (${pieces.map((j) => `(${kc(`o${j}`)} < ${t.ms} AND ${t.ms} <= ${kc(`c${j}`)})`).join(' OR ')}) END`;
    const cumBefore = p.column(`${k}_cum1`, `${cum} - CASE WHEN ${openBefore} THEN 1 ELSE 0 END`, [cum, ...deps]);
    const localDay = p.column(`${k}_local`, `CASE WHEN ${t.ms} < ${kc('next_local_at')} THEN ${kc('local_day')} ELSE ${kc('local_day')} + 1 END`, deps);
    const out = { cum, cumBefore, localDay, found };
    this.calendarAt.set(key, out);
    return out;
  }

  private calendarTable(id: string): CalendarTable {
    const known = this.calendarTables.get(id);
    if (known !== undefined) return known;
    const calendars = compileCalendars(this.input.calendars.filter((c) => c.id === id));
    const cal = calendars.get(id);
    const range = this.options.coverage.calendarDays.get(id);
    if (cal === undefined || range === undefined) throw new RangeError(`calendar "${id}" has no table`);
    const table = calendarTable(cal, range.first, range.last);
    this.calendarTables.set(id, table);
    return table;
  }

  /** The period of an instant, by a range join on the periods table. */
  private period(kind: PeriodKind, column: string): { key: string; start: string; end: string; found: string } {
    const id = `${kind}\u0000${column}`;
    const known = this.periodJoins.get(id);
    if (known !== undefined) return known;
    const t = this.time(column);
    const alias = `q${this.periodJoins.size + 1}`;
    // a dialect that joins only on an equality between the two sides gets the kind as a column of the rows
    let kindKey = this.kindKeys.get(kind);
    if (kindKey === undefined && this.d.joinsNeedKey === true) this.kindKeys.set(kind, (kindKey = this.pipeline.column(`pk_${kind}`, this.d.string(kind), [])));
    const kindTest = kindKey === undefined ? `${alias}.kind = ${this.d.string(kind)}` : `${alias}.kind = ${kindKey}`;
    this.pipeline.join(alias, 'promise_periods', `${kindTest} AND ${t.ms} >= ${alias}.start_ms AND ${t.ms} < ${alias}.end_ms`, kindKey === undefined ? [t.ms] : [t.ms, kindKey], ['period', 'start_ms', 'end_ms']);
    const out = { key: `${alias}_period`, start: `${alias}_start_ms`, end: `${alias}_end_ms`, found: `${alias}_period` };
    this.periodJoins.set(id, out);
    return out;
  }

  /** One standard's columns: classify and its measure, as nested CASEs. */
  private standard(cs: CompiledStandard): StandardColumns {
    const s = cs.standard;
    const m = s.measure;
    const kind = kindOf(m);
    const p = this.pipeline;
    const d = this.d;
    const x = `s${cs.index}`;
    const reasons = this.reasons;
    // where: SPEC §1, in the order written; undecidable is invalid without a period
    const where = s.where === undefined ? undefined : compileCondition({ dialect: d, pipeline: p, cells: this.cells(), reasons, prefix: `${x}_w`, where: true }, s.where);
    // per: the limit of the record's value; none (no default) puts it out of scope
    const limits = kind.limits(m);
    let limit: LimitColumns | undefined;
    if (limits !== undefined) limit = this.limit(x, limits, kind.perColumn(m));
    const startName = kind.startColumn(m);
    const start = this.time(startName);
    const skippedBy = kind.skippedWhenEmpty;
    const judgedColumns = skippedBy === undefined ? [] : skippedBy === 'expect' ? (m.kind === 'condition' ? conditionColumns(m.expect) : []) : kind.columns(m).filter((c) => c.role === skippedBy).map((c) => c.column);
    const nothing = judgedColumns.length === 0 ? 'FALSE' : `(${judgedColumns.map((c) => `${this.alias(c)} = ''`).join(' AND ')})`;
    const periodKind = this.input.periodKind ?? s.period;
    const period = this.period(periodKind, startName);
    const inScope = [`row_problem IS NULL`, ...(where === undefined ? [] : [`${where} = 1`]), ...(limit === undefined || limit.always ? [] : [`${limit.kind} IS NOT NULL`])].join(' AND ');
    this.touch(startName, inScope);
    const startBad = this.startReason(startName, start);
    const dispDeps = [
      'row_problem',
      ...(where === undefined ? [] : [where]),
      ...(limit === undefined ? [] : limit.deps),
      start.status,
      start.ms,
      period.found,
      ...judgedColumns.map((c) => this.alias(c)),
    ];
    const D = DISPOSITION_CODES;
    const outsidePeriod = reasons.add({ code: 'outside-sql-tables', textColumn: undefined, make: () => ({ code: 'start-empty', args: { column: startName } }) });
    const disposition = p.column(
      `${x}_d`,
      [
        'CASE',
        `      WHEN row_problem IS NOT NULL THEN ${D.unreadable}`,
        ...(where === undefined ? [] : [`      WHEN ${where} < 0 THEN ${D.invalid}`, `      WHEN ${where} = 0 THEN ${D.outOfScope}`]),
        ...(limit === undefined || limit.always ? [] : [`      WHEN ${limit.kind} IS NULL THEN ${D.outOfScope}`]),
        ...(nothing === 'FALSE' ? [] : [`      WHEN ${start.status} NOT IN (${ST.time}, ${ST.date}) AND ${nothing} THEN ${D.skipped}`]),
        `      WHEN ${start.status} NOT IN (${ST.time}, ${ST.date}) THEN ${D.invalid}`,
        `      WHEN ${start.ms} > ${this.asOf} THEN ${D.future}`,
        `      WHEN ${period.found} IS NULL THEN ${D.invalid}`,
        `      ELSE ${D.judged}`,
        '    END',
      ].join('\n'),
      dispDeps,
      `standard ${s.id}: ${Object.entries(D).map(([k, v]) => `${v} ${k}`).join(', ')}`,
    );
    const disposedReason = p.column(
      `${x}_dr`,
      `CASE WHEN ${disposition} = ${D.invalid} THEN CASE ${where === undefined ? '' : `WHEN ${where} < 0 THEN -${where} `}${startBad.cases} WHEN ${period.found} IS NULL THEN ${outsidePeriod} END END`,
      [disposition, ...(where === undefined ? [] : [where]), ...startBad.deps, period.found],
    );
    const judged = `${disposition} = ${D.judged}`;
    const measure = this.measure(cs, judged, disposition, start, limit);
    return { ...measure, disposition, disposedReason, period: period.key, periodStart: period.start, periodEnd: period.end, standard: cs };
  }

  /** The reason a start is invalid, by its status (SPEC §2: missing or not a timestamp). */
  private startReason(column: string, t: TimeColumns): { cases: string; deps: string[] } {
    const empty = this.reasons.fixed({ code: 'start-empty', args: { column } });
    const bad = this.badTimeRefs(column);
    return { cases: `WHEN ${t.status} = ${ST.empty} THEN ${empty} ${bad.cases(t.status)}`, deps: [t.status, this.alias(column)] };
  }

  /** row.badTime: why a cell is not a timestamp, by its status. */
  private badTimeRefs(column: string): { cases: (status: string) => string } {
    const r = this.reasons;
    const text = this.alias(column);
    const format = this.input.source.timestamp_format;
    const notTs = r.withText('not-a-timestamp', text, (t) => ({ code: 'not-a-timestamp', args: { column, text: t, format } }));
    const unreal = r.withText('not-a-real-time', text, (t) => ({ code: 'not-a-real-time', args: { column, text: t } }));
    const outside = r.add({ code: 'outside-sql-tables', textColumn: text, make: (t) => ({ code: 'not-a-timestamp', args: { column, text: t, format } }) });
    const unread = r.withText('not-read-in-sql', text, (t) => ({ code: 'not-read-in-sql', args: { column, text: t, format: format ?? '' } }));
    return {
      cases: (status) => `WHEN ${status} = ${ST.bad} THEN ${notTs} WHEN ${status} = ${ST.unreal} THEN ${unreal} WHEN ${status} = ${ST.outside} THEN ${outside} WHEN ${status} = ${ST.unread} THEN ${unread}`,
    };
  }

  /** The limit of each record: one, or the one its `per` value selects (SPEC §1). */
  private limit(x: string, limits: NonNullable<ReturnType<ReturnType<typeof kindOf>['limits']>>, perColumn: string | undefined): LimitColumns {
    const p = this.pipeline;
    const kindCode = (l: Duration): string => (l.kind === 'time' ? '1' : '2');
    const msOf = (l: Duration): string => (l.kind === 'time' ? doubleText(Math.round(l.seconds * 1000)) : 'NULL');
    const daysOf = (l: Duration): string => (l.kind === 'business-days' ? String(l.days) : 'NULL');
    if (limits.single !== undefined) {
      const l = limits.single;
      return { always: true, kind: kindCode(l), ms: msOf(l), days: daysOf(l), deps: [], single: l, all: [l] };
    }
    const cell = this.alias(perColumn as string);
    const entries = [...limits.byValue];
    const pick = (f: (l: Duration) => string): string =>
      `CASE ${entries.map(([v, l]) => `WHEN ${cell} = ${this.d.string(v)} THEN ${f(l)}`).join(' ')} ${limits.fallback === undefined ? '' : `ELSE ${f(limits.fallback)} `}END`;
    if (entries.length === 0) {
      const l = limits.fallback as Duration;
      return { always: true, kind: kindCode(l), ms: msOf(l), days: daysOf(l), deps: [], single: l, all: [l] };
    }
    const kind = p.column(`${x}_lk`, pick(kindCode), [cell], '1: a length of time, 2: business days; NULL: out of scope');
    const ms = p.column(`${x}_lms`, `CAST(${pick(msOf)} AS ${this.d.types.double})`, [cell]);
    const days = p.column(`${x}_ln`, `CAST(${pick(daysOf)} AS ${this.d.types.double})`, [cell]);
    return { always: false, kind, ms, days, deps: [kind, ms, days], single: undefined, all: [...entries.map(([, l]) => l), ...(limits.fallback === undefined ? [] : [limits.fallback])] };
  }

  /** The measure's judgement of a judged record (src/engine/measures.ts), as columns. */
  private measure(cs: CompiledStandard, judged: string, disposition: string, start: TimeColumns, limit: LimitColumns | undefined): MeasureColumns {
    const m = cs.standard.measure;
    switch (m.kind) {
      case 'duration':
        return this.duration(cs, judged, disposition, start, limit as LimitColumns);
      case 'deadline':
        return this.deadline(cs, judged, disposition, start);
      case 'condition':
        return this.conditionMeasure(cs, disposition);
      case 'average':
      case 'nps':
        return this.value(cs, disposition);
    }
  }

  /** The end of a record (duration `to`, deadline `done`): done when read and not after as_of. */
  private ending(x: string, column: string): { done: string; bad: string; t: TimeColumns } {
    const t = this.time(column);
    const p = this.pipeline;
    const done = p.column(`${x}_done`, `(${t.status} IN (${ST.time}, ${ST.date}) AND ${t.ms} <= ${this.asOf})`, [t.status, t.ms]);
    const bad = `${t.status} IN (${ST.bad}, ${ST.unreal}, ${ST.outside}, ${ST.unread})`;
    return { done, bad, t };
  }

  private atRisk(warnAt: number | undefined, used: string, allowance: string): string {
    if (warnAt === undefined) return 'FALSE';
    return `(${allowance} > 0 AND ${used} >= ${doubleLiteral(this.d, warnAt)} * ${allowance})`;
  }

  private duration(cs: CompiledStandard, judged: string, disposition: string, start: TimeColumns, limit: LimitColumns): MeasureColumns {
    const s = cs.standard;
    const m = s.measure;
    if (m.kind !== 'duration') throw new TypeError('duration');
    const p = this.pipeline;
    const d = this.d;
    const x = `s${cs.index}`;
    const r = this.reasons;
    const O = OUTCOME_CODES;
    const end = this.ending(x, m.to);
    this.touch(m.to, judged);
    const endBad = this.badTimeRefs(m.to);
    const endBefore = r.fixed({ code: 'end-before-start', args: { end: m.to, start: m.from } });
    // paused minutes: empty is none; anything but a number >= 0 whose milliseconds are finite is a data error
    let pausedMs = '0';
    let pauseBad = 'FALSE';
    let pauseReason = 'NULL';
    const pauseDeps: string[] = [];
    if (m.paused !== undefined) {
      const cell = this.alias(m.paused);
      const num = this.number(m.paused);
      const msRaw = p.column(`${x}_pms`, `CASE WHEN abs(${num.number}) <= 2.99e303 THEN ${num.number} * 60000 END`, [num.number], `${m.paused}: minutes as ms`);
      const ok = p.column(`${x}_pok`, `(${cell} = '' OR (${msRaw} IS NOT NULL AND ${msRaw} >= 0))`, [cell, msRaw]);
      pausedMs = p.column(`${x}_pz`, `CASE WHEN ${cell} = '' THEN 0 WHEN ${ok} THEN ${msRaw} END`, [cell, ok, msRaw]);
      const tooLarge = r.withText('pause-out-of-range', cell, (t) => ({ code: 'pause-out-of-range', args: { column: m.paused as string, text: t } }));
      const notNumber = r.withText('pause-not-a-number', cell, (t) => ({ code: 'pause-not-a-number', args: { column: m.paused as string, text: t } }));
      // src/engine/measures.ts pausedMs: too large when its ms overflow a positive number, or it is written as a number too large to read
      pauseReason = p.column(
        `${x}_pr`,
        `CASE WHEN ${num.number} IS NOT NULL AND ${num.number} > 0 AND ${msRaw} IS NULL THEN ${tooLarge} WHEN ${num.number} IS NULL AND ${num.isNumber} AND ${cell} NOT LIKE '-%' THEN ${tooLarge} ELSE ${notNumber} END`,
        [num.number, num.isNumber, msRaw, cell],
      );
      pauseBad = `NOT ${ok}`;
      pauseDeps.push(ok, pausedMs, pauseReason);
    }
    const stop = p.column(`${x}_stop`, `CASE WHEN ${end.done} THEN ${end.t.ms} ELSE ${this.asOf} END`, [end.done, end.t.ms]);
    const cal = m.calendar;
    let spent: string;
    const spentDeps = [stop, start.ms, ...pauseDeps];
    let calAt: { start: CalendarAt; end: CalendarAt; asOf: number; asOfBefore: number } | undefined;
    if (cal === undefined) {
      spent = `(${stop} - ${start.ms}) - ${pausedMs}`;
    } else {
      const table = this.calendarTable(cal);
      const startCum = this.onCalendar(cal, m.from);
      const endCum = this.onCalendar(cal, m.to);
      calAt = { start: startCum, end: endCum, asOf: table.cumAt(this.input.asOfMs), asOfBefore: table.cumAt(this.input.asOfMs - 1) };
      const stopCum = p.column(`${x}_scum`, `CASE WHEN ${end.done} THEN ${endCum.cum} ELSE ${doubleText(calAt.asOf)} END`, [end.done, endCum.cum]);
      spent = `(${stopCum} - ${startCum.cum}) - ${pausedMs}`;
      spentDeps.push(stopCum, startCum.cum);
    }
    const elapsed = p.column(`${x}_el`, `GREATEST(0, ${spent})`, spentDeps, 'ms as the standard measures them');
    const warn = s.warn_at;
    // business days: the close of the N-th business day after the start's local day (a lookup)
    let bd: { close: string; closeCum: string; limit: string; late: string; left: string } | undefined;
    const all = limit.all;
    const hasBd = all.some((l) => l.kind === 'business-days');
    const hasTime = all.some((l) => l.kind === 'time');
    if (hasBd) {
      if (cal === undefined || calAt === undefined) throw new TypeError('a business-day limit needs a calendar');
      const b = `b${cs.index}`;
      const dayCol = calAt.start.localDay;
      p.join(b, 'promise_business_days', `${b}.calendar = ${d.string(cal)} AND ${b}.day = ${dayCol} AND ${b}.n = ${limit.days}`, [dayCol, ...limit.deps], ['n', 'today_close', 'today_cum', 'close_ms', 'close_cum']);
      const bc = (c: string): string => `${b}_${c}`;
      const bcols = ['n', 'today_close', 'today_cum', 'close_ms', 'close_cum'].map(bc);
      const sameDay = `(${limit.days} = 0 AND ${bc('today_close')} IS NOT NULL AND ${start.ms} <= ${bc('today_close')})`;
      const close = p.column(`${x}_close`, `CASE WHEN ${sameDay} THEN ${bc('today_close')} ELSE ${bc('close_ms')} END`, [start.ms, ...limit.deps, ...bcols], 'SPEC §1 Nbd: the close of the N-th business day; NULL: none comes');
      const closeCum = p.column(`${x}_ccum`, `CASE WHEN ${sameDay} THEN ${bc('today_cum')} ELSE ${bc('close_cum')} END`, [start.ms, ...limit.deps, ...bcols]);
      // paused minutes move the due on by as much open time: late once the open time past the close exceeds them
      const left = p.column(`${x}_left`, `FLOOR((${pausedMs} / 1000) * 1000 + 0.5)`, pauseDeps.length === 0 ? [] : pauseDeps);
      const stopCum = calAt === undefined ? '' : `${x}_scum`;
      const stopCumBefore = p.column(`${x}_scum1`, `CASE WHEN ${end.done} THEN ${calAt.end.cumBefore} ELSE ${doubleText(calAt.asOfBefore)} END`, [end.done, calAt.end.cumBefore]);
      const target = `(${closeCum} + ${left})`;
      const late = p.column(
        `${x}_late`,
        `CASE WHEN ${close} IS NULL THEN FALSE WHEN ${left} > 0 THEN (${stopCum} > ${target} OR (${stopCum} = ${target} AND ${stopCumBefore} = ${target})) ELSE ${stop} > ${close} END`,
        [close, closeCum, left, stopCum, stopCumBefore, stop],
      );
      const bdLimit = p.column(`${x}_blim`, `${closeCum} - ${calAt.start.cum}`, [closeCum, calAt.start.cum], 'open ms from the start to the close');
      bd = { close, closeCum, limit: bdLimit, late, left };
    }
    const isTime = !hasBd ? 'TRUE' : !hasTime ? 'FALSE' : `${limit.kind} = 1`;
    // a lookup that found no row: the tables do not reach the record (only a printed query's can fall short)
    const calMissingAt = calAt === undefined ? undefined : `(NOT ${calAt.start.found} OR (${end.done} AND NOT ${calAt.end.found})${bd === undefined ? '' : ` OR (${limit.kind} = 2 AND ${`b${cs.index}_n`} IS NULL)`})`;
    const timeLimit = limit.ms;
    const cases = [
      `WHEN ${end.bad} THEN ${O.invalid}`,
      `WHEN ${end.done} AND ${end.t.ms} < ${start.ms} THEN ${O.invalid}`,
      ...(m.paused === undefined ? [] : [`WHEN ${pauseBad} THEN ${O.invalid}`]),
      ...(calMissingAt === undefined ? [] : [`WHEN ${calMissingAt} THEN ${O.invalid}`]),
      ...(hasTime
        ? [
            `WHEN ${isTime} AND ${elapsed} > ${timeLimit} THEN ${O.breached}`,
            `WHEN ${isTime} AND ${end.done} THEN ${O.met}`,
            `WHEN ${isTime} AND ${this.atRisk(warn, elapsed, timeLimit)} THEN ${O.at_risk}`,
            `WHEN ${isTime} THEN ${O.pending}`,
          ]
        : []),
      ...(bd === undefined
        ? []
        : [`WHEN ${bd.late} THEN ${O.breached}`, `WHEN ${end.done} THEN ${O.met}`, `WHEN ${bd.limit} IS NOT NULL AND ${this.atRisk(warn, elapsed, bd.limit)} THEN ${O.at_risk}`, `WHEN TRUE THEN ${O.pending}`]),
    ];
    const outsideCal = calAt === undefined ? undefined : this.reasons.add({ code: 'outside-sql-tables', textColumn: undefined, make: () => ({ code: 'start-empty', args: { column: m.from } }) });
    const outcomeDeps = [disposition, end.done, end.t.status, end.t.ms, start.ms, elapsed, ...pauseDeps, ...limit.deps];
    if (bd !== undefined) outcomeDeps.push(bd.late, bd.limit, `b${cs.index}_n`);
    if (calAt !== undefined) outcomeDeps.push(calAt.start.found, calAt.end.found);
    const outcome = p.column(
      `${x}_o`,
      `CASE WHEN ${disposition} <> ${DISPOSITION_CODES.judged} THEN NULL ${cases.join(' ')} END`,
      outcomeDeps,
      `standard ${s.id}: ${Object.entries(O).map(([k, v]) => `${v} ${k}`).join(', ')}`,
    );
    const reason = p.column(
      `${x}_r`,
      `CASE WHEN ${outcome} = ${O.invalid} THEN CASE ${endBad.cases(end.t.status)} WHEN ${end.done} AND ${end.t.ms} < ${start.ms} THEN ${endBefore} ${m.paused === undefined ? '' : `WHEN ${pauseBad} THEN ${pauseReason} `}${calMissingAt === undefined ? '' : `WHEN ${calMissingAt} THEN ${outsideCal} `}END END`,
      [outcome, end.t.status, end.done, end.t.ms, start.ms, ...pauseDeps, ...(calAt === undefined ? [] : [calAt.start.found, calAt.end.found]), ...(bd === undefined ? [] : [`b${cs.index}_n`])],
    );
    // the due and the figures a breach list shows (src/engine/measures.ts figuresOf)
    const open = `NOT ${end.done}`;
    let dueDirect: string;
    let dueFrom: string;
    let dueTarget: string;
    const dueDeps: string[] = [...limit.deps, start.ms, ...pauseDeps];
    if (cal === undefined) {
      dueDirect = `${start.ms} + ${timeLimit} + ${pausedMs}`;
      dueFrom = 'NULL';
      dueTarget = 'NULL';
    } else if (calAt !== undefined) {
      // an h/m/s limit on a calendar: the instant its open time runs out (found by the details' range join)
      const leftTime = `FLOOR(((${timeLimit} + ${pausedMs}) / 1000) * 1000 + 0.5)`;
      const bdDue = bd === undefined ? 'NULL' : `CASE WHEN ${bd.close} IS NULL THEN NULL WHEN ${bd.left} > 0 THEN NULL ELSE ${bd.close} END`;
      dueDirect = `CASE WHEN ${isTime} THEN CASE WHEN ${leftTime} = 0 THEN ${start.ms} END ELSE ${bdDue} END`;
      dueFrom = `CASE WHEN ${isTime} THEN ${start.ms} ELSE ${bd === undefined ? 'NULL' : bd.close} END`;
      dueTarget = `CASE WHEN ${isTime} THEN CASE WHEN ${leftTime} > 0 THEN ${calAt.start.cum} + ${leftTime} END ELSE ${bd === undefined ? 'NULL' : `CASE WHEN ${bd.close} IS NOT NULL AND ${bd.left} > 0 THEN ${bd.closeCum} + ${bd.left} END`} END`;
      dueDeps.push(calAt.start.cum);
      if (bd !== undefined) dueDeps.push(bd.close, bd.closeCum, bd.left);
    } else throw new TypeError('calendar');
    const limitMs = bd === undefined ? timeLimit : `CASE WHEN ${isTime} THEN ${timeLimit} ELSE ${bd.limit} END`;
    const overDirect = `CASE WHEN ${isTime} THEN ${elapsed} - ${timeLimit} END`;
    return {
      outcome,
      reason,
      startMs: start.ms,
      endMs: `CASE WHEN ${end.done} THEN ${end.t.ms} END`,
      open,
      elapsed,
      limit: limitMs,
      dueDirect,
      dueFrom,
      dueTarget,
      calendar: cal,
      over: overDirect,
      stop,
      value: 'NULL',
      deps: [outcome, reason, start.ms, end.done, end.t.ms, elapsed, stop, ...dueDeps, ...(bd === undefined ? [] : [bd.limit])],
    };
  }

  private deadline(cs: CompiledStandard, judged: string, disposition: string, start: TimeColumns): MeasureColumns {
    const s = cs.standard;
    const m = s.measure;
    if (m.kind !== 'deadline') throw new TypeError('deadline');
    const p = this.pipeline;
    const x = `s${cs.index}`;
    const r = this.reasons;
    const O = OUTCOME_CODES;
    const dueCell = this.alias(m.due);
    const due = this.time(m.due);
    const byDateAlways = m.due_is_date === true;
    // SPEC §2: an empty due means no promise was made for this record
    const dueEmpty = `${dueCell} = ''`;
    if (!byDateAlways) this.touch(m.due, `${judged} AND NOT (${dueEmpty})`);
    const dueBadRefs = this.badTimeRefs(m.due);
    const eodNotTs = r.withText('not-a-timestamp', dueCell, (t) => ({ code: 'not-a-timestamp', args: { column: m.due, text: t, format: this.input.source.timestamp_format } }));
    const eodOutside = r.add({ code: 'outside-sql-tables', textColumn: dueCell, make: () => ({ code: 'start-empty', args: { column: m.due } }) });
    const eodUnread = r.withText('not-read-in-sql', dueCell, (t) => ({ code: 'not-read-in-sql', args: { column: m.due, text: t, format: this.input.source.timestamp_format ?? '' } }));
    const byDate = byDateAlways ? 'TRUE' : `(${due.status} = ${ST.date})`;
    const dueBad = byDateAlways ? 'FALSE' : `${due.status} IN (${ST.bad}, ${ST.unreal}, ${ST.outside}, ${ST.unread})`;
    const eodBad = `(${byDate} AND ${due.endOfDay} IS NULL)`;
    const grace = m.grace?.kind === 'time' ? Math.round(m.grace.seconds * 1000) : 0;
    const dueMs = p.column(`${x}_due`, `CASE WHEN ${byDate} THEN ${due.endOfDay} ELSE ${due.ms} END + ${doubleText(grace)}`, [due.status, due.endOfDay, due.ms], `${m.due}${grace > 0 ? ' + grace' : ''}`);
    const end = this.ending(x, m.done);
    const dueOk = `NOT (${dueEmpty}) AND NOT (${dueBad}) AND NOT ${eodBad} AND ${dueMs} >= ${start.ms}`;
    this.touch(m.done, `${judged} AND ${dueOk}`);
    const doneBad = this.badTimeRefs(m.done);
    const startName = m.start ?? m.due;
    const dueBefore = r.fixed({ code: 'due-before-start', args: { due: m.due, start: startName } });
    const doneBefore = r.fixed({ code: 'done-before-start', args: { done: m.done, start: startName } });
    const stop = p.column(`${x}_stop`, `CASE WHEN ${end.done} THEN ${end.t.ms} ELSE ${this.asOf} END`, [end.done, end.t.ms]);
    const late = `CASE WHEN ${byDate} THEN ${stop} >= ${dueMs} ELSE ${stop} > ${dueMs} END`;
    const deps = [disposition, dueCell, due.status, due.endOfDay, dueMs, start.ms, end.done, end.t.status, end.t.ms, stop];
    const outcome = p.column(
      `${x}_o`,
      [
        `CASE WHEN ${disposition} <> ${DISPOSITION_CODES.judged} THEN NULL`,
        `WHEN ${dueEmpty} THEN ${O.skipped}`,
        `WHEN ${dueBad} THEN ${O.invalid}`,
        `WHEN ${eodBad} THEN ${O.invalid}`,
        `WHEN ${dueMs} < ${start.ms} THEN ${O.invalid}`,
        `WHEN ${end.bad} THEN ${O.invalid}`,
        `WHEN ${end.done} AND ${end.t.ms} < ${start.ms} THEN ${O.invalid}`,
        `WHEN ${late} THEN ${O.breached}`,
        `WHEN ${end.done} THEN ${O.met}`,
        `WHEN ${this.atRisk(s.warn_at, `(${this.asOf} - ${start.ms})`, `(${dueMs} - ${start.ms})`)} THEN ${O.at_risk}`,
        `ELSE ${O.pending} END`,
      ].join(' '),
      deps,
      `standard ${s.id}: ${Object.entries(O).map(([k, v]) => `${v} ${k}`).join(', ')}`,
    );
    const reason = p.column(
      `${x}_r`,
      `CASE WHEN ${outcome} = ${O.invalid} THEN CASE ${byDateAlways ? '' : `${dueBadRefs.cases(due.status)} `}WHEN ${eodBad} THEN CASE WHEN ${due.endOfDayStatus} = ${ST.outside} THEN ${eodOutside} WHEN ${due.endOfDayStatus} = ${ST.unread} THEN ${eodUnread} ELSE ${eodNotTs} END WHEN ${dueMs} < ${start.ms} THEN ${dueBefore} ${doneBad.cases(end.t.status)} ELSE ${doneBefore} END END`,
      [outcome, due.status, due.endOfDay, due.endOfDayStatus, dueMs, start.ms, end.t.status],
    );
    return {
      outcome,
      reason,
      startMs: start.ms,
      endMs: `CASE WHEN ${end.done} THEN ${end.t.ms} END`,
      open: `NOT ${end.done}`,
      elapsed: 'NULL',
      limit: 'NULL',
      dueDirect: dueMs,
      dueFrom: 'NULL',
      dueTarget: 'NULL',
      calendar: undefined,
      over: `${stop} - ${dueMs}`,
      stop,
      value: 'NULL',
      deps: [outcome, reason, start.ms, end.done, end.t.ms, dueMs, stop],
    };
  }

  private conditionMeasure(cs: CompiledStandard, disposition: string): MeasureColumns {
    const m = cs.standard.measure;
    if (m.kind !== 'condition') throw new TypeError('condition');
    const p = this.pipeline;
    const x = `s${cs.index}`;
    const O = OUTCOME_CODES;
    const verdict = compileCondition({ dialect: this.d, pipeline: p, cells: this.cells(), reasons: this.reasons, prefix: `${x}_e`, where: false }, m.expect);
    const columns = conditionColumns(m.expect).map((c) => this.alias(c));
    // SPEC §2: nothing to judge when every expected column is empty
    const empty = `(${columns.map((c) => `${c} = ''`).join(' AND ')})`;
    const outcome = p.column(
      `${x}_o`,
      `CASE WHEN ${disposition} <> ${DISPOSITION_CODES.judged} THEN NULL WHEN ${empty} THEN ${O.skipped} WHEN ${verdict} < 0 THEN ${O.invalid} WHEN ${verdict} = 1 THEN ${O.met} ELSE ${O.breached} END`,
      [disposition, verdict, ...columns],
      `standard ${cs.standard.id}: ${Object.entries(O).map(([k, v]) => `${v} ${k}`).join(', ')}`,
    );
    const reason = p.column(`${x}_r`, `CASE WHEN ${outcome} = ${O.invalid} THEN -${verdict} END`, [outcome, verdict]);
    return { ...noFigures(this.time(kindOf(m).startColumn(m)).ms), outcome, reason, deps: [outcome, reason] };
  }

  private value(cs: CompiledStandard, disposition: string): MeasureColumns {
    const m = cs.standard.measure;
    if (m.kind !== 'average' && m.kind !== 'nps') throw new TypeError('value');
    const p = this.pipeline;
    const x = `s${cs.index}`;
    const O = OUTCOME_CODES;
    const cell = this.alias(m.of);
    const num = this.number(m.of);
    const of = m.of;
    const refused =
      m.kind === 'nps'
        ? `${num.number} IS NULL OR FLOOR(${num.number}) <> ${num.number} OR ${num.number} < 0 OR ${num.number} > 10`
        : `${num.number} IS NULL`;
    const outcome = p.column(
      `${x}_o`,
      `CASE WHEN ${disposition} <> ${DISPOSITION_CODES.judged} THEN NULL WHEN ${cell} = '' THEN ${O.skipped} WHEN ${refused} THEN ${O.invalid} ELSE ${O.met} END`,
      [disposition, cell, num.number],
      `standard ${cs.standard.id}: ${O.met} a value counted, ${O.skipped} skipped, ${O.invalid} invalid`,
    );
    const r = this.reasons;
    const reasonSql =
      m.kind === 'nps'
        ? String(r.withText('nps-not-a-score', cell, (t) => ({ code: 'nps-not-a-score', args: { column: of, text: t } })))
        : `CASE WHEN ${num.isNumber} THEN ${r.withText('number-out-of-range', cell, (t) => ({ code: 'number-out-of-range', args: { column: of, text: t } }))} ELSE ${r.withText('not-a-number', cell, (t) => ({ code: 'not-a-number', args: { column: of, text: t } }))} END`;
    const reason = p.column(`${x}_r`, `CASE WHEN ${outcome} = ${O.invalid} THEN ${reasonSql} END`, [outcome, num.isNumber, cell]);
    const value = p.column(`${x}_v`, `CASE WHEN ${outcome} = ${O.met} THEN ${num.number} END`, [outcome, num.number]);
    return { ...noFigures(this.time(kindOf(m).startColumn(m)).ms), outcome, reason, value, deps: [outcome, reason, value] };
  }

  /** The data tables, from the coverage. */
  private tables(): DataTable[] {
    const { input } = this;
    const cov = this.options.coverage;
    const zone = zoneDays(input.source.timezone, cov.dates);
    const out: DataTable[] = [
      {
        name: 'promise_zone',
        about: `local days of ${input.source.timezone}, as the built-in engine reads them: midnight (day_ms), the offsets before and after the day's clock change (at_ms, local time of day), and 24:00`,
        columns: ['ymd', 'day_ms', 'before_ms', 'after_ms', 'at_ms', 'next_midnight_ms', 'next_note'].map((name) => ({ name, type: 'double' as const })),
        rows: zone.map((z) => [z.ymd, z.dayMs, z.change.before, z.change.after, z.change.at, z.nextMidnight, z.nextNote]),
      },
    ];
    const calendars = [...new Set(input.standards.flatMap((s) => (s.measure.kind === 'duration' && s.measure.calendar !== undefined ? [s.measure.calendar] : [])))].sort();
    const pieces = Math.max(1, ...calendars.map((c) => this.calendarTable(c).pieces));
    const dayRows: (number | string | null)[][] = [];
    const bdRows: (number | string | null)[][] = [];
    for (const id of calendars) {
      const table = this.calendarTable(id);
      for (const day of table.days) {
        const row: (number | string | null)[] = [id, day.day, day.cum, day.pieces.reduce((n, v, i) => n + (i % 2 === 0 ? -v : v), 0), day.prevOpen ? 1 : 0, day.localDay, day.nextLocalAt];
        let a = day.cum;
        for (let j = 0; j < pieces; j++) {
          const o = day.pieces[2 * j];
          const c = day.pieces[2 * j + 1];
          row.push(o ?? 0, c ?? 0, a);
          if (o !== undefined && c !== undefined) a += c - o;
        }
        dayRows.push(row);
      }
      const counts = [...new Set(input.standards.flatMap((s) => (s.measure.kind === 'duration' && s.measure.calendar === id ? businessDayCounts(s) : [])))];
      if (counts.length === 0) continue;
      const cal = compileCalendars(input.calendars.filter((c) => c.id === id)).get(id);
      if (cal === undefined) continue;
      const localFirst = (table.days[0]?.localDay ?? table.first) - 1;
      const localLast = (table.days[table.days.length - 1]?.localDay ?? table.last) + 1;
      for (const b of businessDays(cal, localFirst, localLast, counts)) {
        for (const n of counts) {
          const close = b.closes.get(Math.max(n, 1)) as number;
          const finite = Number.isFinite(close);
          const today = n === 0 ? b.todayClose : undefined;
          bdRows.push([id, b.day, n, today ?? null, today === undefined ? null : table.cumAt(today), finite ? close : null, finite ? table.cumAt(close) : null]);
        }
      }
    }
    out.push({
      name: 'promise_calendar_days',
      about: 'UTC days of the calendars: open ms before each (cum_ms), its open pieces o/c, the open ms before each piece (a), the local day at its start and when the next begins',
      columns: [
        { name: 'calendar', type: 'text' },
        ...['day', 'cum_ms', 'total_ms', 'prev_open', 'local_day', 'next_local_at'].map((name) => ({ name, type: 'double' as const })),
        ...Array.from({ length: pieces }, (_, j) => [`o${j + 1}`, `c${j + 1}`, `a${j + 1}`]).flat().map((name) => ({ name, type: 'double' as const })),
      ],
      rows: dayRows,
    });
    out.push({
      name: 'promise_business_days',
      about: 'per calendar, local day of a start and N: the close of the N-th business day after it (0bd: the day\'s own close, today_close), and the open ms up to it',
      columns: [{ name: 'calendar', type: 'text' }, ...['day', 'n', 'today_close', 'today_cum', 'close_ms', 'close_cum'].map((name) => ({ name, type: 'double' as const }))],
      rows: bdRows,
    });
    const kinds = [...new Set(input.standards.map((s) => input.periodKind ?? s.period))].sort();
    const periodRows: (number | string | null)[][] = [];
    for (const kind of kinds) {
      for (const period of periodsBetween(kind, input.timezone, input.fiscalYearStart, cov.periods.fromMs, cov.periods.toMs)) periodRows.push([kind, period.key, period.startMs, period.endMs]);
    }
    out.push({
      name: 'promise_periods',
      about: `periods in ${input.timezone}${input.fiscalYearStart === 1 ? '' : `, the fiscal year starting in month ${input.fiscalYearStart}`}, as UTC instants [start_ms, end_ms)`,
      columns: [{ name: 'kind', type: 'text' }, { name: 'period', type: 'text' }, { name: 'start_ms', type: 'double' }, { name: 'end_ms', type: 'double' }],
      rows: periodRows,
    });
    return out;
  }

  private valuesOf(t: DataTable): string {
    const d = this.d;
    const literal = (v: number | string | null): string => (v === null ? 'NULL' : typeof v === 'number' ? doubleText(v) : d.string(v));
    const rows = t.rows.length === 0 ? [t.columns.map(() => 'NULL')] : t.rows.map((r) => r.map(literal));
    const body = d.values(t.columns, rows);
    // a table without rows is one row of NULLs that nothing can join
    return t.rows.length === 0 ? `SELECT * FROM (${body}) AS empty_table WHERE 1 = 0` : body;
  }

  private standardsTable(): string {
    const d = this.d;
    const rows = this.standards.map((cs) => [String(cs.index), d.string(cs.standard.id), d.string(cs.standard.measure.kind), doubleText(cs.standard.target ?? 0)]);
    return d.values([{ name: 'i', type: 'double' }, { name: 'standard', type: 'text' }, { name: 'kind', type: 'text' }, { name: 'target', type: 'double' }], rows);
  }

  /** Each row once per standard, with what was decided and its figures (`columns` of them), and for `all` the cells the reasons quote. */
  private outcomesBody(from: string, columns: readonly (keyof typeof OUTCOME_COLUMNS)[] | 'all'): string {
    // a column no standard gives is a NULL of its type, not an untyped one
    const pick = (f: (c: StandardColumns) => string, type: 'double' | 'text' | 'bool' = 'double'): string => {
      const parts = this.out.map(f);
      if (parts.every((p) => p === 'NULL')) return nullOf(this.d, type);
      return `CASE u.i ${this.out.map((c, i) => `WHEN ${c.standard.index} THEN ${parts[i] ?? 'NULL'}`).join(' ')} END`;
    };
    const calendar = (c: StandardColumns): string => (c.calendar === undefined ? 'NULL' : this.d.string(c.calendar));
    const item: Record<keyof typeof OUTCOME_COLUMNS, () => string> = {
      standard: () => 'u.standard',
      kind: () => 'u.kind',
      target: () => 'u.target',
      file_name: () => 'j.file_name',
      line_no: () => 'j.line_no',
      row_no: () => 'j.row_no',
      k: () => 'j.k',
      disposition: () => pick((c) => c.disposition),
      disposed_reason: () => pick((c) => c.disposedReason),
      outcome: () => pick((c) => c.outcome),
      reason_ref: () => pick((c) => c.reason),
      period: () => pick((c) => c.period, 'text'),
      period_start_ms: () => pick((c) => c.periodStart),
      period_end_ms: () => pick((c) => c.periodEnd),
      start_ms: () => pick((c) => c.startMs),
      end_ms: () => pick((c) => c.endMs),
      is_open: () => pick((c) => c.open, 'bool'),
      elapsed_ms: () => pick((c) => c.elapsed),
      limit_ms: () => pick((c) => c.limit),
      due_direct_ms: () => pick((c) => c.dueDirect),
      due_from_ms: () => pick((c) => c.dueFrom),
      due_target_cum: () => pick((c) => c.dueTarget),
      calendar: () => pick(calendar, 'text'),
      over_direct_ms: () => pick((c) => c.over),
      stop_ms: () => pick((c) => c.stop),
      value: () => pick((c) => c.value),
    };
    const names = columns === 'all' ? (Object.keys(OUTCOME_COLUMNS) as (keyof typeof OUTCOME_COLUMNS)[]) : columns;
    const items = [
      ...names.map((name) => {
        const expr = item[name]();
        return expr === `u.${name}` || expr === `j.${name}` ? expr : `${expr} AS ${name}`;
      }),
      ...(columns === 'all' ? this.quotedColumns().map((c) => `j.${c}`) : []),
    ];
    return `SELECT\n${items.map((i, n) => `    ${i}${n < items.length - 1 ? ',' : ''}`).join('\n')}\n  FROM ${from} AS j\n  CROSS JOIN promise_standards AS u`;
  }

  /** The cells the reasons quote: the pipeline columns they name, each once. */
  private quotedColumns(): string[] {
    return [...new Set(this.reasons.list.flatMap((t) => (t.textColumn === undefined ? [] : [t.textColumn])))];
  }

  /** The text a listed row's reason quotes: the column its reason names (a reason's number is the source's, whatever the standard). */
  private reasonText(ref: string): string {
    const refs = new Map<string, number[]>();
    this.reasons.list.forEach((t, i) => {
      if (t.textColumn === undefined) return;
      refs.set(t.textColumn, [...(refs.get(t.textColumn) ?? []), i + 1]);
    });
    if (refs.size === 0) return nullOf(this.d, 'text');
    return `CASE ${[...refs].map(([column, list]) => `WHEN ${oneOf(ref, list)} THEN l.${column}`).join(' ')} END`;
  }

  private gapsTail(): { name: string; body: string; about?: string }[] {
    const n = `CAST(n AS ${this.d.types.double})`;
    const rank = (share: string): string => `LEAST(${n}, GREATEST(1, CEIL(${share} * ${n} - 1e-9)))`;
    return [
      {
        name: 'elapsed',
        about: 'SPEC §2: elapsed time of met and breached duration records, whole seconds, ranked',
        body: [
          'SELECT standard, period, target, secs,',
          '    ROW_NUMBER() OVER (PARTITION BY standard, period ORDER BY secs) AS rn,',
          '    COUNT(*) OVER (PARTITION BY standard, period) AS n',
          `  FROM (SELECT standard, period, target, LEAST(4294967295, GREATEST(0, FLOOR(elapsed_ms / 1000 + 0.5))) AS secs FROM outcomes WHERE kind = 'duration' AND disposition = ${DISPOSITION_CODES.judged} AND outcome IN (${OUTCOME_CODES.met}, ${OUTCOME_CODES.breached})) AS judged_times`,
        ].join('\n'),
      },
      {
        name: 'percentiles',
        about: 'nearest rank: the smallest time with at least the share of times at or below it',
        body: [
          'SELECT standard, period,',
          `    MAX(CASE WHEN rn = ${rank('0.5')} THEN secs END) AS p50_seconds,`,
          `    MAX(CASE WHEN rn = ${rank('0.9')} THEN secs END) AS p90_seconds,`,
          `    MAX(CASE WHEN rn = ${rank('target')} THEN secs END) AS p_target_seconds`,
          '  FROM elapsed',
          '  GROUP BY standard, period',
        ].join('\n'),
      },
      {
        name: 'counts',
        body: [
          'SELECT standard, kind, target, period, period_start_ms, period_end_ms,',
          '    COUNT(*) AS in_period,',
          ...Object.entries(OUTCOME_CODES).map(([name, code]) => `    SUM(CASE WHEN outcome = ${code} THEN 1 ELSE 0 END) AS ${name === 'met' ? 'met_or_value' : name},`),
          `    ${this.d.orderedSum('value', 'row_no')} AS value_sum,`,
          '    SUM(CASE WHEN value >= 9 THEN 1 ELSE 0 END) AS promoters,',
          '    SUM(CASE WHEN value <= 6 THEN 1 ELSE 0 END) AS detractors',
          '  FROM outcomes',
          `  WHERE disposition = ${DISPOSITION_CODES.judged}`,
          '  GROUP BY standard, kind, target, period, period_start_ms, period_end_ms',
        ].join('\n'),
      },
    ];
  }

  private gapsSelect(): string {
    const byValue = "c.kind IN ('average', 'nps')";
    return [
      'SELECT',
      '  c.standard,',
      '  c.period,',
      `  CASE WHEN ${byValue} THEN c.met_or_value ELSE c.in_period END AS records,`,
      `  CASE WHEN ${byValue} THEN NULL ELSE c.met_or_value END AS met,`,
      `  CASE WHEN ${byValue} THEN NULL ELSE c.breached END AS breached,`,
      '  c.pending + c.at_risk AS pending,',
      '  c.at_risk,',
      '  c.skipped,',
      '  c.invalid,',
      `  CASE WHEN ${byValue} OR c.met_or_value + c.breached = 0 THEN NULL ELSE c.met_or_value / CAST(c.met_or_value + c.breached AS ${this.d.types.double}) END AS compliance,`,
      `  CASE WHEN c.kind = 'average' AND c.met_or_value > 0 THEN c.value_sum / c.met_or_value WHEN c.kind = 'nps' AND c.met_or_value > 0 THEN ((c.promoters - c.detractors) * 100) / CAST(c.met_or_value AS ${this.d.types.double}) END AS average,`,
      '  p.p50_seconds,',
      '  p.p90_seconds,',
      '  p.p_target_seconds,',
      '  c.in_period,',
      '  c.met_or_value,',
      '  c.value_sum,',
      '  c.promoters,',
      '  c.detractors,',
      '  c.period_start_ms,',
      '  c.period_end_ms',
      'FROM counts AS c',
      'LEFT JOIN percentiles AS p ON p.standard = c.standard AND p.period = c.period',
      'ORDER BY c.standard, c.period_start_ms',
    ].join('\n');
  }

  /** The rows `details` lists: the invalid records, and with `breaches` the breaches and the records at risk. */
  private listedCte(breaches: boolean): { name: string; body: string; about: string } {
    const O = OUTCOME_CODES;
    const D = DISPOSITION_CODES;
    return breaches
      ? { name: 'listed', about: 'the breaches, the records at risk and the invalid records', body: `SELECT * FROM outcomes WHERE disposition = ${D.invalid} OR (disposition = ${D.judged} AND outcome IN (${O.breached}, ${O.at_risk}, ${O.invalid}))` }
      : { name: 'listed', about: 'the invalid records', body: `SELECT * FROM outcomes WHERE disposition = ${D.invalid} OR (disposition = ${D.judged} AND outcome = ${O.invalid})` };
  }

  private detailsSelect(): string {
    const pieces = this.maxPieces();
    const walk = Array.from({ length: pieces }, (_, j) => `WHEN l.due_target_cum <= r.a${j + 1} + (r.c${j + 1} - r.o${j + 1}) THEN r.o${j + 1} + (l.due_target_cum - r.a${j + 1})`).join(' ');
    const O = OUTCOME_CODES;
    return [
      'SELECT',
      `  CASE WHEN l.disposition = ${DISPOSITION_CODES.invalid} OR l.outcome = ${O.invalid} THEN 'invalid' WHEN l.outcome = ${O.at_risk} THEN 'at_risk' ELSE 'breached' END AS listed_as,`,
      '  l.standard,',
      '  l.file_name AS file,',
      '  l.line_no AS line,',
      '  l.row_no,',
      '  l.k AS record,',
      `  CASE WHEN l.disposition = ${DISPOSITION_CODES.judged} THEN l.period END AS period,`,
      '  l.start_ms,',
      '  l.end_ms,',
      '  l.is_open,',
      // the instant an allowance of open time runs out: the UTC day whose open time reaches it, then the piece
      `  CASE WHEN l.due_target_cum IS NOT NULL THEN CASE ${walk} END ELSE l.due_direct_ms END AS due_ms,`,
      '  l.elapsed_ms,',
      '  l.limit_ms,',
      `  CASE WHEN l.kind = 'duration' AND l.over_direct_ms IS NULL THEN l.stop_ms - (CASE WHEN l.due_target_cum IS NOT NULL THEN CASE ${walk} END ELSE l.due_direct_ms END) ELSE l.over_direct_ms END AS over_ms,`,
      `  COALESCE(l.reason_ref, l.disposed_reason) AS reason_ref,`,
      `  ${this.reasons.list.length === 0 ? 'NULL' : `CASE COALESCE(l.reason_ref, l.disposed_reason) ${this.reasons.list.map((r, i) => `WHEN ${i + 1} THEN '${r.code}'`).join(' ')} END`} AS reason_code,`,
      `  ${this.reasonText('COALESCE(l.reason_ref, l.disposed_reason)')} AS reason_text`,
      'FROM listed AS l',
      'LEFT JOIN promise_calendar_days AS r ON r.calendar = l.calendar AND l.due_target_cum > r.cum_ms AND l.due_target_cum <= r.cum_ms + r.total_ms',
      'ORDER BY l.standard, l.start_ms, l.k, l.file_name, l.line_no',
    ].join('\n');
  }

  private maxPieces(): number {
    const calendars = [...new Set(this.input.standards.flatMap((s) => (s.measure.kind === 'duration' && s.measure.calendar !== undefined ? [s.measure.calendar] : [])))];
    return Math.max(1, ...calendars.map((c) => this.calendarTable(c).pieces));
  }

  private accountsSelect(from: string): string {
    const D = DISPOSITION_CODES;
    const bad = this.out.map((c) => `${c.disposition} = ${D.invalid} OR ${c.outcome} = ${OUTCOME_CODES.invalid}`);
    const notes = (n: number): string => {
      const terms = [...this.touched].map(([column, when]) => `CASE WHEN ${this.time(column).note} = ${n} AND (${when.map((w) => `(${w})`).join(' OR ')}) THEN 1 ELSE 0 END`);
      return terms.length === 0 ? '0' : terms.join(' + ');
    };
    const items = [
      'COUNT(*) AS rows_read',
      `SUM(CASE WHEN row_problem IS NOT NULL${bad.length === 0 ? '' : ` OR ${bad.join(' OR ')}`} THEN 1 ELSE 0 END) AS invalid_rows`,
      `SUM(${notes(1)}) AS dst_gap_times`,
      `SUM(${notes(2)}) AS dst_overlap_times`,
      ...this.out.flatMap((c) => {
        const i = c.standard.index;
        const count = (cond: string, name: string): string => `SUM(CASE WHEN ${cond} THEN 1 ELSE 0 END) AS s${i}_${name}`;
        return [
          count(`${c.disposition} = ${D.judged}`, 'in_periods'),
          count(`${c.disposition} = ${D.outOfScope}`, 'out_of_scope'),
          count(`${c.disposition} = ${D.future}`, 'future'),
          count(`${c.disposition} IN (${D.invalid}, ${D.unreadable})`, 'invalid_without_period'),
          count(`${c.disposition} = ${D.skipped}`, 'skipped_without_period'),
        ];
      }),
    ];
    return `SELECT\n${items.map((i, n) => `  ${i}${n < items.length - 1 ? ',' : ''}`).join('\n')}\nFROM ${from}`;
  }

  private keyedCte(): { name: string; body: string; about: string } {
    return {
      name: 'keyed',
      about: 'every row with a key, in file order: the how-manieth of its key it is, and where the key was first seen',
      body: [
        'SELECT k, file_name, line_no, row_no,',
        '    ROW_NUMBER() OVER (PARTITION BY k ORDER BY row_no) AS nth,',
        '    FIRST_VALUE(file_name) OVER (PARTITION BY k ORDER BY row_no) AS first_file,',
        '    FIRST_VALUE(line_no) OVER (PARTITION BY k ORDER BY row_no) AS first_line',
        "  FROM log WHERE row_problem IS NULL AND k <> ''",
      ].join('\n'),
    };
  }

  private duplicatesSelect(): string {
    return ['SELECT k AS record, file_name AS file, line_no AS line, first_file, first_line, COUNT(*) OVER () AS repeats', 'FROM keyed', 'WHERE nth > 1', 'ORDER BY row_no', 'LIMIT 100'].join('\n');
  }

  private distributionSelect(): string {
    const O = OUTCOME_CODES;
    return [
      'SELECT standard, period, w.w AS what, CASE WHEN w.w = 1 THEN FLOOR(elapsed_ms / 1000 + 0.5) ELSE FLOOR(limit_ms / 1000 + 0.5) END AS secs, COUNT(*) AS n',
      'FROM outcomes CROSS JOIN what AS w',
      `WHERE kind = 'duration' AND disposition = ${DISPOSITION_CODES.judged} AND outcome IN (${O.met}, ${O.breached}) AND (w.w = 1 OR limit_ms IS NOT NULL)`,
      'GROUP BY standard, period, w.w, CASE WHEN w.w = 1 THEN FLOOR(elapsed_ms / 1000 + 0.5) ELSE FLOOR(limit_ms / 1000 + 0.5) END',
    ].join('\n');
  }

  /** every met or breached row of a linked source, in file order: a key on several rows is compared once per row (docs/customer-gap.md) */
  private linkedSelect(): string {
    const O = OUTCOME_CODES;
    return [
      'SELECT standard, k AS record, outcome, period, start_ms',
      `FROM outcomes WHERE disposition = ${DISPOSITION_CODES.judged} AND outcome IN (${O.met}, ${O.breached}) AND k <> ''`,
      'ORDER BY standard, row_no',
    ].join('\n');
  }
}

/** Every column a source's standards read, in a fixed order: the key first. */
export function sourceColumns(source: Source, standards: readonly Standard[]): string[] {
  const out = new Set<string>([source.key]);
  for (const s of standards) {
    for (const c of kindOf(s.measure).columns(s.measure)) out.add(c.column);
    if (s.where !== undefined) for (const c of conditionColumns(s.where)) out.add(c);
  }
  return [...out];
}

/** The business-day counts a duration's limits use. */
function businessDayCounts(s: Standard): number[] {
  const m = s.measure;
  if (m.kind !== 'duration') return [];
  const kind = kindOf(m).limits(m);
  if (kind === undefined) return [];
  return [kind.single, ...kind.byValue.values(), kind.fallback].flatMap((l) => (l?.kind === 'business-days' ? [l.days] : []));
}

interface LimitColumns {
  /** the limit is known without reading the record */
  always: boolean;
  /** SQL: 1 a length of time, 2 business days, NULL none (out of scope) */
  kind: string;
  ms: string;
  days: string;
  deps: string[];
  single: Duration | undefined;
  /** every limit a record may have */
  all: Duration[];
}

interface MeasureColumns {
  outcome: string;
  reason: string;
  startMs: string;
  endMs: string;
  open: string;
  elapsed: string;
  limit: string;
  /** the due when it needs no search; NULL when `dueTarget` says where to search */
  dueDirect: string;
  /** the instant the search counts from (for `due_target_cum` 0 open ms) */
  dueFrom: string;
  /** the cumulative open ms at which the allowance runs out */
  dueTarget: string;
  calendar: string | undefined;
  /** over_seconds in ms when it needs no due (an h/m/s limit: elapsed - limit) */
  over: string;
  stop: string;
  value: string;
  deps: string[];
}

interface StandardColumns extends MeasureColumns {
  standard: CompiledStandard;
  disposition: string;
  disposedReason: string;
  period: string;
  periodStart: string;
  periodEnd: string;
}

function noFigures(startMs: string): Omit<MeasureColumns, 'outcome' | 'reason' | 'deps'> {
  return { startMs, endMs: 'NULL', open: 'FALSE', elapsed: 'NULL', limit: 'NULL', dueDirect: 'NULL', dueFrom: 'NULL', dueTarget: 'NULL', calendar: undefined, over: 'NULL', stop: 'NULL', value: 'NULL' };
}

/** A WITH clause of CTEs, each with the comment that says what it holds, then the query. */
function withClause(d: Dialect, ctes: readonly { name: string; body: string; about?: string | undefined }[], select: string): string {
  const fence = d.cteFence === undefined ? '' : `\n  ${d.cteFence}`;
  const parts = ctes.map((c) => `${c.about === undefined ? '' : `-- ${c.about.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g, '?')}\n`}${c.name} AS (\n  ${c.body.split('\n').join('\n')}${fence}\n)`);
  return `WITH\n${parts.join(',\n')}\n${select}${d.statementSettings === undefined ? '' : `\n${d.statementSettings}`}\n`;
}
