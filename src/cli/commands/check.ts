import { appendFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { summarize, type Diagnostic, type Severity } from '../../model/diagnostic.js';
import { describeFsError, PromiseError } from '../../model/errors.js';
import { CHECK_FORMATS, type CheckFormat } from '../../report/check/index.js';
import { formatGithubSummary } from '../../report/check/github.js';
import type { CheckReport } from '../../report/check/types.js';
import { forTerminal } from '../../report/shared/escape.js';
import { RULES } from '../../rules/index.js';
import type { CommandContext } from '../context.js';
import { checkExitCode } from '../exit-code.js';
import { filesRead, openRegistry } from '../open-registry.js';
import { addCommonOptions, parseCount, pickFormat, type CommonOptions } from '../options.js';
import { writeReport } from '../output.js';

interface CheckOptions extends CommonOptions {
  failOn: Severity;
  maxWarnings?: number;
}

const FORMATS = Object.keys(CHECK_FORMATS) as CheckFormat[];

/** The source lines the diagnostics point at, by file: for the caret under each. */
export function sourceLines(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>): Map<string, string[]> {
  const lines = new Map<string, string[]>();
  for (const file of new Set(diagnostics.map((d) => d.file))) {
    const text = texts.get(file);
    if (text !== undefined) lines.set(file, text.split(/\r?\n/));
  }
  return lines;
}

export function checkCommand(ctx: CommandContext): Command {
  const cmd = new Command('check')
    .description("validate the registry: schema, references, lint rules, and the logs' columns")
    .addOption(new Option('--fail-on <severity>', 'the least severity that makes check exit 1').choices(['error', 'warning', 'info']).default('error'))
    .option('--max-warnings <n>', 'exit 1 when there are more than N warnings', parseCount('--max-warnings'));
  addCommonOptions(cmd, { registry: true, logs: true, formats: FORMATS }).action(async (options: CheckOptions) => {
    const format = pickFormat(options.format, FORMATS);
    const opened = await openRegistry(ctx.io, options, ctx.now);
    const chalk = ctx.chalk(options.color, options.out);
    const all = summarize(opened.diagnostics);
    // --quiet shows the errors only; the exit code still counts every finding, as ESLint's --quiet
    // with --max-warnings does, so that a display flag never turns a failing gate green
    const diagnostics = ctx.quiet() ? opened.diagnostics.filter((d) => d.severity === 'error') : opened.diagnostics;
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
