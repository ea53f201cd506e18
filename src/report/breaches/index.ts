import { forTerminal } from '../shared/escape.js';
import type { EvaluationFormatter } from '../shared/evaluation.js';
import { formatBreachesCsv } from './csv.js';
import { formatBreachesJson } from './json.js';
import { formatBreachesNdjson } from './ndjson.js';
import { formatBreachesTable } from './table.js';

/** `promise breaches --format`: adding a format is a file and an entry here. */
export const BREACHES_FORMATS = {
  table: forTerminal(formatBreachesTable),
  json: formatBreachesJson,
  ndjson: formatBreachesNdjson,
  csv: formatBreachesCsv,
} as const satisfies Record<string, EvaluationFormatter>;
