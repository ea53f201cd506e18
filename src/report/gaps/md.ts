import { dataQuality, unlistedText } from '../shared/data-quality.js';
import { escapeMarkdownCell } from '../shared/escape.js';
import { selectPeriods, type EvaluationFormatter } from '../shared/evaluation.js';
import { markdownTable } from '../shared/markdown.js';
import { localTime } from '../shared/time.js';
import { gapSections } from './sections.js';

/** The gap report in Markdown, for a wiki page or a pull-request comment. */
export const formatGapsMd: EvaluationFormatter = (report) => {
  const e = selectPeriods(report);
  const out: string[] = [`# ${escapeMarkdownCell(report.registry)}: service gaps\n\nAs of ${localTime(report.asOfMs, report.timezone)} (${report.timezone}).\n`];
  if (e.gaps.length === 0) out.push('\nNo records in scope of any standard.\n');
  for (const s of gapSections(e)) out.push(`\n## ${s.title}\n\n`, markdownTable(s.head, s.rows, s.right));
  const q = dataQuality(e, Number.POSITIVE_INFINITY);
  if (q.summary !== undefined) {
    out.push(`\n## Data quality\n\n${q.summary}.\n\n`);
    for (const l of q.lines) out.push(`- \`${l.where}\` ${escapeMarkdownCell(l.text)}\n`);
    for (const u of q.unlisted) out.push(`- ${escapeMarkdownCell(unlistedText(u))}\n`);
    for (const n of q.notes) out.push(`- Note: ${escapeMarkdownCell(n)}.\n`);
  }
  return out.join('');
};
