import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { Argument, Command } from 'commander';
import { describeFsError, PromiseError, UsageError } from '../../model/errors.js';
import { initFiles } from '../../init/templates.js';
import { isTimeZone, suggestTimeZone } from '../../registry/values.js';
import type { CommandContext } from '../context.js';
import { asOfResolver, type CommonOptions } from '../options.js';
import { describeCommand } from '../command-list.js';

interface InitCommandOptions extends Pick<CommonOptions, 'asOf' | 'color'> {
  name?: string;
  timezone?: string;
}

/** A path as a POSIX shell reads it: quoted when it holds anything but plain path characters. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

/**
 * Commands to paste as they are, from the folder init was run in. `npx promise-registry` runs
 * this package wherever it is installed (a project, globally, or not yet: npx offers to fetch
 * it), where `npx promise` outside a project would run an unrelated package named `promise`.
 */
function nextSteps(shown: string): string[] {
  const cd = shown === '.' ? [] : [`cd ${shellWord(shown)}`];
  return [...cd, 'npx promise-registry check', 'npx promise-registry list standards', 'npx promise-registry gaps'];
}

export function initCommand(ctx: CommandContext): Command {
  return new Command('init')
    .description(describeCommand('init'))
    .addArgument(new Argument('[dir]', 'the folder to create or fill').default('.'))
    .option('--name <name>', 'the name of the organisation or service')
    .option('--timezone <zone>', 'IANA time zone of the registry (default: this machine\'s)')
    .option('--as-of <time>', 'date the sample log up to this moment (default: now)')
    .option('--no-color', 'no colour (also NO_COLOR)')
    .action(async (dir: string, options: InitCommandOptions) => {
      const timezone = options.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (!isTimeZone(timezone)) throw new UsageError(`--timezone ${timezone}: not an IANA time zone`, suggestTimeZone(timezone) ?? 'e.g. Europe/Berlin or America/New_York');
      const asOf = asOfResolver(options.asOf, ctx.now)(timezone);
      const target = resolve(ctx.io.cwd, dir);
      const name = options.name ?? (basename(target) || 'My Service');
      const files = initFiles({ name, timezone, asOf });
      const clashes = [...files.keys()].filter((f) => existsSync(join(target, f)));
      if (clashes.length > 0) {
        throw new PromiseError(`${dir} already holds ${clashes.slice(0, 3).join(', ')}${clashes.length > 3 ? ', ...' : ''}`, {
          hint: 'init never overwrites files; choose an empty folder',
        });
      }
      try {
        for (const [file, content] of files) {
          await mkdir(dirname(join(target, file)), { recursive: true });
          await writeFile(join(target, file), content, { flag: 'wx' });
        }
      } catch (err) {
        throw new PromiseError(`cannot write the registry into ${dir}: ${describeFsError(err)}`);
      }
      const chalk = ctx.chalk(options.color);
      const shown = relative(ctx.io.cwd, target) || '.';
      const listed = [...files.keys()].filter((f) => !f.startsWith('.promise/'));
      ctx.io.stdout.write(
        `${chalk.green('Created')} a registry in ${shown}:\n${listed.map((f) => `  ${f}`).join('\n')}\n  .promise/schemas/ (JSON Schemas for editor completion)\n\nNext:\n${nextSteps(shown).map((c) => `  ${c}`).join('\n')}\n`,
      );
    });
}
