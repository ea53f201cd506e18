import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { promise, REPO, tempDir } from '../helpers/cli.js';

const AS_OF = '2026-11-16T08:00:00Z';
const ONE = { PROMISE_THREADS: '1' };
/** tiny parts, so that the example logs are cut into many */
const MANY = { PROMISE_THREADS: '2', PROMISE_CHUNK_MB: '0.02' };

describe('large logs read in parts on worker threads', () => {
  it.each([
    ['retail-bank', 'gaps'],
    ['retail-bank', 'breaches'],
    ['airport', 'gaps'],
    ['field-service', 'breaches'],
    ['field-service', 'report'],
  ])('%s %s: the same bytes as in one piece', (example, command) => {
    const args = [command, '--registry', `examples/${example}`, '--as-of', AS_OF, '--format', 'json'];
    const one = promise(args, { env: ONE });
    const many = promise(args, { env: MANY });
    expect(one.code).toBe(0);
    expect(many.code).toBe(0);
    expect(many.stdout).toBe(one.stdout);
    expect(many.stderr).toBe(one.stderr);
  });

  it('a log whose cuts fall inside quoted cells is read again in one piece, with the same result', () => {
    const dir = tempDir();
    cpSync(join(REPO, 'test/fixtures/evaluation/dirty-log'), dir, { recursive: true });
    const rows = ['case_id,opened,closed,score,note'];
    for (let i = 0; i < 400; i++) {
      const note = i % 3 === 0 ? `"a note\nover three lines, with ""quotes""\nand a comma, too"` : 'short';
      const day = 1 + (i % 28);
      // every other case is closed 25 hours after it opened: a breach of the 24-hour promise
      const closed = i % 2 === 0 ? `2026-03-${String(day + 1).padStart(2, '0')} 11:00:00` : `2026-03-${String(day).padStart(2, '0')} 23:00:00`;
      rows.push(`C-${String(i).padStart(4, '0')},2026-03-${String(day).padStart(2, '0')} 10:00:00,${closed},${i % 5},${note}`);
    }
    rows.push('C-0007,2026-03-30 10:00:00,2026-03-31 10:00:00,3,the same key again');
    writeFileSync(join(dir, 'logs', 'cases.csv'), `,${rows.map((r, i) => (i === 0 ? r : `${i},${r}`)).join('\n')}\n`);
    const args = ['breaches', '--registry', dir, '--as-of', '2026-04-01', '--format', 'json'];
    const one = promise(args, { env: ONE });
    const many = promise(args, { env: { PROMISE_THREADS: '2', PROMISE_CHUNK_MB: '0.002' } });
    expect(one.code).toBe(0);
    expect(many.stdout).toBe(one.stdout);
    const body = JSON.parse(one.stdout) as { breaches: unknown[]; duplicates: { record: string }[] };
    expect(body.breaches.length).toBeGreaterThan(100);
    expect(body.duplicates.map((d) => d.record)).toEqual(['C-0007']);
  });

  it('a log whose lines end in LF, CRLF and CR by turns loses no row, in one piece or in parts', () => {
    const dir = tempDir();
    cpSync(join(REPO, 'test/fixtures/evaluation/dirty-log'), dir, { recursive: true });
    const eols = ['\r\n', '\n', '\n', '\r', '\r\n'];
    let text = `,case_id,opened,closed,score,note${eols[0]}`;
    for (let i = 1; i <= 500; i++) {
      const day = 1 + (i % 28);
      // every other case is closed 25 hours after it opened (April: no clock change), a breach
      const closed = i % 2 === 0 ? `2026-04-${String(day + 1).padStart(2, '0')} 11:00:00` : `2026-04-${String(day).padStart(2, '0')} 23:00:00`;
      const note = i % 7 === 0 ? '"a note\r\nover two lines"' : 'short';
      text += `${i},C-${String(i).padStart(4, '0')},2026-04-${String(day).padStart(2, '0')} 10:00:00,${closed},${i % 5},${note}${eols[i % eols.length]}`;
    }
    writeFileSync(join(dir, 'logs', 'cases.csv'), text);
    const args = ['gaps', '--registry', dir, '--as-of', '2026-05-01', '--format', 'json'];
    const one = promise(args, { env: ONE });
    const many = promise(args, { env: { PROMISE_THREADS: '2', PROMISE_CHUNK_MB: '0.002' } });
    expect(one.code).toBe(0);
    expect(many.stdout).toBe(one.stdout);
    const body = JSON.parse(one.stdout) as { standards: { records: number; met: number; breached: number }[]; sources: { rows: number; invalid: number }[] };
    expect(body.sources.map((s) => [s.rows, s.invalid])).toEqual([[500, 0]]);
    expect(body.standards.reduce((n, g) => n + g.records, 0)).toBe(500);
    expect(body.standards.reduce((n, g) => n + g.breached, 0)).toBe(250);
  });
});
