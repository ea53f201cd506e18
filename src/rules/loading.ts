/** Error rules whose findings come from loading the registry (src/registry/); listed for `promise rules` and SARIF. */
import { DUPLICATE_ID_MESSAGES, SCHEMA_MESSAGES, UNKNOWN_REF_MESSAGES, UNREADABLE_FILE_MESSAGES, YAML_SYNTAX_MESSAGES } from '../registry/rule-messages.js';
import type { Rule } from './types.js';

export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  kind: 'error',
  defaultSeverity: 'error',
  messages: YAML_SYNTAX_MESSAGES,
  description: 'A registry file is not valid YAML: a syntax error, a tab used for indentation, a duplicate key, several documents in one file, or aliases that expand too far.',
};

export const schema: Rule = {
  id: 'schema',
  kind: 'error',
  defaultSeverity: 'error',
  messages: SCHEMA_MESSAGES,
  description: 'A value of the wrong type or shape, a missing or unknown field or top-level key, an id that breaks the pattern, a timezone that is not an IANA zone, a duration, share, date, interval or condition that does not parse.',
};

export const duplicateId: Rule = {
  id: 'duplicate-id',
  kind: 'error',
  defaultSeverity: 'error',
  messages: DUPLICATE_ID_MESSAGES,
  description: 'Two owners, calendars, sources, promises or standards share an id (across all files), or a calendar lists a holiday twice.',
};

export const unknownRef: Rule = {
  id: 'unknown-ref',
  kind: 'error',
  defaultSeverity: 'error',
  messages: UNKNOWN_REF_MESSAGES,
  description: 'A promise or standard names an owner, promise, source or calendar that is not declared.',
};

export const unreadableFile: Rule = {
  id: 'unreadable-file',
  kind: 'error',
  defaultSeverity: 'error',
  messages: UNREADABLE_FILE_MESSAGES,
  description: 'A registry file, folder or log file cannot be read: permissions, a broken or looping link, a binary or non-UTF-8 file, a file too large, a log that is no regular file (a folder, a FIFO, a device), or a path that leads outside the registry.',
};
