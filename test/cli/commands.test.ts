import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, promise, tempDir } from '../helpers/cli.js';

const golden = (name: string) => join(import.meta.dirname, '__golden__', name);
const WARNINGS = 'test/fixtures/registry/warnings-only';

describe('promise init', () => {
  it('writes a registry that passes check with no problems at all', () => {
    const dir = join(tempDir(), 'my-registry');
    const init = promise(['init', dir, '--timezone', 'Europe/Berlin', '--as-of', AS_OF, '--name', 'Acme Shop']);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('Created a registry in');
    const check = promise(['check', '--registry', dir, '--as-of', AS_OF]);
    expect(check.stdout).toBe('no problems in 6 files\n');
    expect(check.code).toBe(0);
    const list = JSON.parse(promise(['list', 'standards', '--registry', dir, '--format', 'json']).stdout) as { standards: { measure: { kind: string } }[] };
    expect(list.standards.map((s) => s.measure.kind)).toEqual(['duration', 'duration', 'average']);
  });

  it('writes the same bytes for the same --as-of and zone, and a sample log with open tickets', () => {
    const a = tempDir();
    const b = tempDir();
    for (const dir of [a, b]) promise(['init', dir, '--timezone', 'America/New_York', '--as-of', AS_OF, '--name', 'Same']);
    for (const file of ['promise.yaml', 'promises.yaml', 'calendars.yaml', 'logs/tickets-sample.csv']) {
      expect(readFileSync(join(a, file), 'utf8')).toBe(readFileSync(join(b, file), 'utf8'));
    }
    const rows = readFileSync(join(a, 'logs/tickets-sample.csv'), 'utf8').trimEnd().split('\n');
    expect(rows[0]).toBe('ticket_id,channel,priority,opened_at,first_response_at,resolved_at,csat,subject');
    expect(rows.length).toBeGreaterThan(200);
    expect(rows.some((r) => r.split(',')[5] === '')).toBe(true);
  });

  it('starts every YAML file with a schema line an editor follows', () => {
    const dir = tempDir();
    promise(['init', dir, '--timezone', 'UTC', '--as-of', AS_OF]);
    const first = readFileSync(join(dir, 'standards.yaml'), 'utf8').split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=./.promise/schemas/standards.schema.json');
    expect(JSON.parse(readFileSync(join(dir, '.promise/schemas/standards.schema.json'), 'utf8'))).toMatchObject({ type: 'object' });
  });

  it('never overwrites a file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'promise.yaml'), 'version: 1\nname: Mine\n');
    const r = promise(['init', dir, '--timezone', 'UTC']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('already holds promise.yaml');
    expect(readFileSync(join(dir, 'promise.yaml'), 'utf8')).toBe('version: 1\nname: Mine\n');
  });

  it('refuses a zone that is not an IANA zone', () => {
    const r = promise(['init', tempDir(), '--timezone', 'Europe/Berln']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean "Europe/Berlin"?');
  });
});

describe('promise list', () => {
  it.each([
    ['promises', 'table', 'list-promises.txt'],
    ['standards', 'table', 'list-standards.txt'],
    ['owners', 'table', 'list-owners.txt'],
    ['promises', 'json', 'list-promises.json'],
    ['standards', 'json', 'list-standards.json'],
    ['owners', 'json', 'list-owners.json'],
  ])('%s as %s', async (what, format, file) => {
    const r = promise(['list', what, '--registry', WARNINGS, '--format', format]);
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(golden(file));
  });

  it('lists promises by default', () => {
    expect(promise(['list', '--registry', WARNINGS]).stdout).toBe(promise(['list', 'promises', '--registry', WARNINGS]).stdout);
  });

  it('refuses an unknown kind, and a registry with errors', () => {
    const kind = promise(['list', 'teams', '--registry', WARNINGS]);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(/'teams' is invalid.*Allowed choices are promises, standards, owners, calendars, sources/);
    const broken = promise(['list', '--registry', 'test/fixtures/registry/broken']);
    expect(broken.code).toBe(2);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(/unknown-ref/);
    // list reads declarations only: the log header's unknown column, which check reports, does not count here
    expect(broken.stderr).not.toMatch(/unknown-column/);
    expect(broken.stderr).toMatch(/^promise: the registry has 6 errors; run `promise check` for details$/m);
  });
});

describe('promise rules', () => {
  it('lists every rule with its default severity', async () => {
    const r = promise(['rules']);
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(golden('rules.txt'));
    const body = JSON.parse(promise(['rules', '--format', 'json']).stdout) as { rules: { id: string; default_severity: string }[] };
    expect(body.rules.find((x) => x.id === 'statement-mismatch')?.default_severity).toBe('warning');
    expect(body.rules).toHaveLength(15);
  });
});

describe('help and version', () => {
  it('--help exits 0 and names every command', () => {
    const r = promise(['--help']);
    expect(r.code).toBe(0);
    for (const cmd of ['init', 'check', 'list', 'rules']) expect(r.stdout).toContain(cmd);
  });

  it('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(promise(['--version']).stdout.trim()).toBe(pkg.version);
  });

  it('no command is a usage error', () => {
    const r = promise([]);
    expect(r.code).toBe(2);
  });
});

describe('list and sql read declarations only', () => {
  it('open no log file: a log whose header lacks the columns does not stop them, as it stops check', () => {
    const dir = tempDir();
    promise(['init', dir, '--timezone', 'UTC', '--as-of', AS_OF]);
    writeFileSync(join(dir, 'logs/tickets-sample.csv'), 'something,else\n1,2\n');
    const check = promise(['check', '--registry', dir, '--as-of', AS_OF]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('unknown-column');
    const list = promise(['list', 'standards', '--registry', dir, '--format', 'json']);
    expect({ code: list.code, stderr: list.stderr }).toEqual({ code: 0, stderr: '' });
    expect((JSON.parse(list.stdout) as { standards: unknown[] }).standards).toHaveLength(3);
    const sql = promise(['sql', '--registry', dir, '--dialect', 'postgres', '--as-of', AS_OF]);
    expect({ code: sql.code, stderr: sql.stderr }).toEqual({ code: 0, stderr: '' });
    expect(sql.stdout).toMatch(/^SELECT|WITH/m);
  });
});
