import { forTerminal } from '../shared/escape.js';
import type { EvaluationFormatter } from '../shared/evaluation.js';
import { formatGapsCsv } from './csv.js';
import { formatGapsJson } from './json.js';
import { formatGapsMd } from './md.js';
import { formatGapsTable } from './table.js';

/** `promise gaps --format`: adding a format is a file and an entry here. */
export const GAPS_FORMATS = {
  table: forTerminal(formatGapsTable),
  json: formatGapsJson,
  csv: formatGapsCsv,
  md: forTerminal(formatGapsMd),
} as const satisfies Record<string, EvaluationFormatter>;
