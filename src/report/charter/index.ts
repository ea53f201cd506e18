import { forTerminal } from '../shared/escape.js';
import type { Charter } from './data.js';
import { formatCharterHtml } from './html.js';
import { formatCharterMd } from './md.js';

export type CharterFormatter = (charter: Charter) => string;

/** `promise charter --format`: adding a format is a file and an entry here. */
export const CHARTER_FORMATS = {
  html: formatCharterHtml,
  md: forTerminal(formatCharterMd),
} as const satisfies Record<string, CharterFormatter>;

export type CharterFormat = keyof typeof CHARTER_FORMATS;
