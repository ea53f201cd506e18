/** One line per finding (SPEC §3), the source line with a caret under the value, a summary. */
import type { ChalkInstance } from 'chalk';
import type { Diagnostic, Severity } from '../../model/diagnostic.js';
import { summaryLine } from './summary.js';
import type { CheckFormatter } from './types.js';

function paint(chalk: ChalkInstance, severity: Severity, text: string): string {
  switch (severity) {
    case 'error':
      return chalk.red(text);
    case 'warning':
      return chalk.yellow(text);
    case 'info':
      return chalk.blue(text);
  }
}

/** The source line and a caret run under the located value (on its first line). */
export function snippet(d: Diagnostic, line: string | undefined, chalk: ChalkInstance): string[] {
  if (line === undefined) return [];
  const gutter = String(d.line);
  const pad = ' '.repeat(gutter.length);
  const start = Math.max(1, Math.min(d.column, line.length + 1));
  const end = d.endLine === d.line ? Math.max(d.endColumn, start + 1) : line.length + 1;
  // Keep tabs in the lead so the caret lines up under a tab-indented value.
  const lead = line.slice(0, start - 1).replace(/[^\t]/g, ' ');
  const width = Math.max(1, Math.min(end, line.length + 1) - start);
  const caret = `^${'~'.repeat(width - 1)}`;
  return [`${pad} ${chalk.dim('|')}`, `${chalk.dim(gutter)} ${chalk.dim('|')} ${line}`, `${pad} ${chalk.dim('|')} ${lead}${paint(chalk, d.severity, caret)}`];
}

export const formatPretty: CheckFormatter = (report, { chalk }) => {
  const out: string[] = [];
  for (const d of report.diagnostics) {
    const hint = d.hint === undefined ? '' : ` ${chalk.dim('—')} ${chalk.cyan(d.hint)}`;
    out.push(`${chalk.bold(`${report.pathPrefix}${d.file}:${d.line}:${d.column}`)}  ${paint(chalk, d.severity, d.severity)}  ${chalk.dim(d.rule)}  ${d.message}${hint}`);
    out.push(...snippet(d, report.lines.get(d.file)?.[d.line - 1], chalk));
    out.push('');
  }
  const summary = summaryLine(report.summary, report.files.length);
  const s = report.summary;
  out.push(s.errors > 0 ? chalk.red.bold(summary) : s.warnings > 0 ? chalk.yellow.bold(summary) : chalk.green(summary));
  return `${out.join('\n')}\n`;
};
