/** `promise charter` as a user runs it: the built CLI, no colour, a fixed --as-of. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, promise, tempDir } from '../helpers/cli.js';

const golden = (name: string) => readFileSync(join(import.meta.dirname, '..', 'report', 'charter', '__golden__', name), 'utf8');
const charter = (...args: string[]) => promise(['charter', '--as-of', AS_OF, ...args]);

/** A registry whose promises speak markup and control characters; `polite` has no standard. */
function hostileRegistry(): string {
  const dir = join(tempDir('promise-charter-'), 'registry');
  mkdirSync(join(dir, 'logs'), { recursive: true });
  writeFileSync(join(dir, 'promise.yaml'), 'version: 1\nname: "Acme <b>Bank</b>"\ntimezone: UTC\n');
  writeFileSync(
    join(dir, 'registry.yaml'),
    `owners:
  - { id: support, name: Support, kind: team }
sources:
  - { id: tickets, files: logs/tickets.csv, key: id }
promises:
  - id: fast
    statement: "We reply <script>alert(1)</script> within 24 hours \\e[2J\\u202e & more."
    dimension: responsiveness
    owner: support
    audience: "<i>everyone</i>"
    channels: ["web<site>"]
  - { id: polite, statement: "We are \\e[31mpolite.", dimension: empathy, owner: support }
standards:
  - id: reply
    promise: fast
    source: tickets
    measure: { kind: duration, from: opened, to: replied, within: 24h }
    target: 90%
    period: quarter
    remedy: { action: "A <a href='javascript:alert(2)'>credit</a>", credit: 5, currency: EUR }
`,
  );
  writeFileSync(join(dir, 'logs', 'tickets.csv'), 'id,opened,replied\nT1,2026-07-01T08:00:00Z,2026-07-01T09:00:00Z\nT2,2026-07-02T08:00:00Z,2026-07-04T09:00:00Z\n');
  return dir;
}

describe('promise charter', () => {
  it('writes the retail bank charter in Markdown, as the golden file has it, and says nothing on stderr', () => {
    const r = charter('--registry', 'examples/retail-bank', '--format', 'md');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(golden('retail-bank.md'));
  });

  it('writes HTML by default, and with --with-results the golden file with the period\'s results', () => {
    const r = charter('--registry', 'examples/airport', '--with-results', 'FY2027-Q2');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(golden('airport-FY2027-Q2.html'));
  });

  it('leaves out the promise no standard measures and names it on stderr, one line; check still warns unmeasured-promise', () => {
    const r = charter('--registry', 'examples/airport', '--format', 'md');
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l !== '')).toEqual(['promise: charter leaves out promise "courteous-staff": no standard measures it (promise check: unmeasured-promise)']);
    const check = JSON.parse(promise(['check', '--registry', 'examples/airport', '--as-of', AS_OF, '--format', 'json']).stdout) as { diagnostics: { rule: string; severity: string; message: string }[] };
    expect(check.diagnostics.filter((d) => d.rule === 'unmeasured-promise').map((d) => d.severity)).toEqual(['warning']);
  });

  it('says nothing on stderr with --quiet', () => {
    expect(promise(['--quiet', 'charter', '--registry', 'examples/airport', '--as-of', AS_OF, '--format', 'md']).stderr).toBe('');
  });

  it('shows each promise with the status the report gives it for the same period', () => {
    const page = charter('--registry', 'examples/retail-bank', '--with-results', '2026-Q3').stdout;
    const shown = Object.fromEntries([...page.matchAll(/data-promise="([^"]+)" data-status="([^"]+)"/g)].map((m) => [m[1], m[2]]));
    const report = JSON.parse(promise(['report', '--registry', 'examples/retail-bank', '--as-of', AS_OF, '--period', '2026-Q3', '--format', 'json']).stdout) as { promises: { promise: string; status: string }[] };
    expect(shown).toEqual(Object.fromEntries(report.promises.map((p) => [p.promise, p.status])));
  });

  it('filters by --audience and --channel', () => {
    const r = charter('--registry', 'examples/retail-bank', '--format', 'md', '--audience', 'all customers', '--channel', 'banking-app');
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^## .*/gm)).toEqual(['## For all customers']);
    expect(r.stdout.match(/^- \*\*/gm)).toHaveLength(1);
    expect(r.stdout).toContain('Ask for a callback');
  });

  it('writes --out atomically, and nothing on stdout', () => {
    const out = join(tempDir(), 'charter.html');
    const r = charter('--registry', 'examples/retail-bank', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, 'utf8')).toBe(golden('retail-bank.html'));
  });

  it.each([
    [['--audience', 'all customer'], '--audience all customer', 'did you mean "all customers"?'],
    [['--channel', 'webside'], '--channel webside', 'did you mean "website"?'],
    [['--with-results', '2026-Q5'], '--with-results 2026-Q5: not a period name', 'hint: write e.g.'],
    [['--with-results', '2027-Q1'], '--with-results 2027-Q1: the period has not started', 'hint:'],
    [['--format', 'pdf'], 'unknown format "pdf"', 'use one of html, md'],
  ])('%j is a usage error: exit 2, one message and a hint, nothing on stdout', (args, message, hint) => {
    const r = charter('--registry', 'examples/retail-bank', ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`promise: ${message}`);
    expect(r.stderr).toContain(hint);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on a registry with errors', () => {
    const r = charter('--registry', 'test/fixtures/registry/broken');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('escapes hostile registry text in HTML and Markdown, and on stderr', () => {
    const dir = hostileRegistry();
    const html = charter('--registry', dir, '--with-results', '2026-Q3');
    expect(html.code, html.stderr).toBe(0);
    expect(html.stdout).not.toMatch(/<script|<i>|<b>|<a /);
    expect(html.stdout).toContain('We reply &lt;script&gt;alert(1)&lt;/script&gt; within 24 hours \uFFFD[2J\u202e &amp; more.');
    expect(html.stdout).toContain('<h2>For &lt;i&gt;everyone&lt;/i&gt;</h2>');
    expect(html.stdout).toContain('data-status="broken"');
    expect(html.stdout).not.toContain('polite');
    expect(html.stderr).toBe('promise: charter leaves out promise "polite": no standard measures it (promise check: unmeasured-promise)\n');
    const md = charter('--registry', dir, '--format', 'md');
    expect(md.stdout).not.toMatch(/<script|<i>|<b>|<a |\u001b|\u202e/);
    expect(md.stdout).toContain('We reply &lt;script>alert(1)&lt;/script> within 24 hours \\\\x1b[2J\\\\u202e & more.');
  });

  it('is listed in the help, with examples', () => {
    expect(promise(['--help']).stdout).toMatch(/^ {2}charter /m);
    const help = promise(['charter', '--help']).stdout;
    for (const flag of ['--audience', '--channel', '--with-results', '--format', '--out', '--registry', '--as-of', '--log', '--no-color']) expect(help).toContain(flag);
    expect(help).toContain('$ promise charter --with-results 2026-Q3');
  });
});
