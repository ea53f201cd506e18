import type { ChalkInstance } from 'chalk';
import type { Io } from './io.js';

/** What a command gets from the top: the process, colour, the clock, and where to put its exit code. */
export interface CommandContext {
  io: Io;
  /** the Chalk instance for this run, given the command's --no-color */
  chalk(colorFlag: boolean): ChalkInstance;
  tool: { name: string; version: string };
  /** the clock, read only when --as-of is not given */
  now(): Date;
  setExitCode(code: number): void;
}
