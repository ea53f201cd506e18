/**
 * `promise explain STANDARD RECORD` (SPEC §7): every row of the standard's source whose key is
 * RECORD, read by the same CSV reader as an evaluation and decided by the same `classify`, with
 * a trace of how. A key may repeat: one explanation per row, in file order.
 */
import type { Disposition, TraceStep } from '../engine/classify.js';
import { classify, planFile, planStandard } from '../engine/classify.js';
import { compileCalendar } from '../engine/calendar.js';
import { columnIndex } from '../engine/evaluate.js';
import { figuresOf, npsCategory, type NpsCategory } from '../engine/measures.js';
import { RowView } from '../engine/row-view.js';
import { openCsv } from '../logs/csv.js';
import type { LogFile } from '../logs/files.js';
import { createTimestampReader } from '../logs/timestamp-reader.js';
import { EmptyLogError, UsageError } from '../model/errors.js';
import type { InvalidReason, Outcome } from '../model/evaluation.js';
import type { Measure, Registry, Source, Standard } from '../registry/model.js';
import { didYouMean } from '../registry/suggest.js';

/** What became of the record: an outcome (SPEC §2), or why it has none. */
/** `counted`: a value an average standard adds to its period's mean (an average judges the period, not the record). */
type ExplainedOutcome = Outcome | 'out_of_scope' | 'future' | 'counted';

/**
 * SPEC §6: how one response counts in its period's NPS, in place of the value step of an average:
 * the cell, the score read from it, and whether it promotes, is passive or detracts (undefined
 * when the cell holds no whole score from 0 to 10).
 */
export interface NpsStep {
  step: 'nps';
  column: string;
  cell: string;
  score: number | undefined;
  category: NpsCategory | undefined;
}

/** A step of an explanation: one of `classify`'s, or the NPS step. */
export type ExplainStep = TraceStep | NpsStep;

/** One row's explanation: its figures are those `breaches` reports for it. */
export interface RecordExplanation {
  standard: string;
  /** the standard's measure kind: how its words read (an average's mean, an NPS) */
  kind: Measure['kind'];
  record: string;
  source: string;
  file: string;
  line: number;
  outcome: ExplainedOutcome;
  period: string | undefined;
  startMs: number | undefined;
  endMs: number | undefined;
  dueMs: number | undefined;
  elapsedSeconds: number | undefined;
  limitSeconds: number | undefined;
  overSeconds: number | undefined;
  /** not done at as_of (a breach list's `open`) */
  open: boolean;
  /** why it is invalid, when it is */
  reason: InvalidReason | undefined;
  steps: ExplainStep[];
}

interface ExplainRequest {
  registry: Registry;
  standard: string;
  record: string;
  asOfMs: number;
  /** the log files of each source, as the run found them (--log included) */
  files: ReadonlyMap<string, { files: readonly LogFile[] }>;
}

const OUTCOME_OF: Record<Exclude<Disposition, 'judged'>, ExplainedOutcome> = { 'out-of-scope': 'out_of_scope', future: 'future', invalid: 'invalid', skipped: 'skipped' };

/** Explains every row of RECORD under STANDARD; a standard or key not found is a usage error with a did-you-mean. */
export async function explainRecord(request: ExplainRequest): Promise<RecordExplanation[]> {
  const { registry } = request;
  const standard = registry.standards.find((s) => s.id === request.standard);
  if (standard === undefined) {
    const ids = registry.standards.map((s) => s.id);
    throw new UsageError(`the registry has no standard "${request.standard}"`, didYouMean(request.standard, ids) ?? `its standards are: ${ids.join(', ')}`);
  }
  const source = registry.sources.find((s) => s.id === standard.source) as Source;
  const files = request.files.get(source.id)?.files ?? [];
  const keys = new Set<string>();
  const out: RecordExplanation[] = [];
  for (const file of files) await explainFile(registry, standard, source, file, request, keys, out);
  if (out.length === 0) {
    const where = files.length === 0 ? `source "${source.id}" has no log files` : `no row of source "${source.id}" has ${source.key} "${request.record}"`;
    throw new UsageError(`${where}`, didYouMean(request.record, keys) ?? (keys.size === 0 ? 'check the source\'s files, or point it elsewhere with --log' : `the key column is ${source.key}; e.g. "${keys.values().next().value as string}"`));
  }
  return out;
}

async function explainFile(registry: Registry, standard: Standard, source: Source, file: LogFile, request: ExplainRequest, keys: Set<string>, out: RecordExplanation[]): Promise<void> {
  let csv;
  try {
    csv = await openCsv(file.abs, file.display, { ...(source.delimiter === undefined ? {} : { delimiter: source.delimiter }), header: source.header });
  } catch (err) {
    if (err instanceof EmptyLogError) return;
    throw err;
  }
  const columns = columnIndex(csv.header);
  const keyIndex = columns.get(source.key);
  if (keyIndex === undefined) throw new UsageError(`${file.display}: the key column "${source.key}" is not in the header, or is there more than once`, 'run `promise check` for details');
  const calendars = new Map(registry.calendars.map((c) => [c.id, compileCalendar(c)]));
  const plan = planStandard(standard, calendars, registry.settings.timezone, registry.settings.fiscalYearStart);
  planFile(plan, columns);
  const view = new RowView(csv.header.length, createTimestampReader(source.timezone, source.timestamp_format));
  const base = { standard: standard.id, kind: standard.measure.kind, record: request.record, source: source.id, file: file.display };
  for await (const batch of csv.batches()) {
    for (const row of batch) {
      const key = (row.cells[keyIndex] ?? '').trim();
      if (key !== request.record) {
        if (key !== '') keys.add(key);
        continue;
      }
      if (row.problem !== undefined) {
        out.push({ ...base, line: row.line, outcome: 'invalid', period: undefined, startMs: undefined, endMs: undefined, dueMs: undefined, elapsedSeconds: undefined, limitSeconds: undefined, overSeconds: undefined, open: false, reason: row.problem, steps: [{ step: 'disposition', disposition: 'invalid', period: undefined, outcome: undefined, reason: row.problem }] });
        continue;
      }
      view.load(row.cells, row.line);
      const trace = { steps: [] as TraceStep[] };
      const c = classify(plan, view, request.asOfMs, trace);
      const judged = c.disposition === 'judged';
      const j = c.judgement;
      const figures = judged ? figuresOf(j) : undefined;
      out.push({
        ...base,
        line: row.line,
        outcome: judged ? (plan.kind.judgesRecords || j.outcome !== 'met' ? j.outcome : 'counted') : OUTCOME_OF[c.disposition as Exclude<Disposition, 'judged'>],
        period: c.period?.key,
        startMs: Number.isNaN(c.startMs) ? undefined : c.startMs,
        endMs: figures?.endMs,
        dueMs: figures?.dueMs,
        elapsedSeconds: figures?.elapsedSeconds,
        limitSeconds: figures?.limitSeconds,
        overSeconds: figures?.overSeconds,
        open: judged && j.open,
        reason: judged ? j.reason : c.reason,
        steps: standard.measure.kind === 'nps' ? trace.steps.map((step) => npsStep(step, judged && j.outcome === 'met' ? j.value : undefined)) : trace.steps,
      });
    }
  }
}

/** An NPS standard's value step as the NPS step: the score counted, by the engine's own category (SPEC §6). */
function npsStep(step: TraceStep, counted: number | undefined): ExplainStep {
  if (step.step !== 'value') return step;
  return { step: 'nps', column: step.column, cell: step.cell, score: counted ?? step.value, category: counted === undefined ? undefined : npsCategory(counted) };
}
