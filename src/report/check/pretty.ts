/** One line per finding (SPEC §3), the source line with a caret under the value, a summary. */
import type { ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import type { Diagnostic, Severity } from '../../model/diagnostic.js';
import { escapeTerminal } from '../shared/escape.js';
import { plural } from '../shared/words.js';
import { summaryLine, suppressedText } from './summary.js';
import type { CheckFormatter, CheckReport } from './types.js';

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

/** Source text as shown: escaped for the terminal, tabs kept so that the caret line can use them too. */
function shownSource(text: string): string {
  return text.split('\t').map(escapeTerminal).join('\t');
}

/** Blanks as wide on screen as `text`, its tabs kept. */
function blanksUnder(text: string): string {
  return text
    .split('\t')
    .map((part) => ' '.repeat(stringWidth(part)))
    .join('\t');
}

/**
 * The source line and a caret run under the located value (on its first line). The line is
 * escaped first and the caret placed in the escaped text, so it still lines up under the value
 * when the line holds control characters; tabs stay in the lead so that it lines up under a
 * tab-indented value.
 */
export function snippet(d: Diagnostic, line: string | undefined, chalk: ChalkInstance): string[] {
  if (line === undefined) return [];
  const gutter = String(d.line);
  const pad = ' '.repeat(gutter.length);
  const start = Math.max(1, Math.min(d.column, line.length + 1));
  const end = Math.min(d.endLine === d.line ? Math.max(d.endColumn, start + 1) : line.length + 1, line.length + 1);
  const lead = blanksUnder(shownSource(line.slice(0, start - 1)));
  const marked = shownSource(line.slice(start - 1, end - 1));
  const width = Math.max(1, stringWidth(marked.replace(/\t/g, ' ')));
  const caret = `^${'~'.repeat(width - 1)}`;
  return [`${pad} ${chalk.dim('|')}`, `${chalk.dim(gutter)} ${chalk.dim('|')} ${shownSource(line)}`, `${pad} ${chalk.dim('|')} ${lead}${paint(chalk, d.severity, caret)}`];
}

/** What --quiet left out, so that a summary never reads "no problems" when there are some. */
function hiddenText(report: CheckReport): string {
  const h = report.hidden;
  if (h === undefined || h.warnings + h.infos === 0) return '';
  const parts = [h.warnings > 0 ? plural(h.warnings, 'warning') : '', h.infos > 0 ? plural(h.infos, 'info', 'infos') : ''].filter((p) => p !== '');
  return `; ${parts.join(', ')} not shown (--quiet)`;
}

export const formatPretty: CheckFormatter = (report, { chalk }) => {
  const out: string[] = [];
  for (const d of report.diagnostics) {
    const hint = d.hint === undefined ? '' : ` ${chalk.dim('—')} ${chalk.cyan(d.hint)}`;
    out.push(`${chalk.bold(`${report.pathPrefix}${d.file}:${d.line}:${d.column}`)}  ${paint(chalk, d.severity, d.severity)}  ${chalk.dim(d.rule)}  ${d.message}${hint}`);
    out.push(...snippet(d, report.lines.get(d.file)?.[d.line - 1], chalk));
    out.push('');
  }
  const s = report.summary;
  const hidden = hiddenText(report);
  const shownNone = s.errors + s.warnings + s.infos === 0;
  const summary = `${hidden !== '' && shownNone ? `no errors in ${plural(report.files.length, 'file')}${hidden}` : `${summaryLine(s, report.files.length)}${hidden}`}${suppressedText(report)}`;
  out.push(s.errors > 0 ? chalk.red.bold(summary) : s.warnings > 0 ? chalk.yellow.bold(summary) : chalk.green(summary));
  return `${out.join('\n')}\n`;
};
