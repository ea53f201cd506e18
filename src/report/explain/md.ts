import { escapeMarkdownCell } from '../shared/escape.js';
import { isoTime } from '../shared/time.js';
import { calendarLines, stepText, type ExplainReport } from './words.js';

/** Markdown text: as a table cell is escaped (no HTML, no line breaks), and inline code fenced safely. */
const md = (text: string): string => escapeMarkdownCell(text).replace(/([*_`[\]#])/g, '\\$1');

/** A heading per row that has the key, then the steps as a numbered list. */
export function formatExplainMd(report: ExplainReport): string {
  const blocks = report.explanations.map((e) => {
    const steps = e.steps.map((s, i) => {
      if (s.step !== 'calendar') return `${i + 1}. ${md(stepText(s, e, report))}`;
      const [head, ...days] = calendarLines(s, e);
      return [`${i + 1}. ${md(head ?? '')}`, ...days.map((d) => `   - ${md(d)}`)].join('\n');
    });
    return [`## ${md(e.standard)} ${md(e.record)}: ${md(e.outcome.replace(/_/g, ' '))}`, '', `${md(`${e.file}:${e.line}`)}${e.period === undefined ? '' : `, period ${md(e.period)}`}`, '', ...steps].join('\n');
  });
  return `# Explanation as of ${isoTime(report.asOfMs) ?? ''}\n\n${blocks.join('\n\n')}\n`;
}
