/** The counts of one standard in one period, and the row of the gap report they make (SPEC §2). */
import type { GapRow, PeriodRef, PeriodStatus } from '../model/evaluation.js';
import type { Standard } from '../registry/model.js';
import { Distribution } from './distribution.js';
import type { Judgement } from './measures.js';

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

export class PeriodAccumulator {
  records = 0;
  met = 0;
  breached = 0;
  pending = 0;
  atRisk = 0;
  skipped = 0;
  invalid = 0;
  private sum = 0;
  private values = 0;
  private readonly elapsed: Distribution | undefined;
  private readonly credits = new Map<string, number>();

  constructor(
    readonly period: PeriodRef,
    private readonly standard: Standard,
  ) {
    this.elapsed = standard.measure.kind === 'duration' ? new Distribution() : undefined;
  }

  add(j: Judgement): void {
    this.records++;
    switch (j.outcome) {
      case 'met':
        if (this.standard.measure.kind === 'average') {
          this.sum += j.value;
          this.values++;
        } else this.met++;
        break;
      case 'breached': {
        this.breached++;
        const remedy = this.standard.remedy;
        if (remedy?.credit !== undefined && remedy.currency !== undefined) {
          this.credits.set(remedy.currency, (this.credits.get(remedy.currency) ?? 0) + remedy.credit);
        }
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
    if (this.elapsed !== undefined && (j.outcome === 'met' || j.outcome === 'breached')) this.elapsed.add(j.elapsedMs);
  }

  row(asOfMs: number): GapRow {
    const s = this.standard;
    let { met, breached } = this;
    let average: number | undefined;
    const m = s.measure;
    if (m.kind === 'average' && this.values > 0) {
      // An average judges the period: every record with a number meets it when the mean does.
      average = this.sum / this.values;
      const ok = m.at_least !== undefined ? average >= m.at_least : average <= (m.at_most as number);
      met = ok ? this.values : 0;
      breached = ok ? 0 : this.values;
    }
    const judged = met + breached;
    const compliance = judged === 0 ? undefined : met / judged;
    const seconds = (ms: number | undefined): number | undefined => (ms === undefined ? undefined : Math.round(ms) / 1000);
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
      target: s.target,
      gap: compliance === undefined ? undefined : compliance - s.target,
      status: periodStatus(compliance, s.target, this.period, asOfMs),
      p50Seconds: seconds(this.elapsed?.quantile(0.5)),
      p90Seconds: seconds(this.elapsed?.quantile(0.9)),
      pTargetSeconds: seconds(this.elapsed?.quantile(s.target)),
      average,
      credits: Object.fromEntries([...this.credits].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    };
  }
}
