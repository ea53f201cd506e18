/**
 * The pure half of a diff's impact: which standards to evaluate, over which period, and what two
 * evaluations of the same logs (old definition, new definition) say about each. Reading the logs
 * is the run's part (src/run/impact.ts).
 */
import { periodOf, shiftPeriod, type Period } from '../engine/period.js';
import type { Evaluation, PeriodKind } from '../model/evaluation.js';
import { kindOf } from '../plan/measure-kinds.js';
import type { Standard } from '../registry/model.js';
import type { DiffResult, Impact, ImpactGap, ImpactSide, StandardPair } from './model.js';

/** The standards some change may move, each once, by id. */
export function impactPairs(result: DiffResult): StandardPair[] {
  const named = new Set(result.changes.flatMap((c) => c.affects));
  return result.standards.filter((p) => named.has(p.id));
}

/** The length of period an impact is evaluated over: the new definition's, or the old one's for a standard removed. */
export function impactPeriodKind(pair: StandardPair): PeriodKind {
  return ((pair.after ?? pair.before) as Standard).period;
}

/**
 * The definition a side evaluates: the standard as it was or is, over the impact's period
 * length, so that old and new speak of the same period even when `period` itself changed.
 */
export function impactDefinition(standard: Standard, kind: PeriodKind): Standard {
  return standard.period === kind ? standard : { ...standard, period: kind };
}

/** The last period of `kind` that finished at or before `asOfMs`: the one before the period holding it. */
export function lastFinishedPeriod(asOfMs: number, kind: PeriodKind, timezone: string, fiscalYearStart: number): Period {
  return shiftPeriod(periodOf(asOfMs, kind, timezone, fiscalYearStart), -1, timezone, fiscalYearStart);
}

/** One definition's result in the impact's period: the figures and the records it breached. */
export interface SideOutcome {
  side: ImpactSide;
  /** the breached records, as `file:line` */
  breached: Set<string>;
}

/** Records met and breached, for a kind that judges records one by one (an average does not). */
function judged(standard: Standard, met: number, breached: number): { met: number | undefined; breached: number | undefined } {
  return kindOf(standard.measure).judgesRecords ? { met, breached } : { met: undefined, breached: undefined };
}

/** What an evaluation says about one standard in one period. */
export function sideOutcome(evaluation: Evaluation, standard: Standard, period: Period): SideOutcome {
  const row = evaluation.gaps.find((g) => g.standard === standard.id && g.period.key === period.key);
  const breached = new Set(
    evaluation.breaches.filter((b) => b.standard === standard.id && b.outcome === 'breached' && b.period === period.key).map((b) => `${b.file}:${b.line}`),
  );
  const side: ImpactSide =
    row === undefined
      ? { period: period.key, status: 'no-data', compliance: undefined, target: standard.target, records: 0, ...judged(standard, 0, 0), average: undefined }
      : { period: period.key, status: row.status, compliance: row.compliance, target: row.target, records: row.records, ...judged(standard, row.met ?? 0, row.breached ?? 0), average: row.average };
  return { side: standard.measure.kind === 'nps' ? { ...side, nps: true } : side, breached };
}

/** The id a renamed standard had at the revision. */
function previousIdOf(pair: StandardPair): string | undefined {
  return pair.before !== undefined && pair.after !== undefined && pair.before.id !== pair.after.id ? pair.before.id : undefined;
}

function count(a: ReadonlySet<string>, notIn: ReadonlySet<string>): number {
  let n = 0;
  for (const k of a) if (!notIn.has(k)) n++;
  return n;
}

/** The impact of a standard's change from its two outcomes (one missing when it was added or removed). */
export function impactOf(pair: StandardPair, before: SideOutcome | undefined, after: SideOutcome | undefined): Impact {
  const both = before !== undefined && after !== undefined;
  return {
    standard: pair.id,
    previousId: previousIdOf(pair),
    periodKind: impactPeriodKind(pair),
    before: before?.side,
    after: after?.side,
    newlyBreached: both ? count(after.breached, before.breached) : undefined,
    noLongerBreached: both ? count(before.breached, after.breached) : undefined,
    unavailable: undefined,
  };
}

/** An impact that could not be worked out, and why. */
export function impactUnavailable(pair: StandardPair, gap: ImpactGap): Impact {
  return { standard: pair.id, previousId: previousIdOf(pair), periodKind: impactPeriodKind(pair), before: undefined, after: undefined, newlyBreached: undefined, noLongerBreached: undefined, unavailable: gap };
}
