/** Tables for the terminal (cli-table3): plain borders, bold heads only when colour is on. */
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';

export interface TableOptions {
  chalk: ChalkInstance;
  /** indexes of columns whose text wraps at a fixed width */
  wrap?: readonly number[];
  /** width of a wrapped column, in characters */
  wrapWidth?: number;
  /** indexes of right-aligned (numeric) columns */
  right?: readonly number[];
  /** no rule between body rows: for long tables of short rows */
  compact?: boolean;
}

export function renderTable(head: readonly string[], rows: readonly (readonly (string | number)[])[], options: TableOptions): string {
  const { chalk, wrap = [], wrapWidth = 60, right = [], compact = false } = options;
  const colWidths = head.map((_, i) => (wrap.includes(i) ? wrapWidth : null));
  const table = new Table({
    head: head.map((h) => chalk.bold(h)),
    style: { head: [], border: [], compact },
    colWidths,
    colAligns: head.map((_, i) => (right.includes(i) ? 'right' : 'left')),
    wordWrap: true,
    wrapOnWordBoundary: true,
  });
  for (const row of rows) table.push(row.map((c) => String(c)));
  return `${table.toString()}\n`;
}
