/**
 * The charter (SPEC §6 `promise charter`) as data: the plan's groups filled with each promise's
 * statement, its remedies and, with `--with-results P`, how it was kept in P as the finish rolled
 * it up. Pure: no files, no clock; nothing is rolled up here.
 */
import type { AverageBound, Evaluation, PeriodRef, PeriodStatus, PromiseStatus } from '../../model/evaluation.js';
import type { CharterPlan } from '../../plan/charter.js';
import type { Standard } from '../../registry/model.js';

/** What a customer is owed when a standard of the promise is breached, as the registry words it. */
export interface CharterRemedy {
  action: string;
  credit: number | undefined;
  currency: string | undefined;
}

/** One standard's figure in the results period. */
export interface CharterStandardResult {
  id: string;
  /** the standard's description, or its id */
  label: string;
  status: PeriodStatus;
  /** share standards: met / judged in the period, and the target */
  compliance: number | undefined;
  target: number | undefined;
  /** average standards: the period's mean and its bound */
  average: number | undefined;
  bound: AverageBound | undefined;
  /** its own periods within the results period when there are several (a monthly standard's months in a quarter), with their status */
  periods: { period: string; status: PeriodStatus }[];
}

export interface CharterPromise {
  id: string;
  /** the promise in its own words */
  statement: string;
  dimension: string;
  /** the distinct remedies of its standards, in standard id order */
  remedies: CharterRemedy[];
  /** with --with-results: its status in the period and its standards' figures */
  results: { status: PromiseStatus; standards: CharterStandardResult[] } | undefined;
}

export interface Charter {
  registry: string;
  timezone: string;
  asOfMs: number;
  /** the results period, with --with-results */
  period: PeriodRef | undefined;
  /** false while the results period is still running at as_of */
  finished: boolean;
  groups: { audience: string; groups: { channels: string[]; promises: CharterPromise[] }[] }[];
}

export interface CharterInput {
  registry: string;
  timezone: string;
  asOfMs: number;
  plan: CharterPlan;
  /** with --with-results: the period and the evaluation that rolled it up (`alsoBy` its length) */
  results?: { period: PeriodRef; evaluation: Evaluation } | undefined;
}

function remediesOf(standards: readonly Standard[]): CharterRemedy[] {
  const seen = new Set<string>();
  const out: CharterRemedy[] = [];
  for (const s of standards) {
    if (s.remedy === undefined) continue;
    const remedy = { action: s.remedy.action, credit: s.remedy.credit, currency: s.remedy.currency };
    const key = JSON.stringify([remedy.action, remedy.credit ?? null, remedy.currency ?? null]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(remedy);
  }
  return out;
}

function standardResult(s: Standard, period: PeriodRef, e: Evaluation): CharterStandardResult {
  const row = e.summaries.find((g) => g.standard === s.id && g.period.key === period.key);
  const status = e.periodRollups?.standards.find((r) => r.standard === s.id && r.period.key === period.key)?.status ?? 'no-data';
  const m = s.measure;
  // SPEC §6: an NPS is held against its bound as an average is, and reads as a score
  const bound: AverageBound | undefined =
    m.kind === 'nps' ? { op: '≥', value: m.at_least, nps: true } : m.kind !== 'average' ? undefined : m.at_least !== undefined ? { op: '≥', value: m.at_least } : { op: '≤', value: m.at_most as number };
  const own = e.gaps.filter((g) => g.standard === s.id && g.period.startMs < period.endMs && g.period.endMs > period.startMs);
  return {
    id: s.id,
    label: s.description ?? s.id,
    status,
    compliance: row?.compliance,
    target: s.target,
    average: row?.average,
    bound,
    periods: own.length > 1 ? own.map((g) => ({ period: g.period.key, status: g.status })) : [],
  };
}

export function buildCharter(input: CharterInput): Charter {
  const { plan, results } = input;
  const entries = new Map(
    plan.promises.map((p): [string, CharterPromise] => {
      const mine = plan.standards.filter((s) => s.promise === p.id);
      const rolled = results?.evaluation.periodRollups?.promises.find((r) => r.promise === p.id && r.period?.key === results.period.key);
      return [
        p.id,
        {
          id: p.id,
          statement: p.statement,
          dimension: p.dimension,
          remedies: remediesOf(mine),
          // SPEC §2: a promise the finish did not roll up in the period had nothing measured there
          results: results === undefined ? undefined : { status: rolled?.status ?? 'unmeasured', standards: mine.map((s) => standardResult(s, results.period, results.evaluation)) },
        },
      ];
    }),
  );
  const entry = (id: string): CharterPromise => entries.get(id) as CharterPromise;
  return {
    registry: input.registry,
    timezone: input.timezone,
    asOfMs: input.asOfMs,
    period: results?.period,
    finished: results === undefined || input.asOfMs >= results.period.endMs,
    groups: plan.groups.map((g) => ({ audience: g.audience, groups: g.groups.map((c) => ({ channels: c.channels, promises: c.promises.map(entry) })) })),
  };
}
