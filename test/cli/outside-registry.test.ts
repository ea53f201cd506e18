/**
 * Nothing outside the registry is read (docs/security.md): a pull request may change every file
 * of the registry, links included, and the CI job then prints what the tool read into its log
 * and annotations. Each way out is a located unreadable-file error, and the secret beside the
 * registry never appears in any output, whatever the format.
 */
import { execFileSync } from 'node:child_process';
import { devNull } from 'node:os';
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { promise } from '../helpers/cli.js';
import { AS_OF, makeLayout, SECRET_ENV, sources, type Layout } from './registry-fixture.js';

interface Diagnostic {
  rule: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  message: string;
}

const run = (layout: Layout, args: string[]) => promise([...args, '--registry', layout.root, '--as-of', AS_OF], { cwd: layout.root, env: { [SECRET_ENV]: layout.secret }, timeoutMs: 60_000 });

/** Each way out of the registry, and where check points at it. */
const WAYS_OUT: [string, (l: Layout) => void, string][] = [
  ['a glob into a parent folder', (l) => writeFileSync(join(l.root, 'sources.yaml'), sources('../outside/*.csv')), 'sources.yaml:3:12'],
  ['an absolute path to a file outside', (l) => writeFileSync(join(l.root, 'sources.yaml'), sources(JSON.stringify(join(l.outside, 'secret.csv')))), 'sources.yaml:3:12'],
  ['the environment of the process', (l) => writeFileSync(join(l.root, 'sources.yaml'), sources('/proc/self/environ')), 'sources.yaml:3:12'],
  ['`..` inside braces', (l) => writeFileSync(join(l.root, 'sources.yaml'), sources('"{..,logs}/outside/*.csv"')), 'sources.yaml:3:12'],
  ['`..` in the middle of a glob', (l) => writeFileSync(join(l.root, 'sources.yaml'), sources('logs/../../outside/*.csv')), 'sources.yaml:3:12'],
  ['a log that is a link to a file outside', (l) => symlinkSync('../../outside/secret.csv', join(l.root, 'logs', 'evil.csv')), 'sources.yaml:3:12'],
  ['a log that is a link to the environment', (l) => symlinkSync('/proc/self/environ', join(l.root, 'logs', 'env.csv')), 'sources.yaml:3:12'],
  [
    'a logs folder link to a folder outside',
    (l) => {
      writeFileSync(join(l.root, 'sources.yaml'), sources('exports/*.csv'));
      symlinkSync('../outside', join(l.root, 'exports'));
    },
    'exports:1:1',
  ],
  [
    'a folder link inside the logs, searched by **',
    (l) => {
      writeFileSync(join(l.root, 'sources.yaml'), sources('logs/**/*.csv'));
      symlinkSync('../../outside', join(l.root, 'logs', 'ext'));
    },
    'logs/ext:1:1',
  ],
  ['a registry file that is a link to a file outside', (l) => symlinkSync('../outside/secret.yaml', join(l.root, 'owners.yaml')), 'owners.yaml:1:1'],
  ['a registry file that is an absolute link outside', (l) => symlinkSync(join(l.outside, 'secret.yaml'), join(l.root, 'abs.yaml')), 'abs.yaml:1:1'],
  ['a registry folder link to a folder outside', (l) => symlinkSync('../outside', join(l.root, 'more')), 'more:1:1'],
  [
    'promise.yaml as a link to a file outside',
    (l) => {
      rmSync(join(l.root, 'promise.yaml'));
      symlinkSync('../outside/promise.yaml', join(l.root, 'promise.yaml'));
    },
    'promise.yaml:1:1',
  ],
];

const CHECK_FORMATS = ['pretty', 'github', 'junit', 'sarif'];
const EVALUATING: [string, string][] = [
  ['breaches', 'table'],
  ['breaches', 'json'],
  ['breaches', 'ndjson'],
  ['breaches', 'csv'],
  ['gaps', 'table'],
  ['gaps', 'json'],
  ['gaps', 'csv'],
  ['gaps', 'md'],
  ['report', 'html'],
  ['report', 'md'],
  ['report', 'json'],
];

describe('each way out is a located unreadable-file error; the secret never appears in any output', () => {
  it.each(WAYS_OUT.map((w, i) => [...w, i] as const))('%s', (_, make, at, i) => {
    const layout = makeLayout();
    make(layout);
    const r = run(layout, ['check', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: Diagnostic[] };
    const refused = diagnostics.filter((d) => d.rule === 'unreadable-file' && d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column}`);
    expect(refused).toContain(at);
    expect(r.stdout).not.toContain(layout.secret);
    for (const format of CHECK_FORMATS) {
      const c = run(layout, ['check', '--format', format]);
      expect({ format, code: c.code }).toEqual({ format, code: 1 });
      expect(c.stdout + c.stderr).not.toContain(layout.secret);
    }
    // an evaluating command stops before any format is written: one of them, in turn, per case
    const [command, format] = EVALUATING[i % EVALUATING.length] as [string, string];
    const e = run(layout, [command, '--format', format]);
    expect({ command, code: e.code }).toEqual({ command, code: 2 });
    expect(e.stdout + e.stderr).not.toContain(layout.secret);
    expect(e.stderr).toMatch(/error {2}unreadable-file {2}/);
  });

  it.each(EVALUATING)('%s --format %s exits 2 and says why', (command, format) => {
    const layout = makeLayout();
    symlinkSync('../../outside/secret.csv', join(layout.root, 'logs', 'evil.csv'));
    const r = run(layout, [command, '--format', format]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toContain(layout.secret);
    expect(r.stderr).toContain('sources.yaml:3:12  error  unreadable-file  source "tickets": logs/evil.csv leads outside the registry (through a link); it was not read');
  });

  it('the fixture holds the secret where it would show: read through --log, it does', () => {
    const layout = makeLayout();
    const r = run(layout, ['breaches', '--format', 'json', '--log', 'tickets=../outside/secret.csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(layout.secret);
  });
});

describe('--log is the user\'s own choice and may point anywhere', () => {
  it.each([
    ['a relative path', '../outside/secret.csv'],
    ['a glob', '../outside/*.csv'],
  ])('%s', (_, path) => {
    const layout = makeLayout();
    const r = run(layout, ['gaps', '--format', 'json', '--log', `tickets=${path}`]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { sources: { rows: number }[] }).sources[0]?.rows).toBe(1);
  });

  it('an absolute path', () => {
    const layout = makeLayout();
    const r = run(layout, ['gaps', '--format', 'json', '--log', `tickets=${join(layout.outside, 'secret.csv')}`]);
    expect(r.code).toBe(0);
  });
});

describe('diff: the impact reads no log outside the registry', () => {
  const GIT_ENV = { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: devNull, GIT_AUTHOR_DATE: '2026-10-01T12:00:00Z', GIT_COMMITTER_DATE: '2026-10-01T12:00:00Z', LC_ALL: 'C' };
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
  function repository(layout: Layout): void {
    git(layout.root, 'init', '--quiet', '--initial-branch=main');
    git(layout.root, 'config', 'user.name', 'Registry Tests');
    git(layout.root, 'config', 'user.email', 'registry-tests@example.com');
    git(layout.root, 'config', 'commit.gpgsign', 'false');
  }
  const commit = (layout: Layout) => {
    git(layout.root, 'add', '--all');
    git(layout.root, 'commit', '--quiet', '--message', 'registry');
  };

  it('a source the working tree removed reads its old glob, which leads outside: exit 2, located at the revision', () => {
    const layout = makeLayout();
    repository(layout);
    writeFileSync(
      join(layout.root, 'legacy.yaml'),
      `sources:\n  - id: legacy\n    files: ../outside/*.csv\n    key: ticket_id\nstandards:\n  - id: legacy-reply\n    promise: reply-fast\n    source: legacy\n    measure: { kind: duration, from: opened_at, to: replied_at, within: 1h }\n    target: 90%\n    period: month\n`,
    );
    commit(layout);
    rmSync(join(layout.root, 'legacy.yaml'));
    for (const format of ['pretty', 'json', 'md']) {
      const r = run(layout, ['diff', 'HEAD', '--format', format]);
      expect(r.code).toBe(2);
      expect(r.stdout + r.stderr).not.toContain(layout.secret);
      expect(r.stderr).toMatch(/HEAD:legacy\.yaml:3:12 {2}error {2}unreadable-file {2}source "legacy": files "\.\.\/outside\/\*\.csv" names paths outside the registry/);
    }
  });

  it('a log of the working tree that is a link outside: exit 2', () => {
    const layout = makeLayout();
    repository(layout);
    commit(layout);
    const registry = join(layout.root, 'registry.yaml');
    writeFileSync(registry, readFileSync(registry, 'utf8').replace('target: 90%', 'target: 95%'));
    symlinkSync('../../outside/secret.csv', join(layout.root, 'logs', 'evil.csv'));
    const r = run(layout, ['diff', 'HEAD', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).not.toContain(layout.secret);
  });
});
