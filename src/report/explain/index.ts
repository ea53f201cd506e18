import type { ChalkInstance } from 'chalk';
import { forTerminal } from '../shared/escape.js';
import { formatExplainJson } from './json.js';
import { formatExplainMd } from './md.js';
import { formatExplainPretty } from './pretty.js';
import type { ExplainReport } from './words.js';

export type ExplainFormatter = (report: ExplainReport, options: { chalk: ChalkInstance }) => string;

/** `promise explain --format`: adding a format is a file and an entry here. Cells reach pretty and md escaped for a terminal. */
export const EXPLAIN_FORMATS = {
  pretty: forTerminal(formatExplainPretty),
  json: formatExplainJson,
  md: forTerminal(formatExplainMd),
} as const satisfies Record<string, ExplainFormatter>;
