import { Command } from 'commander';
import { EXPLAIN_FORMATS } from '../../report/explain/index.js';
import { explainRecord } from '../../run/explain.js';
import type { CommandContext } from '../context.js';
import { filesRead, openRegistry, requireValid } from '../open-registry.js';
import { addCommonOptions, pickFormat, type CommonOptions } from '../options.js';
import { refuseToOverwrite, writeReport } from '../output.js';
import { describeCommand } from '../command-list.js';

export function explainCommand(ctx: CommandContext): Command {
  const cmd = new Command('explain')
    .description(describeCommand('explain'))
    .argument('<standard>', 'the standard id')
    .argument('<record>', "the record's key (the source's key column)");
  addCommonOptions(cmd, { registry: true, logs: true, formats: Object.keys(EXPLAIN_FORMATS) }).action(async (standard: string, record: string, options: CommonOptions) => {
    const format = pickFormat(options.format, Object.keys(EXPLAIN_FORMATS) as (keyof typeof EXPLAIN_FORMATS)[]);
    const opened = await openRegistry(ctx.io, options, ctx.now);
    await refuseToOverwrite(ctx.io, options.out, filesRead(opened));
    requireValid(opened);
    const asOfMs = opened.asOf.getTime();
    const explanations = await explainRecord({ registry: opened.registry, standard, record, asOfMs, files: opened.sources });
    const report = { asOfMs, timezone: opened.registry.settings.timezone, explanations };
    await writeReport(ctx.io, EXPLAIN_FORMATS[format](report, { chalk: ctx.chalk(options.color, options.out) }), options.out, filesRead(opened));
  });
  return cmd;
}
