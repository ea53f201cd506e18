/** `--engine builtin|duckdb` (SPEC §5) on the commands that evaluate logs: which engine runs the standards. */
import { Option, type Command } from 'commander';
import { UsageError } from '../model/errors.js';
import { didYouMean } from '../registry/suggest.js';
import { ENGINE_NAMES, getEngine, type Engine, type EngineName } from '../run/engine.js';
import type { CommandContext } from './context.js';

/** SPEC §5 names these too; they evaluate where the logs already are, and are not in this build yet. */
const NOT_YET = ['postgres', 'clickhouse'];

export function addEngineOption(cmd: Command): Command {
  return cmd.addOption(new Option('--engine <name>', `what evaluates the logs: ${ENGINE_NAMES.join(', ')} (docs/sql.md)`).default('builtin'));
}

/** The engine `--engine` names; the context's own for builtin. */
export function chooseEngine(ctx: CommandContext, name: string | undefined): Engine {
  if (name === undefined || name === 'builtin') return ctx.engine;
  if ((ENGINE_NAMES as readonly string[]).includes(name)) return getEngine(name as EngineName, { env: ctx.io.env });
  if (NOT_YET.includes(name)) throw new UsageError(`--engine ${name}: this engine is not part of this version of promise yet`, `use one of ${ENGINE_NAMES.join(', ')}; \`promise sql --dialect ${name}\` prints the query to run on ${name} yourself`);
  throw new UsageError(`--engine ${name}: no such engine`, didYouMean(name, [...ENGINE_NAMES, ...NOT_YET]) ?? `use one of ${ENGINE_NAMES.join(', ')}`);
}
