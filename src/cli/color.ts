/** Colour is decided once, here, and passed to formatters as a Chalk instance. */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Io } from './io.js';

export function decideColor(io: Io, flag: boolean): ChalkInstance {
  const env = io.env;
  let on: boolean;
  if (!flag || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) on = false;
  else if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') on = true;
  else on = io.stdout.isTTY && env.TERM !== 'dumb';
  return new Chalk({ level: on ? 1 : 0 });
}
