import { gapJson, selectPeriods, type EvaluationFormatter } from '../shared/evaluation.js';
import { csvValue } from '../shared/escape.js';
import { CUSTOMER_CSV_COLUMNS, CUSTOMER_LINK_CSV_COLUMNS, customerCsvRows, customerLinkJson } from './customer.js';

const COLUMNS = [
  'standard', 'promise', 'owner', 'period', 'records', 'met', 'breached', 'pending', 'at_risk', 'skipped', 'invalid',
  'compliance', 'target', 'gap', 'status', 'p50_seconds', 'p90_seconds', 'p_target_seconds', 'average', 'credits',
] as const;

/** One row per standard and period, the JSON fields as columns; credits as "120 EUR; 45 GBP". */
export const formatGapsCsv: EvaluationFormatter = (report) => {
  const lines = [COLUMNS.join(',')];
  for (const g of selectPeriods(report).gaps) {
    const row = gapJson(g);
    const cells: Record<(typeof COLUMNS)[number], unknown> = {
      ...row,
      credits: Object.entries(row.credits).map(([currency, amount]) => `${amount} ${currency}`).join('; '),
    };
    lines.push(COLUMNS.map((c) => csvValue(cells[c])).join(','));
  }
  // SPEC §6: the customer gap as a second table after a blank line, only with survey sources
  const shown = selectPeriods(report);
  const customer = customerCsvRows(shown);
  if (customer.length > 0) {
    lines.push('', CUSTOMER_CSV_COLUMNS.join(','));
    for (const row of customer) lines.push(CUSTOMER_CSV_COLUMNS.map((c) => csvValue(row[c])).join(','));
  }
  // SPEC §6 `links`: met against breached as a third table, only with linked surveys
  const links = shown.customerLinks ?? [];
  if (links.length > 0) {
    lines.push('', CUSTOMER_LINK_CSV_COLUMNS.join(','));
    for (const link of links) {
      const row = customerLinkJson(link);
      lines.push(CUSTOMER_LINK_CSV_COLUMNS.map((c) => csvValue(row[c])).join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
};
