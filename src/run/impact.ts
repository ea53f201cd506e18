/**
 * The diff's impact, run: every changed standard evaluated twice over the working tree's logs,
 * the old definition with the old registry's source, calendars and settings, the new one with
 * the new registry's, each through the same Engine as `gaps`; then the last finished period of
 * each compared (src/diff/impact.ts, docs/diff.md).
 */
import { standardColumns } from '../plan/measure-kinds.js';
import { EmptyLogError, LogFileError, RegistryError } from '../model/errors.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Evaluation } from '../model/evaluation.js';
import {
  impactDefinition,
  impactOf,
  impactPairs,
  impactPeriodKind,
  impactUnavailable,
  lastFinishedPeriod,
  sideOutcome,
  type SideOutcome,
} from '../diff/impact.js';
import type { DiffResult, Impact, ImpactGap, StandardPair } from '../diff/model.js';
import type { Period } from '../engine/period.js';
import { openCsv } from '../logs/csv.js';
import { logFormat } from '../logs/log-format.js';
import { readParquetColumns } from '../logs/parquet.js';
import { findSourceFiles, type LogFile, type SourceFiles } from '../logs/files.js';
import { locate, locOfFile } from '../registry/locate.js';
import type { Registry, Source, Standard } from '../registry/model.js';
import { describeRefusal } from '../rules/missing-log.js';
import type { Engine, RunNote, RunOptions } from './engine.js';

/** A revision and how its files are named: `REV:path`, as git show names a file at a revision. */
interface Revision {
  rev: string;
  file: (path: string) => string;
}

export interface ImpactInput {
  /** the registry at the revision; undefined when it did not exist there */
  before: Registry | undefined;
  /** the working tree's registry, and the files its sources read */
  after: Registry;
  afterSources: ReadonlyMap<string, SourceFiles>;
  result: DiffResult;
  /** `--log` overrides, by source id */
  overrides: ReadonlyMap<string, readonly string[]>;
  /** the working folder, which --log paths are relative to */
  cwd: string;
  asOf: Date;
  revision: Revision;
}

export interface ImpactRun {
  impacts: Impact[];
  /** the files of sources only the old registry declares, read in the working tree */
  oldSources: Map<string, SourceFiles>;
}

/** One side of an impact: a definition, its source, the log files it reads, the period it is judged over. */
interface SideJob {
  standard: Standard;
  source: Source;
  files: LogFile[];
  period: Period;
}

interface Job {
  pair: StandardPair;
  before: SideJob | undefined;
  after: SideJob | undefined;
  gap: ImpactGap | undefined;
}

/** Header columns of each log file (a Parquet file's column names), read once per delimiter and header layout; undefined for an empty file. */
type HeaderCache = Map<string, Promise<string[] | undefined>>;

function headerOf(cache: HeaderCache, file: LogFile, source: Source): Promise<string[] | undefined> {
  const delimiter = source.delimiter ?? ',';
  const layout = source.header;
  const key = `${delimiter}\u0000${layout.rows}\u0000${layout.nameRow}\u0000${layout.naming}\u0000${file.abs}`;
  let header = cache.get(key);
  if (header === undefined) {
    const columns = logFormat(file.display) === 'parquet' ? readParquetColumns(file.abs, file.display) : openCsv(file.abs, file.display, { delimiter, header: layout }).then((csv) => csv.header);
    header = columns.catch((err: unknown) => {
      if (err instanceof EmptyLogError) return undefined;
      throw err;
    });
    cache.set(key, header);
  }
  return header;
}

/** Why a side cannot be evaluated on its files, if it cannot. */
async function sideGap(job: SideJob, side: 'before' | 'after', cache: HeaderCache): Promise<ImpactGap | undefined> {
  if (job.files.length === 0) return { kind: 'no-logs' };
  const needed = standardColumns(job.standard);
  for (const file of job.files) {
    let header: string[] | undefined;
    try {
      header = await headerOf(cache, file, job.source);
    } catch (err) {
      if (err instanceof LogFileError) return { kind: 'unreadable-log', message: err.message };
      throw err;
    }
    const missing = header === undefined ? undefined : needed.find((c) => !header.includes(c));
    if (missing !== undefined) return { kind: 'missing-column', side, column: missing, file: file.display };
  }
  return undefined;
}

/**
 * Measures the impact of every changed standard. Both sides read the same logs: what they have
 * to say (an empty log) is said once.
 */
export async function measureImpacts(engine: Engine, input: ImpactInput, options: Pick<RunOptions, 'note' | 'progress'> = {}): Promise<ImpactRun> {
  const pairs = impactPairs(input.result);
  if (pairs.length === 0) return { impacts: [], oldSources: new Map() };
  const { before, after } = input;
  const asOfMs = input.asOf.getTime();
  // the logs are the working tree's: a source the new registry still declares reads its files now;
  // one it no longer declares reads the old glob in the working tree
  const oldOverrides = new Map([...input.overrides].filter(([id]) => before?.sources.some((s) => s.id === id) === true));
  const oldFiles = before === undefined ? new Map<string, SourceFiles>() : await findSourceFiles(before, oldOverrides, input.cwd);
  const logsOf = (id: string): SourceFiles | undefined => input.afterSources.get(id) ?? oldFiles.get(id);

  const sideJob = (registry: Registry, standard: Standard | undefined, pair: StandardPair): SideJob | undefined => {
    if (standard === undefined) return undefined;
    const kind = impactPeriodKind(pair);
    const source = registry.sources.find((s) => s.id === standard.source) as Source;
    const { timezone, fiscalYearStart } = registry.settings;
    return { standard: impactDefinition(standard, kind), source, files: logsOf(source.id)?.files ?? [], period: lastFinishedPeriod(asOfMs, kind, timezone, fiscalYearStart) };
  };

  const cache: HeaderCache = new Map();
  const jobs: Job[] = [];
  for (const pair of pairs) {
    const old = before === undefined ? undefined : sideJob(before, pair.before, pair);
    const now = sideJob(after, pair.after, pair);
    if (before !== undefined && old !== undefined && !input.afterSources.has(old.source.id)) refuseOldGlobs(before, oldFiles, old.source.id, input.revision);
    const gap = (old === undefined ? undefined : await sideGap(old, 'before', cache)) ?? (now === undefined ? undefined : await sideGap(now, 'after', cache));
    jobs.push({ pair, before: old, after: now, gap });
  }
  const ready = jobs.filter((j) => j.gap === undefined);
  const said = new Set<string>();
  const note = (n: RunNote): void => {
    const key = JSON.stringify(n);
    if (said.has(key)) return;
    said.add(key);
    options.note?.(n);
  };
  const evaluateSide = (registry: Registry, sides: readonly SideJob[]): Promise<Evaluation> => {
    const periods = [...new Map(sides.map((s) => [`${s.period.kind}:${s.period.key}`, s.period])).values()];
    const sources = new Map(sides.map((s) => [s.source.id, { patterns: logsOf(s.source.id)?.patterns ?? [], files: s.files }]));
    return engine.evaluate(
      { registry, sources, asOf: input.asOf, selection: { periods: undefined, standards: sides.map((s) => s.standard), promises: [], surveys: [] } },
      { breaches: true, atRisk: false, within: periods, note, progress: options.progress },
    );
  };
  const oldEvaluation = before === undefined ? undefined : await evaluateSide(before, ready.flatMap((j) => (j.before === undefined ? [] : [j.before])));
  const newEvaluation = await evaluateSide(after, ready.flatMap((j) => (j.after === undefined ? [] : [j.after])));

  const outcome = (evaluation: Evaluation | undefined, side: SideJob | undefined): SideOutcome | undefined =>
    evaluation === undefined || side === undefined ? undefined : sideOutcome(evaluation, side.standard, side.period);
  return {
    impacts: jobs.map((j) => (j.gap !== undefined ? impactUnavailable(j.pair, j.gap) : impactOf(j.pair, outcome(oldEvaluation, j.before), outcome(newEvaluation, j.after)))),
    oldSources: new Map([...oldFiles].filter(([id]) => !input.afterSources.has(id))),
  };
}

/**
 * A source the working tree no longer declares reads its old glob in the working tree; that
 * glob stays inside the registry as the working tree's own do (docs/security.md), or the
 * impact cannot be measured: exit 2, located at the revision's file.
 */
function refuseOldGlobs(before: Registry, oldFiles: ReadonlyMap<string, SourceFiles>, id: string, revision: Revision): void {
  const found = oldFiles.get(id);
  if (found === undefined) return;
  const { source, refused } = found;
  const file = before.files.get(source.at.file);
  const diagnostics: Diagnostic[] = refused.map((refusal) => {
    const { path, said } = describeRefusal(id, refusal);
    const loc = file === undefined ? locOfFile(source.at.file) : locate(file, [...source.at.path, ...path]);
    return { rule: 'unreadable-file', severity: 'error', ...said, ...loc, file: revision.file(loc.file) };
  });
  if (diagnostics.length > 0) {
    throw new RegistryError(`the registry as it was at ${revision.rev} names log files that are not read, so the impact cannot be measured`, diagnostics);
  }
}
