import { appendFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { summarize, type Severity } from '../../model/diagnostic.js';
import { describeFsError, PromiseError } from '../../model/errors.js';
import { CHECK_FORMATS, type CheckFormat } from '../../report/check/index.js';
import { formatGithubSummary } from '../../report/check/github.js';
import type { CheckReport } from '../../report/check/types.js';
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

export function checkCommand(ctx: CommandContext): Command {
  const cmd = new Command('check')
    .description("validate the registry: schema, references, lint rules, and the logs' columns")
    .addOption(new Option('--fail-on <severity>', 'the least severity that makes check exit 1').choices(['error', 'warning', 'info']).default('error'))
    .option('--max-warnings <n>', 'exit 1 when there are more than N warnings', parseCount('--max-warnings'));
  addCommonOptions(cmd, FORMATS).action(async (options: CheckOptions) => {
    const format = pickFormat(options.format, FORMATS);
    const opened = await openRegistry(ctx.io, options, ctx.now);
    const chalk = ctx.chalk(options.color);
    const wanted = new Set(opened.diagnostics.map((d) => d.file));
    const lines = new Map<string, string[]>();
    for (const file of wanted) {
      const text = opened.texts.get(file);
      if (text !== undefined) lines.set(file, text.split(/\r?\n/));
    }
    const report: CheckReport = {
      registry: opened.display,
      pathPrefix: opened.pathPrefix,
      files: opened.paths,
      diagnostics: opened.diagnostics,
      summary: summarize(opened.diagnostics),
      lines,
      rules: RULES.map(({ id, kind, defaultSeverity, description }) => ({ id, kind, defaultSeverity, description })),
      tool: ctx.tool,
    };
    await writeReport(ctx.io, CHECK_FORMATS[format](report, { chalk }), options.out, filesRead(opened));
    const summaryFile = ctx.io.env.GITHUB_STEP_SUMMARY;
    if (format === 'github' && summaryFile !== undefined && summaryFile !== '') {
      try {
        await appendFile(summaryFile, formatGithubSummary(report));
      } catch (err) {
        throw new PromiseError(`cannot append to GITHUB_STEP_SUMMARY (${summaryFile}): ${describeFsError(err)}`);
      }
    }
    ctx.setExitCode(checkExitCode(report.summary, { failOn: options.failOn, maxWarnings: options.maxWarnings }));
  });
  return cmd;
}
