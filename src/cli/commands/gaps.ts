import { Command } from 'commander';
import { GAPS_FORMATS } from '../../report/gaps/index.js';
import type { CommandContext } from '../context.js';
import { addFilterOptions, runEvaluating, type EvaluatingOptions } from './evaluating.js';
import { describeCommand } from '../command-list.js';

export function gapsCommand(ctx: CommandContext): Command {
  const cmd = new Command('gaps').description(describeCommand('gaps'));
  addFilterOptions(cmd, Object.keys(GAPS_FORMATS)).action(async (options: EvaluatingOptions) => {
    await runEvaluating(ctx, options, GAPS_FORMATS, false);
  });
  return cmd;
}
