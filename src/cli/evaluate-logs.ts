/**
 * The back half of every evaluating command: a valid registry and the filters in, the logs read
 * once, source by source, through the engine, an Evaluation out.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Evaluation, PeriodRef } from '../model/evaluation.js';
import { EmptyLogError, PromiseError, RegistryError, UsageError } from '../model/errors.js';
import { Evaluator, type SourceRun, type SourceState } from '../engine/evaluate.js';
import type { KeyOrder } from '../engine/keys.js';
import { parsePeriodKey } from '../engine/period.js';
import { openCsv, type CsvFile, type RangeEnd } from '../logs/csv.js';
import type { LogFile } from '../logs/files.js';
import { splitLog } from '../logs/split.js';
import { createTimestampReader } from '../logs/timestamp-reader.js';
import type { Registry, ServicePromise, Source, Standard } from '../registry/model.js';
import { didYouMean } from '../registry/suggest.js';
import type { Io } from './io.js';
import { startProgress, type Progress } from './progress.js';
import { evaluatePart, type WorkerJob, type WorkerMessage } from './evaluate-worker.js';
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
    throw new RegistryError(`the registry has ${errors.length === 1 ? 'an error' : `${errors.length} errors`}; run \`promise check\` for details`, errors, opened);
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
  /** the output is for machines (JSON), or --quiet: no progress bar */
  machineOutput?: boolean | undefined;
  /** where warnings and notes go (stderr, escaped; nowhere with --quiet) */
  note: (text: string) => void;
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
    for (const sourceId of ids) await evaluateSource(io, opened, evaluator, sourceId, progress, options.note);
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

async function evaluateSource(io: Io, opened: OpenedRegistry, evaluator: Evaluator, sourceId: string, progress: Progress, note: (text: string) => void): Promise<void> {
  const source = opened.registry.sources.find((s) => s.id === sourceId);
  const files = opened.sources.get(sourceId);
  if (source === undefined || files === undefined) return;
  const parallel = parallelism(io);
  if (parallel.threads > 1 && files.files.some((f) => sizeOf(f.abs) >= 2 * parallel.chunkBytes) && existsSync(WORKER)) {
    const parts = await readInParallel(opened, evaluator, source, files.files, parallel, progress);
    if (parts !== undefined) {
      const run = evaluator.source(sourceId, createTimestampReader(source.timezone, source.timestamp_format));
      run.merge(parts.state, 1);
      for (const said of parts.said) note(said);
      for (let i = 0; i < parts.files; i++) run.countFile();
      run.keysFromParts(parts.keys);
      await keyPasses(run, source, files.files);
      return;
    }
    // a cut fell inside a quoted cell: the whole source is read again, in one piece
  }
  if (files.files.length === 0) {
    note(`promise: source "${sourceId}" has no log files (${files.patterns.join(', ')} matches nothing); its standards have no data\n`);
  }
  const run = evaluator.source(sourceId, createTimestampReader(source.timezone, source.timestamp_format));
  await readSource(run, source, files.files, { note, progress });
}

/** Opens a log file; undefined for an export of nothing (not even a header), said to `onEmpty`. */
async function openLog(source: Source, file: LogFile, onEmpty?: (said: string) => void, onBytes?: (n: number) => void): Promise<CsvFile | undefined> {
  try {
    return await openCsv(file.abs, file.display, { ...(source.delimiter === undefined ? {} : { delimiter: source.delimiter }), ...(onBytes === undefined ? {} : { onBytes }) });
  } catch (err) {
    if (!(err instanceof EmptyLogError)) throw err;
    onEmpty?.(`promise: ${err.message}; it adds no records\n`);
    return undefined;
  }
}

/**
 * Reads a source's files in order, in one piece, through `run`, then confirms repeated keys if
 * need be. `note` is told of empty files; `progress` of what was read.
 */
export async function readSource(run: SourceRun, source: Source, files: readonly LogFile[], options: { note?: (text: string) => void; progress?: Progress } = {}): Promise<void> {
  const { note, progress } = options;
  for (const file of files) {
    const csv = await openLog(source, file, note, progress === undefined ? undefined : (n) => progress.bytes(n));
    if (csv === undefined) {
      run.countFile();
      continue;
    }
    const fileRun = run.file(file.display, csv.header);
    for await (const batch of csv.batches()) {
      fileRun.push(batch);
      progress?.rows(batch.length);
    }
  }
  await keyPasses(run, source, files);
}

/** A log too long to keep every key: the keys a filter may have seen are confirmed by passes over the keys. */
async function keyPasses(run: SourceRun, source: Source, files: readonly LogFile[]): Promise<void> {
  while (run.needsKeyPass()) {
    const pass = run.keyPass();
    for (const file of files) {
      const csv = await openLog(source, file);
      if (csv === undefined) continue;
      const push = pass(file.display, csv.header);
      for await (const batch of csv.batches()) push(batch);
    }
  }
}

/** The compiled worker: next to this module in dist/ (the CLI runs from there). */
const WORKER = fileURLToPath(new URL('./evaluate-worker.js', import.meta.url));

export interface Parallelism {
  /** threads that read parts of a log at once; 1 reads every log in one piece */
  threads: number;
  /** a log is cut about every this many bytes, whatever the machine, so the output is the same everywhere */
  chunkBytes: number;
}

/** PROMISE_THREADS (default: the cores there are, at most 8) and PROMISE_CHUNK_MB (default 32). */
export function parallelism(io: Io): Parallelism {
  const threads = Number(io.env.PROMISE_THREADS ?? Math.min(8, availableParallelism()));
  const chunkMb = Number(io.env.PROMISE_CHUNK_MB ?? 32);
  return {
    threads: Number.isInteger(threads) && threads >= 1 ? threads : 1,
    chunkBytes: Number.isFinite(chunkMb) && chunkMb > 0 ? Math.round(chunkMb * 1024 * 1024) : 32 * 1024 * 1024,
  };
}

/** A source read in parts: their counts merged in file order, lines made absolute. */
interface ReadInParts {
  state: SourceState;
  /** how many files, empty ones included */
  files: number;
  /** what to say of the empty ones */
  said: string[];
  /** the key order of every part, in file order */
  keys: KeyOrder[];
}

/**
 * Reads a source's files in byte ranges on several threads, merging the parts in file order
 * as they come (so only a few wait in memory). Returns undefined when a cut fell inside a
 * quoted cell (a part did not end between records): the source must then be read whole.
 */
async function readInParallel(
  opened: OpenedRegistry,
  evaluator: Evaluator,
  source: Source,
  files: readonly LogFile[],
  parallel: Parallelism,
  progress: Progress,
): Promise<ReadInParts | undefined> {
  const standards = evaluator.standardsOf(source.id);
  const jobs: { file: number; last: boolean; job: WorkerJob }[] = [];
  const said: string[] = [];
  for (const [index, file] of files.entries()) {
    const csv = await openLog(source, file, (s) => said.push(s));
    if (csv === undefined) continue;
    const ranges = await splitLog(file.abs, sizeOf(file.abs), parallel.chunkBytes);
    ranges.forEach((range, k) => {
      jobs.push({ file: index, last: k === ranges.length - 1, job: { source, standards, calendars: opened.registry.calendars, options: evaluator.options, abs: file.abs, display: file.display, range } });
    });
  }
  const staging = new Evaluator({ sources: [source], standards, calendars: opened.registry.calendars, promises: [] }, { ...evaluator.options, keyOrderOnly: true });
  const run = staging.source(source.id, createTimestampReader(source.timezone, source.timestamp_format));
  const keys: KeyOrder[] = [];
  const waiting = new Map<number, { state: SourceState; end: RangeEnd }>();
  let merged = 0;
  let base = 1;
  let clean = true;
  await runJobs(
    jobs.map((j) => j.job),
    Math.min(parallel.threads, jobs.length),
    progress,
    (index, result) => {
      waiting.set(index, result);
      for (let r = waiting.get(merged); r !== undefined && clean; r = waiting.get(merged)) {
        waiting.delete(merged);
        const job = jobs[merged] as (typeof jobs)[number];
        if (merged === 0 || (jobs[merged - 1] as (typeof jobs)[number]).file !== job.file) base = 1;
        if (!job.last && !r.end.clean) clean = false;
        run.merge(r.state, base);
        keys.push(r.state.keys);
        base += r.end.nextLine - 1;
        merged++;
      }
      // once a cut is known to be wrong, the rest is not worth reading
      return clean;
    },
  );
  return clean ? { state: run.state(), files: files.length, said, keys } : undefined;
}

/**
 * Runs the jobs on `threads` threads: this one and threads - 1 workers, each taking the next
 * job when it is done with one; results in the order of the jobs.
 */
async function runJobs(
  jobs: readonly WorkerJob[],
  threads: number,
  progress: Progress,
  onResult: (index: number, result: { state: SourceState; end: RangeEnd }) => boolean,
): Promise<void> {
  let next = 0;
  const take = (index: number, result: { state: SourceState; end: RangeEnd }): void => {
    if (!onResult(index, result)) next = jobs.length;
  };
  const onWorker = (worker: Worker): Promise<void> =>
    new Promise((resolve, reject) => {
      let index = -1;
      const give = (): void => {
        if (next >= jobs.length) {
          resolve();
          return;
        }
        index = next++;
        worker.postMessage(jobs[index]);
      };
      worker.on('message', (m: WorkerMessage) => {
        if (m.kind === 'progress') {
          progress.bytes(m.bytes);
          progress.rows(m.rows);
        } else if (m.kind === 'failed') {
          reject(new PromiseError(m.message, m.hint === undefined ? {} : { hint: m.hint }));
        } else {
          take(index, { state: m.state, end: m.end });
          give();
        }
      });
      worker.on('error', reject);
      give();
    });
  const onMain = async (): Promise<void> => {
    while (next < jobs.length) {
      const index = next++;
      take(
        index,
        await evaluatePart(jobs[index] as WorkerJob, (bytes, rows) => {
          progress.bytes(bytes);
          progress.rows(rows);
        }),
      );
    }
  };
  // a smaller young generation than the default keeps a worker's memory down at no measurable cost (docs/performance.md)
  const workers = Array.from({ length: Math.max(0, threads - 1) }, () => new Worker(WORKER, { resourceLimits: { maxYoungGenerationSizeMb: 16 } }));
  try {
    await Promise.all([onMain(), ...workers.map(onWorker)]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
