/**
 * A log path that is not a regular file (a folder, a FIFO, a device, a link to nothing or in a
 * loop) is an unreadable-file error, through the registry's glob and through --log: exit 2 for
 * an evaluating command, so a `--fail-on` gate cannot stay green on "no data"; a located error
 * for check. Nothing is opened for a blocking read, so nothing hangs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { promise } from '../helpers/cli.js';
import { AS_OF, makeLayout, sources, type Layout } from './registry-fixture.js';

const run = (layout: Layout, args: string[]) => promise([...args, '--registry', layout.root, '--as-of', AS_OF], { cwd: layout.root, timeoutMs: 60_000 });

/** How to make the bad log, what it is then called, and the reason given. */
const BAD_LOGS: [string, (l: Layout) => void, string, string][] = [
  ['a FIFO', (l) => execFileSync('mkfifo', [join(l.root, 'logs', 'pipe.csv')]), 'logs/pipe.csv', 'it is a named pipe (FIFO), not a file'],
  ['a link to nothing', (l) => symlinkSync('gone.csv', join(l.root, 'logs', 'dangling.csv')), 'logs/dangling.csv', 'it is a link that leads to nothing'],
  ['a link that loops', (l) => symlinkSync('loop.csv', join(l.root, 'logs', 'loop.csv')), 'logs/loop.csv', 'it is a link that loops back on itself'],
  [
    'a folder named by the source',
    (l) => {
      writeFileSync(join(l.root, 'sources.yaml'), sources('logs'));
    },
    'logs',
    'it is a folder, not a file',
  ],
  [
    'a link to /dev/zero named by the source',
    (l) => {
      writeFileSync(join(l.root, 'sources.yaml'), sources('logs/zero.csv'));
      symlinkSync('/dev/zero', join(l.root, 'logs', 'zero.csv'));
    },
    'logs/zero.csv',
    // a link to a device is a link outside the registry before it is a device
    'leads outside the registry',
  ],
];

describe('through the registry: check says where, evaluating commands exit 2', () => {
  it.each(BAD_LOGS)('%s', (_, make, file, reason) => {
    const layout = makeLayout();
    make(layout);
    const check = run(layout, ['check', '--format', 'json']);
    expect(check.code).toBe(1);
    const { diagnostics } = JSON.parse(check.stdout) as { diagnostics: { rule: string; file: string; line: number; column: number; message: string }[] };
    const found = diagnostics.filter((d) => d.rule === 'unreadable-file');
    expect(found.map((d) => `${d.file}:${d.line}:${d.column}`)).toEqual(['sources.yaml:3:12']);
    expect(found[0]?.message).toContain(file);
    expect(found[0]?.message).toContain(reason);
    for (const command of ['breaches', 'gaps', 'report']) {
      const r = run(layout, [command, '--fail-on', 'missed']);
      expect({ command, code: r.code }).toEqual({ command, code: 2 });
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(new RegExp(`unreadable-file {2}source "tickets": .*${file.replace(/[.*]/g, '\\$&')}.*${reason.replace(/[()]/g, '\\$&')}`));
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('through --log: the same', () => {
  it.each([
    ['a folder', (l: Layout) => join(l.outside), 'it is a folder, not a file'],
    ['a folder, with a trailing slash', (l: Layout) => `${l.outside}/`, 'it is a folder, not a file'],
    ['/dev/zero', () => '/dev/zero', 'it is a device, not a file'],
    [
      'a FIFO',
      (l: Layout) => {
        execFileSync('mkfifo', [join(l.outside, 'pipe.csv')]);
        return join(l.outside, 'pipe.csv');
      },
      'it is a named pipe (FIFO), not a file',
    ],
    [
      'a FIFO a glob finds',
      (l: Layout) => {
        mkdirSync(join(l.outside, 'exports'));
        execFileSync('mkfifo', [join(l.outside, 'exports', 'pipe.csv')]);
        return join(l.outside, 'exports', '*.csv');
      },
      'it is a named pipe (FIFO), not a file',
    ],
    [
      'a link to nothing',
      (l: Layout) => {
        symlinkSync('gone.csv', join(l.outside, 'dangling.csv'));
        return join(l.outside, 'dangling.csv');
      },
      'it is a link that leads to nothing',
    ],
    [
      'a link that loops',
      (l: Layout) => {
        symlinkSync('loop.csv', join(l.outside, 'loop.csv'));
        return join(l.outside, 'loop.csv');
      },
      'it is a link that loops back on itself',
    ],
  ])('%s', (_, make, reason) => {
    const layout = makeLayout();
    const path = make(layout);
    for (const command of ['breaches', 'gaps']) {
      const r = run(layout, [command, '--fail-on', 'missed', '--log', `tickets=${path}`]);
      expect({ command, code: r.code }).toEqual({ command, code: 2 });
      expect(r.stderr).toContain(reason);
    }
    expect(run(layout, ['check', '--log', `tickets=${path}`]).code).toBe(1);
  });
});
