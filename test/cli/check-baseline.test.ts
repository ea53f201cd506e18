/** `promise check` with inline suppressions, --write-baseline and --baseline, run as a user would (SPEC §7). */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { promise, REPO, tempDir } from '../helpers/cli.js';

const WARNINGS = join(REPO, 'test/fixtures/registry/warnings-only');

/** A copy of the warnings-only registry: unused-calendar (6:9), stale-promise (17:16), unmeasured-promise (18:9). */
function registry(): { dir: string; file: (name: string) => string } {
  const dir = tempDir('promise-baseline-');
  cpSync(WARNINGS, join(dir, 'registry'), { recursive: true });
  return { dir, file: (name) => join(dir, 'registry', name) };
}

const check = (dir: string, ...args: string[]) => promise(['check', '--registry', 'registry', '--as-of', '2026-10-01', ...args], { cwd: dir });

type Body = { diagnostics: { rule: string; file: string; line: number }[]; summary: Record<string, number>; baseline?: { file: string; unmatched: { rule: string; id: string; count: number }[] } };
const json = (r: { stdout: string }) => JSON.parse(r.stdout) as Body;

describe('--write-baseline', () => {
  it('records the lint findings by rule, file and entity, sorted, and then reports them as suppressed', () => {
    const { dir } = registry();
    const r = check(dir, '--write-baseline', 'baseline.json', '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('promise: wrote 3 findings to the baseline baseline.json\n');
    expect(readFileSync(join(dir, 'baseline.json'), 'utf8')).toBe(
      [
        '{',
        '  "version": 1,',
        '  "findings": [',
        '    {"rule":"stale-promise","file":"registry.yaml","collection":"promises","id":"answer-fast","field":"review_by","count":1},',
        '    {"rule":"unmeasured-promise","file":"registry.yaml","collection":"promises","id":"tidy-offices","field":"","count":1},',
        '    {"rule":"unused-calendar","file":"registry.yaml","collection":"calendars","id":"spare","field":"","count":1}',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
    const body = json(r);
    expect(body.diagnostics).toEqual([]);
    expect(body.summary).toEqual({ errors: 0, warnings: 0, infos: 0, suppressed: 3 });
    expect(body.baseline).toEqual({ file: 'baseline.json', unmatched: [] });
  });

  it('is the same bytes on every run', () => {
    const { dir } = registry();
    check(dir, '--write-baseline', 'a.json');
    check(dir, '--write-baseline', 'b.json');
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe(readFileSync(join(dir, 'b.json'), 'utf8'));
  });

  it('never writes over a registry file, a log or the --out file, and not with --baseline', () => {
    const { dir, file } = registry();
    const before = readFileSync(file('registry.yaml'), 'utf8');
    for (const target of ['registry/registry.yaml', 'registry/logs/requests.csv']) {
      const r = check(dir, '--write-baseline', target);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^promise: --write-baseline registry\/.* is (the registry file|the log file)/);
    }
    expect(readFileSync(file('registry.yaml'), 'utf8')).toBe(before);
    expect(check(dir, '--write-baseline', 'x.json', '--out', 'x.json').code).toBe(2);
    expect(check(dir, '--write-baseline', 'x.json', '--baseline', 'x.json').code).toBe(2);
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
  });
});

describe('--baseline', () => {
  it('reports only new findings, and exits as if the recorded ones were not there', () => {
    const { dir, file } = registry();
    check(dir, '--write-baseline', 'baseline.json');
    writeFileSync(file('more.yaml'), 'owners:\n  - id: idle\n    name: Idle\n    kind: team\n');
    const r = check(dir, '--baseline', 'baseline.json', '--format', 'json', '--fail-on', 'info');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const body = json(r);
    expect(body.diagnostics.map((d) => `${d.rule} ${d.file}:${d.line}`)).toEqual(['unused-owner more.yaml:2']);
    expect(body.summary).toEqual({ errors: 0, warnings: 0, infos: 1, suppressed: 3 });
    expect(check(dir, '--baseline', 'baseline.json', '--fail-on', 'warning').code).toBe(0);
    expect(check(dir, '--fail-on', 'warning').code).toBe(1);
  });

  it('keeps a finding suppressed when lines are inserted above it', () => {
    const { dir, file } = registry();
    check(dir, '--write-baseline', 'baseline.json');
    const text = readFileSync(file('registry.yaml'), 'utf8');
    writeFileSync(file('registry.yaml'), `# the help desk's registry\n# reviewed quarterly\n\n${text.replace('promises:\n', 'promises:\n  # the promises we publish\n')}`);
    const r = check(dir, '--baseline', 'baseline.json', '--format', 'json');
    expect(json(r).diagnostics).toEqual([]);
    expect(json(r).summary.suppressed).toBe(3);
    expect(json(r).baseline?.unmatched).toEqual([]);
  });

  it('matches the same findings when a log file is added to a source', () => {
    const { dir, file } = registry();
    // the source's files is one CSV: a glob, so that a second file joins it
    writeFileSync(file('registry.yaml'), readFileSync(file('registry.yaml'), 'utf8').replace('files: logs/requests.csv', 'files: logs/*.csv'));
    check(dir, '--write-baseline', 'baseline.json');
    const written = readFileSync(join(dir, 'baseline.json'), 'utf8');
    cpSync(file('logs/requests.csv'), file('logs/requests-2.csv'));
    const r = check(dir, '--baseline', 'baseline.json', '--format', 'json');
    expect(json(r).diagnostics).toEqual([]);
    expect(json(r).baseline?.unmatched).toEqual([]);
    check(dir, '--write-baseline', 'again.json');
    expect(readFileSync(join(dir, 'again.json'), 'utf8')).toBe(written);
  });

  it('says which entries no longer match, on stderr and in json', () => {
    const { dir, file } = registry();
    check(dir, '--write-baseline', 'baseline.json');
    writeFileSync(file('registry.yaml'), readFileSync(file('registry.yaml'), 'utf8').replace('    review_by: 2026-01-31\n', ''));
    const r = check(dir, '--baseline', 'baseline.json', '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'promise: 1 entry of the baseline baseline.json no longer matches (fixed, or moved to another file); write it again with --write-baseline:\n  stale-promise  registry.yaml  promises answer-fast review_by\n',
    );
    expect(json(r).baseline?.unmatched).toEqual([{ rule: 'stale-promise', file: 'registry.yaml', collection: 'promises', id: 'answer-fast', field: 'review_by', count: 1 }]);
    expect(json(r).summary.suppressed).toBe(2);
  });

  it('shows the count of suppressed findings in the pretty summary and leaves them out of github', () => {
    const { dir } = registry();
    check(dir, '--write-baseline', 'baseline.json');
    expect(check(dir, '--baseline', 'baseline.json').stdout).toBe('no problems in 2 files; 3 suppressed\n');
    expect(check(dir, '--baseline', 'baseline.json', '--format', 'github').stdout).toBe('no problems in 2 files\n');
  });

  it('writes the suppressed findings to SARIF with an external suppression', () => {
    const { dir } = registry();
    check(dir, '--write-baseline', 'baseline.json');
    const sarif = JSON.parse(check(dir, '--baseline', 'baseline.json', '--format', 'sarif').stdout) as { runs: { results: { ruleId: string; suppressions: { kind: string }[] }[] }[] };
    expect(sarif.runs[0]?.results.map((r) => [r.ruleId, r.suppressions[0]?.kind])).toEqual([
      ['unused-calendar', 'external'],
      ['stale-promise', 'external'],
      ['unmeasured-promise', 'external'],
    ]);
  });

  it.each([
    ['missing', undefined, /^promise: --baseline nope\.json: cannot read it: /],
    ['not JSON', '{ nope', /^promise: --baseline nope\.json: it is not JSON/],
    ['of another version', '{"version": 2, "findings": []}', /^promise: --baseline nope\.json: it is not a baseline of version 1: version: /],
  ])('refuses a baseline file that is %s with exit 2 and one clear line', (_, content, message) => {
    const { dir } = registry();
    if (content !== undefined) writeFileSync(join(dir, 'nope.json'), content);
    const r = check(dir, '--baseline', 'nope.json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('hint: ');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('never suppresses an error finding: check still fails on it', () => {
    const { dir, file } = registry();
    writeFileSync(file('registry.yaml'), readFileSync(file('registry.yaml'), 'utf8').replace('owner: help-desk\n    review_by', 'owner: help-dsk\n    review_by'));
    const written = check(dir, '--write-baseline', 'baseline.json', '--format', 'json');
    expect(written.code).toBe(1);
    expect(json(written).diagnostics.map((d) => d.rule)).toEqual(['unknown-ref']);
    expect(readFileSync(join(dir, 'baseline.json'), 'utf8')).not.toContain('unknown-ref');
    expect(check(dir, '--baseline', 'baseline.json').code).toBe(1);
  });
});

describe('inline suppressions', () => {
  it('suppress the finding they name, count in the summary and leave the exit code alone', () => {
    const { dir, file } = registry();
    const text = readFileSync(file('registry.yaml'), 'utf8')
      .replace('  - id: spare\n', '  - id: spare # promise-ignore unused-calendar -- kept for the winter rota\n')
      .replace('  - id: tidy-offices\n', '  # promise-ignore unmeasured-promise -- measured by the facilities survey from Q1\n  - id: tidy-offices\n');
    writeFileSync(file('registry.yaml'), text);
    const r = check(dir, '--format', 'json', '--fail-on', 'info');
    expect(json(r).diagnostics.map((d) => d.rule)).toEqual(['stale-promise']);
    expect(json(r).summary).toEqual({ errors: 0, warnings: 1, infos: 0, suppressed: 2 });
    const sarif = JSON.parse(check(dir, '--format', 'sarif').stdout) as { runs: { results: { ruleId: string; suppressions?: { kind: string; justification: string }[] }[] }[] };
    expect(sarif.runs[0]?.results.filter((x) => x.suppressions !== undefined).map((x) => [x.ruleId, x.suppressions?.[0]])).toEqual([
      ['unused-calendar', { kind: 'inSource', justification: 'kept for the winter rota' }],
      ['unmeasured-promise', { kind: 'inSource', justification: 'measured by the facilities survey from Q1' }],
    ]);
  });

  it('a bad one is a bad-suppression warning that fails --fail-on warning', () => {
    const { dir, file } = registry();
    writeFileSync(file('registry.yaml'), readFileSync(file('registry.yaml'), 'utf8').replace('  - id: spare\n', '  - id: spare # promise-ignore unused-calendar\n'));
    const r = check(dir, '--format', 'json');
    expect(json(r).diagnostics.map((d) => `${d.rule} ${d.line}`)).toEqual(['unused-calendar 6', 'bad-suppression 6', 'stale-promise 17', 'unmeasured-promise 18']);
    expect(r.code).toBe(0);
    expect(check(dir, '--fail-on', 'warning').code).toBe(1);
  });
});
