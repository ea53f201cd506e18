/**
 * missing-log: a source whose logs are not there to check; unreadable-file: log files that
 * cannot be read, and paths a source names that are not read because they lead outside the
 * registry (docs/security.md).
 */
import type { LogRefusal } from '../logs/files.js';
import type { YamlPath } from '../registry/locate.js';
import { say, type Said } from '../registry/messages.js';
import { UNREADABLE_FILE_MESSAGES } from '../registry/rule-messages.js';
import { about, finding, type Finding, type Rule, type RuleContext } from './types.js';

const messages = {
  noFiles: { message: 'source "{{source}}": no log file matches {{origin}}; its columns were not checked', hint: 'put the exported CSV files there, or point at them with --log' },
  /** `reason` is the log reader's (logs/header.ts) */
  emptyFile: { message: 'source "{{source}}": {{file}}: {{reason}}', hint: 'export the log again with its header line' },
} as const;

/** Why a path a source names is not read (an `unreadable-file` finding), and the field of the source it is shown at. */
export function describeRefusal(sourceId: string, refusal: LogRefusal): { path: YamlPath; said: Said } {
  const m = UNREADABLE_FILE_MESSAGES;
  switch (refusal.kind) {
    case 'glob-outside':
      return { path: ['files', refusal.index], said: say(m, 'logGlobOutside', { source: sourceId, pattern: refusal.pattern }) };
    case 'link-outside':
      return { path: ['files'], said: say(m, refusal.folder ? 'logFolderLinkOutside' : 'logLinkOutside', { source: sourceId, file: refusal.display }) };
    case 'folder-loop':
      return { path: ['files'], said: say(m, 'logFolderLoop', { source: sourceId, file: refusal.display }) };
  }
}

function logProblems(ctx: RuleContext, kind: 'unreadable' | 'empty' | 'none'): Finding[] {
  const out: Finding[] = [];
  for (const source of ctx.registry.sources) {
    const headers = ctx.headers.get(source.id);
    if (headers === undefined) continue;
    const loc = ctx.locate(source.at, ['files']);
    const entity = about('sources', source.id, 'files');
    const origin = headers.overridden ? `--log ${source.id}=${headers.patterns.join(',')}` : headers.patterns.join(', ');
    if (kind === 'none' && headers.files.length === 0 && headers.refused.length === 0) {
      out.push(finding(loc, say(messages, 'noFiles', { source: source.id, origin }), entity));
    }
    if (kind === 'unreadable') {
      for (const refusal of headers.refused) {
        const { path, said } = describeRefusal(source.id, refusal);
        out.push(finding(ctx.locate(source.at, path), said, entity));
      }
    }
    for (const file of headers.files) {
      if (file.problem?.kind !== kind) continue;
      const data = { source: source.id, file: file.display, reason: file.problem.message };
      const said = kind === 'empty' ? say(messages, 'emptyFile', data) : say(UNREADABLE_FILE_MESSAGES, 'logUnreadable', { ...data, advice: file.problem.hint ?? '' });
      out.push(finding(loc, said, entity));
    }
  }
  return out;
}

export const missingLog: Rule = {
  id: 'missing-log',
  kind: 'lint',
  defaultSeverity: 'info',
  description: "A source whose files match no log file, or whose log file is empty, so its columns cannot be checked.",
  messages,
  check: (ctx) => [...logProblems(ctx, 'none'), ...logProblems(ctx, 'empty')],
};

/** Log files that exist but cannot be read are errors of the same rule as unreadable registry files. */
export const unreadableLogs = (ctx: RuleContext): Finding[] => logProblems(ctx, 'unreadable');
