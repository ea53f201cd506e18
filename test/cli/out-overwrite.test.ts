/**
 * `--out FILE` never replaces a file the command reads: a registry file (promise.yaml too) or a
 * log, however the path is spelled or linked. Exit 2, a clear message, the file unchanged to
 * the byte, nothing else written.
 */
import { execFileSync, spawn } from 'node:child_process';
import { linkSync, lstatSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { devNull } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, fingerprint, promise } from '../helpers/cli.js';
import { AS_OF, makeLayout, type Layout } from './registry-fixture.js';

const GIT_ENV = { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: devNull, GIT_AUTHOR_DATE: '2026-10-01T12:00:00Z', GIT_COMMITTER_DATE: '2026-10-01T12:00:00Z', LC_ALL: 'C' };
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });

/** The layout as a git repository with one commit, so that `diff HEAD` runs too. */
function committed(): Layout {
  const layout = makeLayout();
  git(layout.root, 'init', '--quiet', '--initial-branch=main');
  git(layout.root, 'config', 'user.name', 'Registry Tests');
  git(layout.root, 'config', 'user.email', 'registry-tests@example.com');
  git(layout.root, 'config', 'commit.gpgsign', 'false');
  git(layout.root, 'add', '--all');
  git(layout.root, 'commit', '--quiet', '--message', 'registry');
  return layout;
}

const COMMANDS: string[][] = [['check'], ['list'], ['breaches'], ['gaps'], ['report'], ['diff', 'HEAD']];

function refuses(layout: Layout, command: string[], out: string, protectedFile: string, extra: string[] = []): void {
  const before = readFileSync(protectedFile);
  const files = fingerprint(layout.base);
  // list reads declarations only, so it takes no --as-of
  const asOf = command[0] === 'list' ? [] : ['--as-of', AS_OF];
  const r = promise([...command, '--registry', layout.root, ...asOf, '--out', out, ...extra], { cwd: layout.root });
  expect({ command: command[0], out, code: r.code }).toEqual({ command: command[0], out, code: 2 });
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(new RegExp(`^promise: --out ${out.replace(/[.*/]/g, '\\$&')} is (the registry file|the log file) `));
  expect(r.stderr).toContain('the report would replace it, so nothing was written');
  expect(readFileSync(protectedFile).equals(before)).toBe(true);
  // nothing else written either: no report, no temporary file left
  expect(fingerprint(layout.base)).toEqual(files);
}

describe('--out never replaces a file the command reads', () => {
  it.each(COMMANDS)('%s refuses a log, promise.yaml and another registry file', (...command) => {
    const layout = committed();
    refuses(layout, command, 'logs/tickets.csv', join(layout.root, 'logs', 'tickets.csv'));
    refuses(layout, command, 'promise.yaml', join(layout.root, 'promise.yaml'));
    refuses(layout, command, 'registry.yaml', join(layout.root, 'registry.yaml'));
  });

  it('however the path is spelled: another spelling, an absolute path, a link, a hard link', () => {
    const layout = committed();
    const log = join(layout.root, 'logs', 'tickets.csv');
    refuses(layout, ['gaps'], './logs/../logs//tickets.csv', log);
    refuses(layout, ['breaches'], log, log);
    symlinkSync(log, join(layout.outside, 'link.csv'));
    refuses(layout, ['gaps'], '../outside/link.csv', log);
    linkSync(join(layout.root, 'sources.yaml'), join(layout.outside, 'hard.yaml'));
    refuses(layout, ['check'], '../outside/hard.yaml', join(layout.root, 'sources.yaml'));
    symlinkSync('tickets.csv', join(layout.root, 'logs', 'current.csv'));
    refuses(layout, ['report'], 'logs/current.csv', log);
  });

  it('a log given with --log is protected too, wherever it is', () => {
    const layout = committed();
    const log = join(layout.outside, 'secret.csv');
    refuses(layout, ['breaches'], '../outside/secret.csv', log, ['--log', 'tickets=../outside/secret.csv']);
  });

  it('writes any other file, inside the registry folder or not', () => {
    const layout = committed();
    for (const out of ['gaps.md', join(layout.outside, 'gaps.csv')]) {
      const r = promise(['gaps', '--registry', layout.root, '--as-of', AS_OF, '--out', out], { cwd: layout.root });
      expect(r.code).toBe(0);
    }
    expect(readdirSync(layout.root)).toContain('gaps.md');
    expect(readdirSync(layout.outside)).toContain('gaps.csv');
  });

  it('writes into a pipe in place (as into /dev/null or /dev/stdout), never renaming a file over it', async () => {
    const layout = makeLayout();
    const fifo = join(layout.outside, 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    const args = ['gaps', '--registry', layout.root, '--as-of', AS_OF, '--format', 'json'];
    const child = spawn(process.execPath, [BIN, ...args, '--out', fifo], { cwd: layout.root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [text, code] = await Promise.all([readFile(fifo, 'utf8'), new Promise((done) => child.on('close', done))]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(text).toBe(promise(args, { cwd: layout.root }).stdout);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });
});
