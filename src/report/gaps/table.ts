import type { ChalkInstance } from 'chalk';
import { formatQualityText } from '../shared/data-quality.js';
import { selectPeriods, type EvaluationFormatter } from '../shared/evaluation.js';
import { renderTable } from '../shared/table.js';
import { localTime } from '../shared/time.js';
import { gapSections } from './sections.js';

function colour(chalk: ChalkInstance, status: string): string {
  switch (status) {
    case 'met':
    case 'kept':
    case 'on-track':
      return chalk.green(status);
    case 'missed':
    case 'broken':
      return chalk.red(status);
    case 'at-risk':
    case 'in-progress':
      return chalk.yellow(status);
    default:
      return chalk.dim(status);
  }
}

/** The gap report for a terminal: one table per section, statuses in colour when it is on. */
export const formatGapsTable: EvaluationFormatter = (report, { chalk }) => {
  const e = selectPeriods(report);
  const out: string[] = [`${chalk.bold(report.registry)}: compliance against target as of ${localTime(report.asOfMs, report.timezone)} (${report.timezone})\n`];
  const sections = gapSections(e);
  if (e.gaps.length === 0) out.push('\nNo records in scope of any standard.\n');
  for (const s of sections) {
    const rows = s.status === undefined ? s.rows : s.rows.map((r) => r.map((c, i) => (i === s.status ? colour(chalk, String(c)) : c)));
    out.push(`\n${chalk.bold(s.title)}\n`, renderTable(s.head, rows, { chalk, right: s.right, compact: true }));
  }
  out.push(formatQualityText(e, chalk));
  return out.join('');
};
