/**
 * The built-in engine: the logs of the selected standards' sources read once, source by source,
 * through src/engine/, in one piece or, for a large log, in byte ranges on worker threads whose
 * counts are merged in file order (docs/performance.md). The output is the same bytes however
 * many threads read.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Evaluation } from '../model/evaluation.js';
import { EmptyLogError, PromiseError } from '../model/errors.js';
import { Evaluator, type SourceRun, type SourceState } from '../engine/evaluate.js';
import type { KeyOrder } from '../engine/keys.js';
import { openCsv, type CsvFile, type RangeEnd } from '../logs/csv.js';
import type { LogFile } from '../logs/files.js';
import { refuseParquet } from '../logs/log-format.js';
import { splitLog } from '../logs/split.js';
import { createTimestampReader } from '../logs/timestamp-reader.js';
import type { Registry, Source, Survey } from '../registry/model.js';
import { addSurveys, SurveyRun } from '../engine/customer-gap.js';
import type { Engine, EngineConfig, RunInput, RunNote, RunOptions, RunProgress, SourceLogs } from './engine.js';
import { evaluatePart, type WorkerJob, type WorkerMessage } from './worker.js';

export interface BuiltinConfig extends EngineConfig {
  /** bytes read at a time (default 64 KiB); tests use tiny reads so that rows come in many batches */
  readonly readBytes?: number | undefined;
}

/** PROMISE_THREADS and PROMISE_CHUNK_MB are read once, from `config.env`. */
export function builtinEngine(config: BuiltinConfig): Engine {
  const parallel = parallelism(config.env);
  return { name: 'builtin', logs: 'files', evaluate: (input, options) => evaluateLogs(input, options, parallel, config.readBytes) };
}

interface Parallelism {
  /** threads that read parts of a log at once; 1 reads every log in one piece */
  threads: number;
  /** a log is cut about every this many bytes, whatever the machine, so the output is the same everywhere */
  chunkBytes: number;
}

/** PROMISE_THREADS (default: the cores there are, at most 8) and PROMISE_CHUNK_MB (default 32). */
function parallelism(env: EngineConfig['env']): Parallelism {
  const threads = Number(env.PROMISE_THREADS ?? Math.min(8, availableParallelism()));
  const chunkMb = Number(env.PROMISE_CHUNK_MB ?? 32);
  return {
    threads: Number.isInteger(threads) && threads >= 1 ? threads : 1,
    chunkBytes: Number.isFinite(chunkMb) && chunkMb > 0 ? Math.round(chunkMb * 1024 * 1024) : 32 * 1024 * 1024,
  };
}

const QUIET: RunProgress = { bytes: () => undefined, rows: () => undefined, done: () => undefined };

/** What one run reads with: fixed for the whole run. */
interface Reading {
  registry: Registry;
  evaluator: Evaluator;
  parallel: Parallelism;
  readBytes: number | undefined;
  progress: RunProgress;
  note: (note: RunNote) => void;
}

/** Reads every log of the selected standards' sources once and evaluates them. */
async function evaluateLogs(input: RunInput, options: RunOptions, parallel: Parallelism, readBytes: number | undefined): Promise<Evaluation> {
  const { registry, selection } = input;
  const evaluator = new Evaluator(
    { sources: registry.sources, standards: selection.standards, calendars: registry.calendars, promises: selection.promises },
    {
      asOfMs: input.asOf.getTime(),
      timezone: registry.settings.timezone,
      fiscalYearStart: registry.settings.fiscalYearStart,
      breaches: options.breaches,
      atRisk: options.atRisk,
      within: options.within ?? selection.periods,
      alsoBy: options.alsoBy,
      details: options.details,
      linkedSources: [...new Set(selection.surveys.flatMap((s) => (s.survey?.links === undefined ? [] : [s.survey.links.source])))],
    },
  );
  const ids = evaluator.sourceIds().sort();
  const surveys = [...selection.surveys].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const read = [...ids, ...surveys.map((s) => s.id)];
  // SPEC §5: Parquet is the DuckDB engine's; said before anything is read
  refuseParquet(ids.flatMap((id) => input.sources.get(id)?.files ?? []), 'builtin-engine');
  refuseParquet(surveys.flatMap((s) => input.sources.get(s.id)?.files ?? []), 'survey');
  const progress = options.progress === undefined ? QUIET : options.progress(read.flatMap((id) => input.sources.get(id)?.files ?? []).reduce((n, f) => n + sizeOf(f.abs), 0));
  const reading: Reading = { registry, evaluator, parallel, readBytes, progress, note: options.note ?? (() => undefined) };
  const surveyRuns: SurveyRun[] = [];
  try {
    for (const sourceId of ids) await evaluateSource(reading, sourceId, input.sources.get(sourceId) ?? { patterns: [], files: [] });
    for (const survey of surveys) surveyRuns.push(await readSurvey(reading, survey, input.sources.get(survey.id) ?? { patterns: [], files: [] }, input.asOf.getTime()));
  } finally {
    progress.done();
  }
  const evaluation = evaluator.finish();
  addSurveys(evaluation, surveyRuns);
  return evaluation;
}

/** SPEC §6: a survey source's files read once, in order, for its customer gap. */
async function readSurvey(reading: Reading, source: Source, logs: SourceLogs, asOfMs: number): Promise<SurveyRun> {
  const { registry, progress, readBytes } = reading;
  const survey = source.survey as Survey;
  const links = survey.links === undefined ? [] : reading.evaluator.linkedOutcomes(survey.links.source).map(({ standard, outcomes }) => ({ standard: standard.id, dimension: registry.promises.find((p) => p.id === standard.promise)?.dimension, outcomes }));
  const linkedKeys = survey.links === undefined ? undefined : reading.evaluator.linkedKeys(survey.links.source);
  const settings = { asOfMs, timezone: registry.settings.timezone, fiscalYearStart: registry.settings.fiscalYearStart, links, linkedKeys, alsoBy: reading.evaluator.options.alsoBy };
  const run = new SurveyRun({ ...source, survey }, createTimestampReader(source.timezone, source.timestamp_format), settings);
  if (logs.files.length === 0) reading.note({ kind: 'no-log-files', source: source.id, patterns: logs.patterns });
  for (const file of logs.files) {
    const csv = await openLog(source, file, readBytes, reading.note, (n) => progress.bytes(n));
    if (csv === undefined) {
      run.countFile();
      continue;
    }
    const push = run.file(file.display, csv.header);
    for await (const batch of csv.batches()) {
      push(batch);
      progress.rows(batch.length);
    }
  }
  return run;
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

async function evaluateSource(reading: Reading, sourceId: string, logs: SourceLogs): Promise<void> {
  const { evaluator, parallel, note } = reading;
  const source = reading.registry.sources.find((s) => s.id === sourceId);
  if (source === undefined) return;
  const files = logs.files;
  // a source a survey links to is read in one piece: its records' outcomes are kept by key on this thread (docs/customer-gap.md)
  const linked = evaluator.options.linkedSources?.includes(sourceId) === true;
  if (!linked && parallel.threads > 1 && files.some((f) => sizeOf(f.abs) >= 2 * parallel.chunkBytes) && existsSync(WORKER)) {
    const parts = await readInParallel(reading, source, files);
    if (parts !== undefined) {
      const run = evaluator.source(sourceId, createTimestampReader(source.timezone, source.timestamp_format));
      run.merge(parts.state, 1);
      for (const said of parts.said) note(said);
      for (let i = 0; i < parts.files; i++) run.countFile();
      run.keysFromParts(parts.keys);
      await keyPasses(run, source, files, reading.readBytes);
      return;
    }
    // a cut fell inside a quoted cell: the whole source is read again, in one piece
  }
  if (files.length === 0) note({ kind: 'no-log-files', source: sourceId, patterns: logs.patterns });
  const run = evaluator.source(sourceId, createTimestampReader(source.timezone, source.timestamp_format));
  await readSource(run, source, files, reading);
}

/** Opens a log file; undefined for an export of nothing (not even a header), said to `onEmpty`. */
async function openLog(source: Source, file: LogFile, readBytes: number | undefined, onEmpty?: (note: RunNote) => void, onBytes?: (n: number) => void): Promise<CsvFile | undefined> {
  try {
    return await openCsv(file.abs, file.display, {
      header: source.header,
      ...(source.delimiter === undefined ? {} : { delimiter: source.delimiter }),
      ...(onBytes === undefined ? {} : { onBytes }),
      ...(readBytes === undefined ? {} : { chunkBytes: readBytes }),
    });
  } catch (err) {
    if (!(err instanceof EmptyLogError)) throw err;
    onEmpty?.({ kind: 'empty-log', file: file.display, message: err.message });
    return undefined;
  }
}

/** Reads a source's files in order, in one piece, through `run`, then confirms repeated keys if need be. */
async function readSource(run: SourceRun, source: Source, files: readonly LogFile[], reading: Reading): Promise<void> {
  const { progress, readBytes } = reading;
  for (const file of files) {
    const csv = await openLog(source, file, readBytes, reading.note, (n) => progress.bytes(n));
    if (csv === undefined) {
      run.countFile();
      continue;
    }
    const fileRun = run.file(file.display, csv.header);
    for await (const batch of csv.recordBatches()) {
      fileRun.pushBatch(batch);
      progress.rows(batch.count);
    }
  }
  await keyPasses(run, source, files, readBytes);
}

/** A log too long to keep every key: the keys a filter may have seen are confirmed by passes over the keys. */
async function keyPasses(run: SourceRun, source: Source, files: readonly LogFile[], readBytes: number | undefined): Promise<void> {
  while (run.needsKeyPass()) {
    const pass = run.keyPass();
    for (const file of files) {
      const csv = await openLog(source, file, readBytes);
      if (csv === undefined) continue;
      const push = pass(file.display, csv.header);
      for await (const batch of csv.batches()) push(batch);
    }
  }
}

/** The compiled worker: next to this module in dist/run/ (the CLI runs from there). */
const WORKER = fileURLToPath(new URL('./worker.js', import.meta.url));

/** A source read in parts: their counts merged in file order, lines made absolute. */
interface ReadInParts {
  state: SourceState;
  /** how many files, empty ones included */
  files: number;
  /** what to say of the empty ones */
  said: RunNote[];
  /** the key order of every part, in file order */
  keys: KeyOrder[];
}

/**
 * Reads a source's files in byte ranges on several threads, merging the parts in file order
 * as they come (so only a few wait in memory). Returns undefined when a cut fell inside a
 * quoted cell (a part did not end between records): the source must then be read whole.
 */
async function readInParallel(reading: Reading, source: Source, files: readonly LogFile[]): Promise<ReadInParts | undefined> {
  const { evaluator, parallel, registry } = reading;
  const standards = evaluator.standardsOf(source.id);
  const jobs: { file: number; last: boolean; job: WorkerJob }[] = [];
  const said: RunNote[] = [];
  for (const [index, file] of files.entries()) {
    const csv = await openLog(source, file, reading.readBytes, (s) => said.push(s));
    if (csv === undefined) continue;
    const ranges = await splitLog(file.abs, sizeOf(file.abs), parallel.chunkBytes);
    ranges.forEach((range, k) => {
      jobs.push({ file: index, last: k === ranges.length - 1, job: { source, standards, calendars: registry.calendars, options: evaluator.options, abs: file.abs, display: file.display, range } });
    });
  }
  const staging = new Evaluator({ sources: [source], standards, calendars: registry.calendars, promises: [] }, { ...evaluator.options, keyOrderOnly: true });
  const run = staging.source(source.id, createTimestampReader(source.timezone, source.timestamp_format));
  const keys: KeyOrder[] = [];
  const waiting = new Map<number, { state: SourceState; end: RangeEnd }>();
  let merged = 0;
  let base = 1;
  let clean = true;
  await runJobs(
    jobs.map((j) => j.job),
    Math.min(parallel.threads, jobs.length),
    reading.progress,
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
  progress: RunProgress,
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
