/** Evaluates an in-memory registry over in-memory logs: the engine alone, no files, no CLI. */
import { Evaluator, type EvaluationOptions } from '../../src/engine/evaluate.js';
import { createTimestampReader } from '../../src/logs/timestamp-reader.js';
import type { LogRow } from '../../src/model/cells.js';
import type { Evaluation } from '../../src/model/evaluation.js';
import { load, type MemoryFiles } from './memory-reader.js';

/** A log as text: a header line, then rows; cells split on commas (no quoting in these fixtures). */
export type LogText = string;

export function rowsOf(text: LogText): { header: string[]; rows: LogRow[] } {
  const lines = text.replace(/^\n/, '').split('\n');
  const header = (lines[0] ?? '').split(',');
  const rows: LogRow[] = [];
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    rows.push({ cells: line.split(','), line: i + 2 });
  });
  return { header, rows };
}

export interface EvaluateInput {
  files: MemoryFiles;
  /** per source id, one or more log files */
  logs: Record<string, LogText | LogText[]>;
  asOf: string;
  options?: Partial<Omit<EvaluationOptions, 'asOfMs' | 'timezone' | 'fiscalYearStart'>>;
  /** evaluate only these standards */
  standards?: string[];
  /** rows are pushed in batches of this size (default: all at once) */
  batch?: number;
}

export async function evaluate(input: EvaluateInput): Promise<Evaluation> {
  const { registry, diagnostics } = await load(input.files);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`fixture does not load: ${errors.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join('; ')}`);
  const standards = input.standards === undefined ? registry.standards : registry.standards.filter((s) => input.standards?.includes(s.id));
  const evaluator = new Evaluator(
    { sources: registry.sources, standards, calendars: registry.calendars, promises: registry.promises },
    {
      asOfMs: new Date(input.asOf).getTime(),
      timezone: registry.settings.timezone,
      fiscalYearStart: registry.settings.fiscalYearStart,
      breaches: true,
      atRisk: false,
      within: undefined,
      ...input.options,
    },
  );
  for (const sourceId of evaluator.sourceIds().sort()) {
    const source = registry.sources.find((s) => s.id === sourceId);
    if (source === undefined) throw new Error(`no source ${sourceId}`);
    const run = evaluator.source(sourceId, createTimestampReader(source.timezone, source.timestamp_format));
    const texts = input.logs[sourceId] ?? [];
    (Array.isArray(texts) ? texts : [texts]).forEach((text, i) => {
      const { header, rows } = rowsOf(text);
      const file = run.file(`logs/${sourceId}-${i + 1}.csv`, header);
      const size = input.batch ?? Math.max(1, rows.length);
      for (let at = 0; at < rows.length; at += size) file.push(rows.slice(at, at + size));
    });
  }
  return evaluator.finish();
}
