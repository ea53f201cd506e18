/**
 * Where the time of an evaluation goes, stage by stage, on one thread, in this process:
 * `tsx scripts/bench/stages.ts LOG OUT.json` (npm run bench runs it and prints its table).
 *
 * - reading: the file's bytes in the reader's chunks, nothing else;
 * - the log reader: bytes to records as the engine reads them, batches of cell spans (decoding,
 *   tokenizing, line numbers, problems);
 * - then the reader and: the row loop with no standard (the record keys), the timestamp cells
 *   parsed, and each standard of the bench registry alone, each figure less what it adds to
 *   (records are streamed as the engine streams them: held in memory, they would make the
 *   garbage collector's work, and so every figure, another one);
 * - the twins: a `per` map standard against the same standard with one limit, and each calendar
 *   standard against the same standard on wall-clock time, so that what the map or the calendar
 *   costs is the difference and nothing else.
 *
 * Each figure is the least CPU time of several rounds (the machine's noise only ever adds time),
 * so a difference of two figures is as noisy as both; on a shared machine, read them to a tenth.
 */
import { openSync, readSync, closeSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Evaluator, type EvaluationOptions } from '../../src/engine/evaluate.js';
import { RowView } from '../../src/engine/row-view.js';
import { openCsv } from '../../src/logs/csv.js';
import type { RecordBatch } from '../../src/model/cells.js';
import { createTimestampReader } from '../../src/logs/timestamp-reader.js';
import { fsRegistryReader } from '../../src/registry/fs-reader.js';
import { loadRegistry } from '../../src/registry/load.js';
import type { Measure, Standard } from '../../src/registry/model.js';
import { parseDuration } from '../../src/registry/duration.js';
import { BENCH_AS_OF } from './generate-log.js';

const ROUNDS = 3;
/** A twin's cost is a difference of small figures: more rounds for them (see twinRatio). */
const TWIN_ROUNDS = 7;
const [log, out] = process.argv.slice(2) as [string, string];
const registry = (await loadRegistry(fsRegistryReader(join(import.meta.dirname, 'registry')), join(import.meta.dirname, 'registry'))).registry;
const source = registry.sources[0] as (typeof registry.sources)[number];

/** The CPU time of `run` (this process, all its threads), in seconds. */
async function cpu(run: () => unknown): Promise<number> {
  const t0 = process.cpuUsage();
  await run();
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / 1e6;
}

/** The least of ROUNDS measures of the CPU time of `run`. */
async function least(run: () => unknown): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < ROUNDS; i++) best = Math.min(best, await cpu(run));
  return best;
}

function readBytes(): void {
  const fd = openSync(log, 'r');
  const buffer = Buffer.allocUnsafe(64 * 1024);
  while (readSync(fd, buffer, 0, buffer.length, null) > 0);
  closeSync(fd);
}

/** The log's records as the engine reads them: batches of cell spans, each valid until the next. */
async function readRecords(each?: (batch: RecordBatch) => void): Promise<{ header: string[]; rows: number }> {
  const csv = await openCsv(log, 'log');
  let rows = 0;
  for await (const batch of csv.recordBatches()) {
    rows += batch.count;
    each?.(batch);
  }
  return { header: csv.header, rows };
}

const { header, rows } = await readRecords();

const options: EvaluationOptions = { asOfMs: Date.parse(BENCH_AS_OF), timezone: registry.settings.timezone, fiscalYearStart: registry.settings.fiscalYearStart, breaches: false, atRisk: false, within: undefined };

/** Reads the log and evaluates it with these standards, as the engine does on one thread. */
async function evaluate(standards: readonly Standard[]): Promise<void> {
  const evaluator = new Evaluator({ sources: [source], standards, calendars: registry.calendars, promises: [] }, options);
  const run = evaluator.source(source.id, createTimestampReader(source.timezone, source.timestamp_format));
  const file = run.file('log', header);
  await readRecords((batch) => file.pushBatch(batch));
  evaluator.finish();
}

/** Reads the log and parses its four timestamp cells of every row. */
async function timestamps(): Promise<void> {
  const view = new RowView(header.length, createTimestampReader(source.timezone, source.timestamp_format));
  const columns = ['opened_at', 'first_response_at', 'resolved_at', 'due_at'].map((c) => header.indexOf(c));
  await readRecords((batch) => {
    for (let r = 0; r < batch.count; r++) {
      view.loadRecord(batch, r);
      for (const c of columns) view.time(c);
    }
  });
}

const byId = (id: string): Standard => {
  const s = registry.standards.find((x) => x.id === id);
  if (s === undefined) throw new Error(`no standard ${id} in the bench registry`);
  return s;
};
const twin = (s: Standard, id: string, measure: Measure): Standard => ({ ...s, id, measure });
const limit = (text: string) => {
  const d = parseDuration(text);
  if (!d.ok) throw new Error(text);
  return d.value;
};

const figures: { stage: string; seconds: number }[] = [];
const put = (stage: string, seconds: number): void => {
  figures.push({ stage, seconds });
  process.stderr.write(`  ${stage}: ${seconds.toFixed(3)} s\n`);
};
put('reading the bytes (64 KiB reads)', await least(readBytes));
const reader = await least(() => readRecords());
put('the log reader: bytes to records', reader);
const loop = await least(() => evaluate([]));
put('row loop, no standard (record keys), less the reader', loop - reader);
put('timestamp cells: 4 per row, each parsed once, less the reader', (await least(timestamps)) - reader);
for (const s of registry.standards) {
  const seconds = (await least(() => evaluate([s]))) - loop;
  put(`standard ${s.id} alone, less the loop and the reader`, seconds);
}
const all = (await least(() => evaluate(registry.standards))) - loop;
put('all ten standards together, less the loop and the reader', all);

// The twins: the same standard but for the one thing compared.
/**
 * What `subject` costs over what `other` costs, both less the loop: the three are measured in
 * turn, TWIN_ROUNDS rounds, so that drift in the machine's load falls on all of them.
 */
async function twinRatio(subject: Standard, other: Standard, otherStage: string): Promise<number> {
  let base = Infinity;
  let withSubject = Infinity;
  let withOther = Infinity;
  for (let i = 0; i < TWIN_ROUNDS; i++) {
    base = Math.min(base, await cpu(() => evaluate([])));
    withSubject = Math.min(withSubject, await cpu(() => evaluate([subject])));
    withOther = Math.min(withOther, await cpu(() => evaluate([other])));
  }
  put(`${subject.id}, least of ${TWIN_ROUNDS} rounds taken in turn with its twin, less the loop and the reader`, withSubject - base);
  put(`${otherStage}, least of ${TWIN_ROUNDS} rounds, less the loop and the reader`, withOther - base);
  return (withSubject - base) / (withOther - base);
}

const perStandard = byId('reply-by-priority');
const perMeasure = perStandard.measure as Extract<Measure, { kind: 'duration' }>;
const single = twin(perStandard, 'reply-single-limit', { kind: 'duration', from: perMeasure.from, to: perMeasure.to, within: limit('24h') });
const perRatio = await twinRatio(perStandard, single, 'reply-by-priority with one limit (24h) instead of the map');

const calendarRatios: [string, number][] = [];
for (const [id, wall] of [
  ['reply-open-hours', '8h'],
  ['resolution-business-days', '7d'],
] as const) {
  const s = byId(id);
  const m = s.measure as Extract<Measure, { kind: 'duration' }>;
  const plain = twin(s, `${id}-wall-clock`, { kind: 'duration', from: m.from, to: m.to, within: limit(wall) });
  calendarRatios.push([`${id} (${(m.within as { text: string }).text} on ${m.calendar ?? ''}) against ${wall} wall-clock`, await twinRatio(s, plain, `${id} on wall-clock time (${wall})`)]);
}

const perMillion = (s: number): string => ((s * 1e6) / rows).toFixed(3);
const table = [
  `| stage (${rows.toLocaleString('en')} rows, least CPU time of ${ROUNDS} rounds) | CPU s | s per million rows |`,
  '|---|---:|---:|',
  ...figures.map((f) => `| ${f.stage} | ${f.seconds.toFixed(3)} | ${perMillion(f.seconds)} |`),
].join('\n');
writeFileSync(out, JSON.stringify({ table, perRatio, calendarRatios }));
