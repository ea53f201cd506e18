/** `promise diff --format md`: a pull-request comment, a table per class and the impact. */
import { CHANGE_CLASSES } from '../../diff/model.js';
import { escapeMarkdownCell } from '../shared/escape.js';
import { markdownTable } from '../shared/markdown.js';
import { localTime } from '../shared/time.js';
import type { DiffFormatter } from './types.js';
import { causesText, changeText, countChanges, countsText, emptyText, impactText, notExistedText, reasonText } from './words.js';

const code = (text: string): string => `\`${text.replace(/`/g, "'")}\``;

export const formatDiffMd: DiffFormatter = (report) => {
  const counts = countChanges(report.changes);
  const out: string[] = [
    `### Promise changes since ${code(report.revision)}: ${countsText(counts)}\n\n`,
    `${escapeMarkdownCell(report.registry)}, ${code(report.commit.slice(0, 7))} against the working tree, as of ${localTime(report.asOfMs, report.timezone)} (${report.timezone}).\n`,
  ];
  if (!report.existedBefore) out.push(`\n${notExistedText(report)}\n`);
  if (report.changes.length === 0) out.push(`\n${emptyText(report)}\n`);
  for (const k of CHANGE_CLASSES) {
    const mine = report.changes.filter((c) => c.class === k);
    if (mine.length === 0) continue;
    out.push(`\n#### ${k[0]?.toUpperCase() ?? ''}${k.slice(1)} (${mine.length})\n\n`);
    out.push(markdownTable(['entity', 'id', 'change', 'why'], mine.map((c) => [c.entity, code(c.entity === 'registry' ? 'promise.yaml' : c.id), changeText(c), reasonText(c)])));
  }
  if (report.impacts.length > 0) {
    out.push('\n#### Impact on the last finished period\n\n');
    for (const i of report.impacts) out.push(`- ${code(i.standard)} (${escapeMarkdownCell(causesText(report, i))}): ${escapeMarkdownCell(impactText(i))}\n`);
  }
  return out.join('');
};
