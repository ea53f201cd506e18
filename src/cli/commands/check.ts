import { appendFile, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { sortDiagnostics, summarize, type BaselineEntry, type Diagnostic, type Severity, type SuppressedDiagnostic } from '../../model/diagnostic.js';
import { describeFsError, PromiseError, UsageError } from '../../model/errors.js';
import { CHECK_FORMATS, type CheckFormat } from '../../report/check/index.js';
import { sourceLines } from '../../report/check/source-lines.js';
import { formatGithubSummary } from '../../report/check/github.js';
import type { CheckReport } from '../../report/check/types.js';
import { forTerminal } from '../../report/shared/escape.js';
import { applyBaseline, baselineOf, formatBaseline, parseBaseline, type Baseline } from '../../rules/baseline.js';
import { RULES } from '../../rules/index.js';
import type { CommandContext } from '../context.js';
import { checkExitCode } from '../exit-code.js';
import { filesRead, openRegistry, type OpenedRegistry } from '../open-registry.js';
import { addCommonOptions, parseCount, pickFormat, type CommonOptions } from '../options.js';
import { writeReport } from '../output.js';
import { describeCommand } from '../command-list.js';

interface CheckOptions extends CommonOptions {
  failOn: Severity;
  maxWarnings?: number;
  baseline?: string;
  writeBaseline?: string;
}

const FORMATS = Object.keys(CHECK_FORMATS) as CheckFormat[];

async function readBaseline(ctx: CommandContext, file: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(resolve(ctx.io.cwd, file), 'utf8');
  } catch (err) {
    throw new PromiseError(`--baseline ${file}: cannot read it: ${describeFsError(err)}`, { hint: `write one with \`promise check --write-baseline ${file}\`` });
  }
  const parsed = parseBaseline(text);
  if (!parsed.ok) throw new PromiseError(`--baseline ${file}: ${parsed.reason}`, { hint: `write it again with \`promise check --write-baseline ${file}\`` });
  return parsed.baseline;
}

const describeEntry = (e: BaselineEntry): string =>
  `  ${e.rule}  ${e.file}${e.collection === '' ? '' : `  ${[e.collection, e.id, e.field].filter((p) => p !== '').join(' ')}`}${e.count > 1 ? `  (${e.count} findings)` : ''}\n`;

/** With a baseline: the findings it records are suppressed (SPEC §7), and it says which entries no longer match. */
async function withBaseline(ctx: CommandContext, opened: OpenedRegistry, options: CheckOptions): Promise<{ diagnostics: Diagnostic[]; suppressed: SuppressedDiagnostic[]; baseline?: { file: string; unmatched: BaselineEntry[] } }> {
  const inline = { diagnostics: opened.diagnostics, suppressed: opened.suppressed };
  const file = options.writeBaseline ?? options.baseline;
  if (file === undefined) return inline;
  let baseline: Baseline;
  if (options.writeBaseline !== undefined) {
    baseline = baselineOf(opened.diagnostics);
    await writeReport(ctx.io, formatBaseline(baseline), options.writeBaseline, filesRead(opened), '--write-baseline');
    const count = baseline.findings.reduce((n, e) => n + e.count, 0);
    ctx.note(`promise: wrote ${count === 1 ? '1 finding' : `${count} findings`} to the baseline ${file}\n`);
  } else {
    baseline = await readBaseline(ctx, file);
  }
  const applied = applyBaseline(opened.diagnostics, baseline, file);
  if (applied.unmatched.length > 0) {
    const n = applied.unmatched.length;
    ctx.note(`promise: ${n === 1 ? '1 entry' : `${n} entries`} of the baseline ${file} no longer ${n === 1 ? 'matches' : 'match'} (fixed, or moved to another file); write it again with --write-baseline:\n${applied.unmatched.map(describeEntry).join('')}`);
  }
  return { diagnostics: applied.kept, suppressed: sortDiagnostics([...inline.suppressed, ...applied.suppressed]), baseline: { file, unmatched: applied.unmatched } };
}

export function checkCommand(ctx: CommandContext): Command {
  const cmd = new Command('check')
    .description(describeCommand('check'))
    .addOption(new Option('--fail-on <severity>', 'the least severity that makes check exit 1').choices(['error', 'warning', 'info']).default('error'))
    .option('--max-warnings <n>', 'exit 1 when there are more than N warnings', parseCount('--max-warnings'))
    .option('--baseline <file>', 'report only the lint findings that the baseline FILE does not record')
    .option('--write-baseline <file>', "record today's lint findings in the baseline FILE, by rule, file and entity");
  addCommonOptions(cmd, { registry: true, logs: true, formats: FORMATS }).action(async (options: CheckOptions) => {
    const format = pickFormat(options.format, FORMATS);
    if (options.baseline !== undefined && options.writeBaseline !== undefined) {
      throw new UsageError('--baseline and --write-baseline cannot be given together', 'to bring a baseline up to date, run --write-baseline FILE alone: it records the findings of today');
    }
    if (options.writeBaseline !== undefined && options.out !== undefined && resolve(ctx.io.cwd, options.out) === resolve(ctx.io.cwd, options.writeBaseline)) {
      throw new UsageError(`--out and --write-baseline both name ${options.out}`, 'write the report and the baseline to two files');
    }
    const opened = await openRegistry(ctx.io, options, ctx.now);
    const chalk = ctx.chalk(options.color, options.out);
    const counted = await withBaseline(ctx, opened, options);
    // suppressed findings leave the exit code alone (SPEC §7)
    const all = summarize(counted.diagnostics);
    // --quiet shows the errors only; the exit code still counts every finding, as ESLint's --quiet
    // with --max-warnings does, so that a display flag never turns a failing gate green
    const diagnostics = ctx.quiet() ? counted.diagnostics.filter((d) => d.severity === 'error') : counted.diagnostics;
    const summary = summarize(diagnostics);
    const report: CheckReport = {
      registry: opened.display,
      pathPrefix: opened.pathPrefix,
      files: opened.paths,
      diagnostics,
      summary,
      lines: sourceLines(diagnostics, opened.texts),
      rules: RULES.map(({ id, kind, defaultSeverity, description }) => ({ id, kind, defaultSeverity, description })),
      tool: ctx.tool,
      ...(ctx.quiet() ? { hidden: { errors: 0, warnings: all.warnings, infos: all.infos } } : {}),
      suppressed: counted.suppressed,
      ...(counted.baseline === undefined ? {} : { baseline: counted.baseline }),
    };
    await writeReport(ctx.io, CHECK_FORMATS[format](report, { chalk }), options.out, filesRead(opened));
    const summaryFile = ctx.io.env.GITHUB_STEP_SUMMARY;
    if (format === 'github' && summaryFile !== undefined && summaryFile !== '') {
      try {
        await appendFile(summaryFile, forTerminal(formatGithubSummary)(report));
      } catch (err) {
        throw new PromiseError(`cannot append to GITHUB_STEP_SUMMARY (${summaryFile}): ${describeFsError(err)}`);
      }
    }
    ctx.setExitCode(checkExitCode(all, { failOn: options.failOn, maxWarnings: options.maxWarnings }));
  });
  return cmd;
}
