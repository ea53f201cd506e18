/**
 * What the SQL engines share (SPEC §5): a run whose standards are the SQL src/sql/ compiles,
 * executed by a backend (embedded DuckDB, a PostgreSQL or ClickHouse server), and whose result
 * rows make the same Evaluation the built-in engine makes, through the same finish
 * (src/engine/rollup.ts). A backend says only how a source's rows become a relation, how the
 * data tables (calendars, periods, zone offsets) are loaded and how a query is run; what the
 * queries are and how their rows are read is here, once.
 *
 * The calendars, periods and zone offsets the SQL looks up are made by the built-in engine's
 * code for exactly the dates the rows hold (a first query reads them). Survey sources (SPEC §6)
 * are read from their files as the built-in engine reads them, whatever the engine.
 */
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
import { refuseParquet } from '../logs/log-format.js';
import { EmptyLogError } from '../model/errors.js';
import type { Breach, Evaluation, GapRow, InvalidRecord, PeriodKind, PeriodRef, SourceAccount } from '../model/evaluation.js';
import { kindOf } from '../plan/measure-kinds.js';
import type { Registry, Source, Standard, Survey } from '../registry/model.js';
import { compileScan, compileSource, sourceColumns, OUTCOME_CODES, type CompiledSource, type Coverage, type DataTable, type Relation, type SourceInput } from '../sql/compile.js';
import type { Dialect } from '../sql/dialect.js';
import type { CivilDate } from '../sql/tables.js';
import type { EngineName, RunInput, RunNote, RunOptions, SourceLogs } from './engine.js';

/** A result row, by column name. */
export type Row = Record<string, unknown>;

/** One source as a backend is asked to make it readable. */
export interface SourceRun {
  readonly registry: Registry;
  readonly source: Source;
  readonly standards: readonly Standard[];
  readonly logs: SourceLogs;
  /** the registry's column names the queries read, each with the name a loaded table gives it */
  readonly columns: ReadonlyMap<string, string>;
  /** a name for a table the backend loads, unique within the run */
  readonly table: string;
  readonly note: (note: RunNote) => void;
  /** the source's account: a backend counts its files (or table) */
  readonly account: SourceAccount;
  /** a backend that reads rows itself lists here those that cannot be trusted (SPEC §1) */
  readonly invalid: InvalidRecord[];
}

/** Where an engine's queries run. */
export interface SqlBackend {
  readonly engine: EngineName;
  readonly dialect: Dialect;
  /** `named`: the data tables are loaded by loadTables before the statements; `inline`: each statement carries them (default named) */
  readonly data?: 'inline' | 'named';
  /** runs one statement and gives its rows; numbers may come as numbers, bigints or text */
  query(sql: string): Promise<Row[]>;
  /** makes the source's rows a relation the queries read */
  openSource(run: SourceRun): Promise<Relation>;
  /** what openSource made, dropped once the source is done */
  closeSource(run: SourceRun): Promise<void>;
  /** the data tables the queries read, replacing those of the source before */
  loadTables(tables: readonly DataTable[]): Promise<void>;
  /**
   * a table of a query's rows, for the statements after it to read (replacing one of that name),
   * and its dropping: a backend that has them judges each source's rows once, not once per statement
   */
  tableOf?(name: string, query: string): Promise<void>;
  dropTable?(name: string): Promise<void>;
}

/** A number of a result row: drivers give numbers, bigints or (PostgreSQL's bigint and numeric) text. */
const num = (v: unknown): number | undefined => (v === null || v === undefined ? undefined : typeof v === 'number' ? v : Number(v));
const text = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : String(v));

export async function evaluateWithSql(backend: SqlBackend, input: RunInput, options: RunOptions): Promise<Evaluation> {
  const { registry, selection } = input;
  const asOfMs = input.asOf.getTime();
  const note = options.note ?? (() => undefined);
  const out: Evaluation = { asOfMs, breaches: [], invalid: [], duplicates: [], gaps: [], summaries: [], promises: [], owners: [], dimensions: [], sources: [], customer: [], servqual: [] };
  const bySource = new Map<string, Standard[]>();
  for (const s of selection.standards) bySource.set(s.source, [...(bySource.get(s.source) ?? []), s]);
  const linkedSources = new Set(selection.surveys.flatMap((s) => (s.survey?.links === undefined ? [] : [s.survey.links.source])));
  const linked = new Map<string, Map<string, LinkedOutcome | LinkedOutcome[]>>();
  const linkedKeys = new Map<string, Set<string>>();
  const surveys = [...selection.surveys].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // SPEC §6: a survey's files are read as the built-in engine reads them: CSV
  refuseParquet(surveys.flatMap((s) => input.sources.get(s.id)?.files ?? []), 'survey');
  let n = 0;
  for (const id of [...bySource.keys()].sort()) {
    const source = registry.sources.find((s) => s.id === id);
    if (source === undefined) continue;
    const standards = bySource.get(id) ?? [];
    const account: SourceAccount = { source: source.id, files: 0, rows: 0, invalid: 0, duplicateKeys: 0, dstGapTimes: 0, dstOverlapTimes: 0, standards: [] };
    const run: SourceRun = {
      registry,
      source,
      standards,
      logs: input.sources.get(id) ?? { patterns: [], files: [] },
      columns: tableColumns(source, standards),
      table: `promise_log_${++n}`,
      note,
      account,
      invalid: out.invalid,
    };
    const { outcomes, keys } = await evaluateSource(backend, run, { asOfMs, options, linked: linkedSources.has(id) }, out);
    for (const [standard, map] of outcomes) linked.set(standard, map);
    if (keys !== undefined) linkedKeys.set(id, keys);
  }
  finishEvaluation({ standards: selection.standards, promises: selection.promises }, out, { alsoBy: options.alsoBy, within: options.within ?? selection.periods });
  const runs: SurveyRun[] = [];
  for (const survey of surveys) runs.push(await readSurvey(registry, survey, input.sources.get(survey.id) ?? { patterns: [], files: [] }, asOfMs, selection.standards, linked, linkedKeys, options.alsoBy, note));
  addSurveys(out, runs);
  return out;
}

/** The column names of a source's table: the registry's names, each as `v<n>`. */
function tableColumns(source: Source, standards: readonly Standard[]): Map<string, string> {
  return new Map(sourceColumns(source, standards).map((name, i) => [name, `v${i + 1}`]));
}

/** What a linked source's run keeps for the surveys that link to it: per standard and key its judged rows' outcomes, and every key of its rows. */
interface KeptLinks {
  outcomes: Map<string, Map<string, LinkedOutcome | LinkedOutcome[]>>;
  keys: Set<string> | undefined;
}

interface SourceSettings {
  asOfMs: number;
  options: RunOptions;
  /** a survey links to this source: keep its outcomes */
  linked: boolean;
}

/** Makes one source readable, runs its queries, and adds what they give to `out`; returns the kept outcomes of a linked source. */
async function evaluateSource(backend: SqlBackend, run: SourceRun, settings: SourceSettings, out: Evaluation): Promise<KeptLinks> {
  const relation = await backend.openSource(run);
  try {
    return await judgeSource(backend, run, settings, relation, out);
  } finally {
    await backend.closeSource(run);
  }
}

async function judgeSource(backend: SqlBackend, run: SourceRun, settings: SourceSettings, relation: Relation, out: Evaluation): Promise<KeptLinks> {
  const { source, standards, registry, account } = run;
  const { asOfMs, options } = settings;
  const dialect = backend.dialect;
  const input: SourceInput = { source, standards, calendars: registry.calendars, timezone: registry.settings.timezone, fiscalYearStart: registry.settings.fiscalYearStart, asOfMs };
  const coverage = await coverageOf(backend, input, relation);
  const judgedTable = (suffix: string): string | undefined => (backend.tableOf === undefined ? undefined : `${run.table}_${suffix}`);
  const compiled = compileSource(input, { dialect, relation, coverage, data: backend.data ?? 'named', judged: judgedTable('judged') });
  await backend.loadTables(compiled.tables);
  await judge(backend, compiled);
  const accounts = (await backend.query(compiled.accounts))[0] ?? {};
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
  out.gaps.push(...(await gapRows(backend, compiled, standards, asOfMs, options.details === true)));
  if (options.alsoBy !== undefined) {
    const summary = compileSource({ ...input, periodKind: options.alsoBy }, { dialect, relation, coverage, data: backend.data ?? 'named', judged: judgedTable('judged_by') });
    await backend.loadTables(summary.tables);
    await judge(backend, summary);
    out.summaries.push(...(await gapRows(backend, summary, standards, asOfMs, options.details === true)));
    await dropJudged(backend, summary);
    await backend.loadTables(compiled.tables);
  }
  await details(backend, run, options, compiled, out);
  const repeats = await backend.query(compiled.duplicates);
  account.duplicateKeys = num(repeats[0]?.repeats) ?? 0;
  for (const r of repeats) out.duplicates.push({ source: source.id, record: text(r.record) ?? '', file: text(r.file) ?? '', line: num(r.line) ?? null, firstFile: text(r.first_file) ?? '', firstLine: num(r.first_line) ?? null });
  out.sources.push(account);
  const kept = new Map<string, Map<string, LinkedOutcome | LinkedOutcome[]>>();
  let keys: Set<string> | undefined;
  if (settings.linked) {
    const periods = new Map(out.gaps.map((g) => [`${g.standard}\u0000${g.period.key}`, g.period]));
    const { alsoBy } = options;
    const summaryFinder = alsoBy === undefined ? undefined : new PeriodFinder(alsoBy, run.registry.settings.timezone, run.registry.settings.fiscalYearStart);
    for (const r of await backend.query(compiled.linked)) {
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
    keys = new Set((await backend.query(compiled.linkedKeys)).map((r) => text(r.record) ?? ''));
  }
  await dropJudged(backend, compiled);
  return { outcomes: kept, keys };
}

/** The source's rows judged once into the table the compiled statements read, where the backend makes tables. */
async function judge(backend: SqlBackend, compiled: CompiledSource): Promise<void> {
  if (compiled.judgedTable !== undefined) await backend.tableOf?.(compiled.judgedTable, compiled.judge);
}

async function dropJudged(backend: SqlBackend, compiled: CompiledSource): Promise<void> {
  if (compiled.judgedTable !== undefined) await backend.dropTable?.(compiled.judgedTable);
}

/** The dates and pauses the rows hold, and so what the data tables must cover. */
async function coverageOf(backend: SqlBackend, input: SourceInput, relation: Relation): Promise<Coverage> {
  const scan = compileScan(input, { dialect: backend.dialect, relation });
  const dates: CivilDate[] = [];
  const startColumns = new Set(input.standards.map((s) => kindOf(s.measure).startColumn(s.measure)));
  let firstStart = Infinity;
  for (const r of await backend.query(scan.dates)) {
    const ymd = num(r.ymd);
    if (ymd === undefined) continue;
    const date = { y: Math.floor(ymd / 10_000), mo: Math.floor(ymd / 100) % 100, d: ymd % 100 };
    dates.push(date);
    if (startColumns.has(scan.columns[(num(r.col) ?? 0) - 1] ?? '')) firstStart = Math.min(firstStart, Math.floor(Date.UTC(date.y, date.mo - 1, date.d) / DAY_MS));
  }
  const pauses = (await backend.query(scan.pauses))[0] ?? {};
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

/** A log file opened by the product's reader; an empty one is noted and gives nothing. */
export async function openLog(source: Source, file: LogFile, note: (n: RunNote) => void): Promise<CsvFile | undefined> {
  try {
    return await openCsv(file.abs, file.display, { header: source.header, ...(source.delimiter === undefined ? {} : { delimiter: source.delimiter }) });
  } catch (err) {
    if (!(err instanceof EmptyLogError)) throw err;
    note({ kind: 'empty-log', file: file.display, message: err.message });
    return undefined;
  }
}

/** The gap rows of one compiled source, made by the built-in engine's accumulator from the counts the query gives. */
async function gapRows(backend: SqlBackend, compiled: CompiledSource, standards: readonly Standard[], asOfMs: number, details: boolean): Promise<GapRow[]> {
  const byId = new Map(standards.map((s) => [s.id, s]));
  const spread = details ? await distributions(backend, compiled) : undefined;
  const out: GapRow[] = [];
  for (const r of await backend.query(compiled.gaps)) {
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
async function distributions(backend: SqlBackend, compiled: CompiledSource): Promise<Map<string, Distribution>> {
  const out = new Map<string, Distribution>();
  for (const r of await backend.query(compiled.distribution)) {
    const key = `${text(r.standard) ?? ''}\u0000${text(r.period) ?? ''}\u0000${num(r.what) ?? 0}`;
    let d = out.get(key);
    if (d === undefined) out.set(key, (d = new Distribution()));
    const ms = (num(r.secs) ?? 0) * 1000;
    for (let i = num(r.n) ?? 0; i > 0; i--) d.add(ms);
  }
  return out;
}

/** The breaches (and records at risk) and the invalid records of one source. */
async function details(backend: SqlBackend, run: SourceRun, options: RunOptions, compiled: CompiledSource, out: Evaluation): Promise<void> {
  const { source, standards } = run;
  const byId = new Map(standards.map((s) => [s.id, s]));
  const within = options.within;
  // a run that lists no breaches reads the invalid records alone: a source's breaches can be most of its rows
  const listsBreaches = options.breaches && standards.some((s) => kindOf(s.measure).judgesRecords);
  for (const r of await backend.query(listsBreaches ? compiled.details : compiled.invalids)) {
    const listed = text(r.listed_as);
    const standard = byId.get(text(r.standard) ?? '') as Standard;
    const file = text(r.file) ?? '';
    const line = num(r.line) ?? null;
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
      // ClickHouse gives a comparison as the number 1
      open: r.is_open === true || r.is_open === 1,
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

