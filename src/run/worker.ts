/**
 * A worker thread that evaluates one byte range of a large log: the same engine, the same
 * reader, on a part of the file; what it counted goes back to the main thread as plain data
 * (SourceState), which merges the parts in file order (builtin-engine.ts).
 */
import { parentPort } from 'node:worker_threads';
import { Evaluator, type EvaluationOptions, type SourceState } from '../engine/evaluate.js';
import { openCsv, type ByteRange, type RangeEnd } from '../logs/csv.js';
import { createTimestampReader } from '../logs/timestamp-reader.js';
import type { Calendar, Source, Standard } from '../registry/model.js';

export interface WorkerJob {
  source: Source;
  /** the source's standards, in the order of the main thread's evaluator */
  standards: Standard[];
  calendars: Calendar[];
  options: EvaluationOptions;
  abs: string;
  display: string;
  range: ByteRange;
}

export type WorkerMessage =
  | { kind: 'progress'; bytes: number; rows: number }
  | { kind: 'done'; state: SourceState; end: RangeEnd }
  | { kind: 'failed'; message: string; name: string; hint: string | undefined };

/** Evaluates one part of a log, on this thread: what a worker does, and what the main thread does too. */
export async function evaluatePart(job: WorkerJob, onProgress: (bytes: number, rows: number) => void): Promise<{ state: SourceState; end: RangeEnd }> {
  const evaluator = new Evaluator({ sources: [job.source], standards: job.standards, calendars: job.calendars, promises: [] }, { ...job.options, keyOrderOnly: true });
  const source = evaluator.source(job.source.id, createTimestampReader(job.source.timezone, job.source.timestamp_format));
  let bytes = 0;
  const csv = await openCsv(job.abs, job.display, { ...(job.source.delimiter === undefined ? {} : { delimiter: job.source.delimiter }), header: job.source.header, onBytes: (n) => (bytes += n) });
  const file = source.file(job.display, csv.header);
  let end: RangeEnd = { nextLine: 1, clean: true };
  for await (const batch of csv.rangeRecordBatches(job.range, (e) => (end = e))) {
    file.pushBatch(batch);
    onProgress(bytes, batch.count);
    bytes = 0;
  }
  return { state: source.state(), end };
}

parentPort?.on('message', (job: WorkerJob) => {
  const port = parentPort;
  evaluatePart(job, (bytes, rows) => port?.postMessage({ kind: 'progress', bytes, rows } satisfies WorkerMessage))
    .then((r) => port?.postMessage({ kind: 'done', ...r } satisfies WorkerMessage))
    .catch((err: unknown) => {
      const e = err instanceof Error ? err : new Error(String(err));
      port?.postMessage({ kind: 'failed', message: e.message, name: e.name, hint: (e as { hint?: string }).hint } satisfies WorkerMessage);
    });
});
