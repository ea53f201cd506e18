/** missing-log: a source whose logs are not there to check; unreadable-file: log files that cannot be read. */
import { about, finding, type Finding, type Rule, type RuleContext } from './types.js';

function logProblems(ctx: RuleContext, kind: 'unreadable' | 'empty' | 'none'): Finding[] {
  const out: Finding[] = [];
  for (const source of ctx.registry.sources) {
    const headers = ctx.headers.get(source.id);
    if (headers === undefined) continue;
    const loc = ctx.locate(source.at, ['files']);
    const origin = headers.overridden ? `--log ${source.id}=${headers.patterns.join(',')}` : headers.patterns.join(', ');
    if (kind === 'none' && headers.files.length === 0) {
      out.push(finding(loc, `source "${source.id}": no log file matches ${origin}; its columns were not checked`, 'put the exported CSV files there, or point at them with --log', about('sources', source.id, 'files')));
    }
    for (const file of headers.files) {
      if (file.problem?.kind !== kind) continue;
      const message = kind === 'empty' ? `source "${source.id}": ${file.display}: ${file.problem.message}` : `source "${source.id}": cannot read ${file.display}: ${file.problem.message}`;
      out.push(finding(loc, message, kind === 'empty' ? 'export the log again with its header line' : 'fix the file permissions, or point at another file with --log', about('sources', source.id, 'files')));
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
