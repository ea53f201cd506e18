/**
 * The commands, in the order help lists them. A command's module (its options, its action and
 * all it imports) is loaded only when that command runs or shows its help: `promise --version`,
 * `promise --help` and a small `promise check` do not pay for loading the engines and reports.
 */
import type { Command } from 'commander';
import type { CommandContext } from './context.js';

type Define = (ctx: CommandContext) => Command;

export interface CommandEntry {
  name: string;
  /** how help lists it: its name, `[options]` and its arguments (test/cli/run.test.ts holds it to the command's own) */
  term: string;
  description: string;
  load(): Promise<Define>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'init', term: 'init [options] [dir]', description: 'write a small working registry, with a sample log, into DIR', load: async () => (await import('./commands/init.js')).initCommand },
  { name: 'check', term: 'check [options]', description: "validate the registry: schema, references, lint rules, and the logs' columns", load: async () => (await import('./commands/check.js')).checkCommand },
  { name: 'list', term: 'list [options] [what]', description: 'list what the registry declares: promises, standards, owners, calendars or sources', load: async () => (await import('./commands/list.js')).listCommand },
  { name: 'breaches', term: 'breaches [options]', description: 'list every record that breached a standard (with --at-risk, also open records at risk)', load: async () => (await import('./commands/breaches.js')).breachesCommand },
  { name: 'gaps', term: 'gaps [options]', description: 'compliance against target per standard and period, rolled up per promise, owner and dimension', load: async () => (await import('./commands/gaps.js')).gapsCommand },
  {
    name: 'diff',
    term: 'diff [options] <rev>',
    description: 'what changed in the registry since git revision REV: promises and standards added, removed or renamed, targets and limits tightened or loosened, and the impact on the last finished period',
    load: async () => (await import('./commands/diff.js')).diffCommand,
  },
  { name: 'report', term: 'report [options]', description: 'the quarterly report (or --period): promises kept, standards against target and trend, scorecards, recovery, gaps, data quality', load: async () => (await import('./commands/report.js')).reportCommand },
  { name: 'charter', term: 'charter [options]', description: 'the customer-facing page of the promises: in their own words, by audience and channel, with the remedy owed when one is broken', load: async () => (await import('./commands/charter.js')).charterCommand },
  { name: 'explain', term: 'explain [options] <standard> <record>', description: "tell how one record's verdict under a standard was reached: scope, start and end as read, open time, limit, outcome", load: async () => (await import('./commands/explain.js')).explainCommand },
  {
    name: 'sql',
    term: 'sql [options]',
    description: 'print the standards as SQL for a warehouse or cluster: one statement per source whose rows are the gap rows (or, with --breaches, the breach list); reads no log, connects nowhere',
    load: async () => (await import('./commands/sql.js')).sqlCommand,
  },
  { name: 'rules', term: 'rules [options]', description: 'list every rule check applies, its default severity and what it catches', load: async () => (await import('./commands/rules.js')).rulesCommand },
];

/** A command's one-line description, for its own module and for help's list. */
export function describeCommand(name: string): string {
  const entry = COMMANDS.find((c) => c.name === name);
  if (entry === undefined) throw new Error(`no command ${name} in the command list`);
  return entry.description;
}

/**
 * The command that `argv` runs, or whose help it asks for (`promise help gaps`): the first word
 * that is not an option. The program's own options (-q, --debug, -v, -V, -h) take no value.
 */
export function invokedCommand(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] as string;
    if (word === '--') return argv[i + 1];
    if (word.startsWith('-')) continue;
    return word === 'help' ? argv[i + 1] : word;
  }
  return undefined;
}
