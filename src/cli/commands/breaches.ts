import { Command } from 'commander';
import { BREACHES_FORMATS } from '../../report/breaches/index.js';
import type { CommandContext } from '../context.js';
import { addFilterOptions, runEvaluating, type EvaluatingOptions } from './evaluating.js';
import { describeCommand } from '../command-list.js';

export function breachesCommand(ctx: CommandContext): Command {
  const cmd = new Command('breaches')
    .description(describeCommand('breaches'))
    .option('--at-risk', 'also list open records that have used warn_at of their allowance');
  addFilterOptions(cmd, Object.keys(BREACHES_FORMATS)).action(async (options: EvaluatingOptions) => {
    await runEvaluating(ctx, options, BREACHES_FORMATS, true);
  });
  return cmd;
}
