/** Exit codes, SPEC §3, decided here from data and nowhere else. */
import { severityRank, type DiagnosticSummary, type Severity } from '../model/diagnostic.js';
import { EXIT_FINDINGS, EXIT_OK } from '../model/errors.js';

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

/** `--fail-on` of the evaluating commands: breaches, or standards that missed a finished period. */
export type EvaluationFailOn = 'breach' | 'missed';

export function evaluationExitCode(found: { breaches: number; missed: number }, failOn: EvaluationFailOn | undefined): number {
  if (failOn === 'breach' && found.breaches > 0) return EXIT_FINDINGS;
  if (failOn === 'missed' && found.missed > 0) return EXIT_FINDINGS;
  return EXIT_OK;
}
