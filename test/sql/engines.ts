/**
 * One registry and its logs evaluated by several engines over the same files on disk, the way
 * the commands run them, and the parts of an Evaluation that SPEC §5 says must agree.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { openCsv } from '../../src/logs/csv.js';
import type { LogFile } from '../../src/logs/files.js';
import type { Evaluation } from '../../src/model/evaluation.js';
import type { Registry } from '../../src/registry/model.js';
import { builtinEngine } from '../../src/run/builtin-engine.js';
import { duckdbEngine } from '../../src/run/duckdb-engine.js';
import type { Engine, RunInput, RunOptions, SourceLogs } from '../../src/run/engine.js';
import { load, type MemoryFiles } from '../helpers/memory-reader.js';

export interface EnginesInput {
  /** registry files; `promise.yaml` replaces the default root when given */
  files: MemoryFiles;
  /** per source id, the log files' text */
  logs: Record<string, string[]>;
  asOf: string;
  options?: Partial<Pick<RunOptions, 'breaches' | 'atRisk' | 'within' | 'alsoBy' | 'details'>>;
  /**
   * DuckDB reads Parquet files written by DuckDB from the CSV files the built-in engine reads:
   * per source, which of its files (0-based; default all) and the SELECT over the table `csv`
   * (the file's cells, as the product's CSV reader reads them, every column text) that is written
   * (default `SELECT * FROM csv`).
   */
  parquet?: Record<string, { files?: readonly number[]; select?: string }>;
}

export async function loadValid(files: MemoryFiles): Promise<Registry> {
  const { registry, diagnostics } = await load(files);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`fixture does not load: ${errors.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join('; ')}`);
  return registry;
}

/** A run over the input's logs written as files in a folder of their own, removed after `f`; `surveys` says whether the survey sources are read. */
async function withLogFiles<T>(input: EnginesInput, surveys: boolean, f: (run: RunInput, options: RunOptions) => Promise<T>): Promise<T> {
  const registry = await loadValid(input.files);
  const dir = mkdtempSync(join(tmpdir(), 'promise-engines-'));
  try {
    mkdirSync(join(dir, 'logs'));
    const sources = new Map<string, SourceLogs>();
    for (const source of registry.sources) {
      const files = (input.logs[source.id] ?? []).map((text, i) => {
        const display = `logs/${source.id}-${i + 1}.csv`;
        writeFileSync(join(dir, display), text);
        return { abs: join(dir, display), display };
      });
      sources.set(source.id, { patterns: [`logs/${source.id}-*.csv`], files });
    }
    const selection = { periods: undefined, standards: registry.standards, promises: registry.promises, surveys: surveys ? registry.sources.filter((s) => s.survey !== undefined) : [] };
    return await f({ registry, sources, asOf: new Date(input.asOf), selection }, { breaches: true, atRisk: true, ...input.options });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The evaluations of the built-in engine and DuckDB, in that order. */
export async function evaluateBoth(input: EnginesInput): Promise<[Evaluation, Evaluation]> {
  return withLogFiles(input, true, async (run, options) => {
    const builtin = await builtinEngine({ env: { PROMISE_THREADS: '1' } }).evaluate(run, options);
    const parquet = input.parquet;
    if (parquet !== undefined) {
      const sources = run.sources as Map<string, SourceLogs>;
      for (const [id, logs] of sources) {
        const convert = parquet[id];
        if (convert === undefined) continue;
        const files = await Promise.all(logs.files.map((f, i) => (convert.files === undefined || convert.files.includes(i) ? writeParquet(f, convert.select) : f)));
        sources.set(id, { patterns: logs.patterns, files });
      }
    }
    const duckdb = await duckdbEngine({ env: { PROMISE_THREADS: '1' } }).evaluate(run, options);
    return [builtin, duckdb];
  });
}

/** What SPEC §5 holds equal between engines: every gap row, breach, invalid record, account and repeated key. */
export function comparable(e: Evaluation): unknown {
  return {
    gaps: e.gaps,
    summaries: e.summaries,
    breaches: e.breaches,
    invalid: e.invalid,
    duplicates: e.duplicates,
    sources: e.sources,
    promises: e.promises,
    owners: e.owners,
    dimensions: e.dimensions,
    customer: e.customer,
    links: e.customerLinks,
  };
}

/**
 * What SPEC §5 holds equal between an engine that reads files and one that reads tables: the
 * same, but that a table's rows have no line and carry the table's name for their file, so rows
 * are compared without either, in an order that does not depend on them.
 */
export function comparableAcrossTables(e: Evaluation): unknown {
  const unplaced = <T extends object>(rows: readonly T[] | undefined): unknown[] =>
    (rows ?? [])
      .map((r) => {
        const { file: _f, line: _l, firstFile: _ff, firstLine: _fl, ...rest } = r as Record<string, unknown>;
        return rest;
      })
      .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0));
  return {
    gaps: e.gaps,
    summaries: e.summaries,
    breaches: unplaced(e.breaches),
    invalid: unplaced(e.invalid),
    duplicates: unplaced(e.duplicates),
    sources: e.sources,
    promises: e.promises,
    owners: e.owners,
    dimensions: e.dimensions,
  };
}

/** The evaluations of the built-in engine on CSV files, and of `engine` on the same rows loaded as tables by `load`, file by file. */
export async function evaluateOnTables(
  input: EnginesInput,
  engine: (registry: Registry) => { evaluate: Engine['evaluate'] },
  load: (source: string, file: string, header: string[]) => Promise<void>,
): Promise<[Evaluation, Evaluation]> {
  return withLogFiles(input, false, async (run, options) => {
    for (const [id, logs] of run.sources) {
      for (const f of logs.files) await load(id, f.abs, readFileSync(f.abs, 'utf8').split(/\r?\n/)[0]?.split(',') ?? []);
    }
    const builtin = await builtinEngine({ env: { PROMISE_THREADS: '1' } }).evaluate(run, options);
    return [builtin, await engine(run.registry).evaluate(run, options)];
  });
}

/**
 * A Parquet file beside a CSV file (`x.csv` -> `x.parquet`), written by DuckDB from the cells the
 * product's CSV reader reads (so the CSV parser is not what is compared), through `select`.
 */
export async function writeParquet(csvFile: LogFile, select = 'SELECT * FROM csv'): Promise<LogFile> {
  const csv = await openCsv(csvFile.abs, csvFile.display);
  const instance = await DuckDBInstance.create(':memory:');
  try {
    const c = await instance.connect();
    await c.run(`CREATE TABLE csv (${csv.header.map((h) => `"${h.replaceAll('"', '""')}" VARCHAR`).join(', ')})`);
    const appender = await c.createAppender('csv');
    for await (const batch of csv.batches()) {
      for (const row of batch) {
        for (let i = 0; i < csv.header.length; i++) appender.appendVarchar(row.cells[i] ?? '');
        appender.endRow();
      }
    }
    appender.closeSync();
    const abs = csvFile.abs.replace(/\.csv$/, '.parquet');
    await c.run(`COPY (${select}) TO '${abs.replaceAll("'", "''")}' (FORMAT parquet)`);
    c.closeSync();
    return { abs, display: csvFile.display.replace(/\.csv$/, '.parquet') };
  } finally {
    instance.closeSync();
  }
}

/**
 * What SPEC §5 holds equal between an engine on CSV files and one on the same rows as Parquet:
 * everything `comparable` holds, a Parquet row having no line (SPEC §5: `line` is null), so the
 * breaches, invalid records and repeated keys are compared by key, their files named as CSV.
 */
export function comparableByKey(e: Evaluation): unknown {
  const asCsv = (file: string): string => file.replace(/\.parquet$/, '.csv');
  const byKey = <T extends { record: string }>(rows: readonly T[], key: (r: T) => string): T[] => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return {
    ...(comparable(e) as object),
    breaches: byKey(
      e.breaches.map((b) => ({ ...b, file: asCsv(b.file), line: null })),
      (b) => `${b.standard}\u0000${b.record}\u0000${b.startMs}\u0000${b.file}`,
    ),
    invalid: byKey(
      e.invalid.map((i) => ({ ...i, file: asCsv(i.file), line: null })),
      (i) => `${i.standard ?? ''}\u0000${i.record}\u0000${i.file}\u0000${JSON.stringify(i)}`,
    ),
    duplicates: byKey(
      e.duplicates.map((d) => ({ ...d, file: asCsv(d.file), line: null, firstFile: asCsv(d.firstFile), firstLine: null })),
      (d) => `${d.record}\u0000${d.file}`,
    ),
  };
}
