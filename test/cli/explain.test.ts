/** `promise explain` end to end: the built CLI on the examples and on real data, stdout, stderr and exit code. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, promise, tempDir } from '../helpers/cli.js';

interface Explained {
  standard: string;
  record: string;
  file: string;
  line: number;
  outcome: string;
  period: string | null;
  start: string | null;
  end: string | null;
  due: string | null;
  elapsed_seconds: number | null;
  limit_seconds: number | null;
  over_seconds: number | null;
  steps: { step: string; text: string }[];
}

const FIGURES = ['file', 'line', 'period', 'outcome', 'start', 'end', 'due', 'elapsed_seconds', 'limit_seconds', 'over_seconds'] as const;
const figures = (x: Record<string, unknown>) => Object.fromEntries(FIGURES.map((k) => [k, x[k]]));

describe('promise explain', () => {
  it('json: the figures of the record equal its row in breaches --format json', () => {
    const args = ['--registry', 'examples/retail-bank', '--as-of', AS_OF, '--format', 'json'];
    const breaches = JSON.parse(promise(['breaches', '--standard', 'complaint-resolution', ...args]).stdout) as { breaches: Record<string, unknown>[] };
    const row = breaches.breaches.find((b) => b.record === 'NB-2026-005862');
    expect(row).toBeDefined();
    const r = promise(['explain', 'complaint-resolution', 'NB-2026-005862', ...args]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const body = JSON.parse(r.stdout) as Explained[];
    expect(body).toHaveLength(1);
    expect(figures(body[0] as unknown as Record<string, unknown>)).toEqual(figures(row as Record<string, unknown>));
    expect(body[0]?.steps.map((s) => s.step)).toEqual(['scope', 'start', 'end', 'calendar', 'limit', 'outcome']);
  });

  it('pretty: the steps, numbered, with the holidays skipped', () => {
    const r = promise(['explain', 'complaint-resolution', 'NB-2026-005862', '--registry', 'examples/retail-bank', '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('logs/crm-cases-2026-q1.csv:1669  breached  2026-Q1');
    expect(r.stdout).toContain('Mon 2026-04-06 holiday (Easter Monday), closed: skipped');
  });

  it('an unknown record exits 2 with a did-you-mean from the keys seen', () => {
    const r = promise(['explain', 'complaint-resolution', 'NB-2026-00586', '--registry', 'examples/retail-bank', '--as-of', AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^promise: no row of source "crm-cases" has case_id "NB-2026-00586"\nhint: did you mean "NB-2026-00[0-9]{3}6?"\?\n$/);
  });

  it('an unknown standard exits 2 with a did-you-mean', () => {
    const r = promise(['explain', 'complaint-resolutoin', 'NB-2026-005862', '--registry', 'examples/retail-bank', '--as-of', AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('hint: did you mean "complaint-resolution"?');
  });

  it('an unknown format exits 2', () => {
    const r = promise(['explain', 'complaint-resolution', 'NB-2026-005862', '--registry', 'examples/retail-bank', '--format', 'html']);
    expect(r.code).toBe(2);
  });

  it('a key that repeats gives one explanation per row, in file order', () => {
    const args = ['--registry', 'examples/retail-bank', '--as-of', AS_OF, '--format', 'json'];
    const gaps = JSON.parse(promise(['breaches', ...args]).stdout) as { duplicates: { source: string; record: string; line: number; first_line: number }[] };
    const repeated = gaps.duplicates.find((d) => d.source === 'crm-cases');
    expect(repeated).toBeDefined();
    const r = promise(['explain', 'inquiry-first-reply', repeated?.record ?? '', ...args]);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout) as Explained[];
    expect(body.map((e) => e.line)).toEqual([repeated?.first_line, repeated?.line]);
  });

  it('escapes control characters from the cells in pretty and md', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'promise.yaml'), 'version: 1\nname: Desk\ntimezone: Europe/Berlin\n');
    writeFileSync(
      join(dir, 'registry.yaml'),
      [
        'owners:\n  - { id: desk, name: Desk, kind: team }',
        'sources:\n  - { id: tickets, files: logs/*.csv, key: id }',
        'promises:\n  - { id: p, statement: We reply., dimension: responsiveness, owner: desk }',
        'standards:\n  - { id: reply, promise: p, source: tickets, where: { channel: email }, measure: { kind: duration, from: opened, to: closed, within: 4h }, target: 90%, period: month }',
        '',
      ].join('\n'),
    );
    mkdirSync(join(dir, 'logs'));
    writeFileSync(join(dir, 'logs', 't.csv'), 'id,opened,closed,channel\nT1,2026-10-01T08:00:00Z\u001b[2J,2026-10-01T09:00:00Z,email\u001b]0;owned\u0007\n');
    for (const format of ['pretty', 'md']) {
      const r = promise(['explain', 'reply', 'T1', '--registry', dir, '--as-of', AS_OF, '--format', format]);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
      expect(r.stdout).toContain('\\x1b');
    }
  });
});

describe('promise explain on real data', () => {
  it('a Boston 311 case the city marked OVERDUE is breached, past its target', () => {
    // boston311_2022-01_raw_100.csv: 101004113363, opened 2022-01-01 08:15, target 2022-03-02 08:15:22, closed 2022-03-09 07:27:41, ontime OVERDUE
    const r = promise(['explain', 'closed-by-target-2022-01', '101004113363', '--registry', 'examples/boston-311', '--as-of', '2025-05-19T18:30:00-04:00', '--format', 'json']);
    expect(r.code).toBe(0);
    const [e] = JSON.parse(r.stdout) as Explained[];
    expect(e).toMatchObject({ outcome: 'breached', period: '2022-01', due: '2022-03-02T13:15:22.000Z', end: '2022-03-09T12:27:41.000Z' });
    expect(e?.over_seconds).toBe((Date.parse('2022-03-09T12:27:41Z') - Date.parse('2022-03-02T13:15:22Z')) / 1000);
    expect(e?.steps.find((s) => s.step === 'due')?.text).toContain('America/New_York');
  });
});
