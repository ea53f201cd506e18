/** The gap report as titled tables, shared by the terminal and Markdown forms. */
import type { Evaluation, GapRow } from '../../model/evaluation.js';
import { formatCredits, percent, points } from '../shared/time.js';
import { formatShare } from '../shared/describe.js';
import { boundFigureText, boundGapText, boundText, elapsedText } from '../shared/figures.js';
import { customerLinksSection, customerSection } from './customer.js';

export interface Section {
  title: string;
  head: string[];
  rows: (string | number)[][];
  /** numeric columns */
  right: number[];
  /** the column holding a status word, for colour */
  status: number | undefined;
  /** the columns that name a row: a block's heading when a terminal is too narrow for the table */
  heading: number[];
  /** columns of running text, which a terminal table wraps */
  wrap: number[];
}

/**
 * One standard in one period. SPEC §2: an average is judged by its mean against its bound, so it
 * reads `mean 4.30 | ≥ 4.2 | +0.10`, with no records met or breached and no compliance.
 */
function standardRow(g: GapRow): (string | number)[] {
  const pending = g.atRisk > 0 ? `${g.pending} (${g.atRisk})` : g.pending;
  if (g.bound !== undefined) {
    return [g.standard, g.period.key, g.records, '–', '–', pending, g.skipped, g.invalid, boundFigureText(g.average, g.bound), boundText(g.bound), boundGapText(g.gap, g.bound.nps === true ? 0 : 2), g.status, '', '', ''];
  }
  const time = (seconds: number | undefined) => elapsedText(seconds, g.clock, 'cell');
  return [
    g.standard,
    g.period.key,
    g.records,
    g.met ?? '–',
    g.breached ?? '–',
    pending,
    g.skipped,
    g.invalid,
    percent(g.compliance),
    g.target === undefined ? '–' : formatShare(g.target),
    points(g.gap),
    g.status,
    time(g.p50Seconds),
    time(g.p90Seconds),
    time(g.pTargetSeconds),
  ];
}

export function gapSections(e: Evaluation): Section[] {
  const customer = customerSection(e);
  const links = customerLinksSection(e);
  const sections: Section[] = [
    {
      title: 'Standards',
      head: ['standard', 'period', 'records', 'met', 'breached', 'pending (at risk)', 'skipped', 'invalid', 'compliance', 'target', 'gap', 'status', 'p50', 'p90', 'kept at target'],
      rows: e.gaps.map(standardRow),
      right: [2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14],
      status: 11,
      heading: [0, 1, 11],
      wrap: [],
    },
    {
      title: 'Promises',
      head: ['promise', 'period', 'status', 'standards'],
      rows: e.promises.map((p) => [p.promise, p.period?.key ?? 'any', p.status, p.standards.map((s) => `${s.standard}: ${s.status}`).join(', ') || 'no standard measures it']),
      right: [],
      status: 2,
      heading: [0, 1, 2],
      wrap: [3],
    },
    {
      title: 'Owners',
      head: ['owner', 'period', 'standards', 'met', 'missed', 'in progress', 'promises kept', 'broken', 'compliance', 'breaches'],
      rows: e.owners.map((o) => [o.owner, o.period.key, o.standards, o.met, o.missed, o.onTrack + o.atRisk, o.kept, o.broken, percent(o.compliance), o.breaches]),
      right: [2, 3, 4, 5, 6, 7, 8, 9],
      status: undefined,
      heading: [0, 1],
      wrap: [],
    },
    {
      title: 'SERVQUAL dimensions',
      head: ['dimension', 'period', 'promises', 'kept', 'broken', 'standards met', 'missed', 'compliance', 'breaches'],
      rows: e.dimensions.map((d) => [d.dimension, d.period.key, d.promises, d.kept, d.broken, d.met, d.missed, percent(d.compliance), d.breaches]),
      right: [2, 3, 4, 5, 6, 7, 8],
      status: undefined,
      heading: [0, 1],
      wrap: [],
    },
    ...(customer === undefined ? [] : [customer]),
    ...(links === undefined ? [] : [links]),
    {
      title: 'Sources',
      head: ['source', 'files', 'rows', 'invalid rows', 'repeated keys'],
      rows: e.sources.map((s) => [s.source, s.files, s.rows, s.invalid, s.duplicateKeys]),
      right: [1, 2, 3, 4],
      status: undefined,
      heading: [0],
      wrap: [],
    },
  ];
  const owing = e.gaps.filter((g) => Object.keys(g.credits).length > 0);
  if (owing.length > 0) {
    sections.push({ title: 'Credits owed', head: ['standard', 'period', 'credits'], rows: owing.map((g) => [g.standard, g.period.key, formatCredits(g.credits)]), right: [], status: undefined, heading: [0, 1], wrap: [2] });
  }
  return sections.filter((s) => s.rows.length > 0);
}
