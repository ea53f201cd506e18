/** The one error boundary: parses argv, runs a command, returns the exit code; never exits itself. */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Help, Option } from 'commander';
import { EXIT_FAILURE, EXIT_OK, PromiseError, RegistryError } from '../model/errors.js';
import { escapeTerminal } from '../report/shared/escape.js';
import { decideColor } from './color.js';
import { COMMANDS, invokedCommand } from './command-list.js';
import type { CommandContext } from './context.js';
import { helpEnd } from './help.js';
import type { Io } from './io.js';
import { decideWidth } from './width.js';

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

const toStdout = (out: string | undefined): boolean => out === undefined || out === '-';

export async function runCli(argv: readonly string[], io: Io, now: () => Date = () => new Date()): Promise<number> {
  let exitCode = EXIT_OK;
  const version = readVersion();
  const program = new Command('promise');
  const quiet = (): boolean => program.opts<{ quiet?: boolean }>().quiet === true;
  const ctx: CommandContext = {
    io,
    chalk: (flag, out) => decideColor(io, flag, toStdout(out)),
    width: (out) => decideWidth(io, toStdout(out)),
    tool: { name: 'promise', version },
    now,
    note: (text) => {
      if (!quiet()) io.stderr.write(escapeTerminal(text));
    },
    quiet,
    setExitCode: (code) => {
      exitCode = code;
    },
  };
  // help wraps at the width tables fit in
  const helpWidth = (): number => decideWidth(io, true);
  const output = {
    writeOut: (t: string) => io.stdout.write(t),
    writeErr: (t: string) => io.stderr.write(t),
    getOutHelpWidth: helpWidth,
    getErrHelpWidth: helpWidth,
    // commander's messages quote the command line, which may hold anything
    outputError: (t: string, write: (t: string) => void) => write(escapeTerminal(t.replace(/^error: /, 'promise: '))),
  };
  program
    .description('Validate a registry of service promises and measure delivery logs against it.')
    .version(version, '-v, --version', 'print the version')
    // -V as well: what the version flag was before, and what many tools use
    .addOption(new Option('-V').hideHelp())
    .option('-q, --quiet', 'errors only: no warnings or notes on stderr; check shows only error findings')
    .option('--debug', 'show the stack of an internal error')
    .on('option:V', () => {
      io.stdout.write(`${version}\n`);
      throw new CommanderError(EXIT_OK, 'commander.version', version);
    })
    .exitOverride()
    .configureOutput(output)
    .configureHelp({ showGlobalOptions: true, subcommandTerm: (cmd) => COMMANDS.find((c) => c.name === cmd.name())?.term ?? new Help().subcommandTerm(cmd) })
    .showSuggestionAfterError(true)
    .addHelpText('after', () => helpEnd('promise', helpWidth()));
  const invoked = invokedCommand(argv);
  try {
    // Only the command that runs (or whose help is asked for) is loaded; the others are listed by name.
    for (const entry of COMMANDS) program.addCommand(entry.name === invoked ? (await entry.load())(ctx) : new Command(entry.name).description(entry.description));
    for (const cmd of program.commands) {
      cmd.exitOverride().configureOutput(output).configureHelp({ showGlobalOptions: true }).addHelpText('after', () => helpEnd(cmd.name(), helpWidth()));
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    return await reportError(err, io, argv.includes('--debug'), !argv.includes('--no-color'));
  }
}

/** Turns any failure into a message on stderr and an exit code; a stack only with --debug. */
export async function reportError(err: unknown, io: Io, debug: boolean, color = true): Promise<number> {
  if (err instanceof CommanderError) {
    // Help and version were asked for; anything else is a usage error, already printed.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT_OK;
    // `promise help [command]`; help shown for a missing command is a usage error
    if (err.code === 'commander.help') return err.exitCode === 0 ? EXIT_OK : EXIT_FAILURE;
    return EXIT_FAILURE;
  }
  if (err instanceof RegistryError) {
    // the diagnostics as check shows them: paths from the working folder, the source line and a caret
    const chalk = decideColor({ ...io, stdout: io.stderr }, color);
    const [{ sortDiagnostics, summarize }, { CHECK_FORMATS }, { sourceLines }] = await Promise.all([import('../model/diagnostic.js'), import('../report/check/index.js'), import('../report/check/source-lines.js')]);
    const diagnostics = sortDiagnostics(err.diagnostics);
    const shown = CHECK_FORMATS.pretty(
      {
        registry: '',
        pathPrefix: err.sources?.pathPrefix ?? '',
        files: [],
        diagnostics,
        summary: summarize(diagnostics),
        lines: sourceLines(diagnostics, err.sources?.texts ?? new Map()),
        rules: [],
        tool: { name: 'promise', version: '' },
      },
      { chalk },
    );
    io.stderr.write(`${shown}promise: ${escapeTerminal(err.message)}\n`);
    return err.exitCode;
  }
  if (err instanceof PromiseError) {
    io.stderr.write(`promise: ${escapeTerminal(err.message)}\n${err.hint === undefined ? '' : `hint: ${escapeTerminal(err.hint)}\n`}`);
    return err.exitCode;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.stderr.write(`promise: internal error: ${escapeTerminal(message)}\n`);
  if (debug && err instanceof Error && err.stack !== undefined) io.stderr.write(`${escapeTerminal(err.stack)}\n`);
  else io.stderr.write('This is a bug in promise. Run again with --debug to see where it happened, and report it.\n');
  return EXIT_FAILURE;
}
