/**
 * Roll-ups of the gap rows (SPEC §2): per promise (kept, broken, unmeasured, in progress), per
 * owner and per SERVQUAL dimension, each per period.
 */
import { compareText as compare } from '../model/diagnostic.js';
import type { DimensionRollup, GapRow, OwnerRollup, PeriodRef, PeriodStatus, PromiseRollup, PromiseStatus, RollupCounts } from '../model/evaluation.js';
import type { ServicePromise, Standard } from '../registry/model.js';


const KIND_ORDER = { year: 0, quarter: 1, month: 2, week: 3 } as const;

/** Roll-up rows of one name: the longer periods first (a quarter, then its months), each in time order. */
export function compareRollupPeriods(a: PeriodRef, b: PeriodRef): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.startMs - b.startMs;
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

function promiseRollups(standards: readonly Standard[], promises: readonly ServicePromise[], gaps: readonly GapRow[]): PromiseRollup[] {
  const out: PromiseRollup[] = [];
  for (const promise of [...promises].sort((a, b) => compare(a.id, b.id))) {
    const mine = standards.filter((s) => s.promise === promise.id).sort((a, b) => compare(a.id, b.id));
    const base = { promise: promise.id, owner: promise.owner, dimension: promise.dimension };
    if (mine.length === 0) {
      // SPEC §2: a promise that no standard measures is unmeasured, never kept.
      out.push({ ...base, period: undefined, status: 'unmeasured', standards: [] });
      continue;
    }
    const periods = new Map<string, PeriodRef>();
    for (const row of gaps) if (row.promise === promise.id) periods.set(row.period.key, row.period);
    for (const period of [...periods.values()].sort(compareRollupPeriods)) {
      // the standards whose periods are of this length; one with no row here had nothing in scope
      const judged = mine
        .filter((s) => s.period === period.kind)
        .map((s) => ({ standard: s.id, status: gaps.find((g) => g.standard === s.id && g.period.key === period.key)?.status ?? ('no-data' as const) }));
      out.push({ ...base, period, status: promiseStatus(judged.map((j) => j.status)), standards: judged });
    }
  }
  return out;
}

function emptyCounts(): RollupCounts {
  return { standards: 0, met: 0, missed: 0, onTrack: 0, atRisk: 0, noData: 0, promises: 0, kept: 0, broken: 0, inProgress: 0, unmeasured: 0, judged: 0, judgedMet: 0, breaches: 0, compliance: undefined };
}

function addRow(c: RollupCounts, row: GapRow): void {
  c.standards++;
  switch (row.status) {
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
  // an average is judged by the period's mean, all its records at once: counting them as
  // records met or breached would let one survey outweigh every other standard
  if (row.average !== undefined) return;
  c.judged += row.met + row.breached;
  c.judgedMet += row.met;
  c.breaches += row.breached;
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

/** Groups gap rows and promise rows by a name and a period. */
function group<T extends RollupCounts>(
  gaps: readonly GapRow[],
  promises: readonly PromiseRollup[],
  nameOfRow: (row: GapRow) => string | undefined,
  nameOfPromise: (p: PromiseRollup) => string,
  make: (name: string, period: PeriodRef) => T,
  nameOf: (t: T) => string,
): T[] {
  const groups = new Map<string, T>();
  const get = (name: string, period: PeriodRef): T => {
    const key = `${name}\u0000${period.key}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = make(name, period);
      groups.set(key, g);
    }
    return g;
  };
  for (const row of gaps) {
    const name = nameOfRow(row);
    if (name !== undefined) addRow(get(name, row.period), row);
  }
  for (const p of promises) if (p.period !== undefined) addPromise(get(nameOfPromise(p), p.period), p);
  return [...groups.values()].sort((a, b) => compare(nameOf(a), nameOf(b)) || compareRollupPeriods(periodOf(a), periodOf(b)));
}

const periodOf = (t: RollupCounts): PeriodRef => (t as RollupCounts & { period: PeriodRef }).period;

export function rollUp(
  standards: readonly Standard[],
  promises: readonly ServicePromise[],
  gaps: readonly GapRow[],
): { promises: PromiseRollup[]; owners: OwnerRollup[]; dimensions: DimensionRollup[] } {
  const promiseRows = promiseRollups(standards, promises, gaps);
  const dimensionOf = new Map(promises.map((p) => [p.id, p.dimension]));
  const owners = group<OwnerRollup>(
    gaps,
    promiseRows,
    (row) => row.owner,
    (p) => p.owner,
    (owner, period) => ({ owner, period, ...emptyCounts() }),
    (o) => o.owner,
  );
  const dimensions = group<DimensionRollup>(
    gaps,
    promiseRows,
    (row) => dimensionOf.get(row.promise),
    (p) => p.dimension,
    (dimension, period) => ({ dimension, period, ...emptyCounts() }),
    (d) => d.dimension,
  );
  return { promises: promiseRows, owners, dimensions };
}
