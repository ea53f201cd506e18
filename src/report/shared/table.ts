/**
 * Tables for the terminal (cli-table3): plain borders, bold heads only when colour is on, and
 * never wider than the terminal. A table that does not fit first gets narrower columns (running
 * text and heads wrap at word boundaries); then, for rows that come in runs (a standard's
 * periods), the first column's values become rows above the rows they name; a table that
 * still does not fit is shown one record per block, its fields in a grid that lines up from
 * block to block (docs/terminal.md).
 */
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import stringWidth from 'string-width';

export interface TableOptions {
  chalk: ChalkInstance;
  /** the terminal's width, in columns: no line is wider */
  width: number;
  /** indexes of columns of running text, which wrap at word boundaries */
  wrap?: readonly number[];
  /** the widest a wrapped column grows, in columns */
  wrapWidth?: number;
  /** indexes of right-aligned (numeric) columns */
  right?: readonly number[];
  /** no rule between body rows: for long tables of short rows */
  compact?: boolean;
  /** the columns that name a record: the heading of its block when the table does not fit (default: the first) */
  heading?: readonly number[];
  /**
   * Columns whose values are shared by runs of rows (a standard's periods, and its remedy): when
   * the table does not fit, they may leave the rows for a row above each run that names them.
   */
  group?: readonly number[];
}

/** The narrowest a column of running text gets before the table turns into blocks. */
const MIN_TEXT = 20;
/** Blocks: the indent of a record's fields, and the gap between fields on one line. */
const INDENT = '  ';
const GAP = '   ';

type Cell = string | number;

export function renderTable(head: readonly string[], rows: readonly (readonly Cell[])[], options: TableOptions): string {
  const cells = rows.map((r) => head.map((_, i) => String(r[i] ?? '')));
  const widths = fitColumns(head, cells, options);
  if (widths !== undefined) return renderBox(head, cells, widths, options);
  const group = options.group ?? [];
  const kept = head.map((_, i) => i).filter((i) => !group.includes(i));
  if (group.length > 0 && kept.length > 0 && cells.length > 0) {
    const keep = (indexes: readonly number[] | undefined) => kept.flatMap((i, k) => ((indexes ?? []).includes(i) ? [k] : []));
    const rest = { ...options, wrap: keep(options.wrap), right: keep(options.right) };
    const restHead = kept.map((i) => head[i] ?? '');
    const restCells = cells.map((row) => kept.map((i) => row[i] ?? ''));
    const restWidths = fitColumns(restHead, restCells, rest);
    // the first group column names the run; the others say what they are
    const label = (row: readonly string[]) =>
      group
        .map((i, k) => (k === 0 ? (row[i] ?? '') : row[i] === '' ? '' : `${head[i] ?? ''}: ${row[i] ?? ''}`))
        .filter((part) => part !== '')
        .join('  ');
    if (restWidths !== undefined) {
      const labels = cells.map(label);
      // the row above a run is as wide as the table; a table narrower than a label widens its last column, up to the width
      const spare = options.width - (restWidths.reduce((n, w) => n + w + 3, 0) + 1);
      const short = Math.min(spare, Math.max(0, ...labels.map(textWidth)) - (restWidths.reduce((n, w) => n + w + 3, 0) - 3));
      if (short > 0) restWidths[restWidths.length - 1] = (restWidths.at(-1) ?? 0) + short;
      return renderBox(restHead, restCells, restWidths, rest, labels);
    }
  }
  return renderBlocks(head, cells, options);
}

/** The width on screen of the widest line of `text`. */
function textWidth(text: string): number {
  let widest = 0;
  for (const line of text.split('\n')) widest = Math.max(widest, stringWidth(line));
  return widest;
}

function longestWord(text: string): number {
  let widest = 0;
  for (const word of text.split(/\s+/)) widest = Math.max(widest, stringWidth(word));
  return widest;
}

/** Blanks that make `text` `width` columns wide on screen, before it (right-aligned) or after it. */
function pad(text: string, width: number, right: boolean): string {
  const blanks = ' '.repeat(Math.max(0, width - stringWidth(text)));
  return right ? `${blanks}${text}` : `${text}${blanks}`;
}

/** Breaks a word wider than `width` into pieces that fit. */
function breakWord(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece !== '' && stringWidth(piece + ch) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += ch;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/**
 * Plain text wrapped at word boundaries to lines of at most `width` columns (a word wider is
 * broken); its own line breaks, and runs of blanks inside a line, are kept.
 */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line: string | undefined;
    for (const word of paragraph.split(' ')) {
      if (word === '') {
        if (line !== undefined) line += ' ';
        continue;
      }
      for (const piece of stringWidth(word) > width ? breakWord(word, width) : [word]) {
        if (line === undefined) line = piece;
        else if (stringWidth(`${line} ${piece}`) <= width) line = `${line} ${piece}`;
        else {
          out.push(line.trimEnd());
          line = piece;
        }
      }
    }
    out.push((line ?? '').trimEnd());
  }
  return out;
}

/** A line of text for the terminal, wrapped to `width`: `first` before its first line, `rest` before the others. */
export function fitLine(text: string, width: number, first = '', rest = first): string {
  const room = Math.max(1, width - Math.max(stringWidth(first), stringWidth(rest)));
  return wrapText(text, room)
    .map((line, i) => `${i === 0 ? first : rest}${line}`.trimEnd())
    .join('\n');
}

/**
 * The width of each column's text when the table fits in `options.width`, or undefined when it
 * cannot, even with running text at MIN_TEXT and heads wrapped. Space beyond the narrowest fit
 * goes first to running text (up to its natural width), then to heads, so that they need not wrap.
 */
function fitColumns(head: readonly string[], cells: readonly string[][], options: TableOptions): number[] | undefined {
  const { width, wrap = [], wrapWidth = 60 } = options;
  // cli-table3 draws a border left of every column and one at the end, and a blank either side of each cell
  const room = width - (3 * head.length + 1);
  const data = head.map((_, i) => cells.reduce((w, row) => Math.max(w, textWidth(row[i] ?? '')), 0));
  const natural = head.map((h, i) => (wrap.includes(i) ? Math.max(Math.min(Math.max(data[i] ?? 0, stringWidth(h)), wrapWidth), longestWord(h)) : Math.max(data[i] ?? 0, stringWidth(h))));
  const widths = head.map((h, i) => (wrap.includes(i) ? Math.min(natural[i] ?? 0, Math.max(MIN_TEXT, longestWord(h))) : Math.max(data[i] ?? 0, longestWord(h))));
  let spare = room - widths.reduce((a, b) => a + b, 0);
  if (spare < 0) return undefined;
  for (let grew = true; grew && spare > 0; ) {
    grew = false;
    for (const i of wrap) {
      if (spare > 0 && (widths[i] ?? 0) < (natural[i] ?? 0)) {
        widths[i] = (widths[i] ?? 0) + 1;
        spare--;
        grew = true;
      }
    }
  }
  head.forEach((h, i) => {
    const need = stringWidth(h) - (widths[i] ?? 0);
    if (!wrap.includes(i) && need > 0 && need <= spare) {
      widths[i] = stringWidth(h);
      spare -= need;
    }
  });
  return widths;
}

/** A boxed table; with `groups`, each run of rows sharing a group gets a row above it that names the group. */
function renderBox(head: readonly string[], cells: readonly string[][], widths: readonly number[], options: TableOptions, groups?: readonly string[]): string {
  const { chalk, wrap = [], right = [], compact = false } = options;
  // a row across every column has their widths and the borders between them
  const across = widths.reduce((n, w) => n + w + 2, 0) + widths.length - 1 - 2;
  const table = new Table({
    head: head.map((h, i) => wrapText(h, widths[i] ?? 0).map((line) => chalk.bold(line)).join('\n')),
    style: { head: [], border: [], compact },
    colWidths: widths.map((w) => w + 2),
    colAligns: head.map((_, i) => (right.includes(i) ? 'right' : 'left')),
    wordWrap: false,
  });
  cells.forEach((row, r) => {
    const group = groups?.[r];
    if (group !== undefined && group !== groups?.[r - 1]) {
      table.push([{ colSpan: widths.length, content: wrapText(group, across).map((line) => chalk.bold(line)).join('\n') }]);
    }
    table.push(row.map((c, i) => (wrap.includes(i) ? wrapText(c, widths[i] ?? 0).join('\n') : c)));
  });
  return `${table.toString()}\n`;
}

/**
 * One record per block: its heading (the naming columns, in bold), then its short fields as
 * `label value` in a grid with as many fields to a line as fit, aligned across blocks; then
 * each field of running text, or too wide for the grid, on lines of its own.
 */
function renderBlocks(head: readonly string[], cells: readonly string[][], options: TableOptions): string {
  const { chalk, width, wrap = [], right = [], heading = [0] } = options;
  const fields = head.map((_, i) => i).filter((i) => !heading.includes(i));
  const label = (i: number): number => stringWidth(head[i] ?? '');
  const value = (i: number): number => cells.reduce((w, row) => Math.max(w, textWidth(row[i] ?? '')), 0);
  const isShort = (i: number): boolean =>
    !wrap.includes(i) && !cells.some((row) => (row[i] ?? '').includes('\n')) && INDENT.length + label(i) + 1 + value(i) <= width;
  let short = fields.filter(isShort);
  // the most fields to a line that fit; the fields of a grid column share its label and value widths
  let perLine = Math.max(1, short.length);
  let slots: { label: number; value: number; right: boolean }[] = [];
  for (;;) {
    for (perLine = Math.max(1, short.length); perLine >= 1; perLine--) {
      slots = Array.from({ length: perLine }, (_, j) => {
        const mine = short.filter((_, k) => k % perLine === j);
        // numbers line up on the right only where a grid column holds numbers alone
        return { label: Math.max(0, ...mine.map(label)), value: Math.max(0, ...mine.map(value)), right: mine.every((i) => right.includes(i)) };
      });
      const used = INDENT.length + slots.reduce((n, slot) => n + slot.label + 1 + slot.value, 0) + GAP.length * (perLine - 1);
      if (used <= width) break;
    }
    if (perLine >= 1 || short.length === 0) break;
    // even one field to a line is too wide, its labels and values aligned: the widest value gets lines of its own
    const widestField = short.reduce((a, b) => (value(b) > value(a) ? b : a));
    short = short.filter((i) => i !== widestField);
  }
  perLine = Math.max(1, perLine);
  const long = fields.filter((i) => !short.includes(i));
  const longLabel = Math.max(0, ...long.map(label));
  // running text beside its label when there is room for it, else under it
  const beside = width - INDENT.length - longLabel - 2 >= MIN_TEXT;

  const blocks = cells.map((row) => {
    const lines: string[] = [];
    const title = heading.map((i) => row[i] ?? '').filter((c) => c !== '').join('  ');
    for (const line of stringWidth(title) <= width ? [title] : wrapText(title, width)) lines.push(chalk.bold(line));
    for (let start = 0; start < short.length; start += perLine) {
      const parts = short.slice(start, start + perLine).map((i, j) => {
        const slot = slots[j] as { label: number; value: number; right: boolean };
        const text = row[i] ?? '';
        if (text === '') return ' '.repeat(slot.label + 1 + slot.value);
        return `${pad(head[i] ?? '', slot.label, false)} ${pad(text, slot.value, slot.right)}`;
      });
      const line = `${INDENT}${parts.join(GAP)}`.trimEnd();
      if (line !== '') lines.push(line);
    }
    for (const i of long) {
      const text = row[i] ?? '';
      if (text === '') continue;
      if (beside) {
        const wrapped = wrapText(text, width - INDENT.length - longLabel - 2);
        wrapped.forEach((part, k) => lines.push(`${INDENT}${pad(k === 0 ? (head[i] ?? '') : '', longLabel, false)}  ${part}`.trimEnd()));
      } else {
        lines.push(fitLine(head[i] ?? '', width, INDENT));
        for (const part of wrapText(text, Math.max(1, width - 2 * INDENT.length))) lines.push(`${INDENT}${INDENT}${part}`.trimEnd());
      }
    }
    return lines.join('\n');
  });
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}
