/**
 * The engine-neutral finish (SPEC §2): the gap rows rolled up per promise (kept, broken,
 * unmeasured, in progress), per owner and per SERVQUAL dimension, each over a period. `gaps`
 * rolls up over the periods its rows have; the report over its own period and the trend's (the
 * summary periods). Both go through `promiseIn` and `countsIn`, so a promise kept in a period is
 * kept in every output that shows that period, and no formatter rolls anything up again.
 */
import { compareText as compare } from '../model/diagnostic.js';
import { byLine } from '../model/evaluation.js';
import type {
  DimensionRollup,
  Evaluation,
  GapRow,
  OwnerRollup,
  PeriodKind,
  PeriodRef,
  PeriodRollups,
  PeriodStatus,
  PromiseRollup,
  PromiseStatus,
  RollupCounts,
  StandardRollup,
} from '../model/evaluation.js';
import type { ServicePromise, Standard } from '../registry/model.js';

const KIND_ORDER = { year: 0, quarter: 1, month: 2, week: 3 } as const;
const LENGTH: Record<PeriodKind, number> = { week: 0, month: 1, quarter: 2, year: 3 };

/** Roll-up rows of one name: the longer periods first (a quarter, then its months), each in time order. */
function compareRollupPeriods(a: PeriodRef, b: PeriodRef): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.startMs - b.startMs;
}

/**
 * Which standards take part in a period, and which decide it. SPEC §2 keeps a promise in a period
 * when every standard measuring it is met. Over periods of several lengths, a standard takes part
 * in a period of its length or a longer one through its own periods there (a monthly standard's
 * three months take part in the quarter) when it has any; a longer one is decided in its own
 * period (a yearly standard is not met in a quarter). A promise, an owner or a dimension is rolled
 * up over a period when one of its standards takes part in it; then every standard of the
 * period's length decides it too, with no data when it had nothing in scope there.
 */
function takesPart(s: StandardIn, period: PeriodRef): boolean {
  return s.rows.length > 0 && LENGTH[s.standard.period] <= LENGTH[period.kind];
}

function decides(s: StandardIn, period: PeriodRef): boolean {
  return LENGTH[s.standard.period] === LENGTH[period.kind] || takesPart(s, period);
}

const overlaps = (p: PeriodRef, outer: PeriodRef): boolean => p.startMs < outer.endMs && p.endMs > outer.startMs;

/**
 * A standard's status over a period from its own periods in it: missed if any missed, met if all
 * met, else at risk or on track while one runs; no data when none had anything to judge.
 */
export function combinedStatus(statuses: readonly PeriodStatus[]): PeriodStatus {
  if (statuses.includes('missed')) return 'missed';
  const judged = statuses.filter((s) => s !== 'no-data');
  if (judged.length === 0) return 'no-data';
  if (statuses.every((s) => s === 'met')) return 'met';
  if (statuses.includes('at-risk')) return 'at-risk';
  if (statuses.includes('on-track')) return 'on-track';
  return 'no-data';
}

/**
 * A promise in one period. SPEC §2: kept when every standard measuring it has status `met`.
 * A missed standard breaks it; a running period leaves it in progress; a finished period in
 * which some standard had nothing to judge cannot be called kept, so it is unmeasured.
 */
export function promiseStatus(statuses: readonly PeriodStatus[]): PromiseStatus {
  if (statuses.length === 0) return 'unmeasured';
  if (statuses.includes('missed')) return 'broken';
  if (statuses.every((s) => s === 'met')) return 'kept';
  if (statuses.some((s) => s === 'on-track' || s === 'at-risk')) return 'in-progress';
  return 'unmeasured';
}

/** The gap rows of each standard, in time order. */
class RowIndex {
  private readonly rows = new Map<string, GapRow[]>();

  constructor(gaps: readonly GapRow[]) {
    for (const row of gaps) {
      const list = this.rows.get(row.standard) ?? [];
      list.push(row);
      this.rows.set(row.standard, list);
    }
  }

  of(standard: string): readonly GapRow[] {
    return this.rows.get(standard) ?? [];
  }
}

interface StandardIn {
  standard: Standard;
  status: PeriodStatus;
  /** its own rows that overlap the period */
  rows: readonly GapRow[];
}

function standardIn(standard: Standard, period: PeriodRef, index: RowIndex): StandardIn {
  const rows = index.of(standard.id).filter((r) => overlaps(r.period, period));
  return { standard, status: combinedStatus(rows.map((r) => r.status)), rows };
}

/** A promise that no standard measures: SPEC §2 reports it unmeasured, never kept, in no period. */
function unmeasured(promise: ServicePromise): PromiseRollup {
  return { promise: promise.id, owner: promise.owner, dimension: promise.dimension, period: undefined, status: 'unmeasured', standards: [] };
}

/** A promise over a period, or undefined when none of its standards takes part in it. */
function promiseIn(promise: ServicePromise, mine: readonly Standard[], period: PeriodRef, index: RowIndex): PromiseRollup | undefined {
  const ins = mine.map((s) => standardIn(s, period, index));
  if (!ins.some((s) => takesPart(s, period))) return undefined;
  const deciding = ins.filter((s) => decides(s, period));
  return {
    promise: promise.id,
    owner: promise.owner,
    dimension: promise.dimension,
    period,
    status: promiseStatus(deciding.map((d) => d.status)),
    standards: deciding.map((d) => ({ standard: d.standard.id, status: d.status })),
  };
}

function emptyCounts(): RollupCounts {
  return { standards: 0, met: 0, missed: 0, onTrack: 0, atRisk: 0, noData: 0, promises: 0, kept: 0, broken: 0, inProgress: 0, unmeasured: 0, judged: 0, judgedMet: 0, breaches: 0, compliance: undefined };
}

function addStandard(c: RollupCounts, s: StandardIn): void {
  c.standards++;
  switch (s.status) {
    case 'met':
      c.met++;
      break;
    case 'missed':
      c.missed++;
      break;
    case 'on-track':
      c.onTrack++;
      break;
    case 'at-risk':
      c.atRisk++;
      break;
    case 'no-data':
      c.noData++;
      break;
  }
  for (const row of s.rows) {
    // SPEC §2: an average is judged by the period's mean, no record on its own; it counts by its
    // status, and its records are neither met nor breached
    if (row.met === undefined || row.breached === undefined) continue;
    c.judged += row.met + row.breached;
    c.judgedMet += row.met;
    c.breaches += row.breached;
  }
  c.compliance = c.judged === 0 ? undefined : c.judgedMet / c.judged;
}

function addPromise(c: RollupCounts, p: PromiseRollup): void {
  c.promises++;
  switch (p.status) {
    case 'kept':
      c.kept++;
      break;
    case 'broken':
      c.broken++;
      break;
    case 'in-progress':
      c.inProgress++;
      break;
    case 'unmeasured':
      c.unmeasured++;
      break;
  }
}

/**
 * An owner's or a dimension's counts over a period: its standards that take part in it and its
 * promises' roll-ups there; undefined when there are neither.
 */
function countsIn(standards: readonly Standard[], promises: readonly PromiseRollup[], period: PeriodRef, index: RowIndex): RollupCounts | undefined {
  const taking = standards.map((s) => standardIn(s, period, index)).filter((s) => takesPart(s, period));
  if (taking.length === 0 && promises.length === 0) return undefined;
  const c = emptyCounts();
  for (const s of taking) addStandard(c, s);
  for (const p of promises) addPromise(c, p);
  return c;
}

const sortedById = <T extends { id: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => compare(a.id, b.id));

function uniquePeriods(periods: Iterable<PeriodRef>): PeriodRef[] {
  const byKey = new Map<string, PeriodRef>();
  for (const p of periods) byKey.set(p.key, p);
  return [...byKey.values()].sort(compareRollupPeriods);
}

/** The owner and the dimension of everything rolled up: each a name, its standards and its promises. */
interface Group {
  name: string;
  standards: Standard[];
  promises: Set<string>;
}

function groups(standards: readonly Standard[], promises: readonly ServicePromise[], nameOfStandard: (s: Standard) => string | undefined, nameOfPromise: (p: ServicePromise) => string): Group[] {
  const out = new Map<string, Group>();
  const get = (name: string): Group => {
    let g = out.get(name);
    if (g === undefined) {
      g = { name, standards: [], promises: new Set() };
      out.set(name, g);
    }
    return g;
  };
  for (const s of standards) {
    const name = nameOfStandard(s);
    if (name !== undefined) get(name).standards.push(s);
  }
  for (const p of promises) get(nameOfPromise(p)).promises.add(p.id);
  return [...out.values()].sort((a, b) => compare(a.name, b.name));
}

interface Scope {
  standards: readonly Standard[];
  promises: readonly ServicePromise[];
}

/**
 * Every promise, owner and dimension rolled up over each of the periods, where it takes part;
 * with `listUnmeasured`, a promise no standard measures is listed once, in no period.
 */
function rollUpPeriods(
  scope: Scope,
  index: RowIndex,
  periods: readonly PeriodRef[],
  listUnmeasured: boolean,
): { promises: PromiseRollup[]; owners: OwnerRollup[]; dimensions: DimensionRollup[] } {
  const promises = sortedById(scope.promises);
  const standards = sortedById(scope.standards);
  const rows: PromiseRollup[] = [];
  for (const promise of promises) {
    const mine = standards.filter((s) => s.promise === promise.id);
    if (mine.length === 0) {
      if (listUnmeasured) rows.push(unmeasured(promise));
      continue;
    }
    for (const period of periods) {
      const row = promiseIn(promise, mine, period, index);
      if (row !== undefined) rows.push(row);
    }
  }
  const dimensionOf = new Map(scope.promises.map((p) => [p.id, p.dimension]));
  const counted = (g: Group) => {
    const mine = rows.filter((p) => g.promises.has(p.promise));
    return periods.flatMap((period) => {
      const counts = countsIn(g.standards, mine.filter((p) => p.period?.key === period.key), period, index);
      return counts === undefined ? [] : [{ period, counts }];
    });
  };
  const owners = groups(standards, promises, (s) => s.owner, (p) => p.owner).flatMap((g) => counted(g).map(({ period, counts }) => ({ owner: g.name, period, ...counts })));
  const dimensions = groups(standards, promises, (s) => dimensionOf.get(s.promise), (p) => p.dimension).flatMap((g) =>
    counted(g).map(({ period, counts }) => ({ dimension: g.name, period, ...counts })),
  );
  return { promises: rows, owners, dimensions };
}

function standardRollups(standards: readonly Standard[], periods: readonly PeriodRef[], index: RowIndex): StandardRollup[] {
  return sortedById(standards).flatMap((s) => periods.map((period) => ({ standard: s.id, period, status: standardIn(s, period, index).status })));
}

/**
 * The finish every engine shares: the roll-ups over every period the gap rows have; with
 * `alsoBy`, the same roll-ups over each summary period (and the `within` ones of that length: the
 * report's, even when it holds no record), and every standard's status in each. The two are made
 * by one function, so a period that both have is rolled up the same in both.
 */
export function rollUp(
  scope: Scope,
  evaluation: Pick<Evaluation, 'gaps' | 'summaries'>,
  options: { alsoBy?: PeriodKind | undefined; within?: readonly PeriodRef[] | undefined },
): Pick<Evaluation, 'promises' | 'owners' | 'dimensions' | 'periodRollups'> {
  const index = new RowIndex(evaluation.gaps);
  const byRows = rollUpPeriods(scope, index, uniquePeriods(evaluation.gaps.map((r) => r.period)), true);
  const alsoBy = options.alsoBy;
  if (alsoBy === undefined) return byRows;
  const periods = uniquePeriods([...evaluation.summaries.map((r) => r.period), ...(options.within ?? []).filter((p) => p.kind === alsoBy)]);
  const periodRollups: PeriodRollups = { standards: standardRollups(scope.standards, periods, index), ...rollUpPeriods(scope, index, periods, false) };
  return { ...byRows, periodRollups };
}

/**
 * The finish every engine ends with: an evaluation put in the one order its outputs show
 * (SPEC: same inputs, same bytes), then rolled up. The gap rows by standard and period, breaches
 * by standard, start and record, invalid records and repeated keys by source, file and line.
 */
export function finishEvaluation(scope: Scope, out: Evaluation, options: { alsoBy?: PeriodKind | undefined; within?: readonly PeriodRef[] | undefined }): Evaluation {
  const byPeriod = (a: GapRow, b: GapRow): number => compare(a.standard, b.standard) || a.period.startMs - b.period.startMs;
  out.gaps.sort(byPeriod);
  out.summaries.sort(byPeriod);
  out.breaches.sort((a, b) => compare(a.standard, b.standard) || a.startMs - b.startMs || compare(a.record, b.record) || compare(a.file, b.file) || byLine(a, b));
  out.invalid.sort((a, b) => compare(a.source, b.source) || compare(a.file, b.file) || byLine(a, b) || compare(a.standard ?? '', b.standard ?? ''));
  out.duplicates.sort((a, b) => compare(a.source, b.source) || compare(a.file, b.file) || byLine(a, b));
  out.sources.sort((a, b) => compare(a.source, b.source));
  for (const s of out.sources) s.standards.sort((a, b) => compare(a.standard, b.standard));
  Object.assign(out, rollUp(scope, out, options));
  return out;
}
