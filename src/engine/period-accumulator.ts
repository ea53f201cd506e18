/** The counts of one standard in one period, and the row of the gap report they make (SPEC §2). */
import { compareText } from '../model/diagnostic.js';
import type { AverageBound, Clock, GapRow, Histogram, PeriodRef, PeriodStatus } from '../model/evaluation.js';
import type { Standard } from '../registry/model.js';
import { Distribution, type DistributionState } from './distribution.js';
import { npsCategory, type Judgement } from './measures.js';

/** Compliance against target, with a tolerance for shares that are not exact in binary. */
export function meetsTarget(compliance: number, target: number): boolean {
  return compliance >= target - 1e-12;
}

export function periodStatus(compliance: number | undefined, target: number, period: PeriodRef, asOfMs: number): PeriodStatus {
  if (compliance === undefined) return 'no-data';
  const ok = meetsTarget(compliance, target);
  // SPEC §2: a period is finished once as_of is at or after its end.
  if (asOfMs >= period.endMs) return ok ? 'met' : 'missed';
  return ok ? 'on-track' : 'at-risk';
}

/** The one place that decides what a duration's elapsed times count: open time on a calendar, else wall-clock time. */
function clockOf(measure: Standard['measure']): Clock | undefined {
  if (measure.kind !== 'duration') return undefined;
  return measure.calendar === undefined ? 'wall' : 'open';
}

/** An average's bound, from its measure. */
function boundOf(m: Extract<Standard['measure'], { kind: 'average' }>): AverageBound {
  return m.at_least !== undefined ? { op: '≥', value: m.at_least } : { op: '≤', value: m.at_most as number };
}

/** 2^-64: the scale of a sum that would no longer fit a double. */
const SCALE_DOWN = 2 ** -64;
const SCALE_UP = 2 ** 64;

/**
 * A sum of finite numbers that cannot overflow: plain addition, exactly as before, while the sum
 * fits a double; from the first addition that would overflow, the sum of the values times 2^-64
 * (exact for all but values below 2^-958, which cannot matter next to a sum past 1e308). No row
 * count reaches 2^53, so a scaled sum of values each below 2^1024 stays below 2^1013.
 */
export class FiniteSum {
  /** the sum, times 2^-64 when `scaled` */
  value = 0;
  scaled = false;

  add(v: number): void {
    if (this.scaled) {
      this.value += v * SCALE_DOWN;
      return;
    }
    const next = this.value + v;
    if (Number.isFinite(next)) this.value = next;
    else {
      this.value = this.value * SCALE_DOWN + v * SCALE_DOWN;
      this.scaled = true;
    }
  }

  merge(other: { value: number; scaled: boolean }): void {
    if (!other.scaled && !this.scaled) return this.add(other.value);
    if (!this.scaled) {
      this.value *= SCALE_DOWN;
      this.scaled = true;
    }
    this.value += other.scaled ? other.value : other.value * SCALE_DOWN;
  }

  /** The mean of `count` values; finite, since a mean lies between the least and the greatest value. */
  mean(count: number): number {
    if (!this.scaled) return this.value / count;
    const mean = (this.value / count) * SCALE_UP;
    // rounding may carry a mean of values at the very edge of a double just past it
    return Number.isFinite(mean) ? mean : Math.sign(mean) * Number.MAX_VALUE;
  }
}

/** An accumulator as plain data, to move it between threads. */
export interface AccumulatorState {
  period: PeriodRef;
  counts: [records: number, met: number, breached: number, pending: number, atRisk: number, skipped: number, invalid: number, values: number, promoters: number, detractors: number];
  sum: { value: number; scaled: boolean };
  credits: [string, number][];
  elapsed: DistributionState | undefined;
  limits: DistributionState | undefined;
}

export class PeriodAccumulator {
  records = 0;
  met = 0;
  breached = 0;
  pending = 0;
  atRisk = 0;
  skipped = 0;
  invalid = 0;
  private readonly sum = new FiniteSum();
  private values = 0;
  /** nps standards: responses scoring 9–10, and 0–6 */
  private promoters = 0;
  private detractors = 0;
  private readonly elapsed: Distribution | undefined;
  private readonly limits: Distribution | undefined;
  private readonly credits = new Map<string, number>();
  /** what `add` asks of the standard, looked up once */
  private readonly averages: boolean;
  private readonly scores: boolean;
  private readonly credit: number | undefined;
  private readonly currency: string | undefined;

  constructor(
    readonly period: PeriodRef,
    private readonly standard: Standard,
    /** keep what the report draws: allowances and the spread of elapsed times */
    private readonly details = false,
  ) {
    const duration = standard.measure.kind === 'duration';
    this.elapsed = duration ? new Distribution() : undefined;
    this.limits = duration && details ? new Distribution() : undefined;
    this.averages = standard.measure.kind === 'average';
    this.scores = standard.measure.kind === 'nps';
    const remedy = standard.remedy;
    this.credit = remedy?.currency === undefined ? undefined : remedy.credit;
    this.currency = remedy?.credit === undefined ? undefined : remedy.currency;
  }

  add(j: Judgement): void {
    this.records++;
    switch (j.outcome) {
      case 'met':
        if (this.averages) {
          this.sum.add(j.value);
          this.values++;
        } else if (this.scores) {
          this.values++;
          // one decision with `promise explain`'s NPS step
          const category = npsCategory(j.value);
          if (category === 'promoter') this.promoters++;
          else if (category === 'detractor') this.detractors++;
        } else this.met++;
        break;
      case 'breached': {
        this.breached++;
        const currency = this.currency;
        if (currency !== undefined) this.credits.set(currency, (this.credits.get(currency) ?? 0) + (this.credit as number));
        break;
      }
      case 'at_risk':
        this.atRisk++;
        this.pending++;
        break;
      case 'pending':
        this.pending++;
        break;
      case 'skipped':
        this.skipped++;
        break;
      case 'invalid':
        this.invalid++;
        break;
    }
    // SPEC §2: percentiles over met and breached records, an open breach counting its time to as_of.
    const elapsed = this.elapsed;
    if (elapsed !== undefined && (j.outcome === 'met' || j.outcome === 'breached')) {
      elapsed.add(j.elapsedMs);
      if (this.limits !== undefined && Number.isFinite(j.limitMs)) this.limits.add(j.limitMs);
    }
  }

  state(): AccumulatorState {
    return {
      period: this.period,
      counts: [this.records, this.met, this.breached, this.pending, this.atRisk, this.skipped, this.invalid, this.values, this.promoters, this.detractors],
      sum: { value: this.sum.value, scaled: this.sum.scaled },
      credits: [...this.credits],
      elapsed: this.elapsed?.state(),
      limits: this.limits?.state(),
    };
  }

  /** Adds the counts of the same standard and period from another part of the log. */
  merge(other: AccumulatorState): void {
    const [records, met, breached, pending, atRisk, skipped, invalid, values, promoters, detractors] = other.counts;
    this.records += records;
    this.met += met;
    this.breached += breached;
    this.pending += pending;
    this.atRisk += atRisk;
    this.skipped += skipped;
    this.invalid += invalid;
    this.values += values;
    this.promoters += promoters;
    this.detractors += detractors;
    this.sum.merge(other.sum);
    for (const [currency, amount] of other.credits) this.credits.set(currency, (this.credits.get(currency) ?? 0) + amount);
    if (other.elapsed !== undefined) this.elapsed?.merge(other.elapsed);
    if (other.limits !== undefined) this.limits?.merge(other.limits);
  }

  row(asOfMs: number): GapRow {
    const s = this.standard;
    const m = s.measure;
    if (m.kind === 'average') return this.averageRow(m, asOfMs);
    if (m.kind === 'nps') return this.npsRow(m, asOfMs);
    const { met, breached } = this;
    const target = s.target;
    // the schema lets only an average go without a target
    if (target === undefined) throw new RangeError(`standard "${s.id}" has no target`);
    const judged = met + breached;
    const compliance = judged === 0 ? undefined : met / judged;
    // Distribution keeps whole seconds
    const pTarget = this.elapsed?.quantile(target);
    const typicalLimit = this.limits?.quantile(0.5);
    return {
      standard: s.id,
      promise: s.promise,
      owner: s.owner,
      period: this.period,
      records: this.records,
      met,
      breached,
      pending: this.pending,
      atRisk: this.atRisk,
      skipped: this.skipped,
      invalid: this.invalid,
      compliance,
      target,
      gap: compliance === undefined ? undefined : compliance - target,
      status: periodStatus(compliance, target, this.period, asOfMs),
      p50Seconds: this.elapsed?.quantile(0.5),
      p90Seconds: this.elapsed?.quantile(0.9),
      pTargetSeconds: pTarget,
      average: undefined,
      clock: clockOf(m),
      credits: Object.fromEntries([...this.credits].sort(([a], [b]) => compareText(a, b))),
      ...(this.details && this.elapsed !== undefined
        ? { typicalLimitSeconds: typicalLimit, histogram: histogramOf(this.elapsed, Math.max(typicalLimit ?? 0, pTarget ?? 0)) }
        : {}),
    };
  }

  /**
   * SPEC §2: an average judges the period, not a record: `records` counts the values, `gap` is
   * the mean's distance from the bound (negative is short of it), the status is the mean against
   * the bound; met, breached, compliance and target do not apply.
   */
  private averageRow(m: Extract<Standard['measure'], { kind: 'average' }>, asOfMs: number): GapRow {
    const average = this.values === 0 ? undefined : this.sum.mean(this.values);
    const bound = boundOf(m);
    const gap = average === undefined ? undefined : bound.op === '≥' ? average - bound.value : bound.value - average;
    return this.periodRow(average, bound, gap, asOfMs);
  }

  /**
   * SPEC §6: an NPS judges the period as an average does, and has its row: `records` counts the
   * scores, `average` carries the NPS (% promoters − % detractors), `gap` is NPS − at_least.
   */
  private npsRow(m: Extract<Standard['measure'], { kind: 'nps' }>, asOfMs: number): GapRow {
    const score = npsOf(this.promoters, this.detractors, this.values);
    const gap = score === undefined ? undefined : score - m.at_least;
    return this.periodRow(score, { op: '≥', value: m.at_least, nps: true }, gap, asOfMs);
  }

  private periodRow(average: number | undefined, bound: AverageBound, gap: number | undefined, asOfMs: number): GapRow {
    const s = this.standard;
    return {
      standard: s.id,
      promise: s.promise,
      owner: s.owner,
      period: this.period,
      records: this.values,
      met: undefined,
      breached: undefined,
      pending: this.pending,
      atRisk: this.atRisk,
      skipped: this.skipped,
      invalid: this.invalid,
      compliance: undefined,
      target: undefined,
      gap,
      status: boundStatus(gap, this.period, asOfMs),
      p50Seconds: undefined,
      p90Seconds: undefined,
      pTargetSeconds: undefined,
      average,
      bound,
      credits: {},
    };
  }
}

/** SPEC §6: Net Promoter Score, % promoters (9–10) − % detractors (0–6), from −100 to 100; undefined with no score. */
function npsOf(promoters: number, detractors: number, scores: number): number | undefined {
  return scores === 0 ? undefined : ((promoters - detractors) * 100) / scores;
}

/** An average's status: the mean on the right side of its bound (a gap of 0 or more) keeps it. */
function boundStatus(gap: number | undefined, period: PeriodRef, asOfMs: number): PeriodStatus {
  if (gap === undefined) return 'no-data';
  const ok = gap >= 0;
  if (asOfMs >= period.endMs) return ok ? 'met' : 'missed';
  return ok ? 'on-track' : 'at-risk';
}

const BINS = 24;

/** Bins up to a round figure a little past both the allowance and the limit kept, so both marks show. */
function histogramOf(elapsed: Distribution, reachSeconds: number): Histogram | undefined {
  if (elapsed.count === 0) return undefined;
  const upperSeconds = niceCeiling(Math.max(reachSeconds * 1.25, 60));
  const { counts, over } = elapsed.histogram(upperSeconds, BINS);
  return { upperSeconds, counts, over };
}

/** The next round length of time at or above `seconds`: 1, 2, 3, 4, 6, 8, 12, ... minutes, hours or days. */
function niceCeiling(seconds: number): number {
  for (const unit of [60, 3_600, 86_400]) {
    for (const m of [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48]) {
      if (unit * m >= seconds) return unit * m;
    }
  }
  return Math.ceil(seconds / 604_800) * 604_800;
}
