/**
 * The charter of the retail-bank and airport examples, as `promise charter` writes it (in
 * process, on the seeded example logs, at the fixed as-of), with and without results.
 */
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../../src/cli/io.js';
import { runCli } from '../../../src/cli/run.js';
import { CHARTER_FORMATS } from '../../../src/report/charter/index.js';
import { AS_OF, REPO } from '../../helpers/cli.js';

const golden = (name: string) => join(import.meta.dirname, '__golden__', name);

async function charter(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { cwd: REPO, env: { NO_COLOR: '1' }, stdout: { write: (t) => void out.push(t), isTTY: false }, stderr: { write: (t) => void err.push(t), isTTY: false } };
  const code = await runCli(['charter', '--as-of', AS_OF, ...args], io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const CASES = [
  ['retail-bank', undefined],
  ['retail-bank', '2026-Q3'],
  ['airport', undefined],
  ['airport', 'FY2027-Q2'],
] as const;

it('offers html (the default) and md', () => {
  expect(Object.keys(CHARTER_FORMATS)).toEqual(['html', 'md']);
});

describe.each(CASES)('the charter of examples/%s, results %s', (example, period) => {
  const args = ['--registry', `examples/${example}`, ...(period === undefined ? [] : ['--with-results', period])];
  const name = `${example}${period === undefined ? '' : `-${period}`}`;

  it.each(['html', 'md'] as const)('as %s matches its golden file, the same bytes on a second run', async (format) => {
    const first = await charter([...args, '--format', format]);
    expect(first.code, first.stderr).toBe(0);
    await expect(first.stdout).toMatchFileSnapshot(golden(`${name}.${format}`));
    expect((await charter([...args, '--format', format])).stdout).toBe(first.stdout);
  });

  it('as HTML is one well-formed document, with no script and nothing loaded', async () => {
    const page = (await charter(args)).stdout;
    expect(page.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(XMLValidator.validate(page.replace(/^<!doctype html>\n/, '').replace(/<meta [^>]*>/g, ''))).toBe(true);
    expect(page).not.toMatch(/<script|https?:\/\/|@import|\ssrc\s*=|<(link|img|iframe|object|embed)\b|\son[a-z]+\s*=/i);
    expect(page).toContain('@page { size: A4;');
  });
});

it('with results, each promise on the page carries its status in the period', async () => {
  const page = (await charter(['--registry', 'examples/retail-bank', '--with-results', '2026-Q3'])).stdout;
  const statuses = [...page.matchAll(/data-promise="([^"]+)" data-status="([^"]+)"/g)].map((m) => [m[1], m[2]]);
  expect(statuses.length).toBe(5);
  for (const [, status] of statuses) expect(['kept', 'broken', 'in-progress', 'unmeasured']).toContain(status);
});

it('names the one promise no standard measures, airport\'s courteous-staff, on stderr and leaves it out', async () => {
  const r = await charter(['--registry', 'examples/airport', '--format', 'md']);
  expect(r.stderr).toBe('promise: charter leaves out promise "courteous-staff": no standard measures it (promise check: unmeasured-promise)\n');
  expect(r.stdout).not.toContain('courtesy and respect');
});
