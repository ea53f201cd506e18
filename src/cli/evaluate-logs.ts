/**
 * The back half of every evaluating command: a valid registry and the filters in, the logs read
 * once, source by source, through the engine, an Evaluation out.
 */
import { statSync } from 'node:fs';
import type { Evaluation, PeriodRef } from '../model/evaluation.js';
import { EmptyLogError, RegistryError, UsageError } from '../model/errors.js';
import { Evaluator } from '../engine/evaluate.js';
import { parsePeriodKey } from '../engine/period.js';
import { openCsv, type CsvFile } from '../logs/csv.js';
import { createTimestampReader } from '../logs/timestamp-reader.js';
import type { Registry, ServicePromise, Standard } from '../registry/model.js';
import { didYouMean } from '../registry/suggest.js';
import type { Io } from './io.js';
import { startProgress, type Progress } from './progress.js';
import type { OpenedRegistry } from './open-registry.js';

/** `--period --standard --promise --owner`, shared by breaches, gaps and report. */
export interface FilterOptions {
  period: string[];
  standard?: string;
  promise?: string;
  owner?: string;
}

export interface Selection {
  /** the periods asked for; undefined for all */
  periods: PeriodRef[] | undefined;
  standards: Standard[];
  /** the promises whose every standard is selected (or that have none), as the filters allow */
  promises: ServicePromise[];
}

function known(flag: string, value: string, ids: readonly string[], what: string): void {
  if (ids.includes(value)) return;
  throw new UsageError(`${flag} ${value}: the registry has no ${what} "${value}"`, didYouMean(value, ids) ?? `its ${what}s are: ${ids.join(', ')}`);
}

/** Refuses a registry with errors: an evaluating command needs a valid one (SPEC §3, exit 2). */
export function requireValid(opened: OpenedRegistry): void {
  const errors = opened.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    throw new RegistryError(`the registry has ${errors.length === 1 ? 'an error' : `${errors.length} errors`}; run \`promise check\` for details`, errors);
  }
}

function periodNames(registry: Registry): string {
  return registry.settings.fiscalYearStart === 1 ? '2026-Q3, 2026-07, 2026-W27 or 2026' : 'FY2027-Q1, 2026-07, 2026-W27 or FY2027';
}

export function selectFromRegistry(registry: Registry, filters: FilterOptions): Selection {
  const { timezone, fiscalYearStart } = registry.settings;
  const periods = filters.period.length === 0
    ? undefined
    : filters.period.map((key) => {
        const period = parsePeriodKey(key, timezone, fiscalYearStart);
        if (period === undefined) throw new UsageError(`--period ${key}: not a period name`, `write e.g. ${periodNames(registry)}`);
        return period;
      });
  if (filters.standard !== undefined) known('--standard', filters.standard, registry.standards.map((s) => s.id), 'standard');
  if (filters.promise !== undefined) known('--promise', filters.promise, registry.promises.map((p) => p.id), 'promise');
  if (filters.owner !== undefined) known('--owner', filters.owner, registry.owners.map((o) => o.id), 'owner');
  const standards = registry.standards.filter(
    (s) =>
      (filters.standard === undefined || s.id === filters.standard) &&
      (filters.promise === undefined || s.promise === filters.promise) &&
      (filters.owner === undefined || s.owner === filters.owner),
  );
  const selected = new Set(standards.map((s) => s.id));
  const promises = registry.promises.filter((p) => {
    const all = registry.standards.filter((s) => s.promise === p.id);
    if (all.length === 0) return filters.standard === undefined && (filters.promise === undefined || p.id === filters.promise) && (filters.owner === undefined || p.owner === filters.owner);
    // a roll-up over part of a promise's standards could call it kept when it is not
    return all.every((s) => selected.has(s.id));
  });
  return { periods, standards, promises };
}

export interface EvaluateOptions {
  breaches: boolean;
  atRisk: boolean;
  /** keep only breaches within these periods (default: the selection's) */
  within?: PeriodRef[] | undefined;
  /** also count every standard over periods of this length, with the details charts need */
  alsoBy?: PeriodRef['kind'] | undefined;
  details?: boolean | undefined;
  /** the output is for machines (JSON): no progress bar */
  machineOutput?: boolean | undefined;
}

/** Reads every log of the selected standards' sources once and evaluates them. */
export async function evaluateLogs(io: Io, opened: OpenedRegistry, selection: Selection, options: EvaluateOptions): Promise<Evaluation> {
  const { registry } = opened;
  const evaluator = new Evaluator(
    { sources: registry.sources, standards: selection.standards, calendars: registry.calendars, promises: selection.promises },
    {
      asOfMs: opened.asOf.getTime(),
      timezone: registry.settings.timezone,
      fiscalYearStart: registry.settings.fiscalYearStart,
      breaches: options.breaches,
      atRisk: options.atRisk,
      within: options.within ?? selection.periods,
      alsoBy: options.alsoBy,
      details: options.details,
    },
  );
  const ids = evaluator.sourceIds().sort();
  const totalBytes = ids.flatMap((id) => opened.sources.get(id)?.files ?? []).reduce((n, f) => n + sizeOf(f.abs), 0);
  const progress = startProgress(io, totalBytes, options.machineOutput === true);
  try {
    for (const sourceId of ids) await evaluateSource(io, opened, evaluator, sourceId, progress);
  } finally {
    progress.done();
  }
  return evaluator.finish();
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

async function evaluateSource(io: Io, opened: OpenedRegistry, evaluator: Evaluator, sourceId: string, progress: Progress): Promise<void> {
  const source = opened.registry.sources.find((s) => s.id === sourceId);
  const files = opened.sources.get(sourceId);
  if (source === undefined || files === undefined) return;
  const csvOptions = source.delimiter === undefined ? {} : { delimiter: source.delimiter };
  const run = evaluator.source(sourceId, createTimestampReader(source.timezone, source.timestamp_format));
  if (files.files.length === 0) {
    io.stderr.write(`promise: source "${sourceId}" has no log files (${files.patterns.join(', ')} matches nothing); its standards have no data\n`);
  }
  for (const file of files.files) {
    let csv: CsvFile;
    try {
      csv = await openCsv(file.abs, file.display, { ...csvOptions, onBytes: (n) => progress.bytes(n) });
    } catch (err) {
      if (!(err instanceof EmptyLogError)) throw err;
      // an export of nothing: said, and read as no rows
      io.stderr.write(`promise: ${err.message}; it adds no records\n`);
      run.emptyFile();
      continue;
    }
    const fileRun = run.file(file.display, csv.header);
    for await (const batch of csv.batches()) {
      fileRun.push(batch);
      progress.rows(batch.length);
    }
  }
  while (run.needsKeyPass()) {
    // a log too long to keep every key: the keys the filter may have seen are confirmed here
    const pass = run.keyPass();
    for (const file of files.files) {
      const csv = await openCsv(file.abs, file.display, csvOptions).catch((err: unknown) => {
        if (err instanceof EmptyLogError) return undefined;
        throw err;
      });
      if (csv === undefined) continue;
      const push = pass(file.display, csv.header);
      for await (const batch of csv.batches()) push(batch);
    }
  }
}
