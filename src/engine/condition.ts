/**
 * Conditions (`where`, `expect`) run against a row's cells. SPEC §1: keys are tested in the
 * order written and testing stops at the first that decides; equality compares text; the
 * numeric operators need a number, and a cell that is not one is a data error for the
 * record, never a silent false.
 */
import type { ConditionProblem } from '../model/evaluation.js';
import type { ColumnOp, Condition } from '../registry/condition.js';
import { compilePattern } from './pattern.js';

/** The verdict of a condition on one row: `true`, `false`, or why it cannot be decided. */
export type Verdict = boolean | ConditionProblem;

/** One test of a condition as it ran on a row: what `promise explain` shows of a scope. */
export interface TestRun {
  column: string;
  test: ColumnOp;
  /** the cell read, trimmed */
  cell: string;
  /** the verdict of the test itself */
  verdict: Verdict;
  /** under an odd number of `not`s: the test counts the other way round */
  negated: boolean;
}

/** The cells of one row, as a condition reads them (a RowView reads them in place). */
export interface RowCells {
  /** the cell, trimmed; '' past the row's last cell */
  trimmed(index: number): string;
  /** whether the trimmed cell is `value`, without making a string of it */
  is(index: number, value: string): boolean;
  /** the position in `values` of the first the trimmed cell is, or -1, without making a string of it */
  indexOf(index: number, values: readonly string[]): number;
  /** the trimmed cell as `parseNumber` reads it */
  number(index: number): number | undefined;
}

/** Cells given as strings (a test, an example). */
export function cellsOf(cells: readonly string[]): RowCells {
  const trimmed = (index: number): string => (cells[index] ?? '').trim();
  return { trimmed, is: (index, value) => trimmed(index) === value, indexOf: (index, values) => values.indexOf(trimmed(index)), number: (index) => parseNumber(trimmed(index)) };
}

/**
 * `tests`, when given, receives every test run, in order. Testing stops at the first test that
 * decides, so the last one run decided the verdict.
 */
export type RowCondition = (cells: RowCells, tests?: TestRun[]) => Verdict;

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A cell as a finite number, or undefined when it is not one (empty included). A number too
 * large for a double (`1e999`) is not read as Infinity: it would compare as greater than every
 * bound and turn a mean into Infinity (see `isOutOfRange`).
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

/** One-of sets up to this size are tested value by value in place, larger ones by a Set of strings. */
const SMALL_SET = 8;

/** Notes a test as it ran, for an explanation; off the path of a run without one. */
function noted(tests: TestRun[], cells: RowCells, column: string, index: number, test: ColumnOp, verdict: Verdict): Verdict {
  tests.push({ column, test, cell: cells.trimmed(index), verdict, negated: false });
  return verdict;
}

/** One test of one cell, as one closure: a row is tested by a call, not a chain of them. */
function compileCellTest(column: string, index: number, test: ColumnOp): RowCondition {
  switch (test.op) {
    case 'eq': {
      const v = test.value;
      return (cells, tests) => {
        const verdict = cells.is(index, v);
        return tests === undefined ? verdict : noted(tests, cells, column, index, test, verdict);
      };
    }
    case 'ne': {
      const v = test.value;
      return (cells, tests) => {
        const verdict = !cells.is(index, v);
        return tests === undefined ? verdict : noted(tests, cells, column, index, test, verdict);
      };
    }
    case 'in':
    case 'not_in': {
      const values = [...new Set(test.values)];
      const want = test.op === 'in';
      if (values.length <= SMALL_SET) {
        return (cells, tests) => {
          const verdict = (cells.indexOf(index, values) >= 0) === want;
          return tests === undefined ? verdict : noted(tests, cells, column, index, test, verdict);
        };
      }
      const set = new Set(values);
      return (cells, tests) => {
        const verdict = set.has(cells.trimmed(index)) === want;
        return tests === undefined ? verdict : noted(tests, cells, column, index, test, verdict);
      };
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const { op, value } = test;
      return (cells, tests) => {
        const n = cells.number(index);
        let verdict: Verdict;
        if (n === undefined) {
          const text = cells.trimmed(index);
          const args = { column, text, op, value };
          verdict = text === '' ? { code: 'compare-empty', args } : { code: isOutOfRange(text) ? 'compare-out-of-range' : 'compare-not-a-number', args };
        } else verdict = op === 'gt' ? n > value : op === 'gte' ? n >= value : op === 'lt' ? n < value : n <= value;
        return tests === undefined ? verdict : noted(tests, cells, column, index, test, verdict);
      };
    }
    case 'matches': {
      // The registry accepted the pattern with the same engine (schema.ts), so it compiles.
      const compiled = compilePattern(test.pattern);
      if (!compiled.ok) throw new RangeError(`${column}: ${compiled.message}`);
      const matches = compiled.test;
      return (cells, tests) => {
        const verdict = matches(cells.trimmed(index));
        return tests === undefined ? verdict : noted(tests, cells, column, index, test, verdict);
      };
    }
    case 'empty': {
      const want = test.value;
      return (cells, tests) => {
        const verdict = cells.is(index, '') === want;
        return tests === undefined ? verdict : noted(tests, cells, column, index, test, verdict);
      };
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
      return compileCellTest(condition.column, index, condition.test);
    }
    case 'not': {
      const inner = compileRowCondition(condition.item, columnIndex, read);
      return (cells, tests) => {
        const from = tests?.length ?? 0;
        const v = inner(cells, tests);
        if (tests !== undefined) for (let i = from; i < tests.length; i++) (tests[i] as TestRun).negated = !(tests[i] as TestRun).negated;
        return typeof v === 'boolean' ? !v : v;
      };
    }
    case 'all': {
      const items = condition.items.map((c) => compileRowCondition(c, columnIndex, read));
      return (cells, tests) => {
        for (const item of items) {
          const v = item(cells, tests);
          if (v !== true) return v;
        }
        return true;
      };
    }
    case 'any': {
      const items = condition.items.map((c) => compileRowCondition(c, columnIndex, read));
      return (cells, tests) => {
        for (const item of items) {
          const v = item(cells, tests);
          if (v !== false) return v;
        }
        return false;
      };
    }
  }
}
