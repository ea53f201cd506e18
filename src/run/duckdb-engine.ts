/**
 * The DuckDB engine (`--engine duckdb`, SPEC §5): each source's rows go into an embedded DuckDB,
 * the standards run there as the SQL src/sql/ compiles, and the rows that come back make the
 * same Evaluation the built-in engine makes, through the same finish (src/engine/rollup.ts).
 *
 * CSV files are read by the product's own reader (src/logs/csv.ts: every cell text, each row's
 * real line, the rows that cannot be trusted) and appended to a table; Parquet files are read
 * by DuckDB itself, every column as text, and have no lines (SPEC §5: `line` is null). The
 * calendars, periods and zone offsets the SQL looks up are made by the built-in engine's code
 * for exactly the dates the rows hold (a first query reads them). Survey sources (SPEC §6) are
 * read as the built-in engine reads them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { addOpenSeconds, closeOfBusinessDay, compileCalendar } from '../engine/calendar.js';
import { addSurveys, SurveyRun } from '../engine/customer-gap.js';
import { keepOutcome, type LinkedOutcome, type LinkedOutcomes } from '../engine/evaluate.js';
import { PeriodFinder } from '../engine/period.js';
import { DAY_MS } from '../engine/local-time.js';
import { PeriodAccumulator, type AccumulatorState } from '../engine/period-accumulator.js';
import { Distribution } from '../engine/distribution.js';
import { finishEvaluation } from '../engine/rollup.js';
import { openCsv, type CsvFile } from '../logs/csv.js';
import { createTimestampReader } from '../logs/timestamp-reader.js';
import type { LogFile } from '../logs/files.js';
import { EmptyLogError, PromiseError } from '../model/errors.js';
import type { Breach, Evaluation, GapRow, InvalidRecord, PeriodKind, PeriodRef, SourceAccount } from '../model/evaluation.js';
import { kindOf } from '../plan/measure-kinds.js';
import type { Registry, Source, Standard, Survey } from '../registry/model.js';
import { compileScan, compileSource, sourceColumns, OUTCOME_CODES, type CompiledSource, type Coverage, type DataTable, type Relation, type SourceInput } from '../sql/compile.js';
import { getDialect } from '../sql/dialects.js';
import type { CivilDate } from '../sql/tables.js';
import type { Engine, EngineConfig, RunInput, RunNote, RunOptions, SourceLogs } from './engine.js';

const DUCKDB = getDialect('duckdb');

export function duckdbEngine(config: EngineConfig): Engine {
  return { name: 'duckdb', evaluate: (input, options) => evaluateWithDuckDb(input, options, config) };
}

type Row = Record<string, unknown>;

async function rows(connection: DuckDBConnection, sql: string): Promise<Row[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS() as Row[];
}

const num = (v: unknown): number | undefined => (v === null || v === undefined ? undefined : typeof v === 'bigint' ? Number(v) : (v as number));
const text = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : String(v));

async function evaluateWithDuckDb(input: RunInput, options: RunOptions, config: EngineConfig): Promise<Evaluation> {
  const { registry, selection } = input;
  const asOfMs = input.asOf.getTime();
  const note = options.note ?? (() => undefined);
  const temp = await mkdtemp(join(tmpdir(), 'promise-duckdb-'));
  const threads = config.env.PROMISE_THREADS;
  const settings: Record<string, string> = { temp_directory: temp, preserve_insertion_order: 'true' };
  if (threads !== undefined && /^\d+$/.test(threads) && Number(threads) >= 1) settings.threads = threads;
  let instance: DuckDBInstance | undefined;
  try {
    try {
      instance = await DuckDBInstance.create(':memory:', settings);
    } catch (err) {
      throw new PromiseError(`the DuckDB engine could not start: ${(err as Error).message}`, { hint: 'run with --engine builtin, or reinstall promise so that @duckdb/node-api is there' });
    }
    const connection = await instance.connect();
    const out: Evaluation = { asOfMs, breaches: [], invalid: [], duplicates: [], gaps: [], summaries: [], promises: [], owners: [], dimensions: [], sources: [], customer: [], servqual: [] };
    const bySource = new Map<string, Standard[]>();
    for (const s of selection.standards) bySource.set(s.source, [...(bySource.get(s.source) ?? []), s]);
    const linkedSources = new Set(selection.surveys.flatMap((s) => (s.survey?.links === undefined ? [] : [s.survey.links.source])));
    const linked = new Map<string, Map<string, LinkedOutcome | LinkedOutcome[]>>();
    const linkedKeys = new Map<string, Set<string>>();
    let n = 0;
    for (const id of [...bySource.keys()].sort()) {
      const source = registry.sources.find((s) => s.id === id);
      if (source === undefined) continue;
      const logs = input.sources.get(id) ?? { patterns: [], files: [] };
      const run: SourceRunInput = { connection, registry, source, standards: bySource.get(id) ?? [], logs, asOfMs, options, note, table: `log_${++n}`, linked: linkedSources.has(id) };
      const { outcomes, keys } = await evaluateSource(run, out);
      for (const [standard, map] of outcomes) linked.set(standard, map);
      if (keys !== undefined) linkedKeys.set(id, keys);
    }
    finishEvaluation({ standards: selection.standards, promises: selection.promises }, out, { alsoBy: options.alsoBy, within: options.within ?? selection.periods });
    const surveys = [...selection.surveys].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const runs: SurveyRun[] = [];
    for (const survey of surveys) runs.push(await readSurvey(registry, survey, input.sources.get(survey.id) ?? { patterns: [], files: [] }, asOfMs, selection.standards, linked, linkedKeys, options.alsoBy, note));
    addSurveys(out, runs);
    connection.closeSync();
    return out;
  } finally {
    instance?.closeSync();
    await rm(temp, { recursive: true, force: true });
  }
}

interface SourceRunInput {
  connection: DuckDBConnection;
  registry: Registry;
  source: Source;
  standards: Standard[];
  logs: SourceLogs;
  asOfMs: number;
  options: RunOptions;
  note: (note: RunNote) => void;
  table: string;
  linked: boolean;
}

/** The column names of a source's table: the registry's names, each as `v<n>`. */
function tableColumns(source: Source, standards: readonly Standard[]): Map<string, string> {
  return new Map(sourceColumns(source, standards).map((name, i) => [name, `v${i + 1}`]));
}

/** Reads one source into DuckDB, runs its queries, and adds what they give to `out`; returns the kept outcomes of a linked source. */
/** What a linked source's run keeps for the surveys that link to it: per standard and key its judged rows' outcomes, and every key of its rows. */
interface KeptLinks {
  outcomes: Map<string, Map<string, LinkedOutcome | LinkedOutcome[]>>;
  keys: Set<string> | undefined;
}

async function evaluateSource(run: SourceRunInput, out: Evaluation): Promise<KeptLinks> {
  const { connection, source, standards, logs, asOfMs, options, registry } = run;
  const columns = tableColumns(source, standards);
  const account: SourceAccount = { source: source.id, files: 0, rows: 0, invalid: 0, duplicateKeys: 0, dstGapTimes: 0, dstOverlapTimes: 0, standards: [] };
  if (logs.files.length === 0) run.note({ kind: 'no-log-files', source: source.id, patterns: logs.patterns });
  const relation = await loadSource(run, columns, account, out);
  const input: SourceInput = { source, standards, calendars: registry.calendars, timezone: registry.settings.timezone, fiscalYearStart: registry.settings.fiscalYearStart, asOfMs };
  const coverage = await coverageOf(connection, input, relation);
  const compiled = compileSource(input, { dialect: DUCKDB, relation, coverage, data: 'named' });
  await loadTables(connection, compiled.tables);
  const accounts = (await rows(connection, compiled.accounts))[0] ?? {};
  account.rows += num(accounts.rows_read) ?? 0;
  account.invalid += num(accounts.invalid_rows) ?? 0;
  account.dstGapTimes = num(accounts.dst_gap_times) ?? 0;
  account.dstOverlapTimes = num(accounts.dst_overlap_times) ?? 0;
  account.standards = compiled.standards.map(({ index, standard }) => ({
    standard: standard.id,
    inPeriods: num(accounts[`s${index}_in_periods`]) ?? 0,
    outOfScope: num(accounts[`s${index}_out_of_scope`]) ?? 0,
    future: num(accounts[`s${index}_future`]) ?? 0,
    invalidWithoutPeriod: num(accounts[`s${index}_invalid_without_period`]) ?? 0,
    skippedWithoutPeriod: num(accounts[`s${index}_skipped_without_period`]) ?? 0,
  }));
  out.gaps.push(...(await gapRows(connection, compiled, standards, asOfMs, options.details === true)));
  if (options.alsoBy !== undefined) {
    const summary = compileSource({ ...input, periodKind: options.alsoBy }, { dialect: DUCKDB, relation, coverage, data: 'named' });
    await loadTables(connection, summary.tables);
    out.summaries.push(...(await gapRows(connection, summary, standards, asOfMs, options.details === true)));
    await loadTables(connection, compiled.tables);
  }
  await details(run, compiled, out);
  const repeats = await rows(connection, compiled.duplicates);
  account.duplicateKeys = num(repeats[0]?.repeats) ?? 0;
  for (const r of repeats) out.duplicates.push({ source: source.id, record: text(r.record) ?? '', file: text(r.file) ?? '', line: num(r.line) ?? 0, firstFile: text(r.first_file) ?? '', firstLine: num(r.first_line) ?? 0 });
  out.sources.push(account);
  const kept = new Map<string, Map<string, LinkedOutcome | LinkedOutcome[]>>();
  let keys: Set<string> | undefined;
  if (run.linked) {
    const periods = new Map(out.gaps.map((g) => [`${g.standard}\u0000${g.period.key}`, g.period]));
    const { alsoBy } = run.options;
    const summaryFinder = alsoBy === undefined ? undefined : new PeriodFinder(alsoBy, run.registry.settings.timezone, run.registry.settings.fiscalYearStart);
    for (const r of await rows(connection, compiled.linked)) {
      const standard = text(r.standard) ?? '';
      const period = periods.get(`${standard}\u0000${text(r.period) ?? ''}`);
      if (period === undefined) continue;
      const startMs = num(r.start_ms);
      const summary = summaryFinder === undefined || startMs === undefined ? undefined : summaryFinder.find(startMs);
      const map = kept.get(standard) ?? new Map<string, LinkedOutcome | LinkedOutcome[]>();
      const outcome: LinkedOutcome = { met: num(r.outcome) === OUTCOME_CODES.met, period, summary };
      keepOutcome(map, text(r.record) ?? '', outcome);
      kept.set(standard, map);
    }
    keys = new Set((await rows(connection, compiled.linkedKeys)).map((r) => text(r.record) ?? ''));
  }
  await connection.run(`DROP TABLE IF EXISTS ${run.table}`);
  return { outcomes: kept, keys };
}

/** The dates and pauses the rows hold, and so what the data tables must cover. */
async function coverageOf(connection: DuckDBConnection, input: SourceInput, relation: Relation): Promise<Coverage> {
  const scan = compileScan(input, { dialect: DUCKDB, relation });
  const dates: CivilDate[] = [];
  const startColumns = new Set(input.standards.map((s) => kindOf(s.measure).startColumn(s.measure)));
  let firstStart = Infinity;
  for (const r of await rows(connection, scan.dates)) {
    const ymd = num(r.ymd);
    if (ymd === undefined) continue;
    const date = { y: Math.floor(ymd / 10_000), mo: Math.floor(ymd / 100) % 100, d: ymd % 100 };
    dates.push(date);
    if (startColumns.has(scan.columns[(num(r.col) ?? 0) - 1] ?? '')) firstStart = Math.min(firstStart, Math.floor(Date.UTC(date.y, date.mo - 1, date.d) / DAY_MS));
  }
  const pauses = (await rows(connection, scan.pauses))[0] ?? {};
  const asOfDay = Math.floor(input.asOfMs / DAY_MS);
  // a local date lies within a day either side of its UTC day
  const first = Math.min(Number.isFinite(firstStart) ? firstStart - 2 : asOfDay - 1, asOfDay - 1);
  const calendarDays = new Map<string, { first: number; last: number }>();
  input.standards.forEach((s, i) => {
    const m = s.measure;
    if (m.kind !== 'duration' || m.calendar === undefined) return;
    const calendar = input.calendars.find((c) => c.id === m.calendar);
    if (calendar === undefined) return;
    const cal = compileCalendar(calendar);
    const limits = kindOf(m).limits(m);
    const all = limits === undefined ? [] : [limits.single, ...limits.byValue.values(), limits.fallback].filter((l) => l !== undefined);
    const pausedMs = Math.max(0, (num(pauses[`s${i + 1}_pause`]) ?? 0) * 60_000);
    let reach = input.asOfMs + DAY_MS;
    for (const l of all) {
      const due =
        l.kind === 'time'
          ? addOpenSeconds(cal, input.asOfMs, (Math.round(l.seconds * 1000) + pausedMs) / 1000)
          : ((close) => (pausedMs > 0 && Number.isFinite(close) ? addOpenSeconds(cal, close, pausedMs / 1000) : close))(closeOfBusinessDay(cal, input.asOfMs, l.days));
      if (Number.isFinite(due)) reach = Math.max(reach, due);
    }
    // dues past a century after as_of are not looked for (docs/sql.md)
    const last = Math.min(Math.floor(reach / DAY_MS) + 2, asOfDay + 36_525);
    const known = calendarDays.get(m.calendar);
    calendarDays.set(m.calendar, { first: Math.min(first, known?.first ?? first), last: Math.max(last, known?.last ?? last) });
  });
  return { dates, calendarDays, periods: { fromMs: first * DAY_MS, toMs: input.asOfMs } };
}

/** Loads the data tables the queries read, replacing those of the source before. */
async function loadTables(connection: DuckDBConnection, tables: readonly DataTable[]): Promise<void> {
  for (const t of tables) {
    await connection.run(`CREATE OR REPLACE TABLE ${t.name} (${t.columns.map((c) => `${DUCKDB.ident(c.name)} ${c.type === 'double' ? 'DOUBLE' : 'VARCHAR'}`).join(', ')})`);
    const appender = await connection.createAppender(t.name);
    for (const row of t.rows) {
      row.forEach((v, i) => {
        if (v === null) appender.appendNull();
        else if (t.columns[i]?.type === 'double') appender.appendDouble(v as number);
        else appender.appendVarchar(String(v));
      });
      appender.endRow();
    }
    appender.closeSync();
  }
}

/** A source's files into one table: CSV through the product's reader, Parquet through DuckDB. */
async function loadSource(run: SourceRunInput, columns: ReadonlyMap<string, string>, account: SourceAccount, out: Evaluation): Promise<Relation> {
  const { connection, source, logs, table } = run;
  const names = [...columns.values()];
  await connection.run(`CREATE OR REPLACE TABLE ${table} (file_name VARCHAR, line_no DOUBLE, row_no DOUBLE, row_problem VARCHAR, ${names.map((n) => `${n} VARCHAR`).join(', ')})`);
  const appender = await connection.createAppender(table);
  let rowNo = 0;
  for (const file of logs.files) {
    const csv = await openLog(source, file, run.note);
    account.files++;
    if (csv === undefined) continue;
    const index = new Map<string, number>();
    const repeated = new Set<string>();
    csv.header.forEach((name, i) => {
      if (index.has(name)) repeated.add(name);
      else index.set(name, i);
    });
    for (const name of repeated) index.delete(name);
    if (!index.has(source.key) && csv.header.includes(source.key)) throw new RangeError(`key column "${source.key}" is in the header more than once`);
    const positions = [...columns.keys()].map((name) => index.get(name) ?? -1);
    const keyAt = index.get(source.key) ?? -1;
    for await (const batch of csv.batches()) {
      for (const row of batch) {
        appender.appendVarchar(file.display);
        appender.appendDouble(row.line);
        appender.appendDouble(rowNo++);
        if (row.problem === undefined) appender.appendNull();
        else {
          appender.appendVarchar(row.problem.code);
          // SPEC §1: a row that cannot be trusted is invalid for every standard, listed once
          out.invalid.push({ source: source.id, standard: undefined, file: file.display, line: row.line, record: keyAt < 0 ? '' : (row.cells[keyAt] ?? '').trim(), period: undefined, ...row.problem });
        }
        for (const p of positions) {
          const cell = p < 0 ? undefined : row.cells[p];
          if (cell === undefined) appender.appendNull();
          else appender.appendVarchar(cell);
        }
        appender.endRow();
      }
    }
  }
  appender.closeSync();
  return { from: table, column: (name) => columns.get(name) ?? 'NULL', file: 'file_name', line: 'line_no', order: 'row_no', problem: 'row_problem' };
}

async function openLog(source: Source, file: LogFile, note: (n: RunNote) => void): Promise<CsvFile | undefined> {
  try {
    return await openCsv(file.abs, file.display, { header: source.header, ...(source.delimiter === undefined ? {} : { delimiter: source.delimiter }) });
  } catch (err) {
    if (!(err instanceof EmptyLogError)) throw err;
    note({ kind: 'empty-log', file: file.display, message: err.message });
    return undefined;
  }
}

/** The gap rows of one compiled source, made by the built-in engine's accumulator from the counts the query gives. */
async function gapRows(connection: DuckDBConnection, compiled: CompiledSource, standards: readonly Standard[], asOfMs: number, details: boolean): Promise<GapRow[]> {
  const byId = new Map(standards.map((s) => [s.id, s]));
  const spread = details ? await distributions(connection, compiled) : undefined;
  const out: GapRow[] = [];
  for (const r of await rows(connection, compiled.gaps)) {
    const standard = byId.get(text(r.standard) ?? '') as Standard;
    const period: PeriodRef = { kind: compiledPeriodKind(compiled, standard), key: text(r.period) ?? '', startMs: num(r.period_start_ms) ?? 0, endMs: num(r.period_end_ms) ?? 0 };
    const byValue = standard.measure.kind === 'average' || standard.measure.kind === 'nps';
    const values = num(r.met_or_value) ?? 0;
    const breached = byValue ? 0 : (num(r.breached) ?? 0);
    const credits: [string, number][] = [];
    const remedy = standard.remedy;
    if (remedy?.credit !== undefined && remedy.currency !== undefined && breached > 0) {
      let sum = 0;
      // as the accumulator adds them, one breach at a time
      for (let i = 0; i < breached; i++) sum += remedy.credit;
      credits.push([remedy.currency, sum]);
    }
    const key = `${standard.id}\u0000${period.key}`;
    const state: AccumulatorState = {
      period,
      counts: [num(r.in_period) ?? 0, byValue ? 0 : values, breached, num(r.pending) ?? 0, num(r.at_risk) ?? 0, num(r.skipped) ?? 0, num(r.invalid) ?? 0, byValue ? values : 0, num(r.promoters) ?? 0, num(r.detractors) ?? 0],
      sum: { value: standard.measure.kind === 'average' ? (num(r.value_sum) ?? 0) : 0, scaled: false },
      credits,
      elapsed: spread?.get(`${key}\u00001`)?.state(),
      limits: spread?.get(`${key}\u00002`)?.state(),
    };
    const acc = new PeriodAccumulator(period, standard, details);
    acc.merge(state);
    const row = acc.row(asOfMs);
    if (standard.measure.kind === 'duration' && !details) {
      // SPEC §2 nearest rank, exact, as the query ranks them
      row.p50Seconds = num(r.p50_seconds);
      row.p90Seconds = num(r.p90_seconds);
      row.pTargetSeconds = num(r.p_target_seconds);
    }
    out.push(row);
  }
  return out;
}

function compiledPeriodKind(compiled: CompiledSource, standard: Standard): PeriodKind {
  return compiled.periodKind ?? standard.period;
}

/** The elapsed times and allowances of each duration standard and period, as the accumulator keeps them. */
async function distributions(connection: DuckDBConnection, compiled: CompiledSource): Promise<Map<string, Distribution>> {
  const out = new Map<string, Distribution>();
  for (const r of await rows(connection, compiled.distribution)) {
    const key = `${text(r.standard) ?? ''}\u0000${text(r.period) ?? ''}\u0000${num(r.what) ?? 0}`;
    let d = out.get(key);
    if (d === undefined) out.set(key, (d = new Distribution()));
    const ms = (num(r.secs) ?? 0) * 1000;
    for (let i = num(r.n) ?? 0; i > 0; i--) d.add(ms);
  }
  return out;
}

/** The breaches (and records at risk) and the invalid records of one source. */
async function details(run: SourceRunInput, compiled: CompiledSource, out: Evaluation): Promise<void> {
  const { source, options, standards } = run;
  const byId = new Map(standards.map((s) => [s.id, s]));
  const within = options.within;
  for (const r of await rows(run.connection, compiled.details)) {
    const listed = text(r.listed_as);
    const standard = byId.get(text(r.standard) ?? '') as Standard;
    const file = text(r.file) ?? '';
    const line = num(r.line) ?? 0;
    const record = text(r.record) ?? '';
    const period = text(r.period);
    if (listed === 'invalid') {
      const reason = compiled.reasons.reasonOf(num(r.reason_ref) ?? 0, text(r.reason_text) ?? null);
      out.invalid.push({ source: source.id, standard: standard.id, file, line, record, period, ...reason } as InvalidRecord);
      continue;
    }
    if (!options.breaches || !kindOf(standard.measure).judgesRecords) continue;
    if (listed === 'at_risk' && !options.atRisk) continue;
    const startMs = num(r.start_ms) ?? 0;
    if (within !== undefined && !within.some((p) => startMs >= p.startMs && startMs < p.endMs)) continue;
    const finite = (v: unknown): number | undefined => {
      const n = num(v);
      return n !== undefined && Number.isFinite(n) ? n : undefined;
    };
    const seconds = (v: unknown): number | undefined => {
      const n = finite(v);
      return n === undefined ? undefined : Math.round(n) / 1000;
    };
    const remedy = standard.remedy;
    const breach: Breach = {
      standard: standard.id,
      promise: standard.promise,
      owner: standard.owner,
      source: source.id,
      record,
      file,
      line,
      period: period ?? '',
      outcome: listed === 'at_risk' ? 'at_risk' : 'breached',
      open: r.is_open === true,
      startMs,
      endMs: finite(r.end_ms),
      dueMs: finite(r.due_ms),
      elapsedSeconds: seconds(r.elapsed_ms),
      limitSeconds: seconds(r.limit_ms),
      overSeconds: listed === 'at_risk' ? undefined : seconds(r.over_ms),
      remedy: remedy === undefined ? undefined : { action: remedy.action, credit: remedy.credit, currency: remedy.currency },
    };
    out.breaches.push(breach);
  }
}

/** SPEC §6: a survey source read as the built-in engine reads it, its links to the outcomes the queries kept. */
async function readSurvey(
  registry: Registry,
  source: Source,
  logs: SourceLogs,
  asOfMs: number,
  standards: readonly Standard[],
  linked: ReadonlyMap<string, LinkedOutcomes>,
  keysBySource: ReadonlyMap<string, ReadonlySet<string>>,
  alsoBy: PeriodKind | undefined,
  note: (n: RunNote) => void,
): Promise<SurveyRun> {
  const survey = source.survey as Survey;
  const links =
    survey.links === undefined
      ? []
      : standards
          .filter((s) => s.source === survey.links?.source && kindOf(s.measure).judgesRecords)
          .map((s) => ({ standard: s.id, dimension: registry.promises.find((p) => p.id === s.promise)?.dimension, outcomes: linked.get(s.id) ?? new Map<string, LinkedOutcome>() }));
  const linkedKeys = survey.links === undefined ? undefined : keysBySource.get(survey.links.source);
  const settings = { asOfMs, timezone: registry.settings.timezone, fiscalYearStart: registry.settings.fiscalYearStart, links, linkedKeys, alsoBy };
  const run = new SurveyRun({ ...source, survey }, createTimestampReader(source.timezone, source.timestamp_format), settings);
  if (logs.files.length === 0) note({ kind: 'no-log-files', source: source.id, patterns: logs.patterns });
  for (const file of logs.files) {
    const csv = await openLog(source, file, note);
    if (csv === undefined) {
      run.countFile();
      continue;
    }
    const push = run.file(file.display, csv.header);
    for await (const batch of csv.batches()) push(batch);
  }
  return run;
}

