import { Command } from 'commander';
import { RULES } from '../../rules/index.js';
import { RULE_FORMATS, type RuleFormat } from '../../report/rules/index.js';
import type { CommandContext } from '../context.js';
import { addCommonOptions, pickFormat, type CommonOptions } from '../options.js';
import { writeReport } from '../output.js';
import { describeCommand } from '../command-list.js';

const FORMATS = Object.keys(RULE_FORMATS) as RuleFormat[];

export function rulesCommand(ctx: CommandContext): Command {
  const cmd = new Command('rules').description(describeCommand('rules'));
  // the rules are the tool's own: no registry, log or moment is read
  addCommonOptions(cmd, { registry: false, logs: false, formats: FORMATS }).action(async (options: Pick<CommonOptions, 'color' | 'format' | 'out'>) => {
    const format = pickFormat(options.format, FORMATS);
    const rules = RULES.map(({ id, kind, defaultSeverity, description }) => ({ id, kind, defaultSeverity, description }));
    // reads no registry, so there is nothing of one to protect
    await writeReport(ctx.io, RULE_FORMATS[format](rules, { chalk: ctx.chalk(options.color, options.out), width: ctx.width(options.out) }), options.out, []);
  });
  return cmd;
}
