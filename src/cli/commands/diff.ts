/**
 * `promise diff REV`: the registry as it was at a git revision against the working tree, as
 * typed changes classed tightened, loosened or neutral, and the impact of each changed standard
 * on the last finished period of the logs at hand (docs/diff.md).
 */
import { Command, Option } from 'commander';
import { compareRegistries } from '../../diff/compare.js';
import type { DiffReport } from '../../diff/model.js';
import { RegistryError } from '../../model/errors.js';
import { openGitRevision } from '../../registry/git-reader.js';
import { loadRegistry } from '../../registry/load.js';
import type { Registry } from '../../registry/model.js';
import { DIFF_FORMATS, type DiffFormat } from '../../report/diff/index.js';
import { measureImpacts } from '../../run/impact.js';
import type { CommandContext } from '../context.js';
import { addEngineOption, chooseEngine, type EngineOptions } from '../engine-option.js';
import { diffExitCode, DIFF_FAIL_ON, type DiffFailOn } from '../exit-code.js';
import { runFeedback } from '../feedback.js';
import { filesRead, logFilesRead, openRegistry, requireValid } from '../open-registry.js';
import { addCommonOptions, parseLogOverrides, pickFormat, type CommonOptions } from '../options.js';
import { refuseToOverwrite, writeReport } from '../output.js';
import { describeCommand } from '../command-list.js';

interface DiffOptions extends CommonOptions, EngineOptions {
  failOn?: DiffFailOn;
}

const FORMATS = Object.keys(DIFF_FORMATS) as DiffFormat[];

export function diffCommand(ctx: CommandContext): Command {
  const cmd = new Command('diff')
    .description(describeCommand('diff'))
    .argument('<rev>', 'a commit, branch or tag, e.g. origin/main')
    .addOption(new Option('--fail-on <what>', 'exit 1 when a promise was loosened, or on any change at all').choices(DIFF_FAIL_ON));
  addEngineOption(addCommonOptions(cmd, { registry: true, logs: true, formats: FORMATS })).action(async (rev: string, options: DiffOptions) => {
    const format = pickFormat(options.format, FORMATS);
    const engine = chooseEngine(ctx, options);
    const opened = await openRegistry(ctx.io, options, ctx.now, { headers: engine.logs === 'files' });
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
    const { impacts, oldSources } = await measureImpacts(
      engine,
      {
        before,
        after: opened.registry,
        afterSources: opened.sources,
        result,
        overrides: parseLogOverrides(options.log),
        cwd: ctx.io.cwd,
        asOf: opened.asOf,
        // shown as `REV:path`, as git show names a file at a revision
        revision: { rev, file: (file: string) => `${rev}:${revision.prefix}${file}` },
      },
      runFeedback(ctx, format === 'json'),
    );
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
    await writeReport(ctx.io, DIFF_FORMATS[format](report, { chalk: ctx.chalk(options.color, options.out) }), options.out, [...filesRead(opened), ...logFilesRead(before?.root ?? opened.registry.root, oldSources)]);
    ctx.setExitCode(diffExitCode(result.changes, options.failOn));
  });
  return cmd;
}
