/** The data-quality section every output has (SPEC §2): invalid records and repeated keys, located. */
import type { ChalkInstance } from 'chalk';
import { placeOf, whereOf, type Evaluation } from '../../model/evaluation.js';
import { invalidReasonText } from './invalid-reasons.js';
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
  /** entries not shown here (`--format json` lists them) */
  more: number;
  /** per source, repeated keys counted but listed nowhere: only the first of a source are kept */
  unlisted: { source: string; count: number }[];
  /** per source, what its local times on a clock change were read as (SPEC §1: notes, not errors) */
  notes: string[];
}

/** SPEC §1: local times on a clock change, per source, in words; none for a source without them. */
export function clockNotes(sources: readonly { source: string; dstGapTimes: number; dstOverlapTimes: number }[]): string[] {
  const out: string[] = [];
  for (const s of sources) {
    const parts: string[] = [];
    if (s.dstGapTimes > 0) parts.push(`${plural(s.dstGapTimes, 'local time')} that the clocks skip (a daylight-saving gap), moved forward by the gap`);
    if (s.dstOverlapTimes > 0) parts.push(`${plural(s.dstOverlapTimes, 'local time')} that the clocks show twice, read as the earlier`);
    if (parts.length > 0) out.push(`source ${s.source}: ${parts.join('; ')}`);
  }
  return out;
}

/** Per source, the repeated keys counted beyond those listed. */
function unlistedRepeats(e: Evaluation): { source: string; count: number }[] {
  const listed = new Map<string, number>();
  for (const d of e.duplicates) listed.set(d.source, (listed.get(d.source) ?? 0) + 1);
  return e.sources.map((s) => ({ source: s.source, count: s.duplicateKeys - (listed.get(s.source) ?? 0) })).filter((u) => u.count > 0);
}

/** "… and 12 more repeated keys in source tickets": said of a list of repeats cut short. */
export function unlistedText(u: { source: string; count: number }): string {
  return `… and ${plural(u.count, 'more repeated key')} in source ${u.source}: counted, not listed (only the first of a source are)`;
}

export function dataQuality(e: Evaluation, limit = SHOWN): QualitySection {
  const invalidRows = new Set(e.invalid.map(placeOf)).size;
  const all: QualityLine[] = [
    ...e.invalid.map((i) => ({
      where: whereOf(i),
      text: `${i.record === '' ? '' : `${i.record}  `}${i.standard ?? (i.code.startsWith('row-') ? 'unreadable row' : 'survey response')}: ${invalidReasonText(i)}`,
    })),
    ...e.duplicates.map((d) => ({ where: whereOf(d), text: `${d.record}: key already seen at ${whereOf({ file: d.firstFile, line: d.firstLine })} (both are counted)` })),
  ];
  const repeated = e.sources.reduce((n, s) => n + s.duplicateKeys, 0);
  const onClockChange = e.sources.reduce((n, s) => n + s.dstGapTimes + s.dstOverlapTimes, 0);
  const parts: string[] = [];
  if (invalidRows > 0) parts.push(`${plural(invalidRows, 'log row')} could not be judged (${plural(e.invalid.length, 'finding')})`);
  if (repeated > 0) parts.push(`${plural(repeated, 'repeated key')}`);
  if (onClockChange > 0) parts.push(`${plural(onClockChange, 'local time')} on a clock change, judged (notes)`);
  return {
    summary: parts.length === 0 ? undefined : parts.join('; '),
    lines: all.slice(0, limit),
    more: Math.max(0, all.length - limit),
    unlisted: unlistedRepeats(e),
    notes: clockNotes(e.sources),
  };
}

/** The data-quality section for a terminal `width` columns wide: a heading, the first findings, how many more. */
export function formatQualityText(e: Evaluation, chalk: ChalkInstance, width: number): string {
  const q = dataQuality(e);
  if (q.summary === undefined) return '';
  const out = [`\n${fitLine(`${chalk.bold('Data quality')}: ${q.summary}`, width)}\n`, ...q.lines.map((l) => `${fitLine(`${l.where}  ${l.text}`, width, '  ', '      ')}\n`)];
  if (q.more > 0) out.push(`${fitLine(`… and ${q.more} more (--format json lists them all)`, width, '  ')}\n`);
  for (const u of q.unlisted) out.push(`${fitLine(unlistedText(u), width, '  ')}\n`);
  for (const n of q.notes) out.push(`${fitLine(`note: ${n}`, width, '  ')}\n`);
  return out.join('');
}
