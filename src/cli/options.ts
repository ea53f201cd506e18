/** The options every command takes (SPEC §3), parsed once. */
import { Command, Option } from 'commander';
import { UsageError } from '../model/errors.js';
import { parseIsoTimestamp } from '../logs/timestamp.js';
import { didYouMean } from '../registry/suggest.js';
import { timestampProblemText } from '../report/shared/invalid-reasons.js';

export interface CommonOptions {
  registry?: string;
  asOf?: string;
  log: string[];
  color: boolean;
  format?: string;
  out?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** What a command reads, and so which of the shared options it offers: none it would ignore. */
export interface OptionSet {
  /** --registry: it reads a registry */
  registry: boolean;
  /** --as-of and --log: it judges time or reads logs */
  logs: boolean;
  /** its formats, the first being the default: --format when there are several, and --out */
  formats?: readonly string[];
}

/** Adds the shared options (SPEC §3) that a command uses; --quiet and --debug are the program's, for every command. */
export function addCommonOptions(cmd: Command, set: OptionSet): Command {
  if (set.registry) cmd.option('--registry <dir>', 'the registry folder (default: the nearest promise.yaml upwards)');
  if (set.logs) {
    cmd
      .option('--as-of <time>', 'the moment of evaluation, ISO 8601 (default: now)')
      .addOption(new Option('--log <source=path>', 'read SOURCE from PATH instead of its files (repeatable)').argParser(collect).default([], 'none'));
  }
  cmd.option('--no-color', 'no colour (also NO_COLOR, FORCE_COLOR=0)');
  const formats = set.formats ?? [];
  if (formats.length > 1) cmd.option('--format <format>', `output format: ${formats.join(', ')}`, formats[0]);
  if (formats.length > 0) cmd.option('--out <file>', 'write the report to FILE (atomically) instead of stdout');
  return cmd;
}

export function pickFormat<T extends string>(value: string | undefined, formats: readonly T[]): T {
  const format = value ?? formats[0];
  if (format !== undefined && (formats as readonly string[]).includes(format)) return format as T;
  throw new UsageError(`unknown format "${format ?? ''}"`, didYouMean(format ?? '', formats) ?? `use one of ${formats.join(', ')}`);
}

/** `--log tickets=exports/oct.csv`, repeatable: source id to paths. */
export function parseLogOverrides(values: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const value of values) {
    const eq = value.indexOf('=');
    if (eq <= 0 || eq === value.length - 1) {
      throw new UsageError(`--log ${value}: expected SOURCE=PATH`, 'e.g. --log tickets=exports/tickets-oct.csv');
    }
    const source = value.slice(0, eq);
    out.set(source, [...(out.get(source) ?? []), value.slice(eq + 1)]);
  }
  return out;
}

/**
 * `--as-of`: an ISO 8601 instant; a time without an offset, or a date alone, is read in the
 * registry timezone, which is known only once the registry is loaded.
 */
export function asOfResolver(value: string | undefined, now: () => Date): (zone: string) => Date {
  if (value === undefined) {
    const instant = now();
    return () => instant;
  }
  const probe = parseIsoTimestamp(value, 'UTC');
  if (!probe.ok) throw new UsageError(`--as-of ${value}: ${timestampProblemText(probe.problem, value.trim(), undefined)}`, 'e.g. --as-of 2026-10-01 or --as-of 2026-10-01T08:00:00Z');
  return (zone) => {
    const r = parseIsoTimestamp(value, zone);
    if (!r.ok) throw new UsageError(`--as-of ${value}: ${timestampProblemText(r.problem, value.trim(), undefined)}`);
    return r.date;
  };
}

export function parseCount(flag: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value)) throw new UsageError(`${flag} ${value}: expected a whole number`);
    return Number(value);
  };
}
