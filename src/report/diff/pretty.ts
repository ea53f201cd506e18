/** `promise diff` for a terminal: the changes by class, each with its reason, then the impact. */
import type { ChalkInstance } from 'chalk';
import type { ChangeClass } from '../../diff/model.js';
import { CHANGE_CLASSES } from '../../diff/model.js';
import { localTime } from '../shared/time.js';
import { plural } from '../shared/words.js';
import type { DiffFormatter } from './types.js';
import { causesText, changeText, countChanges, countsText, emptyText, impactText, notExistedText, reasonText, subjectText, titleText } from './words.js';

function paint(chalk: ChalkInstance, k: ChangeClass, text: string): string {
  switch (k) {
    case 'loosened':
      return chalk.red(text);
    case 'tightened':
      return chalk.green(text);
    case 'neutral':
      return chalk.yellow(text);
  }
}

export const formatDiffPretty: DiffFormatter = (report, { chalk }) => {
  const out: string[] = [`${chalk.bold(report.registry)}: ${titleText(report)}, as of ${localTime(report.asOfMs, report.timezone)} (${report.timezone})\n`];
  if (!report.existedBefore) out.push(`${notExistedText(report)}\n`);
  if (report.changes.length === 0) {
    out.push(`${emptyText(report)}\n`);
    return out.join('');
  }
  const counts = countChanges(report.changes);
  out.push(`${plural(report.changes.length, 'change')}: ${countsText(counts)}\n`);
  for (const k of CHANGE_CLASSES) {
    const mine = report.changes.filter((c) => c.class === k);
    if (mine.length === 0) continue;
    out.push(`\n${paint(chalk, k, chalk.bold(k))}\n`);
    for (const c of mine) out.push(`  ${chalk.bold(subjectText(c))}  ${changeText(c)}\n    ${chalk.dim(reasonText(c))}\n`);
  }
  if (report.impacts.length > 0) {
    out.push(`\n${chalk.bold('Impact on the last finished period')}\n`);
    for (const i of report.impacts) out.push(`  ${chalk.bold(i.standard)}  ${impactText(i)}\n    ${chalk.dim(causesText(report, i))}\n`);
  }
  return out.join('');
};
