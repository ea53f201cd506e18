import type { ChalkInstance } from 'chalk';
import { formatQualityText } from '../shared/data-quality.js';
import { selectPeriods, type EvaluationFormatter } from '../shared/evaluation.js';
import { fitLine, renderTable } from '../shared/table.js';
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
export const formatGapsTable: EvaluationFormatter = (report, { chalk, width }) => {
  const e = selectPeriods(report);
  const out: string[] = [`${fitLine(`${chalk.bold(report.registry)}: compliance against target as of ${localTime(report.asOfMs, report.timezone)} (${report.timezone})`, width)}\n`];
  const sections = gapSections(e);
  if (e.gaps.length === 0) out.push('\nNo records in scope of any standard.\n');
  for (const s of sections) {
    const rows = s.status === undefined ? s.rows : s.rows.map((r) => r.map((c, i) => (i === s.status ? colour(chalk, String(c)) : c)));
    out.push(`\n${fitLine(chalk.bold(s.title), width)}\n`, renderTable(s.head, rows, { chalk, width, right: s.right, wrap: s.wrap, heading: s.heading, group: [0], compact: true }));
  }
  out.push(formatQualityText(e, chalk, width));
  return out.join('');
};
