/**
 * A query as layers of computed columns: each column is placed in the first layer after the
 * columns it reads, each layer a CTE selecting everything of the one before plus its own columns
 * (and the columns of the tables it joins). So an expression read many times is computed once,
 * whatever the dialect (few let a SELECT read its own aliases), and a CASE that reads a column
 * twice reads a name, not the expression again.
 */

interface Column {
  name: string;
  expr: string;
  level: number;
  /** a comment shown beside it in the SQL */
  note: string | undefined;
}

interface Join {
  alias: string;
  table: string;
  on: string;
  level: number;
  /** the joined table's columns it brings, each selected as `alias_column` */
  columns: readonly string[];
}

export class Pipeline {
  private readonly levels = new Map<string, number>();
  private readonly columns: Column[] = [];
  private readonly joins: Join[] = [];

  /** `base`: the CTE the pipeline starts from; `baseColumns`: the columns it has */
  constructor(
    private readonly base: string,
    baseColumns: readonly string[],
    private readonly prefix: string,
  ) {
    for (const c of baseColumns) this.levels.set(c, 0);
  }

  private levelOf(deps: readonly string[]): number {
    let level = 0;
    for (const d of deps) {
      const l = this.levels.get(d);
      if (l === undefined) throw new RangeError(`pipeline: column "${d}" is not defined before it is read`);
      level = Math.max(level, l);
    }
    return level + 1;
  }

  has(name: string): boolean {
    return this.levels.has(name);
  }

  /** The pipeline's columns (its base's too) that the SQL texts name, in the order they were defined. */
  readIn(texts: readonly string[]): string[] {
    const named = new Set(texts.flatMap((t) => t.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []));
    return [...this.levels.keys()].filter((c) => named.has(c));
  }

  /** Adds a column computed from `deps`; returns its name. */
  column(name: string, expr: string, deps: readonly string[], note?: string): string {
    if (this.levels.has(name)) throw new RangeError(`pipeline: column "${name}" is defined twice`);
    const level = this.levelOf(deps);
    this.levels.set(name, level);
    // a note is one line of a comment, whatever names it holds
    this.columns.push({ name, expr, level, note: note?.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g, '?') });
    return name;
  }

  /** LEFT JOINs a table on a condition over `deps`; its columns become `alias_column`. */
  join(alias: string, table: string, on: string, deps: readonly string[], columns: readonly string[]): void {
    const level = this.levelOf(deps);
    this.joins.push({ alias, table, on, level, columns });
    for (const c of columns) {
      const name = `${alias}_${c}`;
      if (this.levels.has(name)) throw new RangeError(`pipeline: column "${name}" is defined twice`);
      this.levels.set(name, level);
    }
  }

  /** The layers as CTEs, the last one named `last`; `last` is the base when nothing was added. */
  ctes(last: string): { name: string; body: string }[] {
    const top = Math.max(0, ...this.columns.map((c) => c.level), ...this.joins.map((j) => j.level));
    const out: { name: string; body: string }[] = [];
    let previous = this.base;
    for (let level = 1; level <= top; level++) {
      const name = level === top ? last : `${this.prefix}${level}`;
      const cols = this.columns.filter((c) => c.level === level);
      const joins = this.joins.filter((j) => j.level === level);
      const select = [
        'p.*',
        ...joins.flatMap((j) => j.columns.map((c) => `${j.alias}.${c} AS ${j.alias}_${c}`)),
        ...cols.map((c) => `${c.expr} AS ${c.name}${c.note === undefined ? '' : ` -- ${c.note}`}`),
      ];
      const from = [`FROM ${previous} AS p`, ...joins.map((j) => `LEFT JOIN ${j.table} AS ${j.alias} ON ${j.on}`)];
      out.push({ name, body: `SELECT\n${select.map((s, i) => `    ${s}${i < select.length - 1 && !s.includes(' -- ') ? ',' : ''}`).map(fixComma).join('\n')}\n  ${from.join('\n  ')}` });
      previous = name;
    }
    return out;
  }
}

/** A select item with a trailing comment keeps its comma before the comment. */
function fixComma(line: string, index: number, lines: string[]): string {
  const at = line.indexOf(' -- ');
  if (at === -1 || index === lines.length - 1) return line;
  return `${line.slice(0, at)},${line.slice(at)}`;
}
