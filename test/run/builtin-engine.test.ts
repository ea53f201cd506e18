/** The built-in Engine, run over log files as the commands run it (through test/helpers/evaluate.ts). */
import { describe, expect, it } from 'vitest';
import { getEngine } from '../../src/run/engine.js';
import { evaluate, evaluateWithNotes } from '../helpers/evaluate.js';

const FILES = {
  'owners.yaml': 'owners:\n  - { id: support, name: Support, kind: team }\n',
  'sources.yaml': `sources:
  - { id: tickets, files: logs/tickets-*.csv, key: id }
  - { id: calls, files: logs/calls-*.csv, key: id }
`,
  'promises.yaml': `promises:
  - { id: fast, statement: We answer fast., dimension: responsiveness, owner: support }
  - { id: called, statement: We call back., dimension: responsiveness, owner: support }
`,
  'standards.yaml': `standards:
  - { id: reply, promise: fast, source: tickets, measure: { kind: duration, from: opened, to: replied, within: 24h }, target: 90%, period: quarter }
  - { id: callback, promise: called, source: calls, measure: { kind: duration, from: rang, to: called, within: 4h }, target: 80%, period: month }
`,
};

const AS_OF = '2026-12-01T00:00:00Z';

/** Ten tickets of 2026-Q3 and 2026-Q4, answered after 2, 5, 8, ... 29 hours: the last two breach. */
const TICKETS = [
  'id,opened,replied',
  ...Array.from({ length: 10 }, (_, n) => {
    const opened = Date.parse(n < 5 ? '2026-08-03T08:00:00Z' : '2026-10-05T08:00:00Z') + n * 86_400_000;
    return `T${n},${new Date(opened).toISOString()},${new Date(opened + (2 + 3 * n) * 3_600_000).toISOString()}`;
  }),
].join('\n');

describe('the built-in engine', () => {
  it('is the one engine there is, named', () => {
    expect(getEngine('builtin', { env: {} }).name).toBe('builtin');
  });

  it('reads every source of the selected standards, and counts each file', async () => {
    const e = await evaluate({ files: FILES, logs: { tickets: [TICKETS, 'id,opened,replied\nT99,2026-08-20T08:00:00Z,2026-08-20T09:00:00Z'], calls: 'id,rang,called\nC1,2026-11-02T08:00:00Z,2026-11-02T13:00:00Z' }, asOf: AS_OF });
    expect(e.sources.map((s) => [s.source, s.files, s.rows])).toEqual([
      ['calls', 1, 1],
      ['tickets', 2, 11],
    ]);
    expect(e.breaches.map((b) => `${b.standard} ${b.record} ${b.file}:${b.line}`)).toEqual(['callback C1 logs/calls-1.csv:2', 'reply T8 logs/tickets-1.csv:10', 'reply T9 logs/tickets-1.csv:11']);
    expect(e.gaps.map((g) => [g.standard, g.period.key, g.met, g.breached])).toEqual([
      ['callback', '2026-11', 0, 1],
      ['reply', '2026-Q3', 6, 0],
      ['reply', '2026-Q4', 3, 2],
    ]);
  });

  it('evaluates only the selected standards: a source none of them reads is not opened', async () => {
    const { evaluation, notes } = await evaluateWithNotes({ files: FILES, logs: { tickets: TICKETS }, asOf: AS_OF, standards: ['reply'] });
    expect(evaluation.sources.map((s) => s.source)).toEqual(['tickets']);
    // calls has no files, but nothing selected reads it: nothing to say
    expect(notes).toEqual([]);
  });

  it('says, in the order it reads, which source has no files and which file is empty; both add no records', async () => {
    const { evaluation, notes } = await evaluateWithNotes({ files: FILES, logs: { tickets: [TICKETS, ''] }, asOf: AS_OF });
    expect(notes).toEqual([
      { kind: 'no-log-files', source: 'calls', patterns: ['logs/calls-*.csv'] },
      { kind: 'empty-log', file: 'logs/tickets-2.csv', message: 'log file logs/tickets-2.csv is empty: it has no header line' },
    ]);
    expect(evaluation.sources.map((s) => [s.source, s.files, s.rows])).toEqual([
      ['calls', 0, 0],
      ['tickets', 2, 10],
    ]);
  });

  it('gives the same evaluation however the reader batches the rows', async () => {
    const whole = await evaluate({ files: FILES, logs: { tickets: TICKETS }, asOf: AS_OF, options: { atRisk: true, details: true, alsoBy: 'quarter' } });
    for (const batch of [1, 2, 7]) {
      expect(await evaluate({ files: FILES, logs: { tickets: TICKETS }, asOf: AS_OF, batch, options: { atRisk: true, details: true, alsoBy: 'quarter' } })).toEqual(whole);
    }
  });

  it('keeps the breaches of the periods asked for, and counts every period', async () => {
    const e = await evaluate({ files: FILES, logs: { tickets: TICKETS }, asOf: AS_OF, options: { within: [{ kind: 'quarter', key: '2026-Q3', startMs: Date.parse('2026-06-30T22:00:00Z'), endMs: Date.parse('2026-09-30T22:00:00Z') }] } });
    expect(e.breaches).toEqual([]);
    expect(e.gaps.map((g) => g.period.key)).toEqual(['2026-Q3', '2026-Q4']);
    expect((await evaluate({ files: FILES, logs: { tickets: TICKETS }, asOf: AS_OF, options: { breaches: false } })).breaches).toEqual([]);
  });

  it('rolls up the promises it is given, over the periods their standards have data for', async () => {
    const e = await evaluate({ files: FILES, logs: { tickets: TICKETS }, asOf: AS_OF });
    expect(e.promises.map((p) => [p.promise, p.period?.key, p.standards.map((s) => s.standard)])).toEqual([
      ['fast', '2026-Q3', ['reply']],
      ['fast', '2026-Q4', ['reply']],
    ]);
  });
});
