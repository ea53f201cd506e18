/**
 * A condition (`where`, `expect`) as SQL that decides it as src/engine/condition.ts does: a
 * verdict that is 1 (holds), 0 (does not) or the negative number of the reason it cannot be
 * decided. SPEC §1: keys are tested in the order written and testing stops at the first that
 * decides, so `all` and `any` are nested CASEs that return the first verdict that is not 1 (not
 * 0), and a later key's data error never marks a record an earlier key put out of scope.
 *
 * Each test is a column of its own (a leaf is computed once, however often the CASEs read it).
 */
import type { ColumnOp, Condition } from '../registry/condition.js';
import type { Dialect } from './dialect.js';
import { doubleLiteral } from './dialects.js';
import type { Pipeline } from './pipeline.js';
import type { Reasons } from './reasons.js';

/** The columns a condition reads, by registry name, to pipeline columns (trimmed text, and the number it reads as). */
export interface CellColumns {
  text(column: string): string;
  /** the cell as a double, NULL when it is not written as a number or does not fit one */
  number(column: string): string;
  /** the cell is written as a number (src/engine/condition.ts NUMBER) */
  isNumber(column: string): string;
}

const OPS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

export interface ConditionContext {
  dialect: Dialect;
  pipeline: Pipeline;
  cells: CellColumns;
  reasons: Reasons;
  /** the prefix of its columns */
  prefix: string;
  /** `where` wraps a test's problem (where-undecidable); `expect` gives it as it is */
  where: boolean;
}

/** Compiles a condition; returns the name of the pipeline column holding its verdict. */
export function compileCondition(ctx: ConditionContext, condition: Condition): string {
  let n = 0;
  const visit = (c: Condition): { expr: string; deps: string[] } => {
    switch (c.kind) {
      case 'test': {
        const name = ctx.pipeline.column(`${ctx.prefix}_t${++n}`, testSql(ctx, c.column, c.test), testDeps(ctx, c.column, c.test));
        return { expr: name, deps: [name] };
      }
      case 'not': {
        const inner = visit(c.item);
        const name = ctx.pipeline.column(`${ctx.prefix}_n${++n}`, `CASE WHEN ${inner.expr} = 1 THEN 0 WHEN ${inner.expr} = 0 THEN 1 ELSE ${inner.expr} END`, inner.deps);
        return { expr: name, deps: [name] };
      }
      case 'all':
      case 'any': {
        // all: the first verdict that is not 1 decides; any: the first that is not 0
        const go = c.kind === 'all' ? 1 : 0;
        const items = c.items.map(visit);
        if (items.length === 0) {
          const name = ctx.pipeline.column(`${ctx.prefix}_${c.kind === 'all' ? 'a' : 'o'}${++n}`, String(go), []);
          return { expr: name, deps: [name] };
        }
        const name = ctx.pipeline.column(
          `${ctx.prefix}_${c.kind === 'all' ? 'a' : 'o'}${++n}`,
          `CASE ${items.map((i) => `WHEN ${i.expr} <> ${go} THEN ${i.expr}`).join(' ')} ELSE ${go} END`,
          items.flatMap((i) => i.deps),
        );
        return { expr: name, deps: [name] };
      }
    }
  };
  return visit(condition).expr;
}

function testDeps(ctx: ConditionContext, column: string, test: ColumnOp): string[] {
  const text = ctx.cells.text(column);
  switch (test.op) {
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return [text, ctx.cells.isNumber(column), ctx.cells.number(column)];
    default:
      return [text];
  }
}

function testSql(ctx: ConditionContext, column: string, test: ColumnOp): string {
  const d = ctx.dialect;
  const cell = ctx.cells.text(column);
  const bool = (cond: string): string => `CASE WHEN ${cond} THEN 1 ELSE 0 END`;
  switch (test.op) {
    case 'eq':
      return bool(`${cell} = ${d.string(test.value)}`);
    case 'ne':
      return bool(`${cell} <> ${d.string(test.value)}`);
    case 'in':
      return test.values.length === 0 ? '0' : bool(`${cell} IN (${test.values.map((v) => d.string(v)).join(', ')})`);
    case 'not_in':
      return test.values.length === 0 ? '1' : bool(`${cell} NOT IN (${test.values.map((v) => d.string(v)).join(', ')})`);
    case 'empty':
      return bool(test.value ? `${cell} = ''` : `${cell} <> ''`);
    case 'matches': {
      const sql = d.re2(cell, test.pattern);
      if (sql === undefined) throw new RangeError(`${d.name} has no regular expressions that read "${test.pattern}" as RE2 does`);
      return bool(sql);
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const args = { column, op: test.op, value: test.value };
      const empty = ctx.reasons.compare('compare-empty', args, cell, ctx.where);
      const nan = ctx.reasons.compare('compare-not-a-number', args, cell, ctx.where);
      const range = ctx.reasons.compare('compare-out-of-range', args, cell, ctx.where);
      const number = ctx.cells.number(column);
      return `CASE WHEN ${cell} = '' THEN -${empty} WHEN NOT ${ctx.cells.isNumber(column)} THEN -${nan} WHEN ${number} IS NULL THEN -${range} WHEN ${number} ${OPS[test.op]} ${doubleLiteral(d, test.value)} THEN 1 ELSE 0 END`;
    }
  }
}
