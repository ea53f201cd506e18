/** `promise charter`: the customer-facing page of the registry's promises (SPEC §6), as HTML or Markdown. */
import { Command } from 'commander';
import { charterSelection, planCharter, resultsPeriod } from '../../plan/charter.js';
import { buildCharter } from '../../report/charter/data.js';
import { CHARTER_FORMATS, type CharterFormat } from '../../report/charter/index.js';
import { getEngine } from '../../run/engine.js';
import type { CommandContext } from '../context.js';
import { runFeedback } from '../feedback.js';
import { filesRead, openRegistry, requireValid } from '../open-registry.js';
import { addCommonOptions, pickFormat, type CommonOptions } from '../options.js';
import { refuseToOverwrite, writeReport } from '../output.js';
import { describeCommand } from '../command-list.js';

const FORMATS = Object.keys(CHARTER_FORMATS) as CharterFormat[];

interface CharterOptions extends CommonOptions {
  audience?: string;
  channel?: string;
  withResults?: string;
}

export function charterCommand(ctx: CommandContext): Command {
  const cmd = new Command('charter').description(describeCommand('charter'));
  addCommonOptions(cmd, { registry: true, logs: true, formats: FORMATS })
    .option('--audience <audience>', 'only the promises made to this audience')
    .option('--channel <channel>', 'only the promises published on this channel')
    .option('--with-results <period>', 'how each promise was kept in this period, e.g. 2026-Q3')
    .action(async (options: CharterOptions) => {
      const formatName = pickFormat(options.format, FORMATS);
      const opened = await openRegistry(ctx.io, options, ctx.now);
      await refuseToOverwrite(ctx.io, options.out, filesRead(opened));
      requireValid(opened);
      const { registry } = opened;
      const plan = planCharter(registry, { audience: options.audience, channel: options.channel });
      const period = options.withResults === undefined ? undefined : resultsPeriod(registry, options.withResults, opened.asOf.getTime());
      const evaluation =
        period === undefined
          ? undefined
          : await getEngine('builtin', { env: ctx.io.env }).evaluate(
              { registry, sources: opened.sources, asOf: opened.asOf, selection: charterSelection(plan) },
              { breaches: false, atRisk: false, alsoBy: period.kind, within: [period], ...runFeedback(ctx, false) },
            );
      const charter = buildCharter({
        registry: registry.settings.name,
        timezone: registry.settings.timezone,
        asOfMs: opened.asOf.getTime(),
        plan,
        results: period === undefined || evaluation === undefined ? undefined : { period, evaluation },
      });
      // SPEC §6: an unmeasured promise is left out of the charter, and said so
      for (const p of plan.unmeasured) ctx.note(`promise: charter leaves out promise "${p.id}": no standard measures it (promise check: unmeasured-promise)\n`);
      await writeReport(ctx.io, CHARTER_FORMATS[formatName](charter), options.out, filesRead(opened));
    });
  return cmd;
}
