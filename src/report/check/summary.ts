import type { DiagnosticSummary } from '../../model/diagnostic.js';
import { plural } from '../shared/words.js';
import type { CheckReport } from './types.js';

/** How many findings were suppressed, inline or by a baseline (SPEC §7). */
export function suppressedCount(report: CheckReport): number {
  return report.suppressed?.length ?? 0;
}

/** "; 3 suppressed" after a summary line, or nothing. */
export function suppressedText(report: CheckReport): string {
  const n = suppressedCount(report);
  return n === 0 ? '' : `; ${n} suppressed`;
}

/** "3 problems: 2 errors, 1 warning" or "no problems in 7 files". */
export function summaryLine(summary: DiagnosticSummary, files: number): string {
  const total = summary.errors + summary.warnings + summary.infos;
  if (total === 0) return `no problems in ${plural(files, 'file')}`;
  const parts = [
    summary.errors > 0 ? plural(summary.errors, 'error') : '',
    summary.warnings > 0 ? plural(summary.warnings, 'warning') : '',
    summary.infos > 0 ? plural(summary.infos, 'info', 'infos') : '',
  ].filter((p) => p !== '');
  return `${plural(total, 'problem')}: ${parts.join(', ')}`;
}
