/**
 * The customer gap in `promise gaps` (SPEC §6): the JSON rows, and the section the table and
 * Markdown forms show, each dimension's row next to that dimension's delivery roll-up.
 */
import type { CustomerGapRow, CustomerLinkRow, DimensionRollup, Evaluation, ServqualRow } from '../../model/evaluation.js';
import { scoreText, signedText } from '../shared/figures.js';
import { round6, percent } from '../shared/time.js';
import type { Section } from './sections.js';

export function customerJson(c: CustomerGapRow) {
  return {
    source: c.source,
    dimension: c.dimension,
    period: c.period.key,
    respondents: c.respondents,
    expectation: round6(c.expectation),
    perception: round6(c.perception),
    gap: round6(c.gap),
    weight: round6(c.weight),
    weighted_gap: round6(c.weightedGap),
  };
}

export function servqualJson(s: ServqualRow) {
  return { source: s.source, period: s.period.key, servqual: round6(s.servqual), servqual_weighted: round6(s.servqualWeighted) };
}

export function customerLinkJson(l: CustomerLinkRow) {
  return {
    standard: l.standard,
    survey: l.survey,
    period: l.period.key,
    met_responses: l.metResponses,
    met_mean: round6(l.metMean),
    breached_responses: l.breachedResponses,
    breached_mean: round6(l.breachedMean),
    difference: round6(l.difference),
  };
}

const score = scoreText;
const signed = signedText;

/** The delivery side of a dimension in a period: its standards' compliance and promises kept. */
function delivery(d: DimensionRollup | undefined): [string, string] {
  if (d === undefined) return ['–', '–'];
  return [percent(d.compliance), `${d.kept} of ${d.promises}`];
}

/** One row per survey, period and dimension, then the period's SERVQUAL score; none without surveys. */
export function customerSection(e: Evaluation): Section | undefined {
  if (e.customer.length === 0) return undefined;
  const rollups = new Map(e.dimensions.map((d) => [`${d.dimension}\u0000${d.period.key}`, d]));
  const scores = new Map(e.servqual.map((s) => [`${s.source}\u0000${s.period.key}`, s]));
  const rows: (string | number)[][] = [];
  e.customer.forEach((c, i) => {
    rows.push([c.source, c.period.key, c.dimension, c.respondents, score(c.expectation), score(c.perception), signed(c.gap), signed(c.weightedGap), ...delivery(rollups.get(`${c.dimension}\u0000${c.period.key}`))]);
    const next = e.customer[i + 1];
    if (next !== undefined && next.source === c.source && next.period.key === c.period.key) return;
    const s = scores.get(`${c.source}\u0000${c.period.key}`);
    rows.push([c.source, c.period.key, 'SERVQUAL score', '', '', '', signed(s?.servqual), signed(s?.servqualWeighted), '', '']);
  });
  return {
    title: 'Customer gap (SERVQUAL)',
    head: ['survey', 'period', 'dimension', 'respondents', 'mean E', 'mean P', 'gap', 'weighted gap', 'delivery compliance', 'promises kept'],
    rows,
    right: [3, 4, 5, 6, 7, 8, 9],
    status: undefined,
    heading: [0, 1],
    wrap: [],
  };
}

/** SPEC §6 `links`: met against breached per linked standard and period; none without linked surveys. */
export function customerLinksSection(e: Evaluation): Section | undefined {
  const links = e.customerLinks ?? [];
  if (links.length === 0) return undefined;
  return {
    title: 'Does keeping the promise show?',
    head: ['standard', 'survey', 'period', 'met responses', 'mean P (met)', 'breached responses', 'mean P (breached)', 'difference'],
    rows: links.map((l) => [l.standard, l.survey, l.period.key, l.metResponses, score(l.metMean), l.breachedResponses, score(l.breachedMean), signed(l.difference)]),
    right: [3, 4, 5, 6, 7],
    status: undefined,
    heading: [0, 1, 2],
    wrap: [],
  };
}

/** The met-against-breached table of the CSV: the JSON fields of `customer_links`, in order. */
export const CUSTOMER_LINK_CSV_COLUMNS = ['standard', 'survey', 'period', 'met_responses', 'met_mean', 'breached_responses', 'breached_mean', 'difference'] as const;

export const CUSTOMER_CSV_COLUMNS = ['source', 'dimension', 'period', 'respondents', 'expectation', 'perception', 'gap', 'weight', 'weighted_gap', 'servqual', 'servqual_weighted'] as const;

/** The customer-gap rows as a second CSV table, the JSON fields as columns, each row with its period's scores. */
export function customerCsvRows(e: Evaluation): Record<(typeof CUSTOMER_CSV_COLUMNS)[number], unknown>[] {
  const scores = new Map(e.servqual.map((s) => [`${s.source}\u0000${s.period.key}`, servqualJson(s)]));
  return e.customer.map((c) => {
    const s = scores.get(`${c.source}\u0000${c.period.key}`);
    return { ...customerJson(c), servqual: s?.servqual ?? null, servqual_weighted: s?.servqual_weighted ?? null };
  });
}
