/**
 * One registry and its logs evaluated by several engines over the same files on disk, the way
 * the commands run them, and the parts of an Evaluation that SPEC §5 says must agree.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Evaluation } from '../../src/model/evaluation.js';
import type { Registry } from '../../src/registry/model.js';
import { builtinEngine } from '../../src/run/builtin-engine.js';
import { duckdbEngine } from '../../src/run/duckdb-engine.js';
import type { Engine, RunOptions, SourceLogs } from '../../src/run/engine.js';
import { load, type MemoryFiles } from '../helpers/memory-reader.js';

export interface EnginesInput {
  /** registry files; `promise.yaml` replaces the default root when given */
  files: MemoryFiles;
  /** per source id, the log files' text */
  logs: Record<string, string[]>;
  asOf: string;
  options?: Partial<Pick<RunOptions, 'breaches' | 'atRisk' | 'within' | 'alsoBy' | 'details'>>;
}

export async function loadValid(files: MemoryFiles): Promise<Registry> {
  const { registry, diagnostics } = await load(files);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`fixture does not load: ${errors.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join('; ')}`);
  return registry;
}

/** The evaluations of the built-in engine and DuckDB, in that order. */
export async function evaluateBoth(input: EnginesInput): Promise<[Evaluation, Evaluation]> {
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
    const run = { registry, sources, asOf: new Date(input.asOf), selection: { periods: undefined, standards: registry.standards, promises: registry.promises, surveys: registry.sources.filter((s) => s.survey !== undefined) } };
    const options: RunOptions = { breaches: true, atRisk: true, ...input.options };
    const builtin = await builtinEngine({ env: { PROMISE_THREADS: '1' } }).evaluate(run, options);
    const duckdb = await duckdbEngine({ env: { PROMISE_THREADS: '1' } }).evaluate(run, options);
    return [builtin, duckdb];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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

/** The evaluations of the built-in engine on CSV files, and of `table` engine on the same rows loaded as tables by `load`. */
export async function evaluateOnTables(
  input: EnginesInput,
  engine: (registry: Registry) => { evaluate: Engine['evaluate'] },
  load: (source: string, file: string, header: string[]) => Promise<void>,
): Promise<[Evaluation, Evaluation]> {
  const registry = await loadValid(input.files);
  const dir = mkdtempSync(join(tmpdir(), 'promise-engines-'));
  try {
    mkdirSync(join(dir, 'logs'));
    const sources = new Map<string, SourceLogs>();
    for (const source of registry.sources) {
      const texts = input.logs[source.id] ?? [];
      const files = texts.map((text, i) => {
        const display = `logs/${source.id}-${i + 1}.csv`;
        writeFileSync(join(dir, display), text);
        return { abs: join(dir, display), display };
      });
      for (const [i, f] of files.entries()) {
        const header = (texts[i] ?? '').split(/\r?\n/)[0]?.split(',') ?? [];
        await load(source.id, f.abs, header);
      }
      sources.set(source.id, { patterns: [`logs/${source.id}-*.csv`], files });
    }
    const run = { registry, sources, asOf: new Date(input.asOf), selection: { periods: undefined, standards: registry.standards, promises: registry.promises, surveys: [] } };
    const options: RunOptions = { breaches: true, atRisk: true, ...input.options };
    const builtin = await builtinEngine({ env: { PROMISE_THREADS: '1' } }).evaluate(run, options);
    const other = await engine(registry).evaluate(run, options);
    return [builtin, other];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
