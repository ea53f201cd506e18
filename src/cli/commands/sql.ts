/** `promise sql` (SPEC §5): the standards as SQL for a warehouse or a cluster; it reads no log and connects nowhere. */
import { Command, Option } from 'commander';
import { DAY_MS } from '../../engine/local-time.js';
import { UsageError } from '../../model/errors.js';
import { didYouMean } from '../../registry/suggest.js';
import { DIALECT_NAMES, type DialectName } from '../../sql/dialect.js';
import { getDialect } from '../../sql/dialects.js';
import { printSql } from '../../sql/print.js';
import type { CommandContext } from '../context.js';
import { filesRead, openRegistry, requireValid } from '../open-registry.js';
import { addCommonOptions, type CommonOptions } from '../options.js';
import { writeReport } from '../output.js';
import { describeCommand } from '../command-list.js';

interface SqlOptions extends Omit<CommonOptions, 'log'> {
  dialect: string;
  table: string[];
  standard?: string;
  breaches?: boolean;
  from?: string;
  to?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** Characters that would drive a terminal or reorder what it shows. */
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

function parseDay(flag: string, value: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const ms = m === null ? Number.NaN : Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (!Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== value) throw new UsageError(`${flag} ${value}: expected a date, YYYY-MM-DD`, `e.g. ${flag} 2024-01-01`);
  return Math.floor(ms / DAY_MS);
}

export function sqlCommand(ctx: CommandContext): Command {
  const cmd = new Command('sql')
    .description(describeCommand('sql'))
    .addOption(new Option('--dialect <name>', 'the SQL dialect').choices(DIALECT_NAMES).makeOptionMandatory())
    .addOption(new Option('--table <source=table>', "the table that holds a source's rows (repeatable)").argParser(collect).default([], "a table named like the source's id"))
    .option('--standard <id>', 'only this standard')
    .option('--breaches', 'the breach list (with the invalid records) instead of the gap rows')
    .option('--from <date>', 'the first day the calendars, periods and zone offsets cover (default: 1 January, 5 years before --as-of)')
    .option('--to <date>', 'the last day they cover (default: 31 December of the year after --as-of)');
  // it reads no log: --as-of, but no --log
  cmd.option('--as-of <time>', 'the moment of evaluation, ISO 8601 (default: now)');
  addCommonOptions(cmd, { registry: true, logs: false, formats: ['sql'] }).action(async (options: SqlOptions) => {
    const opened = await openRegistry(ctx.io, { ...options, log: [] }, ctx.now, { headers: false });
    requireValid(opened);
    const { registry } = opened;
    const tables = new Map<string, string>();
    for (const value of options.table) {
      const eq = value.indexOf('=');
      const id = value.slice(0, eq);
      if (eq <= 0 || eq === value.length - 1) throw new UsageError(`--table ${value}: expected SOURCE=TABLE`, 'e.g. --table tickets=support.tickets');
      if (!registry.sources.some((s) => s.id === id)) throw new UsageError(`--table ${value}: the registry has no source "${id}"`, didYouMean(id, registry.sources.map((s) => s.id)) ?? `its sources are: ${registry.sources.map((s) => s.id).join(', ')}`);
      tables.set(id, value.slice(eq + 1));
    }
    if (options.standard !== undefined && !registry.standards.some((s) => s.id === options.standard)) {
      throw new UsageError(`--standard ${options.standard}: the registry has no standard "${options.standard}"`, didYouMean(options.standard, registry.standards.map((s) => s.id)) ?? `its standards are: ${registry.standards.map((s) => s.id).join(', ')}`);
    }
    const standards = registry.standards.filter((s) => options.standard === undefined || s.id === options.standard);
    const asOfMs = opened.asOf.getTime();
    const year = opened.asOf.getUTCFullYear();
    const fromDay = options.from === undefined ? Math.floor(Date.UTC(year - 5, 0, 1) / DAY_MS) : parseDay('--from', options.from);
    const toDay = options.to === undefined ? Math.floor(Date.UTC(year + 1, 11, 31) / DAY_MS) : parseDay('--to', options.to);
    if (toDay < fromDay) throw new UsageError(`--to ${options.to ?? ''} is before --from ${options.from ?? ''}`);
    if (toDay - fromDay > 366 * 60) throw new UsageError('--from and --to are more than 60 years apart: the query would carry a table row for every day', 'narrow them to the years the table holds');
    const text = printSql({ registry, standards, dialect: getDialect(options.dialect as DialectName), asOfMs, tables, fromDay, toDay, breaches: options.breaches === true });
    // names come from the registry and the command line: none may drive a terminal
    if (CONTROL.test(text)) throw new UsageError('a name the query must write (a column, a table or an id) holds a control character, which SQL cannot quote safely', 'rename it in the registry or in --table');
    await writeReport(ctx.io, text, options.out, filesRead(opened));
  });
  return cmd;
}
