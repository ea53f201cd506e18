/** The one error boundary: parses argv, runs a command, returns the exit code; never exits itself. */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { sortDiagnostics } from '../model/diagnostic.js';
import { EXIT_FAILURE, EXIT_OK, PromiseError, RegistryError } from '../model/errors.js';
import { formatPretty } from '../report/check/pretty.js';
import { summarize } from '../model/diagnostic.js';
import { breachesCommand } from './commands/breaches.js';
import { checkCommand } from './commands/check.js';
import { diffCommand } from './commands/diff.js';
import { gapsCommand } from './commands/gaps.js';
import { initCommand } from './commands/init.js';
import { listCommand } from './commands/list.js';
import { reportCommand } from './commands/report.js';
import { rulesCommand } from './commands/rules.js';
import { decideColor } from './color.js';
import type { CommandContext } from './context.js';
import type { Io } from './io.js';

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export async function runCli(argv: readonly string[], io: Io, now: () => Date = () => new Date()): Promise<number> {
  let exitCode = EXIT_OK;
  const version = readVersion();
  const ctx: CommandContext = {
    io,
    chalk: (flag) => decideColor(io, flag),
    tool: { name: 'promise', version },
    now,
    setExitCode: (code) => {
      exitCode = code;
    },
  };
  const program = new Command('promise')
    .description('Validate a registry of service promises and measure delivery logs against it.')
    .version(version, '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (t) => io.stdout.write(t),
      writeErr: (t) => io.stderr.write(t),
      outputError: (t, write) => write(t.replace(/^error: /, 'promise: ')),
    })
    .showSuggestionAfterError(true);
  program.addCommand(initCommand(ctx));
  program.addCommand(checkCommand(ctx));
  program.addCommand(listCommand(ctx));
  program.addCommand(breachesCommand(ctx));
  program.addCommand(gapsCommand(ctx));
  program.addCommand(diffCommand(ctx));
  program.addCommand(reportCommand(ctx));
  program.addCommand(rulesCommand(ctx));
  for (const cmd of program.commands) cmd.exitOverride().configureOutput(program.configureOutput());

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    return reportError(err, io, argv.includes('--debug'));
  }
}

/** Turns any failure into a message on stderr and an exit code; a stack only with --debug. */
export function reportError(err: unknown, io: Io, debug: boolean): number {
  if (err instanceof CommanderError) {
    // Help and version were asked for; anything else is a usage error, already printed.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT_OK;
    return EXIT_FAILURE;
  }
  if (err instanceof RegistryError) {
    const chalk = decideColor({ ...io, stdout: io.stderr }, !io.env.NO_COLOR);
    const diagnostics = sortDiagnostics(err.diagnostics);
    const shown = formatPretty(
      { registry: '', pathPrefix: '', files: [], diagnostics, summary: summarize(diagnostics), lines: new Map(), rules: [], tool: { name: 'promise', version: '' } },
      { chalk },
    );
    io.stderr.write(`${shown}promise: ${err.message}\n`);
    return err.exitCode;
  }
  if (err instanceof PromiseError) {
    io.stderr.write(`promise: ${err.message}\n${err.hint === undefined ? '' : `hint: ${err.hint}\n`}`);
    return err.exitCode;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.stderr.write(`promise: internal error: ${message}\n`);
  if (debug && err instanceof Error && err.stack !== undefined) io.stderr.write(`${err.stack}\n`);
  else io.stderr.write('This is a bug in promise. Run again with --debug to see where it happened, and report it.\n');
  return EXIT_FAILURE;
}
