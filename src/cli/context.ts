import type { ChalkInstance } from 'chalk';
import type { Io } from './io.js';

/** What a command gets from the top: the process, colour, width, the clock, notes, and where to put its exit code. */
export interface CommandContext {
  io: Io;
  /** the Chalk instance for this run, given the command's --no-color and --out */
  chalk(colorFlag: boolean, out?: string): ChalkInstance;
  /** the width tables fit in, given the command's --out */
  width(out: string | undefined): number;
  tool: { name: string; version: string };
  /** the clock, read only when --as-of is not given */
  now(): Date;
  /** a warning or note for stderr, escaped for the terminal; nothing with --quiet */
  note(text: string): void;
  /** --quiet: errors only */
  quiet(): boolean;
  setExitCode(code: number): void;
}
