/**
 * `promise diff REV`: the registry as it was at a git revision against the working tree, as
 * typed changes classed tightened, loosened or neutral, and the impact of each changed standard
 * on the last finished period of the logs at hand (docs/diff.md).
 */
import { Command, Option } from 'commander';
import { compareRegistries } from '../../diff/compare.js';
import { diffExitCode, DIFF_FAIL_ON, type DiffFailOn } from '../exit-code.js';
import {
  impactDefinition,
  impactOf,
  impactPairs,
  impactPeriodKind,
  impactUnavailable,
  lastFinishedPeriod,
  sideOutcome,
  standardColumns,
  type SideOutcome,
} from '../../diff/impact.js';
import type { DiffReport, DiffResult, Impact, ImpactGap, StandardPair } from '../../diff/model.js';
import { Evaluator } from '../../engine/evaluate.js';
import type { Period } from '../../engine/period.js';
import { EmptyLogError, LogFileError, RegistryError } from '../../model/errors.js';
import type { Evaluation } from '../../model/evaluation.js';
import { openCsv } from '../../logs/csv.js';
import { findSourceFiles, type LogFile, type SourceFiles } from '../../logs/files.js';
import { createTimestampReader } from '../../logs/timestamp-reader.js';
import { openGitRevision } from '../../registry/git-reader.js';
import { loadRegistry } from '../../registry/load.js';
import type { Registry, Source, Standard } from '../../registry/model.js';
import { DIFF_FORMATS, type DiffFormat } from '../../report/diff/index.js';
import type { CommandContext } from '../context.js';
import { readSource, requireValid } from '../evaluate-logs.js';
import { filesRead, logFilesRead, openRegistry, type OpenedRegistry } from '../open-registry.js';
import { addCommonOptions, parseLogOverrides, pickFormat, type CommonOptions } from '../options.js';
import { refuseToOverwrite, writeReport, type FileRead } from '../output.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { locate, locOfFile } from '../../registry/locate.js';
import { describeRefusal } from '../../rules/missing-log.js';

interface DiffOptions extends CommonOptions {
  failOn?: DiffFailOn;
}

const FORMATS = Object.keys(DIFF_FORMATS) as DiffFormat[];

export function diffCommand(ctx: CommandContext): Command {
  const cmd = new Command('diff')
    .description('what changed in the registry since git revision REV: promises and standards added, removed or renamed, targets and limits tightened or loosened, and the impact on the last finished period')
    .argument('<rev>', 'a commit, branch or tag, e.g. origin/main')
    .addOption(new Option('--fail-on <what>', 'exit 1 when a promise was loosened, or on any change at all').choices(DIFF_FAIL_ON));
  addCommonOptions(cmd, { registry: true, logs: true, formats: FORMATS }).action(async (rev: string, options: DiffOptions) => {
    const format = pickFormat(options.format, FORMATS);
    const opened = await openRegistry(ctx.io, options, ctx.now);
    await refuseToOverwrite(ctx.io, options.out, filesRead(opened));
    const revision = await openGitRevision(opened.registry.root, rev, opened.display, ctx.io.env);
    requireValid(opened);
    let before: Registry | undefined;
    if (revision.exists) {
      const loaded = await loadRegistry(revision.reader, opened.registry.root);
      const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0) {
        // shown as `REV:path`, as git show names a file at a revision
        const located = errors.map((d) => ({ ...d, file: `${rev}:${revision.prefix}${d.file}` }));
        const texts = new Map([...loaded.texts].map(([file, text]) => [`${rev}:${revision.prefix}${file}`, text]));
        throw new RegistryError(`the registry as it was at ${rev} has ${errors.length === 1 ? 'an error' : `${errors.length} errors`}, so it cannot be compared`, located, { pathPrefix: '', texts });
      }
      before = loaded.registry;
    }
    const result = compareRegistries(before, opened.registry);
    // shown as `REV:path`, as git show names a file at a revision
    const atRevision = { rev, file: (file: string) => `${rev}:${revision.prefix}${file}` };
    const { impacts, oldLogs } = await measureImpacts(opened, before, result, options.log, ctx.io.cwd, atRevision);
    const report: DiffReport = {
      registry: opened.registry.settings.name,
      timezone: opened.registry.settings.timezone,
      revision: rev,
      commit: revision.commit,
      existedBefore: revision.exists,
      asOfMs: opened.asOf.getTime(),
      changes: result.changes,
      impacts,
    };
    await writeReport(ctx.io, DIFF_FORMATS[format](report, { chalk: ctx.chalk(options.color, options.out) }), options.out, [...filesRead(opened), ...oldLogs]);
    ctx.setExitCode(diffExitCode(result.changes, options.failOn));
  });
  return cmd;
}

/** A revision and how its files are named: `REV:path`. */
interface Revision {
  rev: string;
  file: (path: string) => string;
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

/** Header columns of each log file, read once per delimiter; undefined for an empty file. */
type HeaderCache = Map<string, Promise<string[] | undefined>>;

function headerOf(cache: HeaderCache, file: LogFile, delimiter: string): Promise<string[] | undefined> {
  const key = `${delimiter}\u0000${file.abs}`;
  let header = cache.get(key);
  if (header === undefined) {
    header = openCsv(file.abs, file.display, { delimiter }).then(
      (csv) => csv.header,
      (err: unknown) => {
        if (err instanceof EmptyLogError) return undefined;
        throw err;
      },
    );
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
      header = await headerOf(cache, file, job.source.delimiter ?? ',');
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
 * Evaluates every changed standard twice over the working tree's logs, the old definition with
 * the old registry's source, calendars and settings, the new one with the new registry's, and
 * compares the last finished period of each.
 */
async function measureImpacts(
  opened: OpenedRegistry,
  before: Registry | undefined,
  result: DiffResult,
  log: readonly string[],
  cwd: string,
  atRevision: Revision,
): Promise<{ impacts: Impact[]; oldLogs: FileRead[] }> {
  const pairs = impactPairs(result);
  if (pairs.length === 0) return { impacts: [], oldLogs: [] };
  const after = opened.registry;
  const asOfMs = opened.asOf.getTime();
  // the logs are the working tree's: a source the new registry still declares reads its files now;
  // one it no longer declares reads the old glob in the working tree
  const overrides = parseLogOverrides(log);
  const oldOverrides = new Map([...overrides].filter(([id]) => before?.sources.some((s) => s.id === id) === true));
  const oldFiles = before === undefined ? new Map<string, SourceFiles>() : await findSourceFiles(before, oldOverrides, cwd);
  const filesOf = (id: string): LogFile[] => opened.sources.get(id)?.files ?? oldFiles.get(id)?.files ?? [];

  const sideJob = (registry: Registry, standard: Standard | undefined, pair: StandardPair): SideJob | undefined => {
    if (standard === undefined) return undefined;
    const kind = impactPeriodKind(pair);
    const source = registry.sources.find((s) => s.id === standard.source) as Source;
    const { timezone, fiscalYearStart } = registry.settings;
    return { standard: impactDefinition(standard, kind), source, files: filesOf(source.id), period: lastFinishedPeriod(asOfMs, kind, timezone, fiscalYearStart) };
  };

  const cache: HeaderCache = new Map();
  const jobs: Job[] = [];
  for (const pair of pairs) {
    const old = before === undefined ? undefined : sideJob(before, pair.before, pair);
    const now = sideJob(after, pair.after, pair);
    if (before !== undefined && old !== undefined && !opened.sources.has(old.source.id)) refuseOldGlobs(before, oldFiles, old.source.id, atRevision);
    const gap = (old === undefined ? undefined : await sideGap(old, 'before', cache)) ?? (now === undefined ? undefined : await sideGap(now, 'after', cache));
    jobs.push({ pair, before: old, after: now, gap });
  }
  const ready = jobs.filter((j) => j.gap === undefined);
  const oldEvaluation = before === undefined ? undefined : await evaluateSide(before, ready.flatMap((j) => (j.before === undefined ? [] : [j.before])), asOfMs);
  const newEvaluation = await evaluateSide(after, ready.flatMap((j) => (j.after === undefined ? [] : [j.after])), asOfMs);

  const outcome = (evaluation: Evaluation | undefined, side: SideJob | undefined): SideOutcome | undefined =>
    evaluation === undefined || side === undefined ? undefined : sideOutcome(evaluation, side.standard, side.period);
  return {
    impacts: jobs.map((j) => (j.gap !== undefined ? impactUnavailable(j.pair, j.gap) : impactOf(j.pair, outcome(oldEvaluation, j.before), outcome(newEvaluation, j.after)))),
    oldLogs: logFilesRead(before?.root ?? after.root, new Map([...oldFiles].filter(([id]) => !opened.sources.has(id)))),
  };
}

/**
 * A source the working tree no longer declares reads its old glob in the working tree; that
 * glob stays inside the registry as the working tree's own do (docs/security.md), or the
 * impact cannot be measured: exit 2, located at the revision's file.
 */
function refuseOldGlobs(before: Registry, oldFiles: ReadonlyMap<string, SourceFiles>, id: string, atRevision: Revision): void {
  const found = oldFiles.get(id);
  if (found === undefined) return;
  const { source, refused } = found;
  const file = before.files.get(source.at.file);
  const diagnostics: Diagnostic[] = refused.map((refusal) => {
    const { path, said } = describeRefusal(id, refusal);
    const loc = file === undefined ? locOfFile(source.at.file) : locate(file, [...source.at.path, ...path]);
    return { rule: 'unreadable-file', severity: 'error', ...said, ...loc, file: atRevision.file(loc.file) };
  });
  if (diagnostics.length > 0) {
    throw new RegistryError(`the registry as it was at ${atRevision.rev} names log files that are not read, so the impact cannot be measured`, diagnostics);
  }
}

/** One streaming pass over the logs of the sides' sources, every definition of the side judging each row. */
async function evaluateSide(registry: Registry, sides: readonly SideJob[], asOfMs: number): Promise<Evaluation> {
  const periods = [...new Map(sides.map((s) => [`${s.period.kind}:${s.period.key}`, s.period])).values()];
  const evaluator = new Evaluator(
    { sources: registry.sources, standards: sides.map((s) => s.standard), calendars: registry.calendars, promises: [] },
    { asOfMs, timezone: registry.settings.timezone, fiscalYearStart: registry.settings.fiscalYearStart, breaches: true, atRisk: false, within: periods },
  );
  for (const sourceId of evaluator.sourceIds().sort()) {
    const side = sides.find((s) => s.source.id === sourceId) as SideJob;
    await readSource(evaluator.source(sourceId, createTimestampReader(side.source.timezone, side.source.timestamp_format)), side.source, side.files);
  }
  return evaluator.finish();
}
