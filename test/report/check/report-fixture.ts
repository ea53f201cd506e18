/** One hand-built check report that every formatter test renders: all severities, hints, awkward text. */
import type { Diagnostic } from '../../../src/model/diagnostic.js';
import { summarize } from '../../../src/model/diagnostic.js';
import type { CheckReport } from '../../../src/report/check/types.js';
import { RULES } from '../../../src/rules/index.js';

const diagnostics: Diagnostic[] = [
  {
    rule: 'unknown-ref',
    severity: 'error',
    messageId: 'undeclared',
    data: { from: 'standards', fromId: 'email-first-response', target: 'owners', ref: 'suport-eu', suggestion: 'support-eu' },
    message: 'standard "email-first-response" names owner "suport-eu"',
    hint: 'did you mean "support-eu"?',
    file: 'promises/email.yaml',
    line: 12,
    column: 12,
    endLine: 12,
    endColumn: 21,
    entity: { collection: 'standards', id: 'email-first-response', field: 'owner' },
  },
  {
    rule: 'schema',
    severity: 'error',
    messageId: 'notPercentage',
    data: { of: 'standards', ofId: 'vip-callback', path: 'target', value: '95' },
    message: 'standard "vip-callback": target: "95" is not a percentage, 100% <max> & "quotes"',
    hint: 'write a percentage such as 95% or a fraction such as 0.95',
    file: 'promises/email.yaml',
    line: 20,
    column: 10,
    endLine: 20,
    endColumn: 14,
    entity: { collection: 'standards', id: 'vip-callback', field: 'target' },
  },
  {
    rule: 'statement-mismatch',
    severity: 'warning',
    messageId: 'clockTime',
    data: { promise: 'reply-fast', stated: '24 hours', limits: ['1bd'], kinds: ['business-days'], calendars: ['office'], standards: ['email-first-response'] },
    message: 'promise "reply-fast" says "24 hours", but its standards measure 1bd on calendar "office" (email-first-response)',
    hint: 'customers read hours and days as clock time; say "business days" in the statement,\nor measure wall-clock time',
    file: 'promises/email.yaml',
    line: 3,
    column: 47,
    endLine: 3,
    endColumn: 55,
    entity: { collection: 'promises', id: 'reply-fast', field: 'statement' },
  },
  {
    rule: 'unused-calendar',
    severity: 'info',
    messageId: 'unused',
    data: { id: 'weekend' },
    message: 'calendar "weekend" is used by no standard',
    file: 'calendars, shared: 2026.yaml',
    line: 8,
    column: 9,
    endLine: 8,
    endColumn: 16,
    entity: { collection: 'calendars', id: 'weekend', field: '' },
  },
];

const emailLines = Array.from({ length: 20 }, () => '');
emailLines[0] = 'promises:';
emailLines[1] = '  - id: reply-fast';
emailLines[2] = '    statement: We reply to every email within 24 hours.';
emailLines[10] = 'standards:';
emailLines[11] = '    owner: suport-eu';
emailLines[19] = '\ttarget: "95"';

export const SOURCE_LINES = new Map<string, string[]>([['promises/email.yaml', emailLines]]);

export function checkReport(overrides: Partial<CheckReport> = {}): CheckReport {
  const sorted = [...diagnostics].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  return {
    registry: 'registry',
    pathPrefix: 'registry/',
    files: ['calendars, shared: 2026.yaml', 'owners.yaml', 'promise.yaml', 'promises/email.yaml'],
    diagnostics: sorted,
    summary: summarize(sorted),
    lines: SOURCE_LINES,
    rules: RULES.map(({ id, kind, defaultSeverity, description }) => ({ id, kind, defaultSeverity, description })),
    tool: { name: 'promise', version: '0.1.0' },
    ...overrides,
  };
}

export function cleanReport(): CheckReport {
  return checkReport({ diagnostics: [], summary: { errors: 0, warnings: 0, infos: 0 } });
}
