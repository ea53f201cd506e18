import { Argument, Command } from 'commander';
import { RegistryError } from '../../model/errors.js';
import { LIST_FORMATS, LIST_KINDS, type ListFormat, type ListKind } from '../../report/list/index.js';
import type { CommandContext } from '../context.js';
import { filesRead, openRegistry } from '../open-registry.js';
import { addCommonOptions, pickFormat, type CommonOptions } from '../options.js';
import { writeReport } from '../output.js';
import { describeCommand } from '../command-list.js';

const FORMATS = Object.keys(LIST_FORMATS) as ListFormat[];

export function listCommand(ctx: CommandContext): Command {
  const cmd = new Command('list')
    .description(describeCommand('list'))
    .addArgument(new Argument('[what]', 'what to list').choices(LIST_KINDS).default('promises'));
  // list reads declarations only: no log, no moment of evaluation
  addCommonOptions(cmd, { registry: true, logs: false, formats: FORMATS }).action(async (what: ListKind, options: Omit<CommonOptions, 'log' | 'asOf'>) => {
    const format = pickFormat(options.format, FORMATS);
    const opened = await openRegistry(ctx.io, { ...options, log: [] }, ctx.now, { headers: false });
    const errors = opened.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      throw new RegistryError(`the registry has ${errors.length === 1 ? 'an error' : `${errors.length} errors`}; run \`promise check\` for details`, errors, opened);
    }
    const shown = LIST_FORMATS[format]({ kind: what, registry: opened.registry }, { chalk: ctx.chalk(options.color, options.out), width: ctx.width(options.out) });
    await writeReport(ctx.io, shown, options.out, filesRead(opened));
  });
  return cmd;
}
