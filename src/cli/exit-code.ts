/** Exit codes, SPEC §3, decided here from data and nowhere else. */
import { severityRank, type DiagnosticSummary, type Severity } from '../model/diagnostic.js';
import { EXIT_FINDINGS, EXIT_OK } from '../model/errors.js';
import type { Change } from '../diff/model.js';

export interface CheckThresholds {
  /** the least severity that fails the check (default error) */
  failOn: Severity;
  /** fail when there are more warnings than this */
  maxWarnings: number | undefined;
}

export function checkExitCode(summary: DiagnosticSummary, { failOn, maxWarnings }: CheckThresholds): number {
  const worst: Severity | undefined = summary.errors > 0 ? 'error' : summary.warnings > 0 ? 'warning' : summary.infos > 0 ? 'info' : undefined;
  if (worst !== undefined && severityRank(worst) >= severityRank(failOn)) return EXIT_FINDINGS;
  if (maxWarnings !== undefined && summary.warnings > maxWarnings) return EXIT_FINDINGS;
  return EXIT_OK;
}

/**
 * `--fail-on` of the evaluating commands: breaches, standards that missed a finished period, or
 * (SPEC §6) a finished period whose customer gap is negative on a dimension.
 */
export type EvaluationFailOn = 'breach' | 'missed' | 'customer-gap';

export const EVALUATION_FAIL_ON: readonly EvaluationFailOn[] = ['breach', 'missed', 'customer-gap'];

export function evaluationExitCode(found: { breaches: number; missed: number; customerGaps?: number }, failOn: EvaluationFailOn | undefined): number {
  if (failOn === 'breach' && found.breaches > 0) return EXIT_FINDINGS;
  if (failOn === 'missed' && found.missed > 0) return EXIT_FINDINGS;
  if (failOn === 'customer-gap' && (found.customerGaps ?? 0) > 0) return EXIT_FINDINGS;
  return EXIT_OK;
}

/** SPEC §6: the dimensions of finished periods whose customers got less than they expected (gap below 0). */
export function negativeCustomerGaps(rows: readonly { finished: boolean; gap: number | undefined }[]): number {
  return rows.filter((r) => r.finished && r.gap !== undefined && r.gap < 0).length;
}

/** `promise diff --fail-on`: exit 1 when a change of the named kind is found. */
/** `loosened`: any promise loosened (so a team can ask for a second approval); `any`: any change at all. */
export type DiffFailOn = 'loosened' | 'any';

export const DIFF_FAIL_ON: readonly DiffFailOn[] = ['loosened', 'any'];

export function diffExitCode(changes: readonly Pick<Change, 'class'>[], failOn: DiffFailOn | undefined): number {
  if (failOn === 'loosened' && changes.some((c) => c.class === 'loosened')) return EXIT_FINDINGS;
  if (failOn === 'any' && changes.length > 0) return EXIT_FINDINGS;
  return EXIT_OK;
}
