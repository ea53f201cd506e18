import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, fingerprint, promise, REPO, tempDir } from '../helpers/cli.js';

const BROKEN = 'test/fixtures/registry/broken';
const WARNINGS = 'test/fixtures/registry/warnings-only';
const golden = (name: string) => join(import.meta.dirname, '__golden__', name);
const check = (registry: string, ...args: string[]) => promise(['check', '--registry', registry, '--as-of', '2026-10-01', ...args]);

describe('promise check: every format, golden', () => {
  it.each([
    ['pretty', 'broken.pretty.txt'],
    ['json', 'broken.json'],
    ['github', 'broken.github.txt'],
    ['junit', 'broken.junit.xml'],
    ['sarif', 'broken.sarif'],
    ['gitlab', 'broken.gitlab.json'],
  ])('--format %s', async (format, file) => {
    const r = check(BROKEN, '--format', format);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    await expect(r.stdout).toMatchFileSnapshot(golden(file));
  });

  it('reports every problem at once, sorted, with rule and location', () => {
    const body = JSON.parse(check(BROKEN, '--format', 'json').stdout) as { diagnostics: { rule: string; file: string; line: number; column: number }[]; summary: Record<string, number> };
    expect(body.summary).toEqual({ errors: 7, warnings: 4, infos: 1 });
    expect(new Set(body.diagnostics.map((d) => d.rule))).toEqual(
      new Set(['unused-owner', 'duplicate-id', 'unused-calendar', 'statement-mismatch', 'stale-promise', 'unmeasured-promise', 'unknown-ref', 'unknown-column', 'schema', 'yaml-syntax']),
    );
    const keys = body.diagnostics.map((d) => `${d.file}:${String(d.line).padStart(4, '0')}:${String(d.column).padStart(4, '0')}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('is the same bytes on every run', () => {
    expect(check(BROKEN, '--format', 'sarif').stdout).toBe(check(BROKEN, '--format', 'sarif').stdout);
  });
});

describe('exit codes, --fail-on and --max-warnings', () => {
  it('exits 0 with only warnings and infos by default', () => {
    const r = check(WARNINGS);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('3 problems: 2 warnings, 1 info');
  });

  it.each([
    [['--fail-on', 'warning'], 1],
    [['--fail-on', 'info'], 1],
    [['--fail-on', 'error'], 0],
    [['--max-warnings', '2'], 0],
    [['--max-warnings', '1'], 1],
    [['--max-warnings', '0'], 1],
  ])('%j exits %i', (args, code) => {
    expect(check(WARNINGS, ...args).code).toBe(code);
  });

  it('refuses a bad flag value with exit 2', () => {
    const bad = [
      check(WARNINGS, '--fail-on', 'fatal'),
      check(WARNINGS, '--max-warnings', 'some'),
      check(WARNINGS, '--format', 'xml'),
      promise(['check', '--registry', WARNINGS, '--as-of', 'yesterday']),
      promise(['check', '--registry', WARNINGS, '--log', 'nonsense']),
      promise(['chek']),
    ];
    for (const r of bad) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^promise: /m);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(bad[2]?.stderr).toContain('unknown format "xml"');
    expect(bad[5]?.stderr).toContain("Did you mean check?");
  });

  it('an unknown source in --log is a usage error with a suggestion', () => {
    const r = check(WARNINGS, '--log', 'request=other.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean "requests"?');
  });
});

describe('finding the registry', () => {
  it('walks up from the working folder to promise.yaml', () => {
    const r = promise(['check', '--as-of', '2026-10-01'], { cwd: join(REPO, WARNINGS, 'logs') });
    expect(r.code).toBe(0);
    // Paths are printed relative to where the user stands.
    expect(r.stdout).toContain('../registry.yaml:17:16');
  });

  it('explains a missing folder, a file given as folder, and a folder without promise.yaml', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'x');
    const cases = [
      [promise(['check', '--registry', join(dir, 'nope')]), /does not exist/],
      [promise(['check', '--registry', join(dir, 'notes.txt')]), /is not a folder/],
      [promise(['check', '--registry', dir]), /there is no promise\.yaml/],
      [promise(['check'], { cwd: dir }), /no promise\.yaml found/],
    ] as const;
    for (const [r, message] of cases) {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/^hint: /m);
    }
  });
});

describe('bad input never crashes', () => {
  const registry = () => {
    const dir = tempDir();
    cpSync(join(REPO, WARNINGS), dir, { recursive: true });
    return dir;
  };

  it('an empty registry: promise.yaml only', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'promise.yaml'), 'version: 1\nname: Empty\n');
    const r = check(dir, '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ diagnostics: [{ rule: 'empty-registry', file: 'promise.yaml', line: 1, column: 1 }] });
  });

  it('an empty promise.yaml', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'promise.yaml'), '');
    const r = check(dir, '--format', 'json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ diagnostics: [{ rule: 'schema', file: 'promise.yaml' }] });
  });

  it.each([
    ['a binary file named .yaml', (dir: string) => writeFileSync(join(dir, 'logo.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])), 'unreadable-file', 'logo.yaml'],
    ['a file that is too large', (dir: string) => writeFileSync(join(dir, 'huge.yaml'), `# ${'x'.repeat(9 * 1024 * 1024)}\n`), 'unreadable-file', 'huge.yaml'],
    ['a file that is a list', (dir: string) => writeFileSync(join(dir, 'list.yaml'), '- a\n- b\n'), 'schema', 'list.yaml'],
    ['a file that is a scalar', (dir: string) => writeFileSync(join(dir, 'scalar.yaml'), 'hello\n'), 'schema', 'scalar.yaml'],
    ['duplicate keys', (dir: string) => writeFileSync(join(dir, 'dup.yaml'), 'owners: []\nowners: []\n'), 'yaml-syntax', 'dup.yaml'],
    ['a syntax error', (dir: string) => writeFileSync(join(dir, 'bad.yaml'), 'owners: [\n'), 'yaml-syntax', 'bad.yaml'],
    ['an alias bomb', (dir: string) => writeFileSync(join(dir, 'bomb.yaml'), 'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n'), 'yaml-syntax', 'bomb.yaml'],
    ['a broken link', (dir: string) => symlinkSync(join(dir, 'missing.yaml'), join(dir, 'link.yaml')), 'unreadable-file', 'link.yaml'],
    ['a folder link that loops', (dir: string) => { mkdirSync(join(dir, 'sub')); symlinkSync(dir, join(dir, 'sub', 'loop')); }, 'unreadable-file', 'sub/loop'],
    ['a link that points at itself', (dir: string) => symlinkSync(join(dir, 'self.yaml'), join(dir, 'self.yaml')), 'unreadable-file', 'self.yaml'],
    ['an unknown field', (dir: string) => writeFileSync(join(dir, 'o.yaml'), 'owners:\n  - id: x\n    name: X\n    kind: team\n    phone: 123\n'), 'schema', 'o.yaml'],
    ['an id that breaks the pattern', (dir: string) => writeFileSync(join(dir, 'o.yaml'), 'owners:\n  - id: Team X\n    name: X\n    kind: team\n'), 'schema', 'o.yaml'],
    ['a bad timezone', (dir: string) => writeFileSync(join(dir, 'c.yaml'), 'calendars:\n  - id: c\n    timezone: Berlin/Europe\n    hours: { daily: "09:00-17:00" }\n'), 'schema', 'c.yaml'],
  ])('%s', (_, make, rule, file) => {
    const dir = registry();
    make(dir);
    const r = check(dir, '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const body = JSON.parse(r.stdout) as { diagnostics: { rule: string; file: string; line: number; column: number; severity: string }[] };
    const found = body.diagnostics.filter((d) => d.severity === 'error');
    expect(found.map((d) => `${d.rule} ${d.file}`)).toEqual([`${rule} ${file}`]);
    expect(found[0]?.line).toBeGreaterThanOrEqual(1);
    expect(found[0]?.column).toBeGreaterThanOrEqual(1);
  });

  it('missing logs are an info, and --log points a source elsewhere', () => {
    const dir = registry();
    rmSync(join(dir, 'logs'), { recursive: true });
    const missing = JSON.parse(check(dir, '--format', 'json').stdout) as { diagnostics: { rule: string; message: string }[] };
    expect(missing.diagnostics.find((d) => d.rule === 'missing-log')?.message).toContain('no log file matches logs/requests.csv');
    writeFileSync(join(dir, 'elsewhere.csv'), 'id,created,answerd\n');
    const r = promise(['check', '--registry', dir, '--as-of', '2026-10-01', '--log', 'requests=elsewhere.csv', '--format', 'json'], { cwd: dir });
    const body = JSON.parse(r.stdout) as { diagnostics: { rule: string; hint: string }[] };
    expect(body.diagnostics.find((d) => d.rule === 'unknown-column')?.hint).toBe('did you mean "answerd"?');
    expect(r.code).toBe(1);
  });

  it('an empty log file is an info, not a crash', () => {
    const dir = registry();
    writeFileSync(join(dir, 'logs', 'requests.csv'), '');
    const r = check(dir, '--format', 'json');
    const body = JSON.parse(r.stdout) as { diagnostics: { rule: string; message: string }[] };
    expect(body.diagnostics.find((d) => d.rule === 'missing-log')?.message).toMatch(/empty/);
  });

  it('hidden folders, hidden files and node_modules are not registry files', () => {
    const dir = registry();
    mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
    writeFileSync(join(dir, '.github', 'workflows', 'ci.yml'), 'on: push\n');
    writeFileSync(join(dir, '.gitlab-ci.yml'), 'stages: [test]\n');
    mkdirSync(join(dir, 'node_modules', 'x'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'x', 'y.yaml'), 'a: 1\n');
    expect(check(dir).code).toBe(0);
  });

  it('never writes into the registry', () => {
    const dir = registry();
    const before = fingerprint(dir);
    for (const format of ['pretty', 'json', 'github', 'junit', 'sarif', 'gitlab']) check(dir, '--format', format);
    promise(['list', 'standards', '--registry', dir]);
    expect(fingerprint(dir)).toEqual(before);
  });
});

describe('output', () => {
  it('--out writes the report to a file and nothing to stdout', () => {
    const dir = tempDir();
    const out = join(dir, 'reports', 'check.sarif');
    const r = check(WARNINGS, '--format', 'sarif', '--out', out);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ version: '2.1.0' });
    expect(existsSync(join(dir, 'reports'))).toBe(true);
  });

  it('appends a Markdown summary to GITHUB_STEP_SUMMARY with --format github', () => {
    const dir = tempDir();
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    const r = promise(['check', '--registry', WARNINGS, '--as-of', '2026-10-01', '--format', 'github'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(0);
    const md = readFileSync(summary, 'utf8');
    expect(md.startsWith('# earlier step\n### promise check: 3 problems: 2 warnings, 1 info')).toBe(true);
    expect(r.stdout).toMatch(/^::warning file=test\/fixtures\/registry\/warnings-only\/registry\.yaml,line=17,col=16,/m);
  });

  it('colours only on request, and never with NO_COLOR or --no-color', () => {
    expect(check(WARNINGS).stdout).not.toMatch(/\u001b\[/);
    const forced = promise(['check', '--registry', WARNINGS, '--as-of', '2026-10-01'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(/\u001b\[/);
    const off = promise(['check', '--registry', WARNINGS, '--as-of', '2026-10-01', '--no-color'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(off.stdout).not.toMatch(/\u001b\[/);
  });
});

describe('the as-of date decides what is stale', () => {
  it('stale-promise follows --as-of', () => {
    expect(check(WARNINGS, '--format', 'json').stdout).toContain('stale-promise');
    const early = promise(['check', '--registry', WARNINGS, '--as-of', '2026-01-31T23:00:00-05:00', '--format', 'json']);
    expect(early.stdout).not.toContain('stale-promise');
  });

  it('uses AS_OF-style instants', () => {
    expect(promise(['check', '--registry', WARNINGS, '--as-of', AS_OF]).code).toBe(0);
  });
});
