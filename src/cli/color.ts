/** Colour is decided once, here, and passed to formatters as a Chalk instance. */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Io } from './io.js';

const set = (value: string | undefined): value is string => value !== undefined && value !== '';

/**
 * `--no-color` and `NO_COLOR` turn colour off; `FORCE_COLOR=0` (or `false`) turns it off too,
 * and any other `FORCE_COLOR` turns it on where the output is no terminal; else colour is on
 * when the output goes to a terminal that can show it (not a file written with --out).
 */
export function decideColor(io: Io, flag: boolean, toStdout = true): ChalkInstance {
  const env = io.env;
  let on: boolean;
  if (!flag || set(env.NO_COLOR)) on = false;
  else if (set(env.FORCE_COLOR)) on = env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  else on = toStdout && io.stdout.isTTY && env.TERM !== 'dumb';
  return new Chalk({ level: on ? 1 : 0 });
}
