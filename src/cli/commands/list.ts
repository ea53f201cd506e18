import { Argument, Command } from 'commander';
import { RegistryError } from '../../model/errors.js';
import { LIST_FORMATS, LIST_KINDS, type ListFormat, type ListKind } from '../../report/list/index.js';
import type { CommandContext } from '../context.js';
import { filesRead, openRegistry } from '../open-registry.js';
import { addCommonOptions, pickFormat, type CommonOptions } from '../options.js';
import { writeReport } from '../output.js';

const FORMATS = Object.keys(LIST_FORMATS) as ListFormat[];

export function listCommand(ctx: CommandContext): Command {
  const cmd = new Command('list')
    .description('list what the registry declares: promises, standards or owners')
    .addArgument(new Argument('[what]', 'what to list').choices(LIST_KINDS).default('promises'));
  addCommonOptions(cmd, FORMATS).action(async (what: ListKind, options: CommonOptions) => {
    const format = pickFormat(options.format, FORMATS);
    const opened = await openRegistry(ctx.io, options, ctx.now);
    const errors = opened.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) throw new RegistryError(`the registry has ${errors.length === 1 ? 'an error' : `${errors.length} errors`}; run \`promise check\` for details`, errors);
    await writeReport(ctx.io, LIST_FORMATS[format](opened.registry, what, { chalk: ctx.chalk(options.color) }), options.out, filesRead(opened));
  });
  return cmd;
}
