import { breachJson, type EvaluationFormatter } from '../shared/evaluation.js';
import { csvValue } from '../shared/escape.js';

const COLUMNS = [
  'standard', 'promise', 'owner', 'source', 'record', 'file', 'line', 'period', 'outcome', 'open',
  'start', 'end', 'due', 'elapsed_seconds', 'limit_seconds', 'over_seconds',
  'remedy_action', 'remedy_credit', 'remedy_currency',
] as const;

/** SPEC §3: the JSON fields as columns, the remedy spread over three; cells safe for spreadsheets. */
export const formatBreachesCsv: EvaluationFormatter = (report) => {
  const lines = [COLUMNS.join(',')];
  for (const b of report.evaluation.breaches) {
    const { remedy, ...row } = breachJson(b);
    const cells: Record<(typeof COLUMNS)[number], unknown> = {
      ...row,
      remedy_action: remedy?.action ?? null,
      remedy_credit: remedy?.credit ?? null,
      remedy_currency: remedy?.currency ?? null,
    };
    lines.push(COLUMNS.map((c) => csvValue(cells[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
};
