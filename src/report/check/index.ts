import { forTerminal } from '../shared/escape.js';
import { formatGithub } from './github.js';
import { formatGitlab } from './gitlab.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatPretty } from './pretty.js';
import { formatSarif } from './sarif.js';
import type { CheckFormatter } from './types.js';

/** `promise check --format`: adding a format is a file and an entry here. */
export const CHECK_FORMATS = {
  // the source lines stay as read: pretty escapes them itself, to place its caret in the escaped text
  pretty: forTerminal(formatPretty, ['lines']),
  json: formatJson,
  github: formatGithub,
  junit: formatJunit,
  sarif: formatSarif,
  gitlab: formatGitlab,
} as const satisfies Record<string, CheckFormatter>;

export type CheckFormat = keyof typeof CHECK_FORMATS;
