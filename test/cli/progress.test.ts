import { describe, expect, it } from 'vitest';
import { formatProgress, startProgress } from '../../src/cli/progress.js';
import type { Io } from '../../src/cli/io.js';

function io(tty: boolean, env: Record<string, string> = {}): Io & { err: string[] } {
  const err: string[] = [];
  return { cwd: '/', env, stdout: { write: () => undefined, isTTY: tty }, stderr: { write: (t) => void err.push(t), isTTY: tty }, err };
}

describe('the progress bar', () => {
  it('says how far, how many rows, how fast and how long is left', () => {
    expect(formatProgress({ bytes: 50e6, totalBytes: 200e6, rows: 400_000, elapsed: 2 })).toBe('[######------------------]  25%  400,000 rows  50.0 MB  200,000 rows/s  0:06 left');
    expect(formatProgress({ bytes: 200e6, totalBytes: 200e6, rows: 1_600_000, elapsed: 8 })).toMatch(/^\[#{24}\] 100% .* 0:00 left$/);
  });

  it('draws on a terminal once the run has taken half a second, at most ten times a second, and clears itself', () => {
    let t = 0;
    const out = io(true);
    const p = startProgress(out, 1000, false, () => t);
    p.bytes(100);
    expect(out.err).toEqual([]);
    t = 600;
    p.rows(10);
    p.bytes(100);
    t = 650;
    p.bytes(100);
    t = 800;
    p.bytes(100);
    p.done();
    expect(out.err).toHaveLength(3);
    expect(out.err[0]).toMatch(/^\r\[#####-+\]  20%  10 rows/);
    expect(out.err[2]).toBe('\r\u001b[K');
  });

  it.each([
    ['not a terminal', io(false), false],
    ['in CI', io(true, { CI: 'true' }), false],
    ['for JSON output', io(true), true],
  ])('stays silent %s', (_name, out, machine) => {
    let t = 0;
    const p = startProgress(out, 1000, machine, () => t);
    t = 10_000;
    p.bytes(500);
    p.done();
    expect(out.err).toEqual([]);
  });
});
