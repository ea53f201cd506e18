import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { load, ruleContext } from '../helpers/memory-reader.js';
import { SOURCE } from './fixtures.js';

async function context(files: { display: string; columns?: string[]; problem?: { kind: 'unreadable' | 'empty'; message: string } }[]) {
  const { registry } = await load({ 's.yaml': SOURCE });
  const ctx = ruleContext(registry);
  (ctx.headers as Map<string, unknown>).set('tickets', { patterns: ['logs/*.csv'], overridden: false, files: files.map((f) => ({ columns: undefined, ...f })) });
  return ctx;
}
const run = (id: string, ctx: Awaited<ReturnType<typeof context>>) => RULES.find((r) => r.id === id)?.check?.(ctx) ?? [];

describe('missing-log and unreadable log files', () => {
  it('a source with no log files is an info at its files value', async () => {
    const found = run('missing-log', await context([]));
    expect(found.map((f) => `${f.loc.line}:${f.loc.column} ${f.message}`)).toEqual(['3:12 source "tickets": no log file matches logs/*.csv; its columns were not checked']);
  });

  it('an empty log file is reported by missing-log', async () => {
    const found = run('missing-log', await context([{ display: 'logs/a.csv', problem: { kind: 'empty', message: 'the file is empty: it has no header line' } }]));
    expect(found.map((f) => f.message)).toEqual(['source "tickets": logs/a.csv: the file is empty: it has no header line']);
  });

  it('a log file that cannot be read is an unreadable-file error', async () => {
    const ctx = await context([{ display: 'logs/a.csv', problem: { kind: 'unreadable', message: 'permission denied' } }, { display: 'logs/b.csv', columns: ['ticket_id'] }]);
    expect(run('unreadable-file', ctx).map((f) => f.message)).toEqual(['source "tickets": cannot read logs/a.csv: permission denied']);
    expect(run('missing-log', ctx)).toEqual([]);
  });
});
