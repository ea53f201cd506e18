/**
 * Conditions (`where`, `expect`) compiled to a small tree, keeping the order the user wrote:
 * SPEC §1 tests the keys in that order and stops at the first that fails.
 */

export type ColumnOp =
  | { op: 'eq' | 'ne'; value: string }
  | { op: 'in' | 'not_in'; values: readonly string[] }
  | { op: 'gt' | 'gte' | 'lt' | 'lte'; value: number }
  /** an RE2 pattern (src/engine/pattern.ts); text, so that a standard passes to a worker thread as plain data */
  | { op: 'matches'; pattern: string }
  | { op: 'empty'; value: boolean };

export type Condition =
  | { kind: 'all'; items: readonly Condition[] }
  | { kind: 'any'; items: readonly Condition[] }
  | { kind: 'not'; item: Condition }
  | { kind: 'test'; column: string; test: ColumnOp };

const text = (v: unknown): string => String(v);

function compileOps(column: string, ops: Record<string, unknown>): Condition[] {
  const out: Condition[] = [];
  for (const [op, value] of Object.entries(ops)) {
    switch (op) {
      case 'eq':
      case 'ne':
        out.push({ kind: 'test', column, test: { op, value: text(value) } });
        break;
      case 'in':
      case 'not_in':
        out.push({ kind: 'test', column, test: { op, values: (value as unknown[]).map(text) } });
        break;
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte':
        out.push({ kind: 'test', column, test: { op, value: value as number } });
        break;
      case 'matches':
        out.push({ kind: 'test', column, test: { op, pattern: value as string } });
        break;
      case 'empty':
        out.push({ kind: 'test', column, test: { op, value: value as boolean } });
        break;
    }
  }
  return out;
}

/**
 * The order of a mapping's keys as written, when the YAML node says so. A plain object
 * would list integer-like keys (a column named "2024") first; the node keeps the file's order.
 */
export type KeyOrder = (path: readonly (string | number)[]) => string[] | undefined;

/** Compiles a condition that the schema has already accepted; key order is the order written. */
export function compileCondition(raw: Record<string, unknown>, order?: KeyOrder, path: readonly (string | number)[] = []): Condition {
  const written = order?.(path);
  const keys = written !== undefined && written.length === Object.keys(raw).length && written.every((k) => Object.hasOwn(raw, k)) ? written : Object.keys(raw);
  const items: Condition[] = [];
  for (const key of keys) {
    const value = raw[key];
    if (key === 'any' || key === 'all') {
      items.push({ kind: key, items: (value as Record<string, unknown>[]).map((item, i) => compileCondition(item, order, [...path, key, i])) });
    } else if (key === 'not') {
      items.push({ kind: 'not', item: compileCondition(value as Record<string, unknown>, order, [...path, key]) });
    } else if (Array.isArray(value)) {
      items.push({ kind: 'test', column: key, test: { op: 'in', values: value.map(text) } });
    } else if (value !== null && typeof value === 'object') {
      items.push(...compileOps(key, value as Record<string, unknown>));
    } else {
      items.push({ kind: 'test', column: key, test: { op: 'eq', value: text(value) } });
    }
  }
  return items.length === 1 ? (items[0] as Condition) : { kind: 'all', items };
}

/** Every column a condition reads, in the order written, each once. */
export function conditionColumns(condition: Condition): string[] {
  const seen = new Set<string>();
  const visit = (c: Condition): void => {
    switch (c.kind) {
      case 'all':
      case 'any':
        c.items.forEach(visit);
        break;
      case 'not':
        visit(c.item);
        break;
      case 'test':
        seen.add(c.column);
        break;
    }
  };
  visit(condition);
  return [...seen];
}

const OP_WORDS = { eq: '=', ne: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤' } as const;

/** A condition in words, in the order its keys are tested: `channel = email and priority in [P1, P2]`. */
export function describeCondition(c: Condition): string {
  switch (c.kind) {
    case 'all':
      return c.items.map((i) => (i.kind === 'any' ? `(${describeCondition(i)})` : describeCondition(i))).join(' and ');
    case 'any':
      return c.items.map((i) => (i.kind === 'all' ? `(${describeCondition(i)})` : describeCondition(i))).join(' or ');
    case 'not':
      return `not (${describeCondition(c.item)})`;
    case 'test': {
      const t = c.test;
      switch (t.op) {
        case 'eq':
        case 'ne':
          return `${c.column} ${OP_WORDS[t.op]} ${t.value}`;
        case 'gt':
        case 'gte':
        case 'lt':
        case 'lte':
          return `${c.column} ${OP_WORDS[t.op]} ${t.value}`;
        case 'in':
          return `${c.column} in [${t.values.join(', ')}]`;
        case 'not_in':
          return `${c.column} not in [${t.values.join(', ')}]`;
        case 'matches':
          return `${c.column} matches /${t.pattern}/`;
        case 'empty':
          return t.value ? `${c.column} is empty` : `${c.column} is not empty`;
      }
    }
  }
}

