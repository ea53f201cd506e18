/** The data-quality section every output has (SPEC §2): invalid records and repeated keys, located. */
import type { ChalkInstance } from 'chalk';
import type { Evaluation } from '../../model/evaluation.js';
import { fitLine } from './table.js';
import { plural } from './words.js';

/** Entries shown in a terminal before "and N more". */
export const SHOWN = 20;

export interface QualityLine {
  where: string;
  text: string;
}

export interface QualitySection {
  /** a one-line summary, or undefined when the data is clean */
  summary: string | undefined;
  lines: QualityLine[];
  /** entries not shown */
  more: number;
}

export function dataQuality(e: Evaluation, limit = SHOWN): QualitySection {
  const invalidRows = new Set(e.invalid.map((i) => `${i.file}\u0000${i.line}`)).size;
  const all: QualityLine[] = [
    ...e.invalid.map((i) => ({
      where: `${i.file}:${i.line}`,
      text: `${i.record === '' ? '' : `${i.record}  `}${i.standard === undefined ? 'unreadable row' : i.standard}: ${i.reason}`,
    })),
    ...e.duplicates.map((d) => ({ where: `${d.file}:${d.line}`, text: `${d.record}: key already seen at ${d.firstFile}:${d.firstLine} (both are counted)` })),
  ];
  const parts: string[] = [];
  if (invalidRows > 0) parts.push(`${plural(invalidRows, 'log row')} could not be judged (${plural(e.invalid.length, 'finding')})`);
  if (e.duplicates.length > 0) parts.push(`${plural(e.duplicates.length, 'repeated key')}`);
  return {
    summary: parts.length === 0 ? undefined : parts.join('; '),
    lines: all.slice(0, limit),
    more: Math.max(0, all.length - limit),
  };
}

/** The data-quality section for a terminal `width` columns wide: a heading, the first findings, how many more. */
export function formatQualityText(e: Evaluation, chalk: ChalkInstance, width: number): string {
  const q = dataQuality(e);
  if (q.summary === undefined) return '';
  const out = [`\n${fitLine(`${chalk.bold('Data quality')}: ${q.summary}`, width)}\n`, ...q.lines.map((l) => `${fitLine(`${l.where}  ${l.text}`, width, '  ', '      ')}\n`)];
  if (q.more > 0) out.push(`${fitLine(`… and ${q.more} more (--format json lists them all)`, width, '  ')}\n`);
  return out.join('');
}
