/** GitHub Actions workflow commands: one annotation per finding, and a Markdown job summary. */
import type { Severity } from '../../model/diagnostic.js';
import { escapeGithubData, escapeGithubProperty, escapeMarkdownCell } from '../shared/escape.js';
import { summaryLine } from './summary.js';
import type { CheckFormatter, CheckReport } from './types.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export const formatGithub: CheckFormatter = (report) => {
  const lines = report.diagnostics.map((d) => {
    const props = [
      `file=${escapeGithubProperty(report.pathPrefix + d.file)}`,
      `line=${d.line}`,
      `col=${d.column}`,
      `endLine=${d.endLine}`,
      `endColumn=${d.endColumn}`,
      `title=${escapeGithubProperty(d.rule)}`,
    ].join(',');
    const message = d.hint === undefined ? d.message : `${d.message} — ${d.hint}`;
    return `::${COMMAND[d.severity]} ${props}::${escapeGithubData(message)}`;
  });
  lines.push(summaryLine(report.summary, report.files.length));
  return `${lines.join('\n')}\n`;
};

/** The job summary written to $GITHUB_STEP_SUMMARY. */
export function formatGithubSummary(report: CheckReport): string {
  const out = [`### promise check: ${summaryLine(report.summary, report.files.length)}`, ''];
  if (report.diagnostics.length > 0) {
    out.push('| where | severity | rule | message |', '|---|---|---|---|');
    for (const d of report.diagnostics) {
      const message = d.hint === undefined ? d.message : `${d.message} — ${d.hint}`;
      out.push(`| \`${escapeMarkdownCell(`${report.pathPrefix}${d.file}:${d.line}:${d.column}`)}\` | ${d.severity} | \`${d.rule}\` | ${escapeMarkdownCell(message)} |`);
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
