/**
 * Conditions (`where`, `expect`) run against a row's cells. SPEC §1: keys are tested in the
 * order written and testing stops at the first that decides; equality compares text; the
 * numeric operators need a number, and a cell that is not one is a data error for the
 * record, never a silent false.
 */
import type { ColumnOp, Condition } from '../registry/condition.js';
import { compilePattern } from './pattern.js';

/** The verdict of a condition on one row: `true`, `false`, or why it cannot be decided. */
export type Verdict = boolean | { error: string };

export type RowCondition = (cells: readonly string[]) => Verdict;

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A cell as a finite number, or undefined when it is not one (empty included). A number too
 * large for a double (`1e999`) is not read as Infinity: it would compare as greater than every
 * bound and turn a mean into Infinity (see `numberProblem` for why a cell is refused).
 */
export function parseNumber(cell: string): number | undefined {
  const text = cell.trim();
  if (!NUMBER.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** True for a trimmed cell that parseNumber refused although it is written as a number: one too large to hold. */
export function isOutOfRange(text: string): boolean {
  return NUMBER.test(text);
}

/** Why a trimmed, non-empty cell that parseNumber refused is not a number: out of range, or not written as one. */
export function numberProblem(text: string): string {
  return isOutOfRange(text) ? 'is out of range: a number must be finite, at most about 1.8e308 either side of 0' : 'is not a number';
}

const OP_SIGNS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

function compileTest(column: string, index: number, test: ColumnOp): RowCondition {
  const cell = (cells: readonly string[]): string => (cells[index] ?? '').trim();
  switch (test.op) {
    case 'eq': {
      const v = test.value;
      return (cells) => cell(cells) === v;
    }
    case 'ne': {
      const v = test.value;
      return (cells) => cell(cells) !== v;
    }
    case 'in': {
      const set = new Set(test.values);
      return (cells) => set.has(cell(cells));
    }
    case 'not_in': {
      const set = new Set(test.values);
      return (cells) => !set.has(cell(cells));
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const { op, value } = test;
      const sign = OP_SIGNS[op];
      return (cells) => {
        const text = cell(cells);
        const n = parseNumber(text);
        if (n === undefined) {
          return { error: text === '' ? `${column} is empty, so it cannot be compared (${sign} ${value})` : `${column} "${text}" ${numberProblem(text)} (${sign} ${value})` };
        }
        switch (op) {
          case 'gt':
            return n > value;
          case 'gte':
            return n >= value;
          case 'lt':
            return n < value;
          case 'lte':
            return n <= value;
        }
      };
    }
    case 'matches': {
      // The registry accepted the pattern with the same engine (schema.ts), so it compiles.
      const compiled = compilePattern(test.pattern);
      if (!compiled.ok) throw new RangeError(`${column}: ${compiled.message}`);
      const matches = compiled.test;
      return (cells) => matches(cell(cells));
    }
    case 'empty': {
      const want = test.value;
      return (cells) => (cell(cells) === '') === want;
    }
  }
}

/**
 * Compiles a condition for one file's header. `columnIndex` gives each column's position;
 * a column the header lacks, or has twice, is refused here (`promise check` reports it as
 * `unknown-column`).
 * `read`, when given, collects the positions of the columns the condition reads.
 */
export function compileRowCondition(condition: Condition, columnIndex: ReadonlyMap<string, number>, read?: Set<number>): RowCondition {
  switch (condition.kind) {
    case 'test': {
      const index = columnIndex.get(condition.column);
      if (index === undefined) throw new RangeError(`column "${condition.column}" is not in the header, or is there more than once`);
      read?.add(index);
      return compileTest(condition.column, index, condition.test);
    }
    case 'not': {
      const inner = compileRowCondition(condition.item, columnIndex, read);
      return (cells) => {
        const v = inner(cells);
        return typeof v === 'boolean' ? !v : v;
      };
    }
    case 'all': {
      const items = condition.items.map((c) => compileRowCondition(c, columnIndex, read));
      return (cells) => {
        for (const item of items) {
          const v = item(cells);
          if (v !== true) return v;
        }
        return true;
      };
    }
    case 'any': {
      const items = condition.items.map((c) => compileRowCondition(c, columnIndex, read));
      return (cells) => {
        for (const item of items) {
          const v = item(cells);
          if (v !== false) return v;
        }
        return false;
      };
    }
  }
}
