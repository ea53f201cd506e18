import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, promise, tempDir } from '../helpers/cli.js';

const golden = (name: string) => join(import.meta.dirname, '__golden__', name);
const BANK = ['--registry', 'examples/retail-bank', '--as-of', AS_OF];

interface ReportBody {
  period: string;
  previous_period: string;
  finished: boolean;
  headline: Record<string, unknown>;
  promises: { promise: string; standards: { standard: string; status: string }[] }[];
}

describe('promise report on the retail-bank example', () => {
  it('as Markdown matches the golden file', async () => {
    const r = promise(['report', ...BANK, '--format', 'md']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(golden('retail-bank.report.md'));
  });

  it('as JSON matches the golden file: the last finished quarter before --as-of by default', async () => {
    const r = promise(['report', ...BANK, '--format', 'json']);
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(golden('retail-bank.report.json'));
    const body = JSON.parse(r.stdout) as ReportBody;
    expect([body.period, body.previous_period, body.finished]).toEqual(['2026-Q3', '2026-Q2', true]);
    expect(body.headline).toMatchObject({ promises_made: 5, promises_kept: 3, standards: 6, standards_met: 4, standards_missed: 2, credits: { EUR: 2330 } });
  });

  it('writes HTML by default, the same document as --format html', () => {
    const plain = promise(['report', ...BANK]);
    expect(plain.code).toBe(0);
    expect(plain.stdout.startsWith('<!doctype html>\n')).toBe(true);
    expect(plain.stdout).toContain('<h1>Northbridge Savings Bank <span class="period">2026-Q3</span></h1>');
    expect(plain.stdout).toBe(promise(['report', ...BANK, '--format', 'html']).stdout);
  });

  it('--out writes the report to a file and nothing to stdout', () => {
    const out = join(tempDir(), 'reports', 'q3.html');
    const r = promise(['report', ...BANK, '--period', '2026-Q3', '--format', 'html', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('data-headline="promises_kept">3<');
    expect(html).not.toMatch(/<script|https?:\/\//i);
  });

  it('--period picks another period, one still running says so, and the filters narrow the promises', () => {
    const q2 = JSON.parse(promise(['report', ...BANK, '--period', '2026-Q2', '--format', 'json']).stdout) as ReportBody;
    expect([q2.period, q2.previous_period, q2.finished]).toEqual(['2026-Q2', '2026-Q1', true]);
    const q4 = promise(['report', ...BANK, '--period', '2026-Q4', '--format', 'md']);
    expect(q4.code).toBe(0);
    expect(q4.stdout).toContain('The period is still running: its figures are not final.');
    const one = JSON.parse(promise(['report', ...BANK, '--promise', 'competent-advice', '--format', 'json']).stdout) as ReportBody;
    expect(one.promises.map((p) => p.promise)).toEqual(['competent-advice']);
    const owner = JSON.parse(promise(['report', ...BANK, '--owner', 'complaints-management', '--format', 'json']).stdout) as ReportBody;
    expect(owner.promises.flatMap((p) => p.standards.map((s) => s.standard))).toEqual(['complaint-acknowledgement', 'complaint-resolution']);
  });

  it('--standard reports the promise it measures, with all its standards', () => {
    const body = JSON.parse(promise(['report', ...BANK, '--standard', 'complaint-resolution', '--format', 'json']).stdout) as ReportBody;
    expect(body.promises.map((p) => [p.promise, p.standards.map((s) => s.standard)])).toEqual([
      ['resolve-complaints-in-5-business-days', ['complaint-acknowledgement', 'complaint-resolution']],
    ]);
    expect(body.headline).toMatchObject({ promises_made: 1, standards: 2, promises_broken: 1 });
  });
});

describe('promise report exit codes', () => {
  it('--fail-on missed exits 1 on Q3, where two standards missed; without it, 0', () => {
    expect(promise(['report', ...BANK, '--format', 'json', '--fail-on', 'missed']).code).toBe(1);
    expect(promise(['report', ...BANK, '--format', 'json', '--fail-on', 'breach']).code).toBe(1);
    expect(promise(['report', ...BANK, '--format', 'json', '--promise', 'competent-advice', '--fail-on', 'missed']).code).toBe(0);
  });

  it('--period twice is a usage error: exit 2, nothing on stdout', () => {
    const r = promise(['report', ...BANK, '--period', '2026-Q3', '--period', '2026-Q2']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^promise: report covers one period: give --period once$/m);
  });

  it.each(['2026-Q5', 'last-quarter'])('an unknown period %s exits 2', (period) => {
    const r = promise(['report', ...BANK, '--period', period]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`--period ${period}: not a period name`);
  });

  it('an unknown format exits 2 and names the formats', () => {
    const r = promise(['report', ...BANK, '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('use one of html, md, json');
  });
});
