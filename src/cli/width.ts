/** The width terminal tables fit in, decided here once and passed to the formatters (docs/terminal.md). */
import type { Io } from './io.js';

/** The width of output that goes to no terminal (a pipe, a file, a CI log) when COLUMNS does not say. */
export const DEFAULT_WIDTH = 100;
/** Narrower than this, no table is readable; a smaller COLUMNS is taken as this. */
export const MIN_WIDTH = 20;

/**
 * `COLUMNS`, when it is a whole number: a width set on purpose wins, as Python's
 * `shutil.get_terminal_size` and `less` read it; else the terminal's own width when the output
 * goes to it (not with `--out`); else DEFAULT_WIDTH.
 */
export function decideWidth(io: Io, toStdout: boolean): number {
  const columns = io.env.COLUMNS;
  if (columns !== undefined && /^\d+$/.test(columns.trim())) return Math.max(MIN_WIDTH, Number(columns.trim()));
  const tty = io.stdout.columns;
  if (toStdout && io.stdout.isTTY && tty !== undefined && Number.isInteger(tty) && tty > 0) return Math.max(MIN_WIDTH, tty);
  return DEFAULT_WIDTH;
}
