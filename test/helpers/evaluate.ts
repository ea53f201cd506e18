/**
 * Evaluates an in-memory registry over logs given as text, the way the commands do: the logs are
 * written to a temporary folder and read through the built-in Engine (CSV reader included).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogRow } from '../../src/model/cells.js';
import type { Evaluation } from '../../src/model/evaluation.js';
import { builtinEngine } from '../../src/run/builtin-engine.js';
import type { RunNote, RunOptions, SourceLogs } from '../../src/run/engine.js';
import { load, type MemoryFiles } from './memory-reader.js';

/** A log as text: a header line, then rows. */
export type LogText = string;

/** The rows of a log as the engine sees them, for a test that drives the engine itself; cells split on commas (no quoting). */
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
  /** per source id, one or more log files, named `logs/<source>-<n>.csv` */
  logs: Record<string, LogText | LogText[]>;
  asOf: string;
  /** default: breaches listed, no records at risk, every period */
  options?: Partial<Pick<RunOptions, 'breaches' | 'atRisk' | 'within' | 'alsoBy' | 'details'>>;
  /** evaluate only these standards (every promise is still rolled up) */
  standards?: string[];
  /** rows come in batches of about this many (default: as the reader reads, 64 KiB at a time) */
  batch?: number;
}

/** The evaluation and what the run said on the way, in order. */
export async function evaluateWithNotes(input: EvaluateInput): Promise<{ evaluation: Evaluation; notes: RunNote[] }> {
  const { registry, diagnostics } = await load(input.files);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`fixture does not load: ${errors.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join('; ')}`);
  const standards = input.standards === undefined ? registry.standards : registry.standards.filter((s) => input.standards?.includes(s.id));
  const dir = mkdtempSync(join(tmpdir(), 'promise-evaluate-'));
  try {
    mkdirSync(join(dir, 'logs'));
    const sources = new Map<string, SourceLogs>();
    let shortest = Infinity;
    for (const source of registry.sources) {
      const given = input.logs[source.id] ?? [];
      const texts = Array.isArray(given) ? given : [given];
      const files = texts.map((text, i) => {
        const display = `logs/${source.id}-${i + 1}.csv`;
        writeFileSync(join(dir, display), text.replace(/^\n/, ''));
        for (const line of text.split('\n').slice(1)) if (line.trim() !== '') shortest = Math.min(shortest, Buffer.byteLength(line) + 1);
        return { abs: join(dir, display), display };
      });
      sources.set(source.id, { patterns: [`logs/${source.id}-*.csv`], files });
    }
    const readBytes = input.batch === undefined || shortest === Infinity ? undefined : Math.max(1, input.batch * shortest);
    // one thread: the workers are compiled code (dist/), which a test of the source does not run
    const engine = builtinEngine({ env: { PROMISE_THREADS: '1' }, readBytes });
    const notes: RunNote[] = [];
    const evaluation = await engine.evaluate(
      { registry, sources, asOf: new Date(input.asOf), selection: { periods: undefined, standards, promises: registry.promises, surveys: registry.sources.filter((s) => s.survey !== undefined) } },
      { breaches: true, atRisk: false, ...input.options, note: (n) => notes.push(n) },
    );
    return { evaluation, notes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function evaluate(input: EvaluateInput): Promise<Evaluation> {
  return (await evaluateWithNotes(input)).evaluation;
}
