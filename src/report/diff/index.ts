import { forTerminal } from '../shared/escape.js';
import { formatDiffJson } from './json.js';
import { formatDiffMd } from './md.js';
import { formatDiffPretty } from './pretty.js';
import type { DiffFormatter } from './types.js';

/** `promise diff --format`: adding a format is a file and an entry here. */
export const DIFF_FORMATS = {
  pretty: forTerminal(formatDiffPretty),
  json: formatDiffJson,
  md: forTerminal(formatDiffMd),
} as const satisfies Record<string, DiffFormatter>;

export type DiffFormat = keyof typeof DIFF_FORMATS;
