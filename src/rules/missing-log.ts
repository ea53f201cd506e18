/**
 * missing-log: a source whose logs are not there to check; unreadable-file: log files that
 * cannot be read, and paths a source names that are not read because they lead outside the
 * registry (docs/security.md).
 */
import type { LogRefusal } from '../logs/files.js';
import type { YamlPath } from '../registry/locate.js';
import { about, finding, type Finding, type Rule, type RuleContext } from './types.js';

/** Why a path a source names is not read, in words, and the field of the source it is shown at. */
export function describeRefusal(sourceId: string, refusal: LogRefusal): { path: YamlPath; message: string; hint: string } {
  const elsewhere = `to read a log kept elsewhere, pass --log ${sourceId}=PATH`;
  switch (refusal.kind) {
    case 'glob-outside':
      return {
        path: ['files', refusal.index],
        message: `source "${sourceId}": files "${refusal.pattern}" names paths outside the registry; nothing it names was read`,
        hint: `write globs relative to the registry root, with no \`..\` part and no leading \`/\`; ${elsewhere}`,
      };
    case 'link-outside':
      return {
        path: ['files'],
        message: refusal.folder
          ? `source "${sourceId}": the folder ${refusal.display} leads outside the registry (through a link); it was not searched`
          : `source "${sourceId}": ${refusal.display} leads outside the registry (through a link); it was not read`,
        hint: `keep log files inside the registry folder; ${elsewhere}`,
      };
    case 'folder-loop':
      return {
        path: ['files'],
        message: `source "${sourceId}": the folder ${refusal.display} is a link back to a folder that holds it; it was not searched`,
        hint: 'remove the link: the files it leads to are found where they are',
      };
  }
}

function logProblems(ctx: RuleContext, kind: 'unreadable' | 'empty' | 'none'): Finding[] {
  const out: Finding[] = [];
  for (const source of ctx.registry.sources) {
    const headers = ctx.headers.get(source.id);
    if (headers === undefined) continue;
    const loc = ctx.locate(source.at, ['files']);
    const origin = headers.overridden ? `--log ${source.id}=${headers.patterns.join(',')}` : headers.patterns.join(', ');
    if (kind === 'none' && headers.files.length === 0 && headers.refused.length === 0) {
      out.push(finding(loc, `source "${source.id}": no log file matches ${origin}; its columns were not checked`, 'put the exported CSV files there, or point at them with --log', about('sources', source.id, 'files')));
    }
    if (kind === 'unreadable') {
      for (const refusal of headers.refused) {
        const { path, message, hint } = describeRefusal(source.id, refusal);
        out.push(finding(ctx.locate(source.at, path), message, hint, about('sources', source.id, 'files')));
      }
    }
    for (const file of headers.files) {
      if (file.problem?.kind !== kind) continue;
      const message = kind === 'empty' ? `source "${source.id}": ${file.display}: ${file.problem.message}` : `source "${source.id}": cannot read ${file.display}: ${file.problem.message}`;
      out.push(finding(loc, message, kind === 'empty' ? 'export the log again with its header line' : (file.problem.hint ?? 'fix the file, or point at another file with --log'), about('sources', source.id, 'files')));
    }
  }
  return out;
}

export const missingLog: Rule = {
  id: 'missing-log',
  kind: 'lint',
  defaultSeverity: 'info',
  description: "A source whose files match no log file, or whose log file is empty, so its columns cannot be checked.",
  check: (ctx) => [...logProblems(ctx, 'none'), ...logProblems(ctx, 'empty')],
};

/** Log files that exist but cannot be read are errors of the same rule as unreadable registry files. */
export const unreadableLogs = (ctx: RuleContext): Finding[] => logProblems(ctx, 'unreadable');
