/**
 * What each measure kind means (SPEC §1 table), in one place: the columns it reads and their
 * roles, the column that dates a record, its limits, and how it reads in words. A closed map
 * keyed by `measure.kind`, as formats are keyed by name; the engine, the `unknown-column` rule
 * and the formatters ask it rather than switch on the kind themselves.
 */
import { conditionColumns, describeCondition } from '../registry/condition.js';
import type { Duration } from '../registry/duration.js';
import type { Measure, Standard } from '../registry/model.js';

/** What a column is to its measure. */
type ColumnRole = 'start' | 'end' | 'due' | 'paused' | 'per' | 'of' | 'expect';

/** A column a measure names: the field that names it (`from`, `due`…), its role, its name. */
interface MeasureColumn {
  field: string;
  role: ColumnRole;
  column: string;
}

/** A standard's `within`: one limit, or a limit per value of the `per` column. */
export interface Limits {
  single: Duration | undefined;
  byValue: ReadonlyMap<string, Duration>;
  /** the `default` of a map; undefined when it names none (a value it does not name is out of scope) */
  fallback: Duration | undefined;
}

type MeasureOf<K extends Measure['kind']> = Extract<Measure, { kind: K }>;

export interface MeasureKind<M extends Measure = Measure> {
  /**
   * The columns the measure's own fields name, in the order they are written, and the columns
   * its `expect` reads; a field left out is not listed. A column may have two roles (a deadline
   * without `start` is dated by its `due`).
   */
  columns(m: M): MeasureColumn[];
  /** SPEC §1: the column that dates a record */
  startColumn(m: M): string;
  /** `within` as limits; undefined for a kind without one */
  limits(m: M): Limits | undefined;
  /** the column whose value selects the limit (`per`) */
  perColumn(m: M): string | undefined;
  /** the business calendar its time is counted on */
  calendar(m: M): string | undefined;
  /** a record on its own is met or breached (an average judges only the period) */
  judgesRecords: boolean;
  /** SPEC §2 `skipped`: the role of the columns that, all empty, leave nothing to judge; undefined when a record always has something */
  skippedWhenEmpty: ColumnRole | undefined;
  /** the measure in words: `opened_at → first_response_at within 1bd on office` */
  describe(m: M): string;
}

/** `within` in words: `4h`, or `P1 1h, P2 4h, default 1bd`. */
export function describeWithin(within: Duration | Record<string, Duration>): string {
  if (typeof within.text === 'string') return (within as Duration).text;
  return Object.entries(within as Record<string, Duration>)
    .map(([k, d]) => `${k} ${d.text}`)
    .join(', ');
}

const named = (entries: [field: string, role: ColumnRole, column: string | undefined][]): MeasureColumn[] =>
  entries.flatMap(([field, role, column]) => (column === undefined ? [] : [{ field, role, column }]));

const duration: MeasureKind<MeasureOf<'duration'>> = {
  columns: (m) => named([['from', 'start', m.from], ['to', 'end', m.to], ['paused', 'paused', m.paused], ['per', 'per', m.per]]),
  startColumn: (m) => m.from,
  limits(m) {
    if (typeof m.within.text === 'string') return { single: m.within as Duration, byValue: new Map(), fallback: undefined };
    const map = m.within as Record<string, Duration>;
    const byValue = new Map(Object.entries(map).filter(([k]) => k !== 'default'));
    // Own keys only: a map that names no `default` has none, whatever its prototype holds.
    return { single: undefined, byValue, fallback: Object.hasOwn(map, 'default') ? map.default : undefined };
  },
  perColumn: (m) => m.per,
  calendar: (m) => m.calendar,
  judgesRecords: true,
  skippedWhenEmpty: undefined,
  describe(m) {
    const limit = m.per === undefined ? describeWithin(m.within) : `${describeWithin(m.within)} by ${m.per}`;
    const calendar = m.calendar === undefined ? '' : ` on ${m.calendar}`;
    const paused = m.paused === undefined ? '' : `, less ${m.paused}`;
    return `${m.from} → ${m.to} within ${limit}${calendar}${paused}`;
  },
};

const deadline: MeasureKind<MeasureOf<'deadline'>> = {
  columns: (m) => named([['start', 'start', m.start], ['due', 'due', m.due], ['done', 'end', m.done]]),
  startColumn: (m) => m.start ?? m.due,
  limits: () => undefined,
  perColumn: () => undefined,
  calendar: () => undefined,
  judgesRecords: true,
  skippedWhenEmpty: 'due',
  describe(m) {
    const grace = m.grace === undefined ? '' : ` + ${m.grace.text}`;
    return `${m.done} by ${m.due}${m.due_is_date === true ? ' (end of day)' : ''}${grace}`;
  },
};

const condition: MeasureKind<MeasureOf<'condition'>> = {
  columns: (m) => [{ field: 'at', role: 'start', column: m.at }, ...conditionColumns(m.expect).map((column) => ({ field: 'expect', role: 'expect' as const, column }))],
  startColumn: (m) => m.at,
  limits: () => undefined,
  perColumn: () => undefined,
  calendar: () => undefined,
  judgesRecords: true,
  skippedWhenEmpty: 'expect',
  describe: (m) => describeCondition(m.expect),
};

/** A kind that judges the period from one number per record, read from `of` (average, nps). */
const periodValue = {
  columns: (m: { at: string; of: string }) => named([['at', 'start', m.at], ['of', 'of', m.of]]),
  startColumn: (m: { at: string }) => m.at,
  limits: () => undefined,
  perColumn: () => undefined,
  calendar: () => undefined,
  judgesRecords: false,
  skippedWhenEmpty: 'of',
} as const;

const average: MeasureKind<MeasureOf<'average'>> = {
  ...periodValue,
  describe: (m) => (m.at_least !== undefined ? `mean ${m.of} ≥ ${m.at_least}` : `mean ${m.of} ≤ ${m.at_most ?? ''}`),
};

const nps: MeasureKind<MeasureOf<'nps'>> = {
  ...periodValue,
  describe: (m) => `NPS of ${m.of} ≥ ${m.at_least}`,
};

/** Every measure kind: adding one is an object here (and its judging in engine/measures.ts). */
const MEASURE_KINDS: { readonly [K in Measure['kind']]: MeasureKind<MeasureOf<K>> } = { duration, deadline, condition, average, nps };

/** The kind of a measure, typed for that measure. */
export function kindOf(m: Measure): MeasureKind {
  return MEASURE_KINDS[m.kind] as MeasureKind;
}

/**
 * Every column a standard reads from its source's header, once each: its measure's own fields
 * in the order they are written, then its `where`, then its `expect`.
 */
export function standardColumns(s: Pick<Standard, 'measure' | 'where'>): string[] {
  const columns = kindOf(s.measure).columns(s.measure);
  const own = columns.filter((c) => c.role !== 'expect').map((c) => c.column);
  const expect = columns.filter((c) => c.role === 'expect').map((c) => c.column);
  return [...new Set([...own, ...(s.where === undefined ? [] : conditionColumns(s.where)), ...expect])];
}
