import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { load, ruleContext } from '../helpers/memory-reader.js';
import type { LogRefusal } from '../../src/logs/files.js';
import { SOURCE } from './fixtures.js';

async function context(files: { display: string; columns?: string[]; problem?: { kind: 'unreadable' | 'empty'; message: string } }[], refused: LogRefusal[] = [], yaml = SOURCE) {
  const { registry } = await load({ 's.yaml': yaml });
  const ctx = ruleContext(registry);
  (ctx.headers as Map<string, unknown>).set('tickets', { patterns: ['logs/*.csv'], overridden: false, files: files.map((f) => ({ columns: undefined, ...f })), refused });
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

  it('a path that leads outside the registry is an unreadable-file error at the files value; a glob at its own item', async () => {
    const yaml = 'sources:\n  - id: tickets\n    files:\n      - logs/*.csv\n      - ../x/*.csv\n    key: ticket_id\n';
    const ctx = await context(
      [{ display: 'logs/a.csv', columns: ['ticket_id'] }],
      [
        { kind: 'glob-outside', pattern: '../x/*.csv', index: 1 },
        { kind: 'link-outside', display: 'logs/b.csv', folder: false },
        { kind: 'link-outside', display: 'logs/ext', folder: true },
        { kind: 'folder-loop', display: 'logs/up' },
      ],
      yaml,
    );
    expect(run('unreadable-file', ctx).map((f) => `${f.loc.line}:${f.loc.column} ${f.message}`)).toEqual([
      '5:9 source "tickets": files "../x/*.csv" names paths outside the registry; nothing it names was read',
      '4:7 source "tickets": logs/b.csv leads outside the registry (through a link); it was not read',
      '4:7 source "tickets": the folder logs/ext leads outside the registry (through a link); it was not searched',
      '4:7 source "tickets": the folder logs/up is a link back to a folder that holds it; it was not searched',
    ]);
  });

  it('a source whose only files were refused is not also said to have none', async () => {
    const ctx = await context([], [{ kind: 'glob-outside', pattern: '/etc/*', index: 0 }]);
    expect(run('missing-log', ctx)).toEqual([]);
    expect(run('unreadable-file', ctx).map((f) => `${f.loc.line}:${f.loc.column}`)).toEqual(['3:12']);
  });
});
